package dev.safejdbc.clients.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.SafeJdbc;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.it.TestDatabases;
import dev.safejdbc.junit.SafeJdbcTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway 13 on SQLite, a file and a shared in-memory database, through SafeDataSource and jdbc:safe:. */
@SafeJdbcTest
class FlywaySqliteTest {
    @TempDir
    Path directory;

    @Test
    void migrateInfoValidateOnAFileThroughSafeDataSource() throws Exception {
        Path file = directory.resolve("flyway.db");
        try (HikariDataSource pool = Pools.hikari("jdbc:sqlite:" + file, 4, 2000)) {
            assertMigrates(SafeDataSource.wrap(pool));
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void migrateInfoValidateOnASharedInMemoryDatabaseThroughAPoolOverTheSafeUrl() throws Exception {
        String url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("flyway") + "?mode=memory";
        try (HikariDataSource pool = Pools.hikari(url, 4, 2000)) {
            assertMigrates(pool);
        } finally {
            SafeJdbc.drop(url);
        }
    }

    private static void assertMigrates(DataSource dataSource) throws SQLException {
        Migrations.assertMigrates(Flyway.configure().locations("classpath:db/migration").dataSource(dataSource).load(),
                dataSource, "orders");
    }
}

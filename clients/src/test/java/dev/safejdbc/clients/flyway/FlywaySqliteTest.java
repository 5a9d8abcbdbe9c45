package dev.safejdbc.clients.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.TestDatabases;
import dev.safejdbc.junit.SafeJdbcTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
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
        try (HikariDataSource pool = pool("jdbc:sqlite:" + file)) {
            assertMigrates(SafeDataSource.wrap(pool));
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void migrateInfoValidateOnASharedInMemoryDatabaseThroughAPoolOverTheSafeUrl() throws Exception {
        String url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("flyway") + "?mode=memory";
        try (HikariDataSource pool = pool(url)) {
            assertMigrates(pool);
        } finally {
            SafeJdbc.drop(url);
        }
    }

    private static void assertMigrates(DataSource dataSource) throws SQLException {
        assertMigrates(Flyway.configure().locations("classpath:db/migration").dataSource(dataSource).load());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    private static void assertMigrates(Flyway flyway) {
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
        assertThat(flyway.info().pending()).isEmpty();
        flyway.validate();
        assertThat(flyway.migrate().migrationsExecuted).as("a second run finds nothing to do").isZero();
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(2000);
        return new HikariDataSource(config);
    }
}

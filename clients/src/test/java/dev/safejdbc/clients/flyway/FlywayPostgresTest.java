package dev.safejdbc.clients.flyway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import dev.safejdbc.junit.SafeJdbcTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flyway 13 on PostgreSQL holds its advisory lock ({@code pg_try_advisory_xact_lock}) in a
 * transaction on one connection and migrates on a second: a nested session that cannot wait for
 * itself. Refused by {@code safe.nested=strict} (the old rule, shown first), it must run unchanged
 * under the default rule, through every supported way of handing Flyway a safe connection.
 * {@code @SafeJdbcTest}: the migration's nested sessions are informational, so the suite passes.
 */
@SafeJdbcTest
class FlywayPostgresTest {
    private final String url = "jdbc:" + TestDatabases.postgres();
    private final String schema = TestDatabases.unique("flyway");

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    @SafeJdbcTest(expect = FindingKind.NESTED_SESSION)
    void theStrictRuleBreaksFlywaysLockConnection() throws Exception {
        Properties strict = new Properties();
        strict.setProperty("safe.nested", "strict");
        try (HikariDataSource pool = Pools.hikari(url, 4, 2000)) {
            DataSource safe = SafeDataSource.wrap(pool, strict);
            assertThatThrownBy(() -> flyway(safe).migrate())
                    .hasStackTraceContaining("25001")
                    .hasStackTraceContaining("Nested session");
        }
    }

    @Test
    void migrateInfoValidateThroughSafeDataSource() throws Exception {
        try (HikariDataSource pool = Pools.hikari(url, 4, 2000)) {
            assertMigrates(SafeDataSource.wrap(pool));
        }
    }

    @Test
    void migrateInfoValidateThroughAPoolOverTheSafeUrl() throws Exception {
        try (HikariDataSource pool = Pools.hikari(safeUrl(), 4, 2000)) {
            assertMigrates(pool);
        }
    }

    /**
     * Flyway picks its database support from the URL's prefix before it looks at any driver, and
     * knows no jdbc:safe:: its own data source refuses the URL, named driver or not (README, Flyway).
     */
    @Test
    void flywaysOwnDataSourceRefusesTheSafeUrlEvenWithTheDriverNamed() {
        assertThatThrownBy(() -> configure().dataSource(safeUrl(), null, null).load().migrate())
                .hasMessageContaining("No Flyway database plugin found to handle jdbc:safe:");
        assertThatThrownBy(() -> configure().driver("dev.safejdbc.SafeDriver").dataSource(safeUrl(), null, null)
                .load().migrate())
                .hasMessageContaining("No Flyway database plugin found to handle jdbc:safe:");
    }

    private void assertMigrates(DataSource dataSource) throws SQLException {
        Migrations.assertMigrates(flyway(dataSource), dataSource, schema + ".orders");
    }

    private Flyway flyway(DataSource dataSource) {
        return configure().dataSource(dataSource).load();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return Flyway.configure().schemas(schema).createSchemas(true).locations("classpath:db/migration");
    }

    private String safeUrl() {
        return "jdbc:safe:" + url.substring("jdbc:".length());
    }
}

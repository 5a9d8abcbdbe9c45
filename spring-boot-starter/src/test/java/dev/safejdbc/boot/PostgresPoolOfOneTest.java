package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.shop.OrderService;
import com.example.shop.ShopApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring's {@code REQUIRES_NEW} on a HikariCP pool of one, through the starter: the audit's
 * checkout would wait for the connection its own thread holds. Without safe-jdbc
 * ({@code safe-jdbc.enabled=false}) it waits out the pool's connection timeout; with the starter
 * it fails at once with 25001, and the outer transaction rolls back as on any failure. (The schema
 * is made here: Flyway's lock and migration take two connections, which a pool of one has not.)
 */
class PostgresPoolOfOneTest {
    private static final String SCHEMA = "safe_boot_pool_of_one_" + ProcessHandle.current().pid();
    private static final Duration POOL_TIMEOUT = Duration.ofMillis(1000);

    @BeforeAll
    static void createSchema() throws SQLException {
        execute("CREATE SCHEMA " + SCHEMA,
                "CREATE TABLE " + SCHEMA + ".jobs (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL,"
                        + " progress BIGINT NOT NULL)",
                "CREATE TABLE " + SCHEMA + ".locks (resource_id VARCHAR(40) PRIMARY KEY, owner_id VARCHAR(40),"
                        + " expires_at BIGINT NOT NULL)",
                "CREATE TABLE " + SCHEMA + ".audit (message VARCHAR(200) NOT NULL)",
                "INSERT INTO " + SCHEMA + ".jobs (id, status, progress) VALUES (1, 'RUNNING', 0)");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void withoutTheStarterRequiresNewWaitsOutThePoolsTimeout() {
        try (ConfigurableApplicationContext app = start(false)) {
            long begin = System.nanoTime();
            Throwable failure = catchThrowable(() -> app.getBean(OrderService.class).start(1));
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(POOL_TIMEOUT.minusMillis(100));
            assertThat(failure).isNotNull();
            assertThat(sqlStateIn(failure)).isNotEqualTo("25001");
        }
    }

    @Test
    void withTheStarterRequiresNewFailsAtOnceWith25001AndTheOuterTransactionRollsBack() throws SQLException {
        try (ConfigurableApplicationContext app = start(true)) {
            long begin = System.nanoTime();
            Throwable failure = catchThrowable(() -> app.getBean(OrderService.class).start(1));
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
            assertThat(sqlStateIn(failure)).isEqualTo("25001");
        }
        assertThat(single("SELECT status FROM " + SCHEMA + ".jobs WHERE id = 1")).isEqualTo("RUNNING");
        assertThat(single("SELECT count(*) FROM " + SCHEMA + ".audit")).isEqualTo("0");
    }

    private static ConfigurableApplicationContext start(boolean safe) {
        return new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.NONE).properties(
                "spring.datasource.url=" + PostgresUrl.reachable(),
                "spring.datasource.hikari.schema=" + SCHEMA,
                "spring.datasource.hikari.maximum-pool-size=1",
                "spring.datasource.hikari.connection-timeout=" + POOL_TIMEOUT.toMillis(),
                "spring.jpa.properties.hibernate.default_schema=" + SCHEMA,
                "spring.flyway.enabled=false",
                "safe-jdbc.enabled=" + safe).run();
    }

    /** The SQLState of the first SQLException in the cause chain, or null. */
    private static String sqlStateIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String single(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresUrl.reachable());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresUrl.reachable()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}

package dev.safejdbc.clients.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import dev.safejdbc.junit.SafeJdbcTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's {@code REQUIRES_NEW} (spring-tx 7, {@code DataSourceTransactionManager}): the outer
 * transaction places an order, an audit row commits in a transaction of its own. On a pool with
 * room that is a deliberate second transaction, which must work; on a pool of one it waits for
 * its own thread until the pool's time-out, which safe-jdbc cuts short (25001).
 */
@SafeJdbcTest
class RequiresNewTest {
    private static final long POOL_TIMEOUT_MS = 1000;
    private final String url = "jdbc:" + TestDatabases.postgres();
    private final String orders = TestDatabases.unique("orders");
    private final String audit = TestDatabases.unique("audit");

    @BeforeEach
    void createTables() {
        JdbcTemplate setup = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url));
        setup.execute("CREATE TABLE " + orders + " (id int PRIMARY KEY)");
        setup.execute("CREATE TABLE " + audit + " (message text)");
    }

    @AfterEach
    void dropTables() {
        new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url))
                .execute("DROP TABLE IF EXISTS " + orders + ", " + audit);
    }

    @Test
    @SafeJdbcTest(expect = FindingKind.NESTED_SESSION)
    void theStrictRuleBreaksRequiresNewOnAPoolWithRoom() throws Exception {
        Properties strict = new Properties();
        strict.setProperty("safe.nested", "strict");
        try (HikariDataSource pool = Pools.hikari(url, 4, POOL_TIMEOUT_MS)) {
            Shop shop = new Shop(SafeDataSource.wrap(pool, strict));
            assertThatThrownBy(() -> shop.placeOrder(1)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"));
        }
    }

    @Test
    void requiresNewOnAPoolOfFourThroughSafeDataSourceCommitsTheAuditRow() throws Exception {
        try (HikariDataSource pool = Pools.hikari(url, 4, POOL_TIMEOUT_MS)) {
            assertAuditCommitsOnItsOwn(new Shop(SafeDataSource.wrap(pool)));
        }
    }

    @Test
    void requiresNewOnAPoolOfFourOverTheSafeUrlCommitsTheAuditRow() throws Exception {
        try (HikariDataSource pool = Pools.hikari("jdbc:safe:" + url.substring("jdbc:".length()), 4, POOL_TIMEOUT_MS)) {
            assertAuditCommitsOnItsOwn(new Shop(pool));
        }
    }

    @Test
    void rawRequiresNewOnAPoolOfOneWaitsForItselfUntilThePoolsTimeout() throws Exception {
        try (HikariDataSource pool = Pools.hikari(url, 1, POOL_TIMEOUT_MS)) {
            Shop shop = new Shop(pool);
            long start = System.nanoTime();
            assertThatThrownBy(() -> shop.placeOrder(1))
                    .hasMessageContaining("Could not open JDBC Connection");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    @SafeJdbcTest(expect = FindingKind.NESTED_SESSION)
    void requiresNewOnAPoolOfOneThroughSafeDataSourceFailsAtOnce() throws Exception {
        try (HikariDataSource pool = Pools.hikari(url, 1, POOL_TIMEOUT_MS)) {
            Shop shop = new Shop(SafeDataSource.wrap(pool));
            long start = System.nanoTime();
            assertThatThrownBy(() -> shop.placeOrder(1)).rootCause()
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"))
                    .hasMessageContaining("RequiresNewTest$Shop");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(new JdbcTemplate(pool).queryForObject("SELECT count(*) FROM " + orders, Integer.class))
                    .as("the outer transaction rolled back whole").isZero();
        }
    }

    private void assertAuditCommitsOnItsOwn(Shop shop) {
        shop.placeOrder(1);
        assertThatThrownBy(() -> shop.placeOrderThenFail(2)).isInstanceOf(IllegalStateException.class);
        JdbcTemplate check = shop.jdbc;
        assertThat(check.queryForList("SELECT id FROM " + orders, Integer.class)).containsExactly(1);
        assertThat(check.queryForList("SELECT message FROM " + audit, String.class))
                .containsExactlyInAnyOrder("order 1", "order 2");
    }

    /** An order service whose audit log is written with REQUIRES_NEW: it stays even when the order rolls back. */
    private final class Shop {
        final JdbcTemplate jdbc;
        private final TransactionTemplate required;
        private final TransactionTemplate requiresNew;

        Shop(DataSource dataSource) {
            DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
            jdbc = new JdbcTemplate(dataSource);
            required = new TransactionTemplate(manager);
            requiresNew = new TransactionTemplate(manager);
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        void placeOrder(int id) {
            required.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO " + orders + " (id) VALUES (?)", id);
                record("order " + id);
            });
        }

        void placeOrderThenFail(int id) {
            required.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO " + orders + " (id) VALUES (?)", id);
                record("order " + id);
                throw new IllegalStateException("payment refused");
            });
        }

        private void record(String message) {
            requiresNew.executeWithoutResult(status -> jdbc.update("INSERT INTO " + audit + " (message) VALUES (?)", message));
        }
    }
}

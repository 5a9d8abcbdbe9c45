package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Nested sessions: a thread with a transaction open on one connection uses a second connection
 * to the same database. Raw, that waits on itself (a row lock, a one-connection pool, the one
 * physical connection of a shared in-memory database) until some timeout; through safe-jdbc it
 * fails within a second with SQLState 25001, naming both places: before anything is sent where
 * the wait is known in advance, else by cancelling the waiting statement. A nested session that
 * cannot wait for itself runs (and is recorded); {@code safe.nested=strict} refuses them all.
 */
class NestedSessionTest {
    private static final Duration FAIL_FAST = Duration.ofSeconds(1);

    @Nested
    class SharedInMemory {

        @Test
        void aSecondConnectionInsideATransactionIsRefusedAtOnce() throws Exception {
            String url = SharedMemoryIsolationTest.memoryUrl();
            try (Connection outer = DriverManager.getConnection(url);
                    Connection inner = DriverManager.getConnection(url)) {
                SharedMemoryIsolationTest.createTable(outer, "jobs");
                beginOuterTransaction(outer, "INSERT INTO jobs(id) VALUES (1)");

                assertRefusedFast(() -> runNestedStatement(inner, "SELECT count(*) FROM jobs"));

                outer.commit();
                assertThat(SharedMemoryIsolationTest.count(inner, "jobs", "1 = 1")).isOne();
            }
        }

        @Test
        void aSecondConnectionWhileAResultSetIsOpenIsRefusedAtOnce() throws Exception {
            String url = SharedMemoryIsolationTest.memoryUrl();
            try (Connection outer = DriverManager.getConnection(url);
                    Connection inner = DriverManager.getConnection(url)) {
                SharedMemoryIsolationTest.createTable(outer, "jobs");
                outer.createStatement().executeUpdate("INSERT INTO jobs(id) VALUES (1), (2)");
                try (Statement statement = outer.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT id FROM jobs")) {
                    rows.next(); // the cursor stays open on the one physical connection

                    assertThatThrownBy(() -> runNestedStatement(inner, "SELECT 1"))
                            .hasMessageContaining("result set")
                            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25001");
                }
                runNestedStatement(inner, "SELECT 1"); // closed cursor, nothing nested any more
            }
        }

        @Test
        void throughAHikariPoolTheSecondCheckoutIsRefusedAtOnce() throws Exception {
            try (HikariDataSource pool = SharedMemoryIsolationTest.pool(SharedMemoryIsolationTest.memoryUrl(), 2);
                    Connection outer = pool.getConnection();
                    Connection inner = pool.getConnection()) {
                SharedMemoryIsolationTest.createTable(outer, "jobs");
                beginOuterTransaction(outer, "INSERT INTO jobs(id) VALUES (1)");

                assertRefusedFast(() -> runNestedStatement(inner, "INSERT INTO jobs(id) VALUES (2)"));

                outer.commit();
                assertThat(SharedMemoryIsolationTest.count(inner, "jobs", "1 = 1")).isOne();
            }
        }

        @Test
        void rawPoolOfOneWaitsForItselfUntilTheCheckoutTimeout() throws Exception {
            String raw = "jdbc:sqlite:file:" + TestDatabases.unique("nested_raw") + "?mode=memory&cache=shared";
            try (HikariDataSource pool = pool(raw, 1); Connection outer = pool.getConnection()) {
                SharedMemoryIsolationTest.createTable(outer, "jobs");
                beginOuterTransaction(outer, "INSERT INTO jobs(id) VALUES (1)");

                assertWaitsForItself(pool::getConnection, null);
                outer.rollback();
            }
        }

        @Test
        void safeDataSourceRefusesTheNestedCheckoutFromAPoolOfOneAtOnce() throws Exception {
            String raw = "jdbc:sqlite:file:" + TestDatabases.unique("nested_safe") + "?mode=memory&cache=shared";
            try (HikariDataSource pool = pool(raw, 1)) {
                DataSource safe = SafeDataSource.wrap(pool);
                try (Connection outer = safe.getConnection()) {
                    SharedMemoryIsolationTest.createTable(outer, "jobs");
                    beginOuterTransaction(outer, "INSERT INTO jobs(id) VALUES (1)");

                    assertRefusedFast(safe::getConnection);
                    outer.commit();
                }
            }
        }
    }

    @Nested
    class PostgreSql extends ServerDatabase {
        PostgreSql() {
            super("jdbc:" + TestDatabases.postgres(), "text", "SET lock_timeout = '1s'", "55P03");
        }
    }

    @Nested
    class MariaDb extends ServerDatabase {
        MariaDb() {
            super("jdbc:" + TestDatabases.mariadb(), "varchar(40)", "SET SESSION innodb_lock_wait_timeout = 1", "HY000");
        }
    }

    /** A server database: a row the outer transaction locks, an audit table a nested session may write. */
    abstract static class ServerDatabase {
        final String url;
        final String locks = TestDatabases.unique("nested_locks");
        final String audit = TestDatabases.unique("nested_audit");
        private final String auditColumn;
        private final String shortLockTimeout;
        private final String lockTimeoutState;

        /**
         * @param shortLockTimeout the statement that bounds a raw lock wait to a second, for the test
         * @param lockTimeoutState the SQLState the raw wait ends with
         */
        ServerDatabase(String url, String auditColumn, String shortLockTimeout, String lockTimeoutState) {
            this.url = url;
            this.auditColumn = auditColumn;
            this.shortLockTimeout = shortLockTimeout;
            this.lockTimeoutState = lockTimeoutState;
        }

        String safeUrl() {
            return "jdbc:safe:" + url.substring("jdbc:".length());
        }

        @BeforeEach
        void createTables() throws SQLException {
            try (Connection setup = DriverManager.getConnection(url);
                    Statement statement = setup.createStatement()) {
                statement.executeUpdate("CREATE TABLE " + locks + " (id int PRIMARY KEY, v int)");
                statement.executeUpdate("INSERT INTO " + locks + " VALUES (1, 0)");
                statement.executeUpdate("CREATE TABLE " + audit + " (msg " + auditColumn + ")");
            }
        }

        @AfterEach
        void dropTables() throws SQLException {
            try (Connection setup = DriverManager.getConnection(url);
                    Statement statement = setup.createStatement()) {
                statement.executeUpdate("DROP TABLE IF EXISTS " + locks + ", " + audit);
            }
        }

        @Test
        void rawWaitsOnItsOwnRowLockUntilTheLockTimeout() throws Exception {
            try (Connection outer = DriverManager.getConnection(url);
                    Connection inner = DriverManager.getConnection(url)) {
                beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");
                inner.createStatement().execute(shortLockTimeout);

                assertWaitsForItself(() -> runNestedStatement(inner, "UPDATE " + locks + " SET v = 2 WHERE id = 1"),
                        lockTimeoutState);
                outer.rollback();
            }
        }

        @Test
        void safeCancelsANestedUpdateOfTheOuterTransactionsRowWithinASecond() throws Exception {
            try (Connection outer = DriverManager.getConnection(safeUrl());
                    Connection inner = DriverManager.getConnection(safeUrl())) {
                assertCancelledAndOuterIntact(outer, inner);
            }
        }

        @Test
        void safeUnderHikariCancelsANestedUpdateOfTheOuterTransactionsRowWithinASecond() throws Exception {
            try (HikariDataSource pool = pool(safeUrl(), 2);
                    Connection outer = pool.getConnection();
                    Connection inner = pool.getConnection()) {
                assertCancelledAndOuterIntact(outer, inner);
            }
        }

        @Test
        void safeDataSourceCancelsANestedUpdateOfTheOuterTransactionsRowWithinASecond() throws Exception {
            try (HikariDataSource pool = pool(url, 2)) {
                DataSource safe = SafeDataSource.wrap(pool);
                try (Connection outer = safe.getConnection();
                        Connection inner = safe.getConnection()) {
                    assertCancelledAndOuterIntact(outer, inner);
                }
            }
        }

        @Test
        void safeLetsANestedSessionThatCannotWaitForItselfRunAndRecordsIt() throws Exception {
            List<FindingKind> seen = new CopyOnWriteArrayList<>();
            try (Connection outer = DriverManager.getConnection(safeUrl());
                    Connection inner = DriverManager.getConnection(safeUrl())) {
                beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");

                try (AutoCloseable listening = Findings.listen(finding -> seen.add(finding.kind()))) {
                    runNestedStatement(inner, "INSERT INTO " + audit + " VALUES ('nested')");
                    runNestedStatement(inner, "SELECT v FROM " + locks + " WHERE id = 1"); // a read takes no lock
                }

                outer.rollback();
                assertThat(count(inner, audit)).as("the nested insert committed on its own").isOne();
            }
            assertThat(seen).isNotEmpty().containsOnly(FindingKind.NESTED_TRANSACTION);
        }

        @Test
        void strictRefusesEveryNestedStatementBeforeSendingIt() throws Exception {
            Properties strict = new Properties();
            strict.setProperty("safe.nested", "strict");
            try (Connection outer = DriverManager.getConnection(safeUrl(), strict);
                    Connection inner = DriverManager.getConnection(safeUrl(), strict)) {
                beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");

                assertRefusedFast(() -> runNestedStatement(inner, "INSERT INTO " + audit + " VALUES ('nested')"));
                assertRefusedFast(() -> runNestedStatement(inner, "UPDATE " + locks + " SET v = 2 WHERE id = 1"));

                outer.commit();
                assertThat(count(inner, audit)).as("audit rows the refused autocommit insert would have left").isZero();
                assertThat(value(inner)).as("the outer transaction's value").isOne();
            }
        }

        @Test
        void rawOneConnectionPoolWaitsForItselfUntilTheCheckoutTimeout() throws Exception {
            try (HikariDataSource pool = pool(url, 1);
                    Connection outer = pool.getConnection()) {
                beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");

                long start = System.nanoTime();
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
                outer.rollback();
            }
        }

        @Test
        void safeDataSourceRefusesTheNestedCheckoutFromAFullPoolAtOnce() throws Exception {
            try (HikariDataSource pool = pool(url, 1)) {
                DataSource safe = SafeDataSource.wrap(pool);
                try (Connection outer = safe.getConnection()) {
                    beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");

                    assertRefusedFast(safe::getConnection);

                    outer.commit();
                }
                try (Connection after = safe.getConnection()) {
                    runNestedStatement(after, "INSERT INTO " + audit + " VALUES ('after')"); // not nested now
                }
            }
        }

        @Test
        void rawPoolOfOneWaitsForItselfWhileTheThreadHoldsAConnectionOutsideATransaction() throws Exception {
            try (HikariDataSource pool = pool(url, 1);
                    Connection held = pool.getConnection()) {
                runNestedStatement(held, "SELECT v FROM " + locks + " WHERE id = 1"); // autocommit: no transaction

                long start = System.nanoTime();
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            }
        }

        @Test
        void safeDataSourceRefusesACheckoutFromAFullPoolWhileTheThreadHoldsAConnectionOutsideATransaction()
                throws Exception {
            try (HikariDataSource pool = pool(url, 1)) {
                DataSource safe = SafeDataSource.wrap(pool);
                try (Connection held = safe.getConnection()) {
                    runNestedStatement(held, "SELECT v FROM " + locks + " WHERE id = 1");

                    assertCheckoutRefusedFast(safe::getConnection);
                }
                try (Connection after = safe.getConnection()) { // the held one went back: nothing is nested now
                    runNestedStatement(after, "INSERT INTO " + audit + " VALUES ('after')");
                }
            }
        }

        @Test
        void safeDataSourceOverAPoolOfSafeUrlConnectionsRefusesTheCheckoutOfAThreadHoldingOne() throws Exception {
            try (HikariDataSource pool = pool(safeUrl(), 1)) {
                DataSource safe = SafeDataSource.wrap(pool);
                try (Connection held = safe.getConnection()) {
                    assertCheckoutRefusedFast(safe::getConnection);
                }
                try (Connection after = safe.getConnection()) {
                    runNestedStatement(after, "INSERT INTO " + audit + " VALUES ('after')");
                }
            }
        }

        @Test
        void reportModeLetsAFullPoolCheckoutWaitAsRawAndRecordsIt() throws Exception {
            Properties report = new Properties();
            report.setProperty("safe.mode", "report");
            List<FindingKind> seen = new CopyOnWriteArrayList<>();
            try (HikariDataSource pool = pool(url, 1);
                    AutoCloseable listening = Findings.listen(finding -> seen.add(finding.kind()))) {
                DataSource safe = SafeDataSource.wrap(pool, report);
                try (Connection held = safe.getConnection()) {
                    long start = System.nanoTime();
                    assertThatThrownBy(safe::getConnection).isInstanceOf(SQLTransientConnectionException.class);
                    assertThat(Duration.ofNanos(System.nanoTime() - start))
                            .isGreaterThanOrEqualTo(Duration.ofMillis(900));
                }
            }
            assertThat(seen).containsExactly(FindingKind.NESTED_SESSION);
        }

        @Test
        void safeDataSourceLetsANestedCheckoutFromAPoolWithRoomRun() throws Exception {
            try (HikariDataSource pool = pool(url, 2)) {
                DataSource safe = SafeDataSource.wrap(pool);
                try (Connection outer = safe.getConnection()) {
                    beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");
                    try (Connection audited = safe.getConnection()) { // REQUIRES_NEW's shape
                        runNestedStatement(audited, "INSERT INTO " + audit + " VALUES ('audit')");
                    }
                    outer.commit();
                }
                try (Connection after = safe.getConnection()) {
                    assertThat(count(after, audit)).isOne();
                    assertThat(value(after)).isOne();
                }
            }
        }

        private void assertCancelledAndOuterIntact(Connection outer, Connection inner) throws Exception {
            beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");

            assertRefusedFast(() -> runNestedStatement(inner, "UPDATE " + locks + " SET v = 2 WHERE id = 1"));

            runNestedStatement(outer, "UPDATE " + locks + " SET v = v + 10 WHERE id = 1"); // the outer goes on
            outer.commit();
            // (HikariCP retires a connection whose query was killed on MariaDB: so the check reads on the outer)
            assertThat(value(outer)).as("the outer transaction's work, whole").isEqualTo(11);
        }

        private int value(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT v FROM " + locks + " WHERE id = 1")) {
                rs.next();
                return rs.getInt(1);
            }
        }

        private int count(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static HikariDataSource pool(String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(1000);
        return new HikariDataSource(config);
    }

    /** The raw driver waits until the test's own short timeout: the anomaly a real setup hangs on. */
    static void assertWaitsForItself(ThrowingCallable nested, String timeoutState) {
        long start = System.nanoTime();
        assertThatThrownBy(nested).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isNotEqualTo("25001"))
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(timeoutState);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time spent waiting on itself")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    static void beginOuterTransaction(Connection outer, String sql) throws SQLException {
        outer.setAutoCommit(false);
        try (Statement statement = outer.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    static void runNestedStatement(Connection inner, String sql) throws SQLException {
        try (Statement statement = inner.createStatement()) {
            statement.execute(sql);
        }
    }

    /** 25001 within the contract's second, and the message names both places. */
    static void assertRefusedFast(ThrowingCallable nested) {
        long start = System.nanoTime();
        assertThatThrownBy(nested)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("beginOuterTransaction")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"))
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("runNestedStatement", "safeDataSourceRefuses"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAIL_FAST);
    }

    /** 25001 within the second for a thread that holds a connection outside any transaction. */
    static void assertCheckoutRefusedFast(ThrowingCallable nested) {
        long start = System.nanoTime();
        assertThatThrownBy(nested)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("holds a connection of a pool that has no free connection left")
                .hasMessageContaining("taken outside any transaction")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAIL_FAST);
    }
}

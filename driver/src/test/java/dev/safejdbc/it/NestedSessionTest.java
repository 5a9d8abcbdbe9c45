package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
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
 * is refused at once with SQLState 25001, before anything is sent, naming both places.
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
    }

    @Nested
    class PostgreSql {
        private String url;
        private String locks;
        private String audit;

        @BeforeEach
        void createTables() throws SQLException {
            url = "jdbc:" + TestDatabases.postgres();
            locks = TestDatabases.unique("nested_locks");
            audit = TestDatabases.unique("nested_audit");
            try (Connection setup = DriverManager.getConnection(url);
                    Statement statement = setup.createStatement()) {
                statement.executeUpdate("CREATE TABLE " + locks + " (id int PRIMARY KEY, v int)");
                statement.executeUpdate("INSERT INTO " + locks + " VALUES (1, 0)");
                statement.executeUpdate("CREATE TABLE " + audit + " (msg text)");
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
        void rawWaitsOnItsOwnRowLockUntilLockTimeout() throws Exception {
            try (Connection outer = DriverManager.getConnection(url);
                    Connection inner = DriverManager.getConnection(url)) {
                beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");
                inner.createStatement().execute("SET lock_timeout = '1s'");

                long start = System.nanoTime();
                assertThatThrownBy(() -> runNestedStatement(inner, "UPDATE " + locks + " SET v = 2 WHERE id = 1"))
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time spent waiting on itself")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
                outer.rollback();
            }
        }

        @Test
        void safeRefusesTheNestedStatementBeforeSendingIt() throws Exception {
            try (Connection outer = DriverManager.getConnection("jdbc:safe:" + url.substring(5));
                    Connection inner = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
                assertRefusedBeforeSent(outer, inner);
            }
        }

        @Test
        void safeUnderHikariRefusesTheNestedStatementBeforeSendingIt() throws Exception {
            try (HikariDataSource pool = pool("jdbc:safe:" + url.substring(5), 2);
                    Connection outer = pool.getConnection();
                    Connection inner = pool.getConnection()) {
                assertRefusedBeforeSent(outer, inner);
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
        void safeDataSourceRefusesTheNestedCheckoutAtOnce() throws Exception {
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

        private void assertRefusedBeforeSent(Connection outer, Connection inner) throws Exception {
            beginOuterTransaction(outer, "UPDATE " + locks + " SET v = 1 WHERE id = 1");

            assertRefusedFast(() -> runNestedStatement(inner, "INSERT INTO " + audit + " VALUES ('nested')"));
            assertRefusedFast(() -> runNestedStatement(inner, "UPDATE " + locks + " SET v = 2 WHERE id = 1"));

            outer.commit();
            assertThat(count(inner, audit)).as("audit rows the refused autocommit insert would have left").isZero();
            try (Statement statement = inner.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT v FROM " + locks + " WHERE id = 1")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the outer transaction's value").isOne();
            }
        }

        private HikariDataSource pool(String jdbcUrl, int size) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(size);
            config.setConnectionTimeout(1000);
            return new HikariDataSource(config);
        }

        private int count(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        }
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
}

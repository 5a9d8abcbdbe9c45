package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A query of the guard's own that fails on PostgreSQL: raw, it aborts the application's
 * transaction (every later statement gets 25P02); run as a {@link ContainedRead}, the failure is
 * rolled back to its savepoint and the application's transaction goes on with its work intact.
 */
class ContainedReadTest {
    private static final String FAILING = "SELECT 1 / 0";

    @Test
    void rawAFailedQueryAbortsTheTransaction() throws SQLException {
        try (Connection c = inTransaction()) {
            assertThatThrownBy(() -> query(c, FAILING)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> query(c, "SELECT 1")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
            c.rollback();
        }
    }

    @Test
    void containedTheFailureLeavesTheTransactionAndItsWorkIntact() throws SQLException {
        try (Connection c = inTransaction()) {
            query(c, "CREATE TEMP TABLE contained (v INT)");
            query(c, "INSERT INTO contained VALUES (7)");
            assertThatThrownBy(() -> ContainedRead.run(c, Dialect.POSTGRESQL, () -> query(c, FAILING)))
                    .isInstanceOf(SQLException.class);
            assertThat(query(c, "SELECT v FROM contained")).isEqualTo(7);
            c.rollback();
        }
    }

    @Test
    void containedASuccessfulReadReturnsItsResult() throws SQLException {
        try (Connection c = inTransaction()) {
            assertThat(ContainedRead.run(c, Dialect.POSTGRESQL, () -> query(c, "SELECT 41 + 1"))).isEqualTo(42);
            assertThat(query(c, "SELECT 1")).isEqualTo(1);
            c.rollback();
        }
    }

    /**
     * A transaction the application began in SQL while the driver is in autocommit (whose savepoint API then
     * refuses): raw, the failed query aborts it; contained, the savepoint is set in SQL, and the transaction
     * goes on with its work intact until its own COMMIT.
     */
    @Test
    void aTransactionBegunInSqlIsContainedToo() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:" + TestDatabases.postgres())) {
            query(c, "BEGIN");
            assertThatThrownBy(() -> query(c, FAILING)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> query(c, "SELECT 1")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
            query(c, "ROLLBACK");

            query(c, "BEGIN");
            assertThat(ServerTransactionStatus.open(c, Dialect.POSTGRESQL)).isTrue();
            query(c, "CREATE TEMP TABLE contained_sql (v INT)");
            query(c, "INSERT INTO contained_sql VALUES (7)");
            assertThatThrownBy(() -> ContainedRead.run(c, Dialect.POSTGRESQL, () -> query(c, FAILING)))
                    .isInstanceOf(SQLException.class);
            assertThat(ContainedRead.run(c, Dialect.POSTGRESQL, () -> query(c, "SELECT 41 + 1"))).isEqualTo(42);
            assertThat(query(c, "SELECT v FROM contained_sql")).isEqualTo(7);
            query(c, "COMMIT");
            assertThat(ServerTransactionStatus.open(c, Dialect.POSTGRESQL)).isFalse();
            assertThat(query(c, "SELECT v FROM contained_sql")).as("committed").isEqualTo(7);
            assertThatThrownBy(() -> ContainedRead.run(c, Dialect.POSTGRESQL, () -> query(c, FAILING)))
                    .isInstanceOf(SQLException.class);
            assertThat(query(c, "SELECT 1")).as("in autocommit a failure ends nothing").isEqualTo(1);
        }
    }

    private static Connection inTransaction() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:" + TestDatabases.postgres());
        c.setAutoCommit(false);
        return c;
    }

    /** Runs {@code sql}; the first column of its first row, or 0 when it returns no rows. */
    private static int query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return 0;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}

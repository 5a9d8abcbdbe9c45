package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.function.SqlSupplier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Runs one of the guard's own queries (a catalog look-up, the zero-row check) on the application's
 * connection so that its failure cannot end the application's transaction: PostgreSQL aborts a
 * transaction on any failed statement, so there, inside a transaction, the query runs within a
 * savepoint that a failure rolls back. That includes a transaction the application began in SQL
 * ({@code BEGIN}) while the driver is in autocommit, whose savepoint is set in SQL (the driver's
 * API refuses one in autocommit). The other databases go on after a failed statement.
 */
final class ContainedRead {
    /** pgjdbc's own view of the server's transaction status, which follows a BEGIN sent as SQL. */
    private static final String PG_CONNECTION = "org.postgresql.core.BaseConnection";
    private static final String SAVEPOINT = "safe_jdbc_contained";

    private ContainedRead() {
    }

    static <T> T run(Connection physical, Dialect dialect, SqlSupplier<T> read) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return read.get();
        }
        if (physical.getAutoCommit()) {
            return inTransaction(physical, dialect) ? runInSqlSavepoint(physical, read) : read.get();
        }
        Savepoint savepoint = physical.setSavepoint();
        try {
            T result = read.get();
            physical.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                physical.rollback(savepoint);
            } catch (SQLException notRolledBack) {
                e.addSuppressed(notRolledBack);
            }
            throw e;
        }
    }

    /**
     * Whether {@code physical} is inside a transaction: autocommit off, or on PostgreSQL a transaction
     * begun in SQL, as the driver tracks the server's status. Elsewhere a transaction begun in SQL is
     * not seen (a connection that cannot say is taken to be in one).
     */
    static boolean inTransaction(Connection physical, Dialect dialect) {
        try {
            if (!physical.getAutoCommit()) {
                return true;
            }
        } catch (SQLException e) {
            return true;
        }
        return dialect == Dialect.POSTGRESQL && postgresTransactionOpen(physical);
    }

    /** pgjdbc's transaction state (IDLE, OPEN, FAILED), read through its connection; false when unknown. */
    private static boolean postgresTransactionOpen(Connection physical) {
        try {
            Class<?> type = Class.forName(PG_CONNECTION, false, physical.getClass().getClassLoader());
            if (!physical.isWrapperFor(type)) {
                return false;
            }
            Object state = type.getMethod("getTransactionState").invoke(physical.unwrap(type));
            return state != null && !"IDLE".equals(state.toString());
        } catch (ReflectiveOperationException | SQLException | LinkageError | RuntimeException e) {
            return false; // another driver, or one that cannot say: as in autocommit
        }
    }

    private static <T> T runInSqlSavepoint(Connection physical, SqlSupplier<T> read) throws SQLException {
        exec(physical, "SAVEPOINT " + SAVEPOINT);
        try {
            T result = read.get();
            exec(physical, "RELEASE SAVEPOINT " + SAVEPOINT);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                exec(physical, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                exec(physical, "RELEASE SAVEPOINT " + SAVEPOINT);
            } catch (SQLException notRolledBack) {
                e.addSuppressed(notRolledBack);
            }
            throw e;
        }
    }

    private static void exec(Connection physical, String sql) throws SQLException {
        try (Statement st = physical.createStatement()) {
            st.execute(sql);
        }
    }
}

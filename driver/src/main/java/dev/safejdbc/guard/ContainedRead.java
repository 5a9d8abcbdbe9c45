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
    private static final String SAVEPOINT = "safe_jdbc_contained";

    private ContainedRead() {
    }

    static <T> T run(Connection physical, Dialect dialect, SqlSupplier<T> read) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return read.get();
        }
        if (physical.getAutoCommit()) {
            return inSqlTransaction(physical, dialect) ? runInSqlSavepoint(physical, read) : read.get();
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
     * Whether {@code physical}, in autocommit, is inside a transaction begun in SQL, as the driver tracks the
     * server's status (a driver that cannot say is taken to be in none: a savepoint outside one fails).
     */
    private static boolean inSqlTransaction(Connection physical, Dialect dialect) {
        return Boolean.TRUE.equals(ServerTransactionStatus.open(physical, dialect));
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

package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.function.SqlSupplier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs one of the guard's own queries (a catalog look-up, the zero-row check) on the application's
 * connection so that its failure cannot end the application's transaction: PostgreSQL aborts a
 * transaction on any failed statement, so there, inside a transaction, the query runs within a
 * savepoint that a failure rolls back. The other databases go on after a failed statement.
 */
final class ContainedRead {
    private ContainedRead() {
    }

    static <T> T run(Connection physical, Dialect dialect, SqlSupplier<T> read) throws SQLException {
        Savepoint savepoint = dialect == Dialect.POSTGRESQL && !physical.getAutoCommit() ? physical.setSavepoint()
                : null;
        try {
            T result = read.get();
            if (savepoint != null) {
                physical.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (savepoint != null) {
                try {
                    physical.rollback(savepoint);
                } catch (SQLException notRolledBack) {
                    e.addSuppressed(notRolledBack);
                }
            }
            throw e;
        }
    }
}

package dev.safejdbc.nested;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL: {@code pg_blocking_pids} is the server's own answer to "who blocks this backend",
 * and {@code pg_cancel_backend} cancels its statement (what {@code Statement.cancel} sends), both
 * in the one round trip of the check.
 */
final class PostgresLockWaits implements LockWaits {
    static final PostgresLockWaits INSTANCE = new PostgresLockWaits();

    private PostgresLockWaits() {
    }

    @Override
    public String backendIdQuery() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    public long driverHeldId(Connection physical) {
        return BackendIds.fromDriver(physical, "org.postgresql.PGConnection", "getBackendPID");
    }

    /**
     * {@code pg_blocking_pids} answers for every heavyweight lock (rows, tables, transactions, advisory locks),
     * {@code pg_safe_snapshot_blocking_pids} for a deferrable transaction's wait for a safe snapshot: every wait
     * that lasts as long as another session keeps a lock or a transaction open.
     */
    @Override
    public boolean seesEveryLockWait() {
        return true;
    }

    @Override
    public boolean waitsOnAnyLock(Connection monitor, long waiting) throws SQLException {
        try (PreparedStatement check = monitor.prepareStatement("SELECT 1 WHERE cardinality(pg_blocking_pids(?)) > 0"
                + " OR cardinality(pg_safe_snapshot_blocking_pids(?)) > 0")) {
            check.setInt(1, (int) waiting);
            check.setInt(2, (int) waiting);
            try (ResultSet rs = check.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public boolean cancelIfWaitingOn(Connection monitor, long waiting, long holder) throws SQLException {
        try (PreparedStatement check = monitor.prepareStatement(
                "SELECT pg_cancel_backend(?) FROM (SELECT 1) AS one WHERE ? = ANY(pg_blocking_pids(?))")) {
            check.setInt(1, (int) waiting);
            check.setInt(2, (int) holder);
            check.setInt(3, (int) waiting);
            try (ResultSet rs = check.executeQuery()) {
                return rs.next();
            }
        }
    }
}

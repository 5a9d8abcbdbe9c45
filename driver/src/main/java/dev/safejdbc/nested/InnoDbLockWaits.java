package dev.safejdbc.nested;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB and MySQL: InnoDB's lock-wait view joined to its transactions (whose thread ids are the
 * servers' connection ids), then {@code KILL QUERY} (what {@code Statement.cancel} sends).
 * MariaDB and MySQL 5.7 have {@code information_schema.INNODB_LOCK_WAITS}; MySQL 8 moved it to
 * {@code performance_schema.data_lock_waits}: the first that answers is kept.
 */
final class InnoDbLockWaits implements LockWaits {
    static final InnoDbLockWaits INSTANCE = new InnoDbLockWaits();

    private static final String[] WAITS = {
        "SELECT 1 FROM information_schema.INNODB_LOCK_WAITS w"
                + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
                + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
                + " WHERE r.trx_mysql_thread_id = ? AND b.trx_mysql_thread_id = ?",
        "SELECT 1 FROM performance_schema.data_lock_waits w"
                + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.REQUESTING_ENGINE_TRANSACTION_ID"
                + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.BLOCKING_ENGINE_TRANSACTION_ID"
                + " WHERE r.trx_mysql_thread_id = ? AND b.trx_mysql_thread_id = ?"
    };
    /** The first of {@link #WAITS} that this server knows; switched once when it does not. */
    private volatile int view;

    private InnoDbLockWaits() {
    }

    @Override
    public String backendIdQuery() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    public long driverHeldId(Connection physical) {
        long mariadb = BackendIds.fromDriver(physical, "org.mariadb.jdbc.Connection", "getThreadId");
        return mariadb != BackendIds.UNKNOWN ? mariadb
                : BackendIds.fromDriver(physical, "com.mysql.cj.jdbc.JdbcConnection", "getId");
    }

    /**
     * InnoDB's information_schema views read one server-wide cache, refreshed only by a reader that comes more
     * than 100 ms after the previous read: anyone who reads more often keeps it frozen for every session.
     */
    @Override
    public long pollingIntervalNanos() {
        return TimeUnit.MILLISECONDS.toNanos(150);
    }

    @Override
    public boolean waitsOnAnyLock(Connection monitor, long waiting) throws SQLException {
        try (PreparedStatement check = monitor.prepareStatement("SELECT 1 FROM information_schema.INNODB_TRX"
                + " WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'")) {
            check.setLong(1, waiting);
            try (ResultSet rs = check.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public boolean cancelIfWaitingOn(Connection monitor, long waiting, long holder) throws SQLException {
        if (!waits(monitor, waiting, holder)) {
            return false;
        }
        try (PreparedStatement kill = monitor.prepareStatement("KILL QUERY ?")) {
            kill.setLong(1, waiting);
            kill.execute();
        }
        return true;
    }

    private boolean waits(Connection monitor, long waiting, long holder) throws SQLException {
        int current = view;
        try (PreparedStatement check = monitor.prepareStatement(WAITS[current])) {
            check.setLong(1, waiting);
            check.setLong(2, holder);
            try (ResultSet rs = check.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            if (current + 1 < WAITS.length && "42S02".equals(e.getSQLState())) { // no such table here
                view = current + 1;
                return waits(monitor, waiting, holder);
            }
            throw e;
        }
    }
}

package dev.safejdbc.nested;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database's own view of who waits for whom: whether one backend (server session) waits on a
 * lock that another holds, and how to cancel the waiting backend's statement.
 */
public interface LockWaits {

    /** The lock-wait view of a database by its JDBC sub-protocol, or null when it has none we know. */
    static LockWaits of(String subprotocol) {
        switch (subprotocol) {
            case "postgresql":
            case "pgsql":
                return PostgresLockWaits.INSTANCE;
            case "mariadb":
            case "mysql":
                return InnoDbLockWaits.INSTANCE;
            default:
                return null;
        }
    }

    /** The query that answers the server's id of the session it runs on (asked once per connection). */
    String backendIdQuery();

    /**
     * The server's id of {@code physical}'s session as the driver already holds it (nothing is sent), or
     * {@link BackendIds#UNKNOWN} when this driver does not say.
     */
    long driverHeldId(Connection physical);

    /** Whether backend {@code waiting} waits on a lock, whoever holds it. Asked on {@code monitor}. */
    boolean waitsOnAnyLock(Connection monitor, long waiting) throws SQLException;

    /**
     * Whether {@link #waitsOnAnyLock} sees every wait of a statement or commit for another session, so that a
     * running backend it does not see waiting is busy, not blocked.
     */
    default boolean seesEveryLockWait() {
        return false;
    }

    /**
     * How long a caller that asks again and again waits between two questions, at least: the view may be a
     * cache that asking keeps from being refreshed.
     */
    default long pollingIntervalNanos() {
        return 0;
    }

    /**
     * Whether backend {@code waiting} waits on a lock that backend {@code holder} holds; if so, its
     * statement is cancelled. Asked on {@code monitor}, a connection that is idle meanwhile.
     *
     * @return whether {@code waiting} was found waiting on {@code holder} (and so cancelled)
     */
    boolean cancelIfWaitingOn(Connection monitor, long waiting, long holder) throws SQLException;
}

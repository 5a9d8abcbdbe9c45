package dev.safejdbc.error;

import java.sql.SQLTransientConnectionException;

/** The wait for a shared connection's lease ran out, or was interrupted (SQLState 08001). */
public final class LeaseTimeoutException extends SQLTransientConnectionException {
    /**
     * A lease wait that ended without the connection, explained by {@code message}.
     *
     * @param message how long it waited and which thread held the connection, or that the wait was interrupted
     */
    public LeaseTimeoutException(String message) {
        super(message, SqlStates.CANNOT_CONNECT);
    }
}

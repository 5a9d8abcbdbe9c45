package dev.safejdbc.error;

import java.sql.SQLTransientConnectionException;

/** The wait for a shared connection's lease ran out, or was interrupted (SQLState 08001). */
public final class LeaseTimeoutException extends SQLTransientConnectionException {
    public LeaseTimeoutException(String message) {
        super(message, SqlStates.CANNOT_CONNECT);
    }
}

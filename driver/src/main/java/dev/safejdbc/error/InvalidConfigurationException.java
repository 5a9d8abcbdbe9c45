package dev.safejdbc.error;

import java.sql.SQLNonTransientConnectionException;

/** A bad {@code jdbc:safe:} URL, a missing real driver or a bad option value (SQLState 08001). */
public final class InvalidConfigurationException extends SQLNonTransientConnectionException {
    public InvalidConfigurationException(String message) {
        super(message, SqlStates.CANNOT_CONNECT);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, SqlStates.CANNOT_CONNECT, cause);
    }
}

package dev.safejdbc.error;

import java.sql.SQLNonTransientConnectionException;

/** A bad {@code jdbc:safe:} URL, a missing real driver or a bad option value (SQLState 08001). */
public final class InvalidConfigurationException extends SQLNonTransientConnectionException {
    /**
     * A configuration error explained by {@code message}.
     *
     * @param message what is wrong and what was expected (never a password)
     */
    public InvalidConfigurationException(String message) {
        super(message, SqlStates.CANNOT_CONNECT);
    }

    /**
     * A configuration error explained by {@code message}, caused by {@code cause}.
     *
     * @param message what is wrong and what was expected (never a password)
     * @param cause   the error that revealed it, such as a failure to read safe-jdbc.properties
     */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, SqlStates.CANNOT_CONNECT, cause);
    }
}

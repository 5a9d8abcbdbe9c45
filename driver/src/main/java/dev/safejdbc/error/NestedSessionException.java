package dev.safejdbc.error;

import java.sql.SQLException;

/** A nested session was refused before anything was sent to the database (SQLState 25001). */
public final class NestedSessionException extends SQLException {
    /**
     * A refused nested session, explained by {@code message}.
     *
     * @param message which database, and where the outer transaction and the nested use began
     */
    public NestedSessionException(String message) {
        super(message, SqlStates.NESTED_SESSION);
    }
}

package dev.safejdbc.error;

import java.sql.SQLException;

/** A nested session was refused before anything was sent to the database (SQLState 25001). */
public final class NestedSessionException extends SQLException {
    public NestedSessionException(String message) {
        super(message, SqlStates.NESTED_SESSION);
    }
}

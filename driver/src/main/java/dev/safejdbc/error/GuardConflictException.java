package dev.safejdbc.error;

import java.sql.SQLTransactionRollbackException;

/**
 * A guarded write lost its race: the row changed, appeared or vanished since this transaction
 * read it (SQLState 40001). Roll back and retry the whole transaction.
 */
public final class GuardConflictException extends SQLTransactionRollbackException {
    /**
     * A conflict explained by {@code message}.
     *
     * @param message which write, on which row, what changed since the read, and where the read and the write were made
     */
    public GuardConflictException(String message) {
        super(message, SqlStates.CONFLICT);
    }
}

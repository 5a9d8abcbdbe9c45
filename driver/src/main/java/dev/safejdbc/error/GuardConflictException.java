package dev.safejdbc.error;

import java.sql.SQLTransactionRollbackException;

/**
 * A guarded write lost its race: the row changed, appeared or vanished since this transaction
 * read it (SQLState 40001). Roll back and retry the whole transaction.
 */
public final class GuardConflictException extends SQLTransactionRollbackException {
    public GuardConflictException(String message) {
        super(message, SqlStates.CONFLICT);
    }
}

package dev.safejdbc.guard.sql;

/**
 * A statement that begins or ends a transaction in SQL: what was read before it says nothing about the
 * statements after it, as after {@code commit()} or {@code rollback()} through JDBC. Which of the two it is
 * names the transaction a later lost race happened in, where the driver cannot say (sqlite-jdbc).
 */
public enum TransactionBoundary implements Analysis {
    /**
     * {@code BEGIN}, {@code START TRANSACTION}, {@code SAVEPOINT} (SQLite's begins a transaction in autocommit,
     * or sets a savepoint inside one): a transaction is open after it.
     */
    BEGINS,
    /** {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}: no transaction is open after it. */
    ENDS,
    /** {@code RELEASE} (it ends SQLite's transaction only if its savepoint began it), XA: either. */
    BEGINS_OR_ENDS
}

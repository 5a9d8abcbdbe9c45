package dev.safejdbc.guard.sql;

/**
 * A statement that begins or ends a transaction in SQL ({@code BEGIN}, {@code START TRANSACTION},
 * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, SQLite's {@code SAVEPOINT} and
 * {@code RELEASE}, which begin and end one in autocommit, XA): what was read before it says nothing
 * about the statements after it, as after {@code commit()} or {@code rollback()} through JDBC.
 */
public enum TransactionBoundary implements Analysis {
    INSTANCE
}

package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.TransactionBoundary;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a lost race's read and write were, for its message: in one transaction (begun through JDBC, or in
 * SQL while the connection is in autocommit: a transaction's reads end at its boundaries, so the read was
 * inside it too), or in autocommit. Worked out only after a race is lost: nothing is sent.
 */
enum LostRaceScope {
    TRANSACTION(" since this transaction read it.", "Roll back and retry the transaction"),
    SQL_TRANSACTION(" since this transaction read it (one transaction, begun in SQL while the connection is in"
            + " autocommit).", "Roll back (ROLLBACK in SQL) and retry the transaction"),
    AUTOCOMMIT(" since this connection read it (in autocommit).", "Read the row again and retry"),
    /** sqlite-jdbc cannot say, and the last boundary was a RELEASE or XA statement. */
    UNKNOWN(" since this connection read it (in autocommit, or in a transaction begun in SQL: the driver does not"
            + " say which).", "Roll back any transaction open, read the row again and retry");

    private final String since;
    private final String advice;

    LostRaceScope(String since, String advice) {
        this.since = since;
        this.advice = advice;
    }

    /**
     * The driver's word where it has one (autocommit, and the server's transaction status on PostgreSQL and
     * MariaDB); otherwise the SQL boundary that last ended the connection's reads.
     */
    static LostRaceScope of(Connection physical, Dialect dialect, TransactionBoundary lastBoundary) {
        try {
            if (!physical.getAutoCommit()) {
                return TRANSACTION;
            }
        } catch (SQLException e) {
            return TRANSACTION;
        }
        Boolean open = ServerTransactionStatus.open(physical, dialect);
        if (open != null) {
            return open ? SQL_TRANSACTION : AUTOCOMMIT;
        }
        return lastBoundary == TransactionBoundary.BEGINS ? SQL_TRANSACTION
                : lastBoundary == TransactionBoundary.BEGINS_OR_ENDS ? UNKNOWN : AUTOCOMMIT;
    }

    String since() {
        return since;
    }

    String advice() {
        return advice;
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;

/**
 * What the raw driver does when an entry of a batch fails in the database (a constraint), which a batch
 * split into runs follows, so that the application gets the counts, the exception and the rows it gets
 * without safe-jdbc. Measured on each driver (issue #13).
 */
enum BatchFailures {
    /**
     * H2: every entry runs; a failed one counts {@code EXECUTE_FAILED}; at the end, a
     * {@code BatchUpdateException} with every entry's count and the first failure as its next exception.
     */
    GO_ON_CHAINED,
    /**
     * MariaDB Connector/J's plain (never bulk) batches: as {@link #GO_ON_CHAINED}, the first failure the
     * exception's cause. Its prepared batches differ with its options (bulk, server-prepared): {@link #STOP}.
     */
    GO_ON,
    /**
     * pgjdbc: the batch stops at the failed entry, and every entry since the transaction's last commit
     * counts {@code EXECUTE_FAILED} (inside a transaction: all of them; the transaction is aborted).
     */
    ALL_FAIL,
    /** sqlite-jdbc and the rest: the batch stops; the counts are those of the entries before the failure. */
    STOP;

    static BatchFailures of(Dialect dialect, boolean plainStatement) {
        if (dialect == Dialect.H2) {
            return GO_ON_CHAINED;
        }
        if (dialect == Dialect.MARIADB && plainStatement) {
            return GO_ON;
        }
        return dialect == Dialect.POSTGRESQL ? ALL_FAIL : STOP;
    }

    boolean goesOn() {
        return this == GO_ON || this == GO_ON_CHAINED;
    }
}

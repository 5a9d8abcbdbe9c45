package dev.safejdbc.findings;

/** What safe-jdbc detected. The descriptions are written for the person reading a report. */
public enum FindingKind {
    NESTED_SESSION("a second connection to the same database was used while this thread's"
            + " transaction was open"),
    LEASE_TIMEOUT("a wait for a shared connection ran out of time while another thread held it"),
    ABANDONED_LEASE("a connection holding a shared database was abandoned without commit,"
            + " rollback or close"),
    SHARED_CONNECTION("one connection was used by several threads while a transaction was open"
            + " on it"),
    UNGUARDED_CHECK_THEN_ACT("a write decided on a row this transaction read, without a condition"
            + " that the row is still as read"),
    NO_KEY_CHECK_THEN_ACT("a check-then-act on a table without a primary or unique key: it cannot"
            + " be guarded"),
    UNCOMPARED_COLUMNS("a guarded write could not compare some columns it read (json, arrays,"
            + " large objects)");

    private final String description;

    FindingKind(String description) {
        this.description = description;
    }

    /** One line, in plain words. */
    public String description() {
        return description;
    }
}

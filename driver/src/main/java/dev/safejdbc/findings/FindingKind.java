package dev.safejdbc.findings;

/** What safe-jdbc detected. The descriptions are written for the person reading a report. */
public enum FindingKind {
    NESTED_SESSION("a second connection to the same database was used while this thread's"
            + " transaction was open"),
    LEASE_TIMEOUT("a wait for a shared connection ran out of time while another thread held it"),
    ABANDONED_LEASE("a connection holding a shared database was abandoned without commit,"
            + " rollback or close"),
    SHARED_CONNECTION("one connection was used by several threads while a transaction was open"
            + " on it");

    private final String description;

    FindingKind(String description) {
        this.description = description;
    }

    /** One line, in plain words. */
    public String description() {
        return description;
    }
}

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
            + " large objects)"),
    /**
     * A nested session that could not wait for its own thread, so it ran (Spring's REQUIRES_NEW
     * on a pool with room, Flyway's lock connection, Hibernate's TABLE ids): usually deliberate.
     */
    NESTED_TRANSACTION("a second connection to the same database was used while this thread's"
            + " transaction was open; it could not wait for its own thread, so it ran", true);

    private final String description;
    private final boolean informational;

    FindingKind(String description) {
        this(description, false);
    }

    FindingKind(String description, boolean informational) {
        this.description = description;
        this.informational = informational;
    }

    /**
     * Whether this kind is usually deliberate, correct code: logged at INFO, and a
     * {@code @SafeJdbcTest} fails on it only when the test names it in {@code expect}.
     */
    public boolean informational() {
        return informational;
    }

    /** One line, in plain words. */
    public String description() {
        return description;
    }
}

package dev.safejdbc.findings;

/** What safe-jdbc detected. The descriptions are written for the person reading a report. */
public enum FindingKind {
    /**
     * This thread used or asked for a second connection to a database while its transaction on
     * another was open, or asked a full pool for one while it held one of its connections:
     * refused with a NestedSessionException, or recorded and let run under
     * {@code safe.nested=warn} (or in report mode).
     */
    NESTED_SESSION("a second connection to the same database was used or asked for while this thread's"
            + " transaction was open, or while it held a connection of a pool with none free"),
    /** A thread gave up waiting for a shared connection after {@code safe.checkoutTimeoutMs} (LeaseTimeoutException). */
    LEASE_TIMEOUT("a wait for a shared connection ran out of time while another thread held it"),
    /** A thread died holding a shared connection: its open transaction was rolled back and the connection handed on. */
    ABANDONED_LEASE("a connection holding a shared database was abandoned without commit,"
            + " rollback or close"),
    /** A thread used a connection inside the transaction another thread began on it. */
    SHARED_CONNECTION("one connection was used by several threads while a transaction was open"
            + " on it"),
    /**
     * A write to a row this transaction read was sent as written, without the guard (report mode, a
     * batch, or a statement or database the guard cannot make conditional).
     */
    UNGUARDED_CHECK_THEN_ACT("a write decided on a row this transaction read, without a condition"
            + " that the row is still as read"),
    /** A write to a row this transaction read was sent as written: its table has no key to guard on. */
    NO_KEY_CHECK_THEN_ACT("a check-then-act on a table without a primary or unique key: it cannot"
            + " be guarded"),
    /** A guarded write was sent, but could not compare some columns it read, so their changes go unnoticed. */
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
     *
     * @return true for a kind that is usually deliberate
     */
    public boolean informational() {
        return informational;
    }

    /**
     * One line, in plain words.
     *
     * @return what this kind means, for the person reading a report
     */
    public String description() {
        return description;
    }
}

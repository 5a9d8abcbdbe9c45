package dev.safejdbc.session;

import dev.safejdbc.config.NestedPolicy;
import dev.safejdbc.error.NestedSessionException;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;

/**
 * Decides what a nested session gets: fail (SQLState 25001, nothing sent), or a finding and on.
 * On a shared in-memory database nesting is always refused: the outer session holds the only
 * physical connection, so the inner one would wait on its own thread forever.
 */
public final class NestingCheck {
    private final NestedPolicy policy;
    private final boolean alwaysFail;

    public NestingCheck(NestedPolicy policy, boolean sharedMemory) {
        this.policy = policy;
        this.alwaysFail = sharedMemory;
    }

    /** Report mode changes nothing: a nested session is recorded, never refused. */
    public static NestingCheck reporting(NestedPolicy policy) {
        return new NestingCheck(policy == NestedPolicy.ALLOW ? NestedPolicy.ALLOW : NestedPolicy.WARN, false);
    }

    /**
     * Before a pool is asked for a second connection to a database on which this thread has a
     * transaction open: refusing here spares a small pool the wait for itself.
     */
    public void checkCheckout(String database) throws NestedSessionException {
        Session outer = OpenTransactions.openOn(database);
        if (outer != null) {
            nested(database, outer.transactionStart(),
                    "has a transaction open on one connection and asked for another");
        }
    }

    /** Refuses or records {@code inner}'s use if this thread has another transaction open there. */
    public void check(Session inner) throws NestedSessionException {
        Session outer = OpenTransactions.outerOf(inner);
        if (outer != null) {
            nested(inner.database(), outer.transactionStart(), "has a transaction open on another connection");
        }
    }

    /**
     * Handles a nested use found by whoever saw it.
     *
     * @param database   the sanitized database both sessions use
     * @param outerStart where the outer session's transaction (or open cursor) began
     * @param what       what the outer session holds, for the message
     */
    public void nested(String database, AppFrames outerStart, String what) throws NestedSessionException {
        if (alwaysFail || policy == NestedPolicy.FAIL) {
            refuse(database, outerStart, what);
        }
        if (policy == NestedPolicy.WARN) {
            AppFrames here = AppFrames.here();
            Findings.record(FindingKind.NESTED_SESSION, database, here, message(database, outerStart, here, what));
        }
    }

    /**
     * Refuses a nested use whatever the policy: the outer session of this same thread holds the
     * only physical connection, so waiting for it could never end.
     */
    public void refuse(String database, AppFrames outerStart, String what) throws NestedSessionException {
        AppFrames here = AppFrames.here();
        String message = message(database, outerStart, here, what);
        Findings.record(FindingKind.NESTED_SESSION, database, here, message);
        throw new NestedSessionException(message);
    }

    private String message(String database, AppFrames outerStart, AppFrames here, String what) {
        String advice = alwaysFail
                ? "On a shared in-memory database this would wait for itself forever."
                : "On a small pool or a locked row this waits for itself. Use the outer connection,"
                        + " or finish its transaction first (safe.nested=warn or allow lets it through).";
        return "Nested session on " + database + ": thread '" + Thread.currentThread().getName()
                + "' " + what + " to the same database.\n"
                + "  outer transaction began:\n" + outerStart.format("    ")
                + "  nested statement:\n" + here.format("    ")
                + advice;
    }
}

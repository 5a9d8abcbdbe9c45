package dev.safejdbc.session;

import dev.safejdbc.config.NestedPolicy;
import dev.safejdbc.error.NestedSessionException;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.nested.LockWaitWatchdog;
import dev.safejdbc.nested.LockWaits;
import dev.safejdbc.nested.NestedWatch;
import dev.safejdbc.nested.PoolProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what a nested session gets. With {@code safe.nested=fail} (the default) it fails with
 * SQLState 25001 only when it would wait for its own thread: always on a shared in-memory
 * database (the outer session holds the only physical connection); at a checkout from a pool
 * with no free connection left; and when its statement waits on a lock that the outer
 * transaction holds (cancelled by the {@link LockWaitWatchdog}). Any other nested session
 * cannot wait for itself: it runs, recorded as an informational finding. {@code strict} refuses
 * every nested statement before anything is sent.
 */
public final class NestingCheck {
    /** Immutable, so one of each kind (a dozen at most) serves every connection: each open one has a check. */
    private static final Map<List<Object>, NestingCheck> KINDS = new ConcurrentHashMap<>();

    private final NestedPolicy policy;
    private final boolean alwaysFail;
    private final boolean reporting;
    /** The database's lock-wait view, or null: no statement is watched. */
    private final LockWaits lockWaits;

    private NestingCheck(NestedPolicy policy, boolean sharedMemory, boolean reporting, LockWaits lockWaits) {
        this.policy = policy;
        this.alwaysFail = sharedMemory;
        this.reporting = reporting;
        this.lockWaits = lockWaits;
    }

    /** Enforce mode on a database reached through its own connections ({@code subprotocol} picks the lock-wait view). */
    public static NestingCheck enforcing(NestedPolicy policy, String subprotocol) {
        return of(policy, false, false, LockWaits.of(subprotocol));
    }

    /** Enforce mode on a shared in-memory database: nesting there is always refused. */
    public static NestingCheck sharedMemory(NestedPolicy policy) {
        return of(policy, true, false, null);
    }

    /** Report mode changes nothing: a nested session is recorded, never refused. */
    public static NestingCheck reporting(NestedPolicy policy) {
        return of(policy, false, true, null);
    }

    private static NestingCheck of(NestedPolicy policy, boolean sharedMemory, boolean reporting, LockWaits lockWaits) {
        return KINDS.computeIfAbsent(Arrays.asList(policy, sharedMemory, reporting, lockWaits),
                kind -> new NestingCheck(policy, sharedMemory, reporting, lockWaits));
    }

    /**
     * Before {@code pool} is asked for a connection to {@code database}. Refused (SQLState 25001)
     * when this thread holds one of the pool's connections, in a transaction or not, and the pool
     * has no free connection left: the checkout would wait for this thread's own. With
     * {@code strict}, also whenever this thread has a transaction open there. {@code warn} and
     * report mode record instead of refusing.
     *
     * @param holdsOne whether this thread holds an open connection that {@code pool} handed out
     */
    public void checkCheckout(String database, Object pool, boolean holdsOne) throws NestedSessionException {
        if (policy == NestedPolicy.ALLOW) {
            return;
        }
        Session outer = OpenTransactions.openOn(database);
        if (outer == null && !holdsOne) {
            return;
        }
        AppFrames outerStart = outer == null ? AppFrames.none() : outer.transactionStart();
        boolean waitsForItself = holdsOne && PoolProbe.exhausted(pool);
        String what = waitsForItself
                ? "holds a connection of a pool that has no free connection left, and asked it for another"
                : "has a transaction open on one connection and asked for another";
        if (waitsForItself || (policy == NestedPolicy.STRICT && outer != null)) {
            if (reporting || policy == NestedPolicy.WARN) {
                record(FindingKind.NESTED_SESSION, database, outerStart, what);
            } else {
                refuse(database, outerStart, what);
            }
        } else if (policy == NestedPolicy.WARN && outer != null) {
            record(FindingKind.NESTED_SESSION, database, outerStart, what);
        }
    }

    /**
     * Refuses or records {@code inner}'s use if this thread has another transaction open there.
     *
     * @return the outer session when the nested statement runs and should be watched for a lock
     *         wait on it ({@link #watch}); null otherwise
     */
    public Session check(Session inner) throws NestedSessionException {
        Session outer = OpenTransactions.outerOf(inner);
        if (outer == null) {
            return null;
        }
        String what = "has a transaction open on another connection";
        if (alwaysFail || (policy == NestedPolicy.STRICT && !reporting)) {
            refuse(inner.database(), outer.transactionStart(), what);
        } else if (policy == NestedPolicy.FAIL) {
            record(FindingKind.NESTED_TRANSACTION, inner.database(), outer.transactionStart(), what);
            return reporting ? null : outer;
        } else if (policy != NestedPolicy.ALLOW) {
            record(FindingKind.NESTED_SESSION, inner.database(), outer.transactionStart(), what);
        }
        return null;
    }

    /**
     * Watches the nested statement about to run on {@code nested} for a wait on a lock that
     * {@code outer}'s transaction holds (see {@link #check}).
     */
    public NestedWatch watch(Session outer, Connection nested) {
        return lockWaits == null ? NestedWatch.NONE : LockWaitWatchdog.arm(lockWaits, outer.physical(), nested);
    }

    /** The exception a nested statement that the watchdog cancelled ends with, instead of {@code cancelled}. */
    public NestedSessionException cancelled(String database, AppFrames outerStart, SQLException cancelled) {
        AppFrames here = AppFrames.here();
        String message = message(database, outerStart, here,
                "has a transaction open on another connection, and this statement waited for a lock that"
                        + " transaction holds; it was cancelled");
        Findings.record(FindingKind.NESTED_SESSION, database, here, message);
        NestedSessionException refused = new NestedSessionException(message);
        refused.initCause(cancelled);
        return refused;
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

    private void record(FindingKind kind, String database, AppFrames outerStart, String what) {
        AppFrames here = AppFrames.here();
        Findings.record(kind, database, here, message(database, outerStart, here, what));
    }

    private String message(String database, AppFrames outerStart, AppFrames here, String what) {
        String advice;
        if (alwaysFail) {
            advice = "On a shared in-memory database this would wait for itself forever.";
        } else if (policy == NestedPolicy.FAIL) {
            advice = "It would wait for its own thread. Use the outer connection, or finish its transaction first.";
        } else {
            advice = "On a small pool or a locked row this waits for itself. Use the outer connection,"
                    + " or finish its transaction first (safe.nested=fail lets through what cannot wait for"
                    + " itself; warn or allow lets everything through).";
        }
        return "Nested session on " + database + ": thread '" + Thread.currentThread().getName()
                + "' " + what + " to the same database.\n"
                + (outerStart == AppFrames.none()
                        ? "  the connection it holds was taken outside any transaction (where is not recorded)\n"
                        : "  outer transaction began:\n" + outerStart.format("    "))
                + "  nested statement:\n" + here.format("    ")
                + advice;
    }
}

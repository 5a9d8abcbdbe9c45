package dev.safejdbc.session;

import dev.safejdbc.error.LeaseTimeoutException;
import dev.safejdbc.error.SqlStates;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A physical connection and the one session that may use it now. A session holds the lease for
 * one transaction (or, in autocommit, one statement and its open cursors); everyone else waits.
 * The holder is a session, not a thread, so a lease can be released from any thread and
 * reclaimed from a thread that died holding it.
 */
public final class ConnectionLease {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLease.class);
    /** How often a waiter checks that the holder's thread is still alive. */
    private static final long LIVENESS_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /*
     * The holder and the waiters' count are fields set with compare-and-set, not atomic objects: every open
     * connection has a lease. Waiters park on a lock's condition (not a monitor's wait): the interleaving
     * harness tells a task waiting for the lease by the blocker it parks on.
     */
    private static final VarHandle HOLDER;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HOLDER = lookup.findVarHandle(ConnectionLease.class, "holder", ThreadSession.class);
            WAITERS = lookup.findVarHandle(ConnectionLease.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Connection physical;
    private final String database;
    private final boolean shared;
    private final Settings applied;
    /** {@link Settings#packed}. */
    private final long initial;
    private volatile ThreadSession holder;
    /** Sessions waiting for {@link #released}. */
    private volatile int waiters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private volatile int defaultIsolation = Settings.UNKNOWN;
    private volatile boolean dropped;

    ConnectionLease(Connection physical, String database, boolean shared) throws SQLException {
        this.physical = physical;
        this.database = database;
        this.shared = shared;
        this.applied = Settings.readFrom(physical);
        this.initial = applied.packed();
    }

    /** A lease over a connection that one logical connection owns (and closes). */
    public static ConnectionLease owned(Connection physical, String database) throws SQLException {
        return new ConnectionLease(physical, database, false);
    }

    public Connection physical() {
        return physical;
    }

    public String database() {
        return database;
    }

    /** Whether several logical connections share this physical connection. */
    public boolean isShared() {
        return shared;
    }

    ThreadSession holder() {
        return holder;
    }

    private boolean changeHolder(ThreadSession from, ThreadSession to) {
        return HOLDER.compareAndSet(this, from, to);
    }

    /** The settings a fresh logical connection starts with ({@link Settings#packed}): the physical one's as opened. */
    long initialSettings() {
        return initial;
    }

    /**
     * Takes the lease for {@code session}, waiting up to {@code timeoutMs}. Re-entrant: a session
     * that holds it already returns at once. Returns null once taken; or, without taking it, the
     * other session of this same thread that holds it, since waiting for it would never end (what
     * that means is the caller's to decide).
     */
    ThreadSession acquire(ThreadSession session, long timeoutMs) throws SQLException {
        ThreadSession current = holder;
        if (current == session) {
            return null;
        }
        if (current == null && changeHolder(null, session)) {
            restore(session);
            return null;
        }
        ThreadSession sameThread = waitFor(session, timeoutMs);
        if (sameThread == null) {
            restore(session);
        }
        return sameThread;
    }

    private ThreadSession waitFor(ThreadSession session, long timeoutMs) throws SQLException {
        long start = System.nanoTime();
        long timeout = TimeUnit.MILLISECONDS.toNanos(timeoutMs); // saturates: elapsed time never overflows
        lock.lock();
        WAITERS.getAndAdd(this, 1);
        try {
            while (true) {
                ThreadSession current = holder;
                if (current == null) {
                    if (changeHolder(null, session)) {
                        return null;
                    }
                    continue;
                }
                if (current.thread() == Thread.currentThread()) {
                    return current;
                }
                if (!current.thread().isAlive() && changeHolder(current, session)) {
                    reclaimFrom(current);
                    return null;
                }
                long left = timeout - (System.nanoTime() - start);
                if (left <= 0) {
                    throw timedOut(current, timeoutMs);
                }
                released.awaitNanos(Math.min(left, LIVENESS_CHECK_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseTimeoutException("Interrupted while waiting for the connection to " + database
                    + ", held by " + describe(holder));
        } finally {
            WAITERS.getAndAdd(this, -1);
            lock.unlock();
        }
    }

    /**
     * Gives the lease back if {@code session} holds it, and wakes one waiter: waking them all would
     * have every waiter race for one lease (on 2 cores, a storm of context switches). A waiter that
     * is not woken still looks again within {@link #LIVENESS_CHECK_NANOS}.
     */
    void release(ThreadSession session) {
        if (changeHolder(session, null) && waiters > 0) {
            lock.lock();
            try {
                released.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits (bounded) until none of {@code owner}'s sessions holds the lease. */
    void awaitFree(ThreadSessions owner, long timeoutMs) throws SQLException {
        long start = System.nanoTime();
        long timeout = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        WAITERS.getAndAdd(this, 1);
        try {
            ThreadSession current;
            while ((current = holder) != null && current.owner() == owner && current.thread().isAlive()) {
                long left = timeout - (System.nanoTime() - start);
                if (left <= 0) {
                    throw timedOut(current, timeoutMs);
                }
                released.awaitNanos(Math.min(left, LIVENESS_CHECK_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseTimeoutException("Interrupted while closing a connection to " + database);
        } finally {
            WAITERS.getAndAdd(this, -1);
            lock.unlock();
        }
    }

    /** Brings the physical connection to {@code session}'s settings; only what differs is sent. */
    private void restore(ThreadSession session) throws SQLException {
        try {
            Settings wanted = session.settings();
            if (applied.autoCommit != wanted.autoCommit) {
                physical.setAutoCommit(wanted.autoCommit);
                applied.autoCommit = wanted.autoCommit;
            }
            if (applied.readOnly != wanted.readOnly) {
                physical.setReadOnly(wanted.readOnly);
                applied.readOnly = wanted.readOnly;
            }
            int isolation = wanted.isolation != Settings.UNKNOWN ? wanted.isolation : defaultIsolation;
            if (isolation != Settings.UNKNOWN && isolation != applied.isolation) {
                physical.setTransactionIsolation(isolation);
                applied.isolation = isolation;
            }
        } catch (SQLException | RuntimeException e) {
            release(session);
            throw e;
        }
    }

    /** Records the settings the holder has just put on the physical connection (called while holding). */
    void applied(Settings now) {
        applied.autoCommit = now.autoCommit;
        applied.readOnly = now.readOnly;
        if (now.isolation != Settings.UNKNOWN) {
            applied.isolation = now.isolation;
        }
    }

    /**
     * The isolation a session gets when it never set one: learnt from the physical connection the
     * first time it matters (called by the holder, before any session changes it).
     */
    int defaultIsolation() throws SQLException {
        if (defaultIsolation == Settings.UNKNOWN) {
            int level = physical.getTransactionIsolation();
            defaultIsolation = level;
            if (applied.isolation == Settings.UNKNOWN) {
                applied.isolation = level;
            }
        }
        return defaultIsolation;
    }

    /** A thread died holding the lease: undo its open work so the database is usable again. */
    private void reclaimFrom(ThreadSession dead) throws SQLException {
        String what = "Thread '" + dead.thread().getName() + "' died holding the connection to " + database
                + "; its open transaction was rolled back and the connection handed to '"
                + Thread.currentThread().getName() + "'";
        LOG.warn("{}\n  its transaction began:\n{}", what, dead.transactionStart().format("    "));
        Findings.record(FindingKind.ABANDONED_LEASE, database, dead.transactionStart(), what);
        dead.abandon();
        if (!applied.autoCommit) {
            physical.rollback();
        }
    }

    private LeaseTimeoutException timedOut(ThreadSession current, long timeoutMs) {
        AppFrames waiter = AppFrames.here();
        String message = "Timed out after " + timeoutMs + " ms (safe.checkoutTimeoutMs) waiting for the connection to "
                + database + ", held by " + describe(current) + "  waiting:\n" + waiter.format("    ");
        Findings.record(FindingKind.LEASE_TIMEOUT, database, waiter, message);
        return new LeaseTimeoutException(message);
    }

    private static String describe(ThreadSession session) {
        if (session == null) {
            return "nobody";
        }
        if (session.inTransaction()) {
            return "thread '" + session.thread().getName() + "', whose transaction began:\n"
                    + session.transactionStart().format("    ");
        }
        return "thread '" + session.thread().getName() + "' with an open result set, now at:\n"
                + AppFrames.of(session.thread()).format("    ");
    }

    /** After {@link SharedMemoryDatabases#drop}: further use is an error, not a new database. */
    void markDropped() {
        dropped = true;
    }

    boolean isDropped() {
        return dropped;
    }

    void ensureNotDropped() throws SQLException {
        if (dropped) {
            throw new SQLException("The shared in-memory database " + database + " was dropped",
                    SqlStates.CONNECTION_CLOSED);
        }
    }

    /** The logical connection is done with this lease: close the physical one unless shared. */
    void closeLogical() throws SQLException {
        if (!shared) {
            physical.close();
        }
    }
}

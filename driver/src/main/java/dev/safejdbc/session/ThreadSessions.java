package dev.safejdbc.session;

import dev.safejdbc.error.SqlStates;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * The per-thread sessions of one logical connection in enforce mode. A thread's first session
 * starts from the settings the connection was last left in (what it would see without
 * safe-jdbc, and what a pool handing the connection from thread to thread expects); after that,
 * each thread's settings and transaction are its own.
 */
public final class ThreadSessions implements Sessions {
    private final ConnectionLease lease;
    private final NestingCheck nesting;
    private final long checkoutTimeoutMs;
    /**
     * Sized for one thread (a table of 2, not the default 16): a connection is used by one thread at a time, and
     * pools hand it back mostly to the thread that had it last.
     */
    private final Map<Thread, ThreadSession> byThread = new ConcurrentHashMap<>(1);
    private volatile ThreadSession last;
    /** The settings the connection was last left in ({@link Settings#packed}). */
    private volatile long lastSettings;
    private volatile boolean closed;

    public ThreadSessions(ConnectionLease lease, NestingCheck nesting, long checkoutTimeoutMs) {
        this.lease = lease;
        this.nesting = nesting;
        this.checkoutTimeoutMs = checkoutTimeoutMs;
        this.lastSettings = lease.initialSettings();
    }

    ConnectionLease lease() {
        return lease;
    }

    NestingCheck nesting() {
        return nesting;
    }

    long checkoutTimeoutMs() {
        return checkoutTimeoutMs;
    }

    /** Kept small, so that the JIT inlines it into every statement: the thread that used the connection last. */
    @Override
    public Session current() {
        ThreadSession cached = last;
        return cached != null && cached.thread() == Thread.currentThread() ? cached : find(Thread.currentThread());
    }

    private ThreadSession find(Thread thread) {
        ThreadSession session = byThread.get(thread);
        if (session == null) {
            byThread.values().removeIf(s -> !s.thread().isAlive() && lease.holder() != s);
            session = new ThreadSession(this, thread, Settings.unpacked(lastSettings));
            byThread.put(thread, session);
        }
        last = session;
        return session;
    }

    /** A thread changed a setting: later threads start from it. */
    void remember(Settings settings) {
        lastSettings = settings.packed();
    }

    @Override
    public void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The connection is closed", SqlStates.CONNECTION_CLOSED);
        }
        lease.ensureNotDropped();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Rolls back the closing thread's own open work, waits (bounded) for other threads'
     * transactions on this connection to finish, then closes; their work is never cut off.
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        ThreadSession mine = byThread.get(Thread.currentThread());
        if (mine != null) {
            try {
                mine.end();
            } catch (SQLException e) {
                // the physical connection is gone (a killed backend, a dropped database): so is the transaction
                LoggerFactory.getLogger(ThreadSessions.class).debug("Rollback on close failed on {}", lease.database(), e);
            }
        }
        lease.awaitFree(this, checkoutTimeoutMs);
        closed = true;
        byThread.clear();
        last = null;
        lease.closeLogical();
    }

    /**
     * An owned physical connection is aborted at once, as JDBC says; a shared one is only left
     * (closing it would end every other logical connection's work), like a close on the executor.
     */
    @Override
    public void abort(java.util.concurrent.Executor executor) throws SQLException {
        if (lease.isShared()) {
            executor.execute(this::closeQuietly);
            return;
        }
        closed = true;
        byThread.values().forEach(ThreadSession::abandon);
        byThread.clear();
        last = null;
        lease.physical().abort(executor);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException e) {
            LoggerFactory.getLogger(ThreadSessions.class).warn("Could not close an aborted connection to {}",
                    lease.database(), e);
        }
    }
}

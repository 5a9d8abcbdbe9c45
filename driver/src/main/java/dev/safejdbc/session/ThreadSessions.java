package dev.safejdbc.session;

import dev.safejdbc.error.SqlStates;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** The session a thread last got: looked at first, and the only one until a second thread comes. */
    private volatile ThreadSession last;
    /**
     * Every thread's session, made when a second thread uses the connection (most connections only ever see
     * one, and an open connection should cost little heap); null until then. Guarded by {@code this}.
     */
    private Map<Thread, ThreadSession> byThread;
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

    @Override
    public Session current() {
        ThreadSession cached = last;
        Thread thread = Thread.currentThread();
        if (cached != null && cached.thread() == thread) {
            return cached;
        }
        return sessionOf(thread);
    }

    /** {@code thread}'s session, made on its first call; the sessions of threads that died go then. */
    private synchronized ThreadSession sessionOf(Thread thread) {
        ThreadSession session = existing(thread);
        if (session == null) {
            session = new ThreadSession(this, thread, Settings.unpacked(lastSettings));
            ThreadSession only = last;
            if (byThread == null && only != null && !departed(only)) {
                byThread = new HashMap<>(4);
                byThread.put(only.thread(), only);
            }
            if (byThread != null) {
                byThread.values().removeIf(this::departed);
                byThread.put(thread, session);
            }
        }
        last = session;
        return session;
    }

    /** {@code thread}'s session if it has one. */
    private synchronized ThreadSession existing(Thread thread) {
        if (byThread != null) {
            return byThread.get(thread);
        }
        ThreadSession only = last;
        return only != null && only.thread() == thread ? only : null;
    }

    /** A session whose thread died, and which holds nothing: it can never be used again. */
    private boolean departed(ThreadSession session) {
        return !session.thread().isAlive() && lease.holder() != session;
    }

    private synchronized List<ThreadSession> all() {
        ThreadSession only = last;
        return byThread != null ? List.copyOf(byThread.values()) : only != null ? List.of(only) : List.of();
    }

    private synchronized void forgetAll() {
        byThread = null;
        last = null;
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
        ThreadSession mine = existing(Thread.currentThread());
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
        forgetAll();
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
        all().forEach(ThreadSession::abandon);
        forgetAll();
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

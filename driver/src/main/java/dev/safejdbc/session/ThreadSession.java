package dev.safejdbc.session;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.nested.NestedWatch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One thread's session on a logical connection, in enforce mode. Its settings live here and are
 * put on the physical connection only while it holds the lease, so one thread's
 * {@code setAutoCommit}, {@code commit} or {@code rollback} never touches another's transaction.
 * It is also the scope of each call entered in it (one object less per open connection).
 */
final class ThreadSession implements Session, Session.Scope {
    /** Fields set with compare-and-set rather than atomic objects: one object and one indirection less per session. */
    private static final VarHandle PINS;
    private static final VarHandle ALONE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PINS = lookup.findVarHandle(ThreadSession.class, "pins", int.class);
            ALONE = lookup.findVarHandle(ThreadSession.class, "alone", CursorPin.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ThreadSessions owner;
    private final ConnectionLease lease;
    private final Thread thread;
    private final Settings settings;
    private volatile boolean inTransaction;
    private volatile AppFrames transactionStart = AppFrames.none();
    /**
     * The open cursor that holds the lease alone (no other was open when it was pinned), or null. Most
     * queries have one cursor open at a time: pinning it costs no atomic operation, releasing it one
     * compare-and-set here, where a counted pin costs three (the count up, the pin's own release, the count
     * down).
     */
    private volatile CursorPin alone;
    /** Open cursors holding the lease beside {@link #alone}. */
    private volatile int pins;
    /** One per session, not one per cursor. */
    private final Runnable unpin = this::unpin;
    private final Attachments attachments = new Attachments();
    /**
     * The lock-wait watch of the statement under way, when it is nested (see NestingCheck); kept
     * once disarmed, so that the statement's failure can still be explained after its scope closed.
     */
    private NestedWatch watch = NestedWatch.NONE;
    private AppFrames outerStart = AppFrames.none();

    ThreadSession(ThreadSessions owner, Thread thread, Settings settings) {
        this.owner = owner;
        this.lease = owner.lease();
        this.thread = thread;
        this.settings = settings;
    }

    Thread thread() {
        return thread;
    }

    ThreadSessions owner() {
        return owner;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public String database() {
        return lease.database();
    }

    @Override
    public <S extends TransactionState> S attachment(Attachment<S> kind) {
        return attachments.get(kind);
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public AppFrames transactionStart() {
        return transactionStart;
    }

    @Override
    public Scope enter(Supplier<AppFrames> site) throws SQLException {
        owner.ensureOpen();
        Session outer = owner.nesting().check(this);
        // walked before the lease is taken, so that the walk does not hold up the sessions waiting for it
        AppFrames start = !settings.autoCommit && !inTransaction ? site.get() : null;
        acquireLease();
        watch = NestedWatch.NONE;
        if (outer != null) { // nested hook: a nested statement that runs is watched for a wait on its own thread
            watch = owner.nesting().watch(outer, lease.physical());
            outerStart = outer.transactionStart();
        }
        if (start != null) {
            transactionStart = start;
            inTransaction = true;
            attachments.clear(); // a transaction starts with nothing read: an autocommit read guards no write of it
            OpenTransactions.began(this);
        }
        return this;
    }

    @Override
    public Session session() {
        return this;
    }

    /** The call's scope closes: the watch stops, then the lease goes back when idle. */
    @Override
    public void close() {
        watch.disarm();
        releaseIfIdle();
    }

    @Override
    public SQLException explain(SQLException thrown) {
        if (!watch.cancelled()) {
            return thrown;
        }
        watch.disarm();
        watch = NestedWatch.NONE;
        return owner.nesting().cancelled(database(), outerStart, thrown);
    }

    @Override
    public Connection physical() {
        return lease.physical();
    }

    /**
     * Pins inside a transaction too: a result set still open after its commit must not read on
     * while another session's transaction runs on the same physical connection.
     * <p>
     * Called on this session's thread while it holds the lease. When no cursor is open, the new one is held
     * {@linkplain #alone alone} with a release store: nobody else sets {@code alone} while it is null (a
     * release only clears it from its own pin), and the store needs no fence of its own, because every
     * release clears its field with a compare-and-set (a full fence) before it reads the others in
     * {@link #releaseIfIdle}, so of two releases at once the later one sees the earlier one's write.
     */
    @Override
    public CursorPin pin(CursorPin pin) {
        if (alone == null && pins == 0) {
            pin.holdAlone(this);
            ALONE.setRelease(this, pin);
        } else {
            PINS.getAndAdd(this, 1);
            pin.hold(unpin);
        }
        return pin;
    }

    /** {@code pin}, held alone, is released (on any thread; once, by the compare-and-set). */
    void releaseAlone(CursorPin pin) {
        if (alone == pin && ALONE.compareAndSet(this, pin, null)) {
            releaseIfIdle();
        }
    }

    private void unpin() {
        int open;
        do {
            open = pins;
        } while (open > 0 && !PINS.compareAndSet(this, open, open - 1)); // a cursor of a session already ended counts no more
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        if (!inTransaction && alone == null && pins == 0) {
            lease.release(this);
        }
    }

    private void forgetCursors() {
        alone = null;
        pins = 0;
    }

    private void acquireLease() throws SQLException {
        lease.ensureNotDropped();
        ThreadSession sameThread = lease.acquire(this, owner.checkoutTimeoutMs());
        if (sameThread != null) {
            nestedOn(sameThread);
        }
    }

    /** Another session of this thread holds the lease: that is nesting, never a wait. */
    private void nestedOn(ThreadSession holder) throws SQLException {
        String what = holder.inTransaction() ? "has a transaction open on another connection"
                : "has a result set open on another connection";
        owner.nesting().refuse(database(), holder.transactionStartOrHere(), what);
    }

    private AppFrames transactionStartOrHere() {
        return inTransaction ? transactionStart : AppFrames.of(thread);
    }

    /** Runs {@code call} on the physical connection under the lease, without starting a transaction. */
    private <T> T touch(SqlFunction<Connection, T> call) throws SQLException {
        owner.ensureOpen();
        acquireLease();
        try {
            return call.apply(lease.physical());
        } finally {
            releaseIfIdle();
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        owner.ensureOpen();
        return settings.autoCommit;
    }

    /**
     * Only recorded, not sent, unless this session holds the physical connection now: the next
     * lease puts it on. So a pool's reset never waits for another session's transaction.
     */
    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        owner.ensureOpen();
        if (autoCommit == settings.autoCommit) {
            return;
        }
        if (lease.holder() == this) {
            lease.physical().setAutoCommit(autoCommit);
            settings.autoCommit = autoCommit;
            lease.applied(settings);
        } else {
            settings.autoCommit = autoCommit;
        }
        owner.remember(settings);
        if (autoCommit && inTransaction) {
            endTransaction(); // JDBC: switching autocommit on commits the open transaction
            releaseIfIdle();
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        owner.ensureOpen();
        return settings.readOnly;
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        if (readOnly == settings.readOnly) {
            owner.ensureOpen();
            return;
        }
        touch(c -> { // sent at once, so the real driver's refusal comes from this call
            c.setReadOnly(readOnly);
            settings.readOnly = readOnly;
            lease.applied(settings);
            return null;
        });
        owner.remember(settings);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        if (settings.isolation != Settings.UNKNOWN) {
            owner.ensureOpen();
            return settings.isolation;
        }
        return touch(c -> lease.defaultIsolation());
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        touch(c -> {
            lease.defaultIsolation(); // learnt before the first change, so others can be restored to it
            c.setTransactionIsolation(level);
            settings.isolation = level;
            lease.applied(settings);
            return null;
        });
        owner.remember(settings);
    }

    @Override
    public void commit() throws SQLException {
        if (inTransaction) {
            endIfDropped();
            lease.physical().commit();
            endTransaction();
            releaseIfIdle();
        } else if (settings.autoCommit) {
            touch(c -> { // the real driver answers as it would without safe-jdbc
                c.commit();
                return null;
            });
        } else {
            owner.ensureOpen(); // nothing of this session's was begun: nothing to commit
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (inTransaction) {
            try {
                endIfDropped();
                lease.physical().rollback();
            } finally {
                endTransaction();
                releaseIfIdle();
            }
        } else if (settings.autoCommit) {
            touch(c -> {
                c.rollback();
                return null;
            });
        } else {
            owner.ensureOpen();
        }
    }

    @Override
    public void end() throws SQLException {
        forgetCursors();
        if (inTransaction) {
            rollback();
        } else {
            releaseIfIdle();
        }
    }

    /** The shared database was dropped under this transaction: it is gone, and so is the hold on it. */
    private void endIfDropped() throws SQLException {
        if (lease.isDropped()) {
            endTransaction();
            releaseIfIdle();
            lease.ensureNotDropped();
        }
    }

    private void endTransaction() {
        inTransaction = false;
        transactionStart = AppFrames.none();
        attachments.clear();
        if (Thread.currentThread() == thread) {
            OpenTransactions.ended(this);
        }
    }

    /** The thread died holding the lease; the lease rolls its work back. */
    void abandon() {
        forgetCursors();
        inTransaction = false;
        transactionStart = AppFrames.none();
        attachments.clear();
    }
}

package dev.safejdbc.session;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Report mode: the connection behaves exactly as the real one (every setting and transaction
 * call goes straight through), while nested sessions and transactions shared between threads
 * are recorded as findings.
 */
public final class ObservedSession implements Session, Sessions {
    private final Connection physical;
    private final String database;
    private final NestingCheck nesting;
    private volatile Thread transactionThread;
    private volatile AppFrames transactionStart = AppFrames.none();
    private final Attachments attachments = new Attachments();
    /** Nothing is held in report mode: leaving a call gives nothing back. */
    private final Scope scope = new SessionScope(this, () -> { });

    public ObservedSession(Connection physical, String database, NestingCheck nesting) {
        this.physical = physical;
        this.database = database;
        this.nesting = nesting;
    }

    @Override
    public Session current() {
        return this;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public <S extends TransactionState> S attachment(Attachment<S> kind) {
        return attachments.get(kind);
    }

    @Override
    public boolean inTransaction() {
        return transactionThread != null;
    }

    @Override
    public AppFrames transactionStart() {
        return transactionStart;
    }

    @Override
    public Scope enter(Supplier<AppFrames> site) throws SQLException {
        nesting.check(this);
        Thread owner = transactionThread;
        Thread me = Thread.currentThread();
        if (owner != null && owner != me) {
            AppFrames here = AppFrames.here();
            Findings.record(FindingKind.SHARED_CONNECTION, database, here, "thread '" + me.getName()
                    + "' used a connection inside the transaction of thread '" + owner.getName()
                    + "', which began:\n" + transactionStart.format("    "));
        } else if (owner == null && !physical.getAutoCommit()) {
            transactionStart = site.get();
            transactionThread = me;
            attachments.clear(); // a transaction starts with nothing read
            OpenTransactions.began(this);
        }
        return scope;
    }

    @Override
    public SQLException explain(SQLException thrown) {
        return thrown; // report mode cancels nothing
    }

    @Override
    public Connection physical() {
        return physical;
    }

    @Override
    public CursorPin pin(CursorPin pin) {
        return CursorPin.NONE;
    }

    private void transactionEnded() {
        if (transactionThread == Thread.currentThread()) {
            OpenTransactions.ended(this);
        }
        transactionThread = null;
        transactionStart = AppFrames.none();
        attachments.clear();
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return physical.getAutoCommit();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        boolean was = physical.getAutoCommit();
        physical.setAutoCommit(autoCommit);
        if (autoCommit && !was) {
            transactionEnded();
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return physical.isReadOnly();
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        physical.setReadOnly(readOnly);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return physical.getTransactionIsolation();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        physical.setTransactionIsolation(level);
    }

    @Override
    public void commit() throws SQLException {
        physical.commit();
        transactionEnded();
    }

    @Override
    public void rollback() throws SQLException {
        try {
            physical.rollback();
        } finally {
            transactionEnded();
        }
    }

    @Override
    public void end() {
        transactionEnded();
    }

    /** Report mode changes nothing: a closed physical connection answers for itself. */
    @Override
    public void ensureOpen() {
        // nothing to check beyond what the real connection checks
    }

    @Override
    public boolean isClosed() {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void abort(java.util.concurrent.Executor executor) throws SQLException {
        end();
        physical.abort(executor);
    }

    @Override
    public void close() throws SQLException {
        end();
        physical.close();
    }
}

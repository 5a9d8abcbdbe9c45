package dev.safejdbc.session;

import dev.safejdbc.findings.AppFrames;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One thread's view of a logical connection: its settings and its transaction. Every call that
 * reaches the database runs inside {@link #enter}'s scope, so the session can refuse a nested
 * use, wait for the physical connection and know when its transaction began and ended.
 */
public interface Session {

    /** The sanitized identity of the database, used for nesting and in messages. */
    String database();

    boolean getAutoCommit() throws SQLException;

    void setAutoCommit(boolean autoCommit) throws SQLException;

    boolean isReadOnly() throws SQLException;

    void setReadOnly(boolean readOnly) throws SQLException;

    int getTransactionIsolation() throws SQLException;

    void setTransactionIsolation(int level) throws SQLException;

    void commit() throws SQLException;

    void rollback() throws SQLException;

    /**
     * Before anything is sent to the database: checks nesting, takes the physical connection.
     * The call runs inside the returned scope, whose {@code close} (in a try-with-resources) gives
     * the physical connection back when the session is idle.
     *
     * @param site where the application is, asked for only when this call begins a transaction
     *             (walking the stack on every statement would cost more than the statement)
     */
    Scope enter(Supplier<AppFrames> site) throws SQLException;

    /** A session entered for one call; one object per session, not one per call. */
    interface Scope extends AutoCloseable {
        Session session();

        /** Leaves the session: the physical connection goes back if nothing holds it. */
        @Override
        void close();
    }

    /**
     * What the application gets instead of {@code thrown}, the failure of a call run in
     * {@link #enter}'s scope (asked after the scope closed): a nested statement cancelled because it
     * waited on its own thread's lock fails with SQLState 25001 (see {@link NestingCheck}).
     */
    SQLException explain(SQLException thrown);

    /** The physical connection this session runs on (the lock-wait watchdog asks the database on it). */
    java.sql.Connection physical();

    /**
     * Keeps the physical connection for an open cursor (result set) until {@code pin} (not taken
     * before) is released; returns the pin that holds it ({@link CursorPin#NONE} when nothing is held).
     */
    CursorPin pin(CursorPin pin);

    /** Whether this session has a transaction open now (what makes a second session nested). */
    boolean inTransaction();

    /** Where this session's open transaction began (empty when none). */
    AppFrames transactionStart();

    /** What {@code kind}'s layer keeps for this session's transaction (made on first use, cleared at its end). */
    <S extends TransactionState> S attachment(Attachment<S> kind);

    /** The logical connection closes: roll back this session's own open work, free the lease. */
    void end() throws SQLException;
}

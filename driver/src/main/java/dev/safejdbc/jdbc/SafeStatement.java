package dev.safejdbc.jdbc;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.function.SqlSupplier;
import dev.safejdbc.guard.BatchPlan;
import dev.safejdbc.guard.ReadCapture;
import dev.safejdbc.guard.StatementGuard;
import dev.safejdbc.guard.WritePlan;
import dev.safejdbc.session.Boundaries;
import dev.safejdbc.session.Boundary;
import dev.safejdbc.session.CursorPin;
import dev.safejdbc.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement whose executions run inside the calling thread's session: nesting is checked and
 * the physical connection taken before anything is sent, and the check-then-act guard sees every
 * read and write through this statement's {@link StatementGuard}, which keeps the statement's
 * interception state (its plan, its cursor pin, where its results are); this class routes. An open
 * result set keeps the physical connection until it is closed (or exhausted, or its statement
 * closed or re-executed), because its cursor lives on that connection.
 */
public class SafeStatement implements Statement {
    private final SafeConnection connection;
    private final Statement delegate;
    /**
     * Whether the driver answers this statement's {@code getUpdateCount()} and {@code getMoreResults()} after
     * {@code executeUpdate(sql)} from the statement's own past, which a guarded form running in its place would
     * change: sqlite-jdbc's plain statements (-1 and "statement is not executing" if it ever ran {@code execute}
     * or {@code executeQuery}, else a NullPointerException). Such a statement is given the raw one's past.
     */
    private final boolean answersFromItsPast;
    /** How a guarded form of {@code executeUpdate(sql)} runs: decided once, so that a write allocates nothing for it. */
    private final SqlFunction<PreparedStatement, Long> runGuardedUpdate;
    final StatementGuard guard;
    /** The result set handed out last: the same wrapper again from getResultSet(), left before the next execution. */
    private SafeResultSet current;

    SafeStatement(SafeConnection connection, Statement delegate) {
        this(connection, delegate, StatementGuard.plain(connection.guard(), connection.physicalConnection()));
    }

    SafeStatement(SafeConnection connection, Statement delegate, StatementGuard guard) {
        this.connection = connection;
        this.delegate = delegate;
        this.guard = guard;
        this.answersFromItsPast = connection.database().dialect() == Dialect.SQLITE
                && !(delegate instanceof PreparedStatement);
        this.runGuardedUpdate = answersFromItsPast ? this::guardedUpdateLeavingTheRawPast
                : PreparedStatement::executeLargeUpdate;
    }

    /**
     * Runs a batch as the guard plans it: the driver's own batch when no entry is guarded; else split into
     * runs, guarded entries on their guarded forms.
     *
     * @param asWritten the driver's own batch
     * @param split     runs the guard's plan
     */
    private <T> T runBatch(String label, SqlSupplier<T> asWritten, SqlFunction<BatchPlan, T> split)
            throws SQLException {
        try (Session.Scope scope = begin(label)) {
            BatchPlan plan = guard.beforeBatch(scope.session(), guardedForms());
            return plan == null ? asWritten.get() : split.apply(plan);
        } catch (SQLException e) {
            throw explained(e);
        } finally {
            guard.afterBatch();
        }
    }

    /** How this statement prepares a guarded form: with no generated keys, as a plain statement's text has none asked. */
    SqlFunction<String, PreparedStatement> guardedForms() {
        return prepareWith(NO_GENERATED_KEYS);
    }

    /** Runs a query; its result set keeps the session's connection while open, and feeds the guard. */
    final ResultSet runQuery(String sql, SqlSupplier<ResultSet> call) throws SQLException {
        try (Session.Scope scope = begin(sql)) {
            ReadCapture capture = guard.beforeQuery(sql, scope.session());
            ResultSet rs = call.get();
            CursorPin cursor = guard.pinCursor(scope.session());
            current = rs == null ? null : new SafeResultSet(this, rs, cursor, capture);
            return current;
        } catch (SQLException e) {
            throw explained(e);
        }
    }

    /**
     * Runs a write (or any other statement without a cursor) as the guard plans it: as written, or
     * in its guarded form when it acts on a row its transaction read. Returns the rows written.
     *
     * @param preparer   prepares a guarded form with the options of this statement
     * @param runGuarded runs a guarded form; returns the rows it wrote
     */
    final long runWrite(String sql, SqlSupplier<Long> asWritten, SqlFunction<String, PreparedStatement> preparer,
            SqlFunction<PreparedStatement, Long> runGuarded) throws SQLException {
        try (Session.Scope scope = begin(sql)) {
            WritePlan plan = guard.beforeWrite(sql, scope.session(), preparer);
            long rows = plan.run(asWritten, runGuarded);
            guard.ran(plan, rows);
            return rows;
        } catch (SQLException e) {
            throw explained(e);
        }
    }

    /** The application wrote a row through one of this statement's result sets. */
    final void wroteThroughCursor() throws SQLException {
        guard.wroteThroughCursor(connection.session());
    }

    /** Runs an {@code execute}: a write goes through the guard; a result set keeps its pin. */
    final boolean runExecute(String sql, SqlSupplier<Boolean> call, SqlFunction<String, PreparedStatement> preparer)
            throws SQLException {
        switch (guard.kindOf(sql)) {
            case KEYED_READ:
                try (Session.Scope scope = begin(sql)) {
                    guard.expectResult(sql, scope.session());
                }
                return moveToResult(call);
            case WRITE:
                boolean[] hasResultSet = {false};
                runWrite(sql, () -> {
                    hasResultSet[0] = call.get();
                    if (hasResultSet[0]) {
                        guard.pinCursor(connection.session()); // still inside the session: pinned before it exits
                        return -1L;
                    }
                    return delegate.getLargeUpdateCount();
                }, preparer, guarded -> {
                    guarded.execute();
                    long written = guarded.getLargeUpdateCount();
                    if (answersFromItsPast && guard.firstExecuteInPlace()) {
                        executeStandIn();
                    }
                    return written;
                });
                return hasResultSet[0];
            default:
                Boundaries.reached(Boundary.STATEMENT, sql, connection.physicalConnection());
                newExecution();
                return moveToResult(call);
        }
    }

    /** Moves to the next result without closing the open one (which keeps its own pin). */
    private boolean moveToResult(SqlSupplier<Boolean> call) throws SQLException {
        try (Session.Scope scope = enter()) {
            boolean hasResultSet = call.get();
            if (hasResultSet) {
                guard.pinCursor(scope.session());
            }
            return hasResultSet;
        } catch (SQLException e) {
            throw explained(e);
        }
    }

    /** Nested hook: a statement cancelled while it waited on its own thread's lock becomes 25001. */
    private SQLException explained(SQLException thrown) throws SQLException {
        return connection.session().explain(thrown);
    }

    /** A new execution closes this statement's previous result set, so its pin goes too. */
    private Session.Scope begin(String label) throws SQLException {
        Boundaries.reached(Boundary.STATEMENT, label, connection.physicalConnection());
        newExecution();
        return enter();
    }

    /** Every call of this statement that reaches the database runs in this scope of the thread's session. */
    private Session.Scope enter() throws SQLException {
        return connection.session().enter(guard.site());
    }

    private void newExecution() {
        leaveResult();
        guard.newExecution();
    }

    private void releaseCursor() {
        leaveResult();
        guard.releaseCursor();
    }

    private void leaveResult() {
        if (current != null) {
            current.leaveRow(); // before the cursor goes, the guard takes what it needs of its row
        }
        current = null;
    }

    /** Where this execution's results are: the statement's own, or the guarded form that ran it. */
    private Statement results() {
        Statement guarded = guard.guardedResults();
        return guarded == null ? delegate : guarded;
    }

    private SqlFunction<String, PreparedStatement> prepareWith(int autoGeneratedKeys) {
        return sql -> connection.physicalConnection().prepareStatement(sql, autoGeneratedKeys);
    }

    private SqlFunction<String, PreparedStatement> prepareWith(int[] columnIndexes) {
        return sql -> connection.physicalConnection().prepareStatement(sql, columnIndexes);
    }

    private SqlFunction<String, PreparedStatement> prepareWith(String[] columnNames) {
        return sql -> connection.physicalConnection().prepareStatement(sql, columnNames);
    }

    private long write(String sql, SqlSupplier<Long> asWritten, SqlFunction<String, PreparedStatement> preparer)
            throws SQLException {
        long rows = runWrite(sql, asWritten, preparer, runGuardedUpdate);
        if (answersFromItsPast && guard.guardedResults() != null) {
            guard.newExecution(); // the statement's own answers are now the raw driver's, not the guarded form's
        }
        return rows;
    }

    /**
     * A guarded form runs in place of a plain sqlite-jdbc statement's {@code executeUpdate(sql)}: then an empty
     * {@code executeUpdate} (which sends nothing) leaves the statement as {@code executeUpdate(sql)} would have.
     */
    private long guardedUpdateLeavingTheRawPast(PreparedStatement form) throws SQLException {
        long written = form.executeLargeUpdate();
        delegate.executeUpdate("");
        return written;
    }

    /**
     * A guarded form ran in place of this sqlite-jdbc statement's {@code execute(sql)}, the first time: the raw
     * statement would now have run an {@code execute}, so this one runs one that reads and writes nothing (an
     * empty one would leave it unusable), and closes its result. Its answers come from the guarded form until the
     * next execution, which starts by closing it, as the raw statement's would.
     */
    private void executeStandIn() throws SQLException {
        delegate.execute("SELECT 1");
        delegate.getMoreResults();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return runQuery(sql, () -> delegate.executeQuery(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) write(sql, () -> (long) delegate.executeUpdate(sql), prepareWith(NO_GENERATED_KEYS));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return (int) write(sql, () -> (long) delegate.executeUpdate(sql, autoGeneratedKeys),
                prepareWith(autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return (int) write(sql, () -> (long) delegate.executeUpdate(sql, columnIndexes), prepareWith(columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return (int) write(sql, () -> (long) delegate.executeUpdate(sql, columnNames), prepareWith(columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return write(sql, () -> delegate.executeLargeUpdate(sql), prepareWith(NO_GENERATED_KEYS));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return write(sql, () -> delegate.executeLargeUpdate(sql, autoGeneratedKeys), prepareWith(autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return write(sql, () -> delegate.executeLargeUpdate(sql, columnIndexes), prepareWith(columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return write(sql, () -> delegate.executeLargeUpdate(sql, columnNames), prepareWith(columnNames));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return runExecute(sql, () -> delegate.execute(sql),
                prepareWith(NO_GENERATED_KEYS));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return runExecute(sql, () -> delegate.execute(sql, autoGeneratedKeys),
                prepareWith(autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return runExecute(sql, () -> delegate.execute(sql, columnIndexes),
                prepareWith(columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return runExecute(sql, () -> delegate.execute(sql, columnNames),
                prepareWith(columnNames));
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return runBatch("executeBatch", delegate::executeBatch,
                plan -> BatchPlan.narrow(plan.run(delegate, batch -> BatchPlan.widen(batch.executeBatch()))));
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return runBatch("executeLargeBatch", delegate::executeLargeBatch,
                plan -> plan.run(delegate, Statement::executeLargeBatch));
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        ResultSet rs = results().getResultSet();
        if (rs == null) {
            return null;
        }
        if (current == null || !current.wraps(rs)) {
            current = new SafeResultSet(this, rs, guard.cursor(), guard.takeCapture());
        }
        return current;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return guard.driversCount() ? delegate.getUpdateCount() : (int) guard.guardedCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return guard.driversCount() ? delegate.getLargeUpdateCount() : guard.guardedCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        releaseCursor();
        guard.nextResult();
        return !guard.answered() && moveToResult(results()::getMoreResults); // a failed statement has none to move to
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        if (current != Statement.KEEP_CURRENT_RESULT) {
            releaseCursor();
        }
        guard.nextResult();
        Statement results = results();
        return !guard.answered() && moveToResult(() -> results.getMoreResults(current));
    }

    /** Generated keys are read eagerly by the drivers, so their result set holds nothing. */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        ResultSet keys = results().getGeneratedKeys();
        return keys == null ? null : new SafeResultSet(this, keys, CursorPin.NONE, ReadCapture.NONE);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (current != null) {
                current.leaveRow();
            }
            guard.close();
            delegate.close();
        } finally {
            releaseCursor();
            connection.closed(this);
        }
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }

    // --- delegation (addBatch and clearBatch also keep the batch the guard plans) ---

    @Override
    public int getMaxFieldSize() throws SQLException {
        return delegate.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        delegate.setMaxFieldSize(max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return delegate.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        delegate.setMaxRows(max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        delegate.setEscapeProcessing(enable);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return delegate.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        delegate.setQueryTimeout(seconds);
    }

    @Override
    public void cancel() throws SQLException {
        delegate.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        delegate.setCursorName(name);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        delegate.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return delegate.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        delegate.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return delegate.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return delegate.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return delegate.getResultSetType();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        delegate.addBatch(sql);
        guard.addBatch(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        delegate.clearBatch();
        guard.clearBatch();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return delegate.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        delegate.setPoolable(poolable);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return delegate.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        delegate.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return delegate.isCloseOnCompletion();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        delegate.setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return delegate.getLargeMaxRows();
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return delegate.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return delegate.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return delegate.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return delegate.enquoteNCharLiteral(val);
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.guard.sql.Analysis;
import dev.safejdbc.guard.sql.KeyedDelete;
import dev.safejdbc.guard.sql.KeyedSelect;
import dev.safejdbc.guard.sql.KeyedUpdate;
import dev.safejdbc.guard.sql.RowInsert;
import dev.safejdbc.guard.sql.RowsSelect;
import dev.safejdbc.guard.sql.SchemaChange;
import dev.safejdbc.guard.sql.Unrelated;
import dev.safejdbc.session.CursorPin;
import dev.safejdbc.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The interception state of one statement: what its SQL is (analysed once for a prepared statement),
 * the parameters bound to it, what is worked out once for its text, where the application runs
 * it, the batch it reports on, the guarded form it last ran, the cursor pin of its open result
 * and where its last execution's results are. The statement wrapper asks it before each execution,
 * runs the plan it gets and routes the results it points to.
 */
public final class StatementGuard {
    /** What an {@code execute(..)} runs, as far as the guard is concerned. */
    public enum Kind {
        /** A read whose rows the guard records: by the key its WHERE names, or by the keys they return. */
        KEYED_READ,
        /** A write (or DDL) the guard may act on or must know of. */
        WRITE,
        /** Nothing the guard looks at. */
        OTHER
    }

    private final Guard guard;
    private final Connection physical;
    /** The prepared statement's analysis and memo; null for a plain statement, whose SQL comes with each call. */
    private final Analysis prepared;
    private final String preparedSql;
    private final StatementMemo preparedMemo;
    /** Null when the guard needs no parameters of this statement: binding then costs nothing extra. */
    private final BoundValues bound;
    /** A prepared statement's site: the stack is walked once per statement. */
    private AppFrames site;
    /** Asked only when a transaction begins or a keyed read is recorded: one object, not one per call. */
    private final Supplier<AppFrames> lazySite = this::whereRun;
    /** A plain statement's last SQL text and its analysis: execute() asks for both. */
    private String lastSql;
    private Analysis lastAnalysis = Unrelated.INSTANCE;
    private List<BatchedWrite> batch;
    /** The batch running now has DDL: after it, the key catalog forgets what it knew. */
    private boolean batchChangesSchema;
    /**
     * The guarded form last run, kept for the next execution. One only: a prepared statement's
     * guarded text does not change, and a plain statement's carries its literals, so it rarely
     * repeats (keeping them all would keep a native statement per write).
     */
    private String guardedSql;
    private PreparedStatement guarded;
    /** The open result's hold on the session's physical connection: its cursor lives there. */
    private CursorPin cursor = CursorPin.NONE;
    /** What the result set of an {@code execute(..)} records, until the statement hands it out. */
    private ReadCapture pendingCapture = ReadCapture.NONE;
    /** Where this execution's results are when a guarded form ran it; null: the statement's own. */
    private PreparedStatement results;
    /** The update count reported instead of the driver's (the guarded form's, or the guard's answer); else -1. */
    private long guardedCount = -1;
    /** Whether this execution's update count is the guard's answer, the driver having failed. */
    private boolean answered;
    /** Whether a guarded form has run in place of a plain statement's {@code execute(sql)} (see {@link #firstExecuteInPlace}). */
    private boolean executedInPlace;

    private StatementGuard(Guard guard, Connection physical, String preparedSql, Analysis prepared,
            StatementMemo preparedMemo, BoundValues bound) {
        this.guard = guard;
        this.physical = physical;
        this.preparedSql = preparedSql;
        this.prepared = prepared;
        this.preparedMemo = preparedMemo;
        this.bound = bound;
    }

    /** For a plain statement: each call brings its SQL. */
    public static StatementGuard plain(Guard guard, Connection physical) {
        return new StatementGuard(guard, physical, null, null, null, null);
    }

    /** For a prepared (or callable) statement of {@code sql}. */
    public static StatementGuard prepared(Guard guard, Connection physical, String sql) {
        Analysis analysis = guard.analyze(sql);
        return new StatementGuard(guard, physical, sql, analysis, guard.memo(sql),
                namesRows(analysis) ? new BoundValues() : null);
    }

    /** Whether the guard needs the statement's parameters: it reads or writes rows by key. */
    private static boolean namesRows(Analysis analysis) {
        return analysis instanceof KeyedSelect || analysis instanceof KeyedUpdate || analysis instanceof KeyedDelete
                || analysis instanceof RowInsert;
    }

    /** Where the parameter setters record what they bind; null when the guard needs none of them. */
    public BoundValues parameters() {
        return bound;
    }

    /** Where the application runs this statement, for the session (walked only when asked). */
    public Supplier<AppFrames> site() {
        return lazySite;
    }

    private AppFrames whereRun() {
        if (prepared == null) {
            return AppFrames.here(); // a plain statement's SQL, and so its caller, changes
        }
        if (site == null) {
            site = AppFrames.here();
        }
        return site;
    }

    private Analysis analysis(String sql) {
        if (prepared != null) {
            return prepared;
        }
        if (sql != lastSql) {
            lastAnalysis = guard.analyze(sql);
            lastSql = sql;
        }
        return lastAnalysis;
    }

    private BoundValues boundValues() {
        return bound == null ? BoundValues.NONE : bound;
    }

    /** What a prepared statement may reuse; nothing for a plain statement, whose SQL changes with every call. */
    private StatementMemo memo() {
        return preparedMemo != null ? preparedMemo : new StatementMemo();
    }

    /** What {@code sql} (ignored for a prepared statement) is, for {@code execute(..)}. */
    public Kind kindOf(String sql) {
        Analysis analysis = analysis(sql);
        if (analysis instanceof KeyedSelect || analysis instanceof RowsSelect) {
            return Kind.KEYED_READ;
        }
        return analysis == Unrelated.INSTANCE ? Kind.OTHER : Kind.WRITE;
    }

    /** Before a read runs in {@code session}: what its result set records ({@link ReadCapture#NONE}: nothing). */
    public ReadCapture beforeQuery(String sql, Session session) throws SQLException {
        if (guard.standsAside(session)) {
            return ReadCapture.NONE;
        }
        return guard.read(analysis(sql), boundValues(), session.attachment(ReadLog.OF_SESSION), physical, memo(),
                lazySite);
    }

    /**
     * Before a write runs in {@code session}: how to run it. A guarded form is prepared with
     * {@code preparer} (the options of the statement it replaces), or taken from the connection's
     * kept ones.
     */
    public WritePlan beforeWrite(String sql, Session session, SqlFunction<String, PreparedStatement> preparer)
            throws SQLException {
        Analysis analysis = analysis(sql);
        if (guard.standsAside(session)) {
            return guard.asWritten(analysis);
        }
        BoundValues values = boundValues();
        GuardedWrite write = guard.write(analysis, values, session.attachment(ReadLog.OF_SESSION), physical, memo());
        if (write == null) {
            return guard.asWritten(analysis);
        }
        if (write.sql() == null) {
            return WritePlan.checked(write);
        }
        return WritePlan.rewritten(write, guardedForm(write.sql(), preparer), values);
    }

    private PreparedStatement guardedForm(String sql, SqlFunction<String, PreparedStatement> preparer)
            throws SQLException {
        if (preparer instanceof GuardedStatements kept) {
            return kept.apply(sql); // the connection's, kept across its statements
        }
        if (guarded != null && sql.equals(guardedSql)) {
            return guarded;
        }
        if (guarded != null) {
            guarded.close();
            guarded = null;
        }
        guarded = preparer.apply(sql);
        guardedSql = sql;
        return guarded;
    }

    /**
     * The application changed a row through an updatable result set ({@code updateRow}, {@code insertRow},
     * {@code deleteRow}) in {@code session}: which read that makes stale is not known, so none is kept.
     */
    public void wroteThroughCursor(Session session) {
        session.attachment(ReadLog.OF_SESSION).invalidate("a row written through an updatable result set ran between"
                + " the read and this write");
    }

    /** A plain statement's {@code addBatch(sql)}: every entry is kept, so that the batch can be split. */
    public void addBatch(String sql) {
        if (guard != Guard.OFF) {
            batched(new BatchedWrite(sql, analysis(sql), BoundValues.NONE));
        }
    }

    /** A prepared statement's {@code addBatch()}: its parameters as bound now. */
    public void addBatch() {
        if (bound != null) {
            batched(new BatchedWrite(preparedSql, prepared, bound.copy()));
        } else if (prepared != Unrelated.INSTANCE) {
            // an upsert, a call, DDL: what it may change counts, not its parameters (it is never guarded)
            batched(new BatchedWrite(preparedSql, prepared, BoundValues.NONE));
        }
    }

    private void batched(BatchedWrite entry) {
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(entry);
    }

    public void clearBatch() {
        batch = null;
    }

    public void clearParameters() {
        if (bound != null) {
            bound.clear();
        }
    }

    /**
     * Before the batch runs in {@code session}: how to run it, decided entry by entry as if each ran alone;
     * null to run it as the driver's own batch (no entry is guarded). Guarded forms are prepared with
     * {@code preparer}, or taken from the connection's kept ones.
     */
    public BatchPlan beforeBatch(Session session, SqlFunction<String, PreparedStatement> preparer)
            throws SQLException {
        List<BatchedWrite> writes = batch;
        batch = null;
        batchChangesSchema = writes != null && writes.stream().anyMatch(w -> w.analysis() == SchemaChange.INSTANCE);
        return writes == null || guard.standsAside(session) ? null : BatchPlan.of(guard, writes, session.attachment(ReadLog.OF_SESSION), physical,
                this::memo, bound, sql -> guardedForm(sql, preparer));
    }

    /** After the batch ran (or failed): DDL in it may have changed the keys of any table, as after a single DDL. */
    public void afterBatch() {
        if (batchChangesSchema) {
            batchChangesSchema = false;
            guard.schemaChanged();
        }
    }

    /** A new execution begins: the last one's cursor goes, and its results are no longer the statement's. */
    public void newExecution() {
        releaseCursor();
        results = null;
        guardedCount = -1;
        answered = false;
    }

    /**
     * {@code plan} ran, and wrote {@code rows}: the statement's results are the guarded form's, if
     * it ran one. The count is kept now: another statement of the same text may run the shared
     * guarded form before it is asked (sqlite-jdbc answers 0 after executeUpdate).
     */
    public void ran(WritePlan plan, long rows) throws SQLException {
        results = plan.guardedResults();
        guardedCount = results != null ? results.getLargeUpdateCount() : plan.answered() ? rows : -1;
        answered = plan.answered();
    }

    /**
     * A guarded form ran in place of a plain statement's {@code execute(sql)}: whether it is the first to, so
     * that the driver's statement, which ran no {@code execute} for it, still lacks the past of the raw one's.
     */
    public boolean firstExecuteInPlace() {
        boolean first = !executedInPlace;
        executedInPlace = true;
        return first;
    }

    /** The statement moves on to its next result: a guarded write's count was its only one. */
    public void nextResult() {
        guardedCount = -1;
    }

    /** The statement whose results are this execution's when a guarded form ran it; null: the statement's own. */
    public PreparedStatement guardedResults() {
        return results;
    }

    /** Whether the driver's own update count is this execution's (neither a guarded form's nor the guard's). */
    public boolean driversCount() {
        return results == null && !answered;
    }

    /** The update count when it is not the driver's own. */
    public long guardedCount() {
        return guardedCount;
    }

    /** Whether the driver failed and the guard answered for it: the statement has no further results. */
    public boolean answered() {
        return answered;
    }

    /** The execution left a result open in {@code session}: it keeps the physical connection until released. */
    public CursorPin pinCursor(Session session) {
        cursor = session.pin();
        return cursor;
    }

    /** The open result's pin ({@link CursorPin#NONE} when none). */
    public CursorPin cursor() {
        return cursor;
    }

    /** An {@code execute(..)} of a read: what its result set records, kept until the statement hands it out. */
    public void expectResult(String sql, Session session) throws SQLException {
        pendingCapture = beforeQuery(sql, session);
    }

    /** What the result set handed out now records; later ones of the same execution record nothing. */
    public ReadCapture takeCapture() {
        ReadCapture capture = pendingCapture;
        pendingCapture = ReadCapture.NONE;
        return capture;
    }

    /** The open result is done with (closed, or its statement moves on): the physical connection may go. */
    public void releaseCursor() {
        cursor.release();
        cursor = CursorPin.NONE;
        pendingCapture = ReadCapture.NONE;
    }

    /** The statement closes: so does the guarded form it kept. */
    public void close() throws SQLException {
        if (guarded != null) {
            guarded.close();
        }
    }
}

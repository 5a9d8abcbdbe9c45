package dev.safejdbc.guard;

import dev.safejdbc.error.GuardConflictException;
import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.guard.sql.Analysis;
import dev.safejdbc.guard.sql.KeyedDelete;
import dev.safejdbc.guard.sql.KeyedUpdate;
import dev.safejdbc.guard.sql.RowInsert;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A batch with entries the guard acts on, run as if its entries ran one by one: in consecutive
 * runs of one form each. Entries sent as written go back into the application's statement and run
 * as the driver's own batch (so its batch rewriting still applies); guarded entries run on their
 * guarded form, each count checked as a single guarded write's is. The counts come back in entry
 * order. A failure is a {@link BatchUpdateException} with the counts of the entries before it (JDBC's
 * convention for a driver that stops at the first failure); a lost race's has SQLState 40001.
 */
public final class BatchPlan {
    private final Guard guard;
    private final List<BatchedWrite> entries;
    /** Per entry: its guarded write, or null to send it as written. */
    private final GuardedWrite[] guarded;
    /** The application's parameters now, bound again on its prepared statement after the runs; null: a plain statement. */
    private final BoundValues current;
    /** Prepares (or finds) a guarded form. */
    private final SqlFunction<String, PreparedStatement> forms;

    private BatchPlan(Guard guard, List<BatchedWrite> entries, GuardedWrite[] guarded, BoundValues current,
            SqlFunction<String, PreparedStatement> forms) {
        this.guard = guard;
        this.entries = entries;
        this.guarded = guarded;
        this.current = current;
        this.forms = forms;
    }

    /**
     * The guard's decision for each entry, in entry order, as the single-statement path makes it (each
     * entry claims, forgets or ends the reads it may change before the next is decided); null when no
     * entry is guarded, and the batch runs as the driver's own.
     *
     * @param current the prepared statement's parameters as bound now; null for a plain statement
     */
    static BatchPlan of(Guard guard, List<BatchedWrite> entries, ReadLog log, Connection physical,
            Supplier<StatementMemo> memo, BoundValues current, SqlFunction<String, PreparedStatement> forms)
            throws SQLException {
        if (log.isEmpty()) {
            return null; // nothing read: no entry can be guarded, none reported, nothing forgotten
        }
        GuardedWrite[] guarded = new GuardedWrite[entries.size()];
        boolean any = false;
        for (int i = 0; i < guarded.length; i++) {
            BatchedWrite entry = entries.get(i);
            guarded[i] = guard.write(entry.analysis(), entry.bound(), log, physical, memo.get());
            any |= guarded[i] != null;
        }
        if (!any) {
            return null;
        }
        String why = current == null ? null : unsplittable(entries, guarded);
        if (why != null) {
            for (int i = 0; i < guarded.length; i++) {
                if (guarded[i] != null) {
                    guard.sentAsWritten(entries.get(i).analysis(), guarded[i], why);
                }
            }
            return null;
        }
        return new BatchPlan(guard, entries, guarded, current, forms);
    }

    /** Why the entries sent as written cannot be bound again on the statement; null when they can. */
    private static String unsplittable(List<BatchedWrite> entries, GuardedWrite[] guarded) {
        for (int i = 0; i < guarded.length; i++) {
            String why = guarded[i] == null ? entries.get(i).bound().unreplayable(parameters(entries.get(i).analysis()))
                    : null;
            if (why != null) {
                return "its batch is sent as written: entry " + (i + 1) + " cannot be bound again (" + why + ")";
            }
        }
        return null;
    }

    private static int parameters(Analysis analysis) {
        return analysis instanceof KeyedUpdate update ? update.parameterCount()
                : analysis instanceof KeyedDelete delete ? delete.parameterCount()
                : analysis instanceof RowInsert insert ? insert.parameterCount() : 0;
    }

    /**
     * Runs the batch whose entries {@code statement} (the application's) holds.
     *
     * @param executeBatch runs a statement's batch as the application asked ({@code executeBatch} or
     *                     {@code executeLargeBatch}), the counts widened
     */
    public long[] run(Statement statement, SqlFunction<Statement, long[]> executeBatch) throws SQLException {
        long[] counts = new long[entries.size()];
        statement.clearBatch(); // it holds every entry: each run adds its own again
        for (int start = 0, end; start < counts.length; start = end) {
            end = endOfRun(start);
            if (guarded[start] == null) {
                asWritten(statement, executeBatch, counts, start, end);
            } else if (guard.countsEachBatchedEntry(entries.get(start).analysis())) {
                guardedBatch(executeBatch, counts, start, end);
            } else {
                guardedOneByOne(counts, start, end);
            }
        }
        int parameters = parameters(entries.get(0).analysis());
        if (current != null && current.unreplayable(parameters) == null) {
            current.replayOnto((PreparedStatement) statement, parameters); // as the raw statement keeps them
        }
        return counts;
    }

    private int endOfRun(int start) {
        String form = formOf(start);
        int end = start + 1;
        while (end < guarded.length && Objects.equals(formOf(end), form)) {
            end++;
        }
        return end;
    }

    /** The text entry {@code i} runs as: null as written; a checked write's own text runs on a statement of its own. */
    private String formOf(int i) {
        GuardedWrite write = guarded[i];
        return write == null ? null : write.sql() != null ? write.sql() : entries.get(i).sql();
    }

    private void asWritten(Statement statement, SqlFunction<Statement, long[]> executeBatch, long[] counts, int start,
            int end) throws SQLException {
        long[] ran;
        try {
            for (int i = start; i < end; i++) {
                BatchedWrite entry = entries.get(i);
                if (current == null) {
                    statement.addBatch(entry.sql());
                } else {
                    entry.bound().replayOnto((PreparedStatement) statement, parameters(entry.analysis()));
                    ((PreparedStatement) statement).addBatch();
                }
            }
            ran = executeBatch.apply(statement);
        } catch (BatchUpdateException e) {
            throw failed(e, counts, start);
        } // any other failure is the driver's own, which reports no counts
        System.arraycopy(ran, 0, counts, start, Math.min(ran.length, end - start));
    }

    private void guardedBatch(SqlFunction<Statement, long[]> executeBatch, long[] counts, int start, int end)
            throws SQLException {
        PreparedStatement form = forms.apply(formOf(start));
        long[] ran;
        try {
            form.clearBatch(); // a shared form: nothing of an earlier failed run may stay in it
            for (int i = start; i < end; i++) {
                guarded[i].bind(form, entries.get(i).bound());
                form.addBatch();
            }
            ran = executeBatch.apply(form);
        } catch (BatchUpdateException e) {
            throw failed(e, counts, start);
        } // any other failure is the driver's own, thrown as the raw batch throws it (sqlite-jdbc's SQLITE_BUSY)
        for (int i = start; i < end && i - start < ran.length; i++) {
            counts[i] = checked(i, ran[i - start], counts);
        }
    }

    /** Each entry as a single guarded write runs: its count checked, or its failure told from a lost race. */
    private void guardedOneByOne(long[] counts, int start, int end) throws SQLException {
        PreparedStatement form = forms.apply(formOf(start));
        for (int i = start; i < end; i++) {
            GuardedWrite write = guarded[i];
            try {
                write.bind(form, entries.get(i).bound());
                counts[i] = write.verify(form.executeLargeUpdate());
            } catch (GuardConflictException lost) {
                throw lostRace(lost, counts, i);
            } catch (SQLException e) {
                counts[i] = afterFailure(write, e, counts, i);
            }
        }
    }

    /** Entry {@code i} failed with {@code e}: a duplicate of a key read as absent is a lost race; else the driver's own. */
    private static long afterFailure(GuardedWrite write, SQLException e, long[] counts, int i) throws SQLException {
        try {
            return write.failed(e);
        } catch (GuardConflictException lost) {
            throw lostRace(lost, counts, i);
        } catch (SQLException own) {
            throw failed(own, counts, i);
        }
    }

    /** Entry {@code i}'s count, checked as a single guarded write's is; a lost race fails the batch. */
    private long checked(int i, long rows, long[] counts) throws SQLException {
        try {
            return guarded[i].verify(rows);
        } catch (GuardConflictException lost) {
            throw lostRace(lost, counts, i);
        }
    }

    /** A lost race at entry {@code i} fails the batch: 40001, with the counts of the entries before it. */
    private static BatchUpdateException lostRace(GuardConflictException lost, long[] counts, int i) {
        BatchUpdateException failure = new BatchUpdateException(lost.getMessage(), lost.getSQLState(),
                lost.getErrorCode(), Arrays.copyOf(counts, i), lost);
        failure.setNextException(lost);
        return failure;
    }

    /**
     * A failure of the database's own (a constraint) in the run that began at entry {@code done} (or at the
     * entry run alone there): as the driver reported it, with the counts of the entries before it in front
     * of the driver's.
     */
    private static SQLException failed(SQLException e, long[] counts, int done) {
        BatchUpdateException batch = e instanceof BatchUpdateException b ? b : null;
        if (done == 0 && batch != null) {
            return e; // the first run: the driver's own exception, as the raw batch would have thrown it
        }
        long[] theirs = batch == null || batch.getLargeUpdateCounts() == null ? new long[0]
                : batch.getLargeUpdateCounts();
        long[] all = Arrays.copyOf(counts, done + theirs.length);
        System.arraycopy(theirs, 0, all, done, theirs.length);
        BatchUpdateException failure = new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), all, e);
        failure.setNextException(e.getNextException() != null ? e.getNextException() : e);
        return failure;
    }

    /** A driver's {@code executeBatch()} counts, widened. */
    public static long[] widen(int[] counts) {
        long[] wide = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            wide[i] = counts[i];
        }
        return wide;
    }

    /** Counts for {@code executeBatch()}. */
    public static int[] narrow(long[] counts) {
        int[] narrow = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            narrow[i] = (int) counts[i];
        }
        return narrow;
    }
}

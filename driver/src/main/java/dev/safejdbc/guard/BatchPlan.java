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
 * order. A lost race stops the batch with a {@link BatchUpdateException} of SQLState 40001 and the counts
 * of the entries before it. A failure of the database's own goes as the raw driver's batch would
 * ({@link BatchFailures}): on, or stopped, with the counts the driver gives.
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
    private final BatchFailures failures;

    private BatchPlan(Guard guard, List<BatchedWrite> entries, GuardedWrite[] guarded, BoundValues current,
            SqlFunction<String, PreparedStatement> forms) {
        this.guard = guard;
        this.entries = entries;
        this.guarded = guarded;
        this.current = current;
        this.forms = forms;
        this.failures = guard.batchFailures(current == null);
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
        String why = guard.unsplittableHere(physical, current == null);
        if (why == null && current != null) {
            why = unsplittable(entries, guarded);
        }
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
        SQLException firstFailure = null; // of the database's own, where the driver goes on after one
        statement.clearBatch(); // it holds every entry: each run adds its own again
        for (int start = 0, end; start < counts.length; start = end) {
            end = endOfRun(start);
            SQLException failure;
            if (guarded[start] == null) {
                failure = asWritten(statement, executeBatch, counts, start, end);
            } else if (guard.countsEachBatchedEntry(entries.get(start).analysis())) {
                failure = guardedBatch(executeBatch, counts, start, end);
            } else {
                failure = guardedOneByOne(counts, start, end);
            }
            if (failure != null && firstFailure == null) {
                firstFailure = failure;
            }
        }
        int parameters = parameters(entries.get(0).analysis());
        if (current != null && current.unreplayable(parameters) == null) {
            current.replayOnto((PreparedStatement) statement, parameters); // as the raw statement keeps them
        }
        if (firstFailure != null) {
            throw wentOn(firstFailure, counts);
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

    /** Runs entries {@code start..end} as the driver's own batch; a failure it went on after, or null. */
    private SQLException asWritten(Statement statement, SqlFunction<Statement, long[]> executeBatch, long[] counts,
            int start, int end) throws SQLException {
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
            ran = wentOnThrough(e, counts, start, end);
            System.arraycopy(ran, 0, counts, start, end - start);
            return e;
        } // any other failure is the driver's own, which reports no counts
        System.arraycopy(ran, 0, counts, start, Math.min(ran.length, end - start));
        return null;
    }

    /**
     * The counts of a run whose driver batch failed with {@code e}, if the driver went on through all of it
     * as it goes on through a raw batch; otherwise the batch stops here, and the failure is thrown.
     */
    private long[] wentOnThrough(BatchUpdateException e, long[] counts, int start, int end) throws SQLException {
        long[] theirs = e.getLargeUpdateCounts();
        if (failures.goesOn() && theirs != null && theirs.length == end - start) {
            return theirs;
        }
        throw stopped(e, counts, start);
    }

    /** Runs guarded entries {@code start..end} as one batch of their form; a failure it went on after, or null. */
    private SQLException guardedBatch(SqlFunction<Statement, long[]> executeBatch, long[] counts, int start, int end)
            throws SQLException {
        PreparedStatement form = forms.apply(formOf(start));
        long[] ran;
        SQLException failure = null;
        try {
            form.clearBatch(); // a shared form: nothing of an earlier failed run may stay in it
            for (int i = start; i < end; i++) {
                guarded[i].bind(form, entries.get(i).bound());
                form.addBatch();
            }
            ran = executeBatch.apply(form);
        } catch (BatchUpdateException e) {
            ran = wentOnThrough(e, counts, start, end);
            failure = e;
        } // any other failure is the driver's own, thrown as the raw batch throws it (sqlite-jdbc's SQLITE_BUSY)
        for (int i = start; i < end && i - start < ran.length; i++) {
            counts[i] = ran[i - start] == Statement.EXECUTE_FAILED ? Statement.EXECUTE_FAILED
                    : checked(i, ran[i - start], counts);
        }
        return failure;
    }

    /**
     * Each entry as a single guarded write runs: its count checked, or its failure told from a lost race. The
     * first failure of the database's own that the driver would go on after, or null.
     */
    private SQLException guardedOneByOne(long[] counts, int start, int end) throws SQLException {
        PreparedStatement form = forms.apply(formOf(start));
        SQLException firstFailure = null;
        for (int i = start; i < end; i++) {
            GuardedWrite write = guarded[i];
            try {
                write.bind(form, entries.get(i).bound());
                counts[i] = write.verify(form.executeLargeUpdate());
            } catch (GuardConflictException lost) {
                throw lostRace(lost, counts, i);
            } catch (SQLException e) {
                SQLException own = afterFailure(write, e, counts, i);
                if (own == null) {
                    continue; // the guard's own count stands (its failure was no failure of the write)
                }
                if (!failures.goesOn()) {
                    throw stopped(own, counts, i);
                }
                counts[i] = Statement.EXECUTE_FAILED;
                firstFailure = firstFailure == null ? own : firstFailure;
            }
        }
        return firstFailure;
    }

    /**
     * Entry {@code i} failed with {@code e}: a duplicate of a key read as absent is a lost race; else the
     * driver's own failure, returned (null if the guard counted the entry after all, its count set).
     */
    private static SQLException afterFailure(GuardedWrite write, SQLException e, long[] counts, int i)
            throws BatchUpdateException {
        try {
            counts[i] = write.failed(e);
            return null;
        } catch (GuardConflictException lost) {
            throw lostRace(lost, counts, i);
        } catch (SQLException own) {
            return own;
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
     * A failure of the database's own (a constraint) at entry {@code done} or in the run that began there, where
     * the batch stops: as the driver reported it, with the counts of the entries before it in front of the
     * driver's (pgjdbc: every entry failed, the transaction aborted).
     */
    private SQLException stopped(SQLException e, long[] counts, int done) {
        BatchUpdateException batch = e instanceof BatchUpdateException b ? b : null;
        long[] theirs = batch == null || batch.getLargeUpdateCounts() == null ? new long[0]
                : batch.getLargeUpdateCounts();
        if (done == 0 && batch != null && (failures != BatchFailures.ALL_FAIL || theirs.length == counts.length)) {
            return e; // the first run: the driver's own exception, as the raw batch would have thrown it
        }
        long[] all;
        if (failures == BatchFailures.ALL_FAIL) {
            all = new long[counts.length]; // split only inside a transaction (Guard.unsplittableHere): nothing holds
            Arrays.fill(all, Statement.EXECUTE_FAILED);
        } else {
            all = Arrays.copyOf(counts, done + theirs.length);
            System.arraycopy(theirs, 0, all, done, theirs.length);
        }
        return rebuilt(e, all);
    }

    /** The end of a batch that went on after its first failure {@code e}: every entry's count. */
    private SQLException wentOn(SQLException e, long[] counts) {
        if (e instanceof BatchUpdateException batch && batch.getLargeUpdateCounts() != null
                && batch.getLargeUpdateCounts().length == counts.length) {
            return e; // one run was the whole batch: the driver's own exception, as the raw batch would have thrown it
        }
        return rebuilt(e, counts);
    }

    /**
     * {@code e} with {@code counts}, its cause and next exception as the raw driver's batch failure has them: a
     * driver's batch failure keeps its own; a single statement's failure is the cause (not for H2) and the next
     * exception (not for MariaDB's plain batches).
     */
    private BatchUpdateException rebuilt(SQLException e, long[] counts) {
        BatchUpdateException batch = e instanceof BatchUpdateException b ? b : null;
        Throwable cause;
        SQLException next;
        if (failures == BatchFailures.STOP) {
            cause = e;
            next = e.getNextException() != null ? e.getNextException() : e;
        } else if (batch != null) {
            cause = batch.getCause();
            next = batch.getNextException();
        } else {
            cause = failures == BatchFailures.GO_ON_CHAINED ? null : e;
            next = failures == BatchFailures.GO_ON ? null : e;
        }
        BatchUpdateException failure = new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
                counts, cause);
        if (next != null) {
            failure.setNextException(next);
        }
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

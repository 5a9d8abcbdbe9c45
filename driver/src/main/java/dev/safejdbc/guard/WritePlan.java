package dev.safejdbc.guard;

import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.function.SqlSupplier;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What the guard decided for one write, and how it runs: as written; as written, with zero rows
 * taken as a lost race; or in its guarded form. The statement runs whichever it gets the same way.
 */
public class WritePlan {
    static final WritePlan AS_WRITTEN = new WritePlan(null, null);

    /** What a lost race is; null when nothing was read that the write could lose to. */
    private final GuardedWrite verdict;
    /** The guarded form to run instead, bound already; null: as written. */
    private final PreparedStatement form;
    /** Whether the count {@link #run} returned stands for a failure of the driver's (a lost insert, zero-rows). */
    private boolean answered;

    private WritePlan(GuardedWrite verdict, PreparedStatement form) {
        this.verdict = verdict;
        this.form = form;
    }

    /** DDL, sent as written: it may have changed the keys, so {@code catalog} forgets them after it ran. */
    static WritePlan schemaChange(KeyCatalog catalog) {
        return new WritePlan(null, null) {
            @Override
            public long run(SqlSupplier<Long> asWritten, SqlFunction<PreparedStatement, Long> runGuarded)
                    throws SQLException {
                long rows = super.run(asWritten, runGuarded);
                catalog.forget();
                return rows;
            }
        };
    }

    /**
     * Sent as written, which is condition enough: zero rows is a lost race (or, for an insert where the
     * database has no conditional one, a duplicate of the key read as absent).
     */
    static WritePlan checked(GuardedWrite write) {
        return new WritePlan(write, null);
    }

    /** Sent as {@code form}, once the application's parameters ({@code bound}) and the values read are bound on it. */
    static WritePlan rewritten(GuardedWrite write, PreparedStatement form, BoundValues bound) throws SQLException {
        write.bind(form, bound);
        return new WritePlan(write, form);
    }

    /**
     * Runs the write and returns the rows it wrote.
     *
     * @param asWritten  runs the statement as the application wrote it
     * @param runGuarded runs the guarded form, once bound
     */
    public long run(SqlSupplier<Long> asWritten, SqlFunction<PreparedStatement, Long> runGuarded)
            throws SQLException {
        long rows;
        try {
            rows = form == null ? asWritten.get() : runGuarded.apply(form);
        } catch (SQLException e) {
            if (verdict == null) {
                throw e;
            }
            long answer = verdict.failed(e);
            answered = true;
            return answer;
        }
        return verdict == null ? rows : verdict.verify(rows);
    }

    /**
     * Whether the count {@link #run} returned is the guard's, given where the driver failed (a lost race on an
     * insert sent as written, with {@code zero-rows}): the statement then reports it as its update count.
     */
    public boolean answered() {
        return answered;
    }

    /** The statement whose results are this execution's: the guarded form; null for the statement's own. */
    public PreparedStatement guardedResults() {
        return form;
    }
}

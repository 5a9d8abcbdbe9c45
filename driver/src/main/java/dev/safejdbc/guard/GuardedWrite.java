package dev.safejdbc.guard;

import dev.safejdbc.config.ConflictPolicy;
import dev.safejdbc.error.GuardConflictException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.Predicate;

/**
 * A write made conditional on what its transaction read: the statement to send instead (null:
 * the statement as written is condition enough), the read whose values are bound after the
 * application's own parameters (those of its kept columns at {@code compared}), and what a lost
 * race gets. A lost race shows as zero rows written, or, for an insert sent as written where the
 * database has no conditional insert, as the error {@code duplicateKey} tells (null: none does).
 */
record GuardedWrite(String sql, int applicationParameters, Observation read, int[] compared,
                           ConflictPolicy onConflict, LostRace race, Predicate<SQLException> duplicateKey) {

    /**
     * How a write tells a lost race, asked only after it wrote no row or failed: one small object per
     * guarded write (a class, not two capturing lambdas, which cost a guarded batch a slow allocation each).
     */
    interface LostRace {
        /** Whether the row changed or the key was taken since the read (looked up again). */
        boolean lost() throws SQLException;

        /** The conflict's message; it walks the stack, so it is asked only for a lost race. */
        String message();
    }

    /** Binds the application's parameters, then the observed values, onto the guarded statement. */
    void bind(PreparedStatement guarded, BoundValues bound) throws SQLException {
        bound.replayOnto(guarded, applicationParameters);
        int index = applicationParameters;
        for (int kept : compared) {
            bindObserved(guarded, ++index, read.value(kept));
        }
    }

    /** A value the read observed, bound as the driver gave it (SQL NULL as an untyped null). */
    static void bindObserved(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * No row written where the read promised one: the race was lost, unless the row is still as read
     * (a trigger or rule skipped it, or the database counts an unchanged row as 0): then the 0 is the
     * database's own answer, and the application gets it as the raw driver gives it.
     */
    long verify(long rows) throws SQLException {
        if (rows == 0 && duplicateKey == null && onConflict == ConflictPolicy.THROW && race.lost()) {
            throw new GuardConflictException(race.message()); // written only when lost: it walks the stack
        }
        return rows;
    }

    /**
     * The write failed with {@code e}. A duplicate key on an insert whose key is now taken (looked up
     * again) is the lost race: 40001, with the driver's error as its cause, or 0 rows with
     * {@code zero-rows}; the database rolled back only the failed statement. Any other error, or a
     * duplicate of another key, is the driver's own, rethrown as it came.
     */
    long failed(SQLException e) throws SQLException {
        if (duplicateKey == null || !duplicateKey.test(e) || !race.lost()) {
            throw e;
        }
        if (onConflict == ConflictPolicy.THROW) {
            GuardConflictException conflict = new GuardConflictException(race.message());
            conflict.initCause(e);
            throw conflict;
        }
        return 0;
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.config.ConflictPolicy;
import dev.safejdbc.error.GuardConflictException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.Supplier;

/**
 * A write made conditional on what its transaction read: the statement to send instead (null:
 * the statement as written is condition enough), the read whose values are bound after the
 * application's own parameters (those of its kept columns at {@code compared}), and what a lost
 * race gets.
 */
record GuardedWrite(String sql, int applicationParameters, Observation read, int[] compared,
                           ConflictPolicy onConflict, Supplier<String> conflictMessage) {

    /** Binds the application's parameters, then the observed values, onto the guarded statement. */
    void bind(PreparedStatement guarded, BoundValues bound) throws SQLException {
        bound.replayOnto(guarded, applicationParameters);
        int index = applicationParameters;
        for (int kept : compared) {
            Object value = read.value(kept);
            if (value == null) {
                guarded.setNull(++index, Types.NULL);
            } else {
                guarded.setObject(++index, value);
            }
        }
    }

    /** No row written where the read promised one: the race was lost. */
    long verify(long rows) throws GuardConflictException {
        if (rows == 0 && onConflict == ConflictPolicy.THROW) {
            throw new GuardConflictException(conflictMessage.get()); // written only when lost: it walks the stack
        }
        return rows;
    }
}

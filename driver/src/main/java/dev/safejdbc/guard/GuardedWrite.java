package dev.safejdbc.guard;

import dev.safejdbc.config.ConflictPolicy;
import dev.safejdbc.error.GuardConflictException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A write made conditional on what its transaction read: the statement to send instead (null:
 * the statement as written is condition enough), the observed values to bind after the
 * application's own parameters, and what a lost race gets.
 */
public record GuardedWrite(String sql, int applicationParameters, List<Observation.Observed> observed,
                           ConflictPolicy onConflict, Supplier<String> conflictMessage) {

    /** Binds the application's parameters, then the observed values, onto the guarded statement. */
    public void bind(PreparedStatement guarded, BoundValues bound) throws SQLException {
        bound.replayOnto(guarded, applicationParameters);
        int index = applicationParameters;
        for (Observation.Observed value : observed) {
            new Bound(value.value(), value.value() == null ? java.sql.Types.NULL : null, false).bindTo(guarded, ++index);
        }
    }

    /** No row written where the read promised one: the race was lost. */
    public long verify(long rows) throws GuardConflictException {
        if (rows == 0 && onConflict == ConflictPolicy.THROW) {
            throw new GuardConflictException(conflictMessage.get()); // written only when lost: it walks the stack
        }
        return rows;
    }
}

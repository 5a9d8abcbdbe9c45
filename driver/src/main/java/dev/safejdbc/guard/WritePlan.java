package dev.safejdbc.guard;

import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.function.SqlSupplier;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What the guard decided for one write, and how it runs: as written; as written, with zero rows
 * taken as a lost race; or in its guarded form. The statement runs whichever it gets the same way.
 */
public abstract sealed class WritePlan permits WritePlan.AsWritten, WritePlan.Checked, WritePlan.Rewritten {

    /**
     * Runs the write and returns the rows it wrote.
     *
     * @param asWritten  runs the statement as the application wrote it
     * @param runGuarded runs a guarded form, once bound
     */
    public abstract long run(SqlSupplier<Long> asWritten, SqlFunction<PreparedStatement, Long> runGuarded)
            throws SQLException;

    /** The statement whose results are this execution's: the guarded form; null for the statement's own. */
    public PreparedStatement guardedResults() {
        return null;
    }

    /** Sent as written; after DDL, the keys the catalog knows are forgotten. */
    static final class AsWritten extends WritePlan {
        static final AsWritten PLAIN = new AsWritten(null);

        private final KeyCatalog forgetAfter;

        AsWritten(KeyCatalog forgetAfter) {
            this.forgetAfter = forgetAfter;
        }

        @Override
        public long run(SqlSupplier<Long> asWritten, SqlFunction<PreparedStatement, Long> runGuarded)
                throws SQLException {
            long rows = asWritten.get();
            if (forgetAfter != null) {
                forgetAfter.forget();
            }
            return rows;
        }
    }

    /** Sent as written, which is condition enough: zero rows is a lost race. */
    static final class Checked extends WritePlan {
        private final GuardedWrite write;

        Checked(GuardedWrite write) {
            this.write = write;
        }

        @Override
        public long run(SqlSupplier<Long> asWritten, SqlFunction<PreparedStatement, Long> runGuarded)
                throws SQLException {
            return write.verify(asWritten.get());
        }
    }

    /** Sent in its guarded form, the application's parameters and the values read bound onto it. */
    static final class Rewritten extends WritePlan {
        private final GuardedWrite write;
        private final PreparedStatement form;
        private final BoundValues bound;

        Rewritten(GuardedWrite write, PreparedStatement form, BoundValues bound) {
            this.write = write;
            this.form = form;
            this.bound = bound;
        }

        @Override
        public long run(SqlSupplier<Long> asWritten, SqlFunction<PreparedStatement, Long> runGuarded)
                throws SQLException {
            write.bind(form, bound);
            return write.verify(runGuarded.apply(form));
        }

        @Override
        public PreparedStatement guardedResults() {
            return form;
        }
    }
}

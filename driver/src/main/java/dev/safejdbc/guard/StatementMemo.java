package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.Equality;
import dev.safejdbc.guard.sql.KeyedSelect;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * What the guard works out once for a prepared statement and reuses on every execution: how its
 * WHERE names a row, how its result's columns are read (some drivers compute result metadata
 * expensively) and the text of its guarded form. Each is one immutable value, so a statement
 * shared between threads at worst works one out twice.
 */
public final class StatementMemo {
    private volatile Naming naming;
    private ColumnPlan columns;
    private GuardedForm guardedForm;

    /** A naming and the key catalog generation it was worked out under. */
    private record Naming(RowNaming naming, long generation) {
    }

    /** The guarded text built for the reads of one column plan, with these columns left uncompared. */
    record GuardedForm(ColumnPlan columns, BitSet uncompared, String sql, int[] compared) {
    }

    RowNaming naming(String database, TableName table, List<Equality> equalities, Connection physical)
            throws SQLException {
        long generation = KeyCatalog.generation();
        Naming known = naming;
        if (known != null && known.generation() == generation) {
            return known.naming();
        }
        TableKeys keys = KeyCatalog.keys(database, table, physical);
        RowNaming fresh = new RowNaming(table, equalities, keys);
        if (keys != TableKeys.UNKNOWN) { // an unknown table may be created: it is looked up again
            naming = new Naming(fresh, generation);
        }
        return fresh;
    }

    ColumnPlan columns(ResultSet rs, KeyedSelect select, Dialect dialect) throws SQLException {
        ColumnPlan plan = columns;
        if (plan == null) {
            plan = ColumnPlan.of(rs.getMetaData(), select, dialect == Dialect.POSTGRESQL,
                    dialect != null && dialect != Dialect.SQLITE);
            columns = plan;
        }
        return plan;
    }

    /** The guarded form last built for reads like {@code read}, or null. */
    GuardedForm guardedForm(Observation read) {
        GuardedForm form = guardedForm;
        return form != null && form.columns() == read.columns()
                && Objects.equals(form.uncompared(), read.uncompared()) ? form : null;
    }

    void guardedForm(GuardedForm form) {
        guardedForm = form;
    }
}

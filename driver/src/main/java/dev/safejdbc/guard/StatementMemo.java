package dev.safejdbc.guard;

import dev.safejdbc.database.Database;
import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.Equality;
import dev.safejdbc.guard.sql.KeyedSelect;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the guard works out once for a prepared statement and reuses on every execution: how its
 * WHERE names a row, how its result's columns are read (some drivers compute result metadata
 * expensively) and the text of its guarded form. Shared by the statements of every connection
 * to one database that prepare the same text. Each is one immutable value, so threads at worst
 * work one out twice.
 */
public final class StatementMemo {
    /**
     * Each database's memos, per SQL text. Bounded: a database's are all dropped when it has too
     * many (texts built with literals).
     */
    private static final Database.Slot<Map<String, StatementMemo>> OF_DATABASE =
            new Database.Slot<>(ConcurrentHashMap::new);
    private static final int CAPACITY = 4096;

    private volatile Naming naming;
    private volatile Columns columns;
    private volatile GuardedForm guardedForm;

    /** A naming and the key catalog generation it was worked out under. */
    private record Naming(RowNaming naming, long generation) {
    }

    /** A column plan and the key catalog generation (DDL changes results too) it was worked out under. */
    private record Columns(ColumnPlan plan, long generation) {
    }

    static StatementMemo of(Database database, String sql) {
        Map<String, StatementMemo> memos = database.state(OF_DATABASE);
        StatementMemo memo = memos.get(sql);
        if (memo == null) {
            if (memos.size() >= CAPACITY) {
                memos.clear();
            }
            memo = memos.computeIfAbsent(sql, s -> new StatementMemo());
        }
        return memo;
    }

    /**
     * The guarded text built for the reads of one column plan, with these columns left uncompared
     * and these values taken as {@code domains} says.
     */
    record GuardedForm(ColumnPlan columns, BitSet uncompared, byte[] domains, String sql, int[] compared) {
    }

    RowNaming naming(KeyCatalog catalog, TableName table, List<Equality> equalities, Connection physical)
            throws SQLException {
        long generation = catalog.generation();
        Naming known = naming;
        if (known != null && known.generation() == generation) {
            return known.naming();
        }
        TableKeys keys = catalog.keys(table, physical);
        RowNaming fresh = new RowNaming(table, equalities, keys);
        if (keys instanceof TableKeys.Known) { // an unknown table may be created: it is looked up again
            naming = new Naming(fresh, generation);
        }
        return fresh;
    }

    ColumnPlan columns(ResultSet rs, KeyedSelect select, Dialect dialect, KeyCatalog catalog) throws SQLException {
        long generation = catalog.generation();
        Columns known = columns;
        if (known != null && known.generation() == generation) {
            return known.plan();
        }
        ColumnPlan plan = ColumnPlan.of(rs.getMetaData(), select, dialect == Dialect.POSTGRESQL,
                dialect != Dialect.SQLITE);
        columns = new Columns(plan, generation);
        return plan;
    }

    /** The guarded form last built for reads like {@code read}, or null. */
    GuardedForm guardedForm(Observation read) {
        GuardedForm form = guardedForm;
        return form != null && form.columns() == read.columns()
                && Objects.equals(form.uncompared(), read.uncompared()) && read.takenLike(form.domains()) ? form : null;
    }

    void guardedForm(GuardedForm form) {
        guardedForm = form;
    }
}

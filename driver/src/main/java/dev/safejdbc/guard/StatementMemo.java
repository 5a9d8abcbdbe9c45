package dev.safejdbc.guard;

import dev.safejdbc.database.Database;
import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.Equality;
import dev.safejdbc.guard.sql.KeyedSelect;
import dev.safejdbc.guard.sql.ResultRows;
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
    private volatile ReturnedRows returnedRows;

    /** Which tables' rows a result returns, and the tables' keys it was worked out with. */
    private record ReturnedRows(ReturnedRowsPlan plan, List<TableKeys> keys) {
    }

    /**
     * A row naming and the catalog generation it was worked out in; {@code settled} when the table's name
     * resolves the same way on every connection, so that an unchanged generation means unchanged keys.
     */
    private record Naming(RowNaming naming, long generation, boolean settled) {
    }

    /** A column plan and the table's keys (read again after DDL, which changes results too) it was worked out with. */
    private record Columns(ColumnPlan plan, TableKeys keys) {
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

    /**
     * How {@code equalities} name a row of {@code table}, as the catalog now knows its keys (a
     * table's keys are read anew after DDL, and on MariaDB the same name is another table in
     * another database).
     */
    RowNaming naming(KeyCatalog catalog, Dialect dialect, TableName table, List<Equality> equalities,
            Connection physical) throws SQLException {
        long generation = catalog.generation(); // read before the keys: a forgetting in between is seen next time
        Naming known = naming;
        if (known != null && known.settled() && known.generation() == generation) {
            return known.naming(); // no catalog look-up on the hot path
        }
        TableKeys keys = catalog.keys(table, dialect, physical);
        if (known != null && known.naming().keys() == keys) {
            return known.naming();
        }
        RowNaming fresh = new RowNaming(table, equalities, keys);
        if (!(keys instanceof TableKeys.Unknown)) { // an unknown table may be created: it is looked up again
            naming = new Naming(fresh, generation, settles(table, dialect, keys));
        }
        return fresh;
    }

    /**
     * Whether {@code table}'s keys stay {@code keys} until the catalog forgets: not for an unqualified name that
     * MariaDB resolves in the connection's current database, or that several schemas hold (resolved on each use).
     */
    private static boolean settles(TableName table, Dialect dialect, TableKeys keys) {
        return table.schema() != null || dialect != Dialect.MARIADB && !(keys instanceof TableKeys.Declined);
    }

    /** How the keyed read's result columns are read, for a table with {@code keys} (its real columns). */
    ColumnPlan columns(ResultSet rs, KeyedSelect select, Dialect dialect, TableKeys keys) throws SQLException {
        Columns known = columns;
        if (known != null && known.keys() == keys) {
            return known.plan();
        }
        ColumnPlan plan = ColumnPlan.of(rs.getMetaData(), select, keys, dialect);
        columns = new Columns(plan, keys);
        return plan;
    }

    /** Which tables' rows the result of {@code rows} returns by key, with these tables' {@code keys}. */
    ReturnedRowsPlan returnedRows(ResultSet rs, ResultRows rows, List<TableKeys> keys, Dialect dialect)
            throws SQLException {
        ReturnedRows known = returnedRows;
        if (known != null && sameKeys(known.keys(), keys)) {
            return known.plan();
        }
        ReturnedRowsPlan plan = ReturnedRowsPlan.of(rs.getMetaData(), rows, keys, dialect);
        returnedRows = new ReturnedRows(plan, keys);
        return plan;
    }

    private static boolean sameKeys(List<TableKeys> known, List<TableKeys> now) {
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i) != now.get(i)) {
                return false;
            }
        }
        return true;
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

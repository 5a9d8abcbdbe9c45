package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.ResultRows;
import dev.safejdbc.guard.sql.TableName;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tables' rows a result returns by key: for each table of the statement whose whole key is
 * among the result's columns, its column plan (result columns matched by position, never by label:
 * a join's result often has several columns labelled {@code id}). Worked out once per statement
 * text and table keys, from the result's metadata.
 *
 * @param tables the tables whose key the result carries
 */
record ReturnedRowsPlan(List<Table> tables) {
    /** One table's columns in the result, with its key among them. */
    record Table(TableName name, ColumnPlan columns, int baseHash) {
    }

    static ReturnedRowsPlan of(ResultSetMetaData meta, ResultRows rows, List<TableKeys> keys, Dialect dialect)
            throws SQLException {
        String[][] columnsAt = columnsByTable(meta, rows);
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < rows.tables().size(); t++) {
            if (columnsAt == null || !keys.get(t).hasKeys()) {
                continue;
            }
            ColumnPlan columns = ColumnPlan.of(meta, columnsAt[t], keys.get(t), dialect);
            if (columns.key() != null) {
                TableName name = rows.tables().get(t);
                tables.add(new Table(name, columns, RowKey.baseHash(name, columns.key())));
            }
        }
        return new ReturnedRowsPlan(List.copyOf(tables));
    }

    /**
     * For each table, the table column (normalized) of each result position, or null. Items are
     * laid out in order; one {@code *} or {@code t.*} spans the columns the others leave, its
     * columns named by their labels. Past a second such item positions are not known: the items
     * after the first are not matched.
     */
    private static String[][] columnsByTable(ResultSetMetaData meta, ResultRows rows) throws SQLException {
        int count = meta.getColumnCount();
        List<ResultRows.Item> items = rows.items();
        long stars = items.stream().filter(ResultRows.Item::star).count();
        if (stars == 0 && items.size() != count || stars == 1 && items.size() - 1 > count) {
            return null; // not the result the text describes
        }
        String[][] columnsAt = new String[rows.tables().size()][count + 1];
        int position = 1;
        for (ResultRows.Item item : items) {
            if (!item.star()) {
                if (item.table() >= 0) {
                    columnsAt[item.table()][position] = KeyCatalog.normalize(item.column());
                }
                position++;
                continue;
            }
            if (stars > 1) {
                break;
            }
            int width = count - (items.size() - 1);
            for (int i = position; i < position + width; i++) {
                if (item.table() >= 0) {
                    columnsAt[item.table()][i] = KeyCatalog.normalize(meta.getColumnLabel(i));
                }
            }
            position += width;
        }
        return columnsAt;
    }
}

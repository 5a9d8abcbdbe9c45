package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.TableName;
import dev.safejdbc.guard.sql.ValueSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The column values an insert gives its row, resolved from literals and bound parameters; columns
 * normalized, values comparable across types.
 */
record KeyValues(Map<String, Object> byColumn) {

    /** Null when a value is unknown (unbound, a stream, SQL NULL) or a column appears twice. */
    static KeyValues ofColumns(List<String> columns, List<ValueSource> sources, BoundValues bound) {
        return of(columns, sources, bound, false);
    }

    /**
     * The values that are known (a value bound with a {@code Calendar} or a scale is not, nor SQL NULL); null
     * when none is, or a column appears twice. A key is named only where all of its columns are known.
     */
    static KeyValues known(List<String> columns, List<ValueSource> sources, BoundValues bound) {
        return of(columns, sources, bound, true);
    }

    private static KeyValues of(List<String> columns, List<ValueSource> sources, BoundValues bound,
            boolean skipUnknown) {
        Map<String, Object> values = new TreeMap<>();
        for (int i = 0; i < columns.size() && i < sources.size(); i++) {
            String column = KeyCatalog.normalize(columns.get(i));
            Object value = RowNaming.resolve(sources.get(i), bound);
            if (values.containsKey(column) || value == null && !skipUnknown) {
                return null;
            }
            if (value != null) {
                values.put(column, value);
            }
        }
        return values.isEmpty() ? null : new KeyValues(values);
    }

    Set<String> columns() {
        return byColumn.keySet();
    }

    /** The row's identity under {@code key}, one of the unique keys among {@link #columns()}. */
    RowKey rowKey(TableName table, Set<String> key) {
        List<String> columns = key.stream().sorted().toList();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = byColumn.get(columns.get(i));
        }
        return new RowKey(table, columns, values);
    }

    /** Whether these values name the row {@code key} names: every one of its columns, equal. */
    boolean matches(RowKey key) {
        for (int i = 0; i < key.columns().size(); i++) {
            Object value = byColumn.get(key.columns().get(i));
            if (value == null || !value.equals(key.value(i))) {
                return false;
            }
        }
        return true;
    }
}

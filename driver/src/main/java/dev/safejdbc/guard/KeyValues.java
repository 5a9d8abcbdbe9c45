package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.Equality;
import dev.safejdbc.guard.sql.TableName;
import dev.safejdbc.guard.sql.ValueSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The column values a statement names a row by (its WHERE equalities, or an insert's values),
 * resolved from literals and bound parameters; columns normalized, values comparable across types.
 */
record KeyValues(Map<String, Object> byColumn) {

    /** Null when a value is unknown (unbound, a stream, SQL NULL) or a column appears twice. */
    static KeyValues of(List<Equality> equalities, BoundValues bound) {
        Map<String, Object> values = new TreeMap<>();
        for (Equality equality : equalities) {
            String column = KeyCatalog.normalize(equality.column());
            Object value = resolve(equality.value(), bound);
            if (value == null || values.containsKey(column)) {
                return null;
            }
            values.put(column, value);
        }
        return values.isEmpty() ? null : new KeyValues(values);
    }

    static KeyValues ofColumns(List<String> columns, List<ValueSource> sources, BoundValues bound) {
        List<Equality> equalities = new ArrayList<>();
        for (int i = 0; i < columns.size() && i < sources.size(); i++) {
            equalities.add(new Equality(columns.get(i), sources.get(i)));
        }
        return of(equalities, bound);
    }

    Set<String> columns() {
        return byColumn.keySet();
    }

    /** The row's identity under {@code key}: its columns in a fixed order, with their values. */
    ReadLog.RowKey rowKey(TableName table, Set<String> key) {
        List<String> columns = new ArrayList<>(new TreeSet<>(key));
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
            values.add(byColumn.get(column));
        }
        return new ReadLog.RowKey(table, columns, values);
    }

    /** Whether these values name the row {@code key} names: every one of its columns, equal. */
    boolean matches(ReadLog.RowKey key) {
        for (int i = 0; i < key.columns().size(); i++) {
            Object value = byColumn.get(key.columns().get(i));
            if (value == null || !value.equals(key.values().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Object resolve(ValueSource source, BoundValues bound) {
        if (!source.isParameter()) {
            return comparable(source.literal());
        }
        Bound b = bound.get(source.parameter());
        return b == null || b.opaque() ? null : comparable(b.value());
    }

    /** 1, 1L and 1.0 name the same key, whether bound or written as literals. */
    private static Object comparable(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                return value; // NaN, infinities: compared as they are
            }
        }
        return value;
    }
}

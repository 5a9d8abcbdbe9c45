package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.TableName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A row's identity: its table, the columns of the key it is named by (normalized, sorted) and
 * their values in the same order, made comparable across Java types. A read and a later write of
 * the same row build equal keys, however each bound its values.
 */
final class RowKey {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final TableName table;
    private final List<String> columns;
    /** A one-column key's value (most keys: every keyed read makes a key, and an array would be one more object). */
    private final Object single;
    /** A key of several columns: its values; null for a one-column key. */
    private final Object[] values;
    private final int hash;

    RowKey(TableName table, List<String> columns, Object[] values) {
        this(table, columns, values, baseHash(table, columns));
    }

    /** @param baseHash {@link #baseHash} of the table and columns, which a prepared statement works out once */
    RowKey(TableName table, List<String> columns, Object[] values, int baseHash) {
        this(table, columns, values.length == 1 ? values[0] : null, values.length == 1 ? null : values, baseHash);
    }

    /** A one-column key. */
    static RowKey ofOne(TableName table, List<String> columns, Object value, int baseHash) {
        return new RowKey(table, columns, value, null, baseHash);
    }

    private RowKey(TableName table, List<String> columns, Object single, Object[] values, int baseHash) {
        this.table = table;
        this.columns = columns;
        this.single = single;
        this.values = values;
        this.hash = baseHash * 31 + (values == null ? 31 + Objects.hashCode(single) : Arrays.hashCode(values));
    }

    static int baseHash(TableName table, List<String> columns) {
        return table.hashCode() * 31 + columns.hashCode();
    }

    TableName table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    Object value(int index) {
        return values == null ? single : values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && hash == key.hash && Objects.equals(single, key.single)
                && Arrays.equals(values, key.values)
                && (columns == key.columns || columns.equals(key.columns)) && table.equals(key.table);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /**
     * 1, 1L, 1.0 and 1.00 name the same key, whether bound or written as literals: whole numbers
     * become Long, other numbers BigDecimal without trailing zeros.
     */
    static Object comparable(Object value) {
        if (value instanceof Long || value instanceof String || !(value instanceof Number number)) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return number.longValue();
        }
        BigDecimal decimal;
        try {
            decimal = value instanceof BigDecimal d ? d
                    : value instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return value; // NaN, infinities: compared as they are
        }
        decimal = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        boolean whole = decimal.scale() <= 0 && decimal.compareTo(LONG_MIN) >= 0 && decimal.compareTo(LONG_MAX) <= 0;
        return whole ? (Object) decimal.longValueExact() : decimal;
    }

    @Override
    public String toString() {
        return table.name() + columns + (values == null ? "[" + single + "]" : Arrays.toString(values));
    }
}

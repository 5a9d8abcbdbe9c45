package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.Equality;
import dev.safejdbc.guard.sql.TableName;
import dev.safejdbc.guard.sql.ValueSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a statement's WHERE equalities name a row of its table, given the table's keys: which key
 * they cover and where each of its values comes from. Worked out once per prepared statement (and
 * again after DDL), so that an execution only resolves values.
 */
final class RowNaming {
    private final TableName table;
    private final TableKeys keys;
    private final List<ValueSource> sources;
    private final boolean repeatsColumn;
    private final boolean isKey;
    private final boolean whereIsKey;
    /** The columns the row is named by, sorted; null when the equalities cover no key. */
    private final List<String> key;
    /** For each equality, the position of its value in the row's key, or -1. */
    private final int[] slots;
    private final int baseHash;

    RowNaming(TableName table, List<Equality> equalities, TableKeys keys) {
        this.table = table;
        this.keys = keys;
        this.sources = equalities.stream().map(Equality::value).toList();
        List<String> names = equalities.stream().map(equality -> KeyCatalog.normalize(equality.column())).toList();
        Set<String> columns = new HashSet<>(names);
        this.repeatsColumn = columns.size() < names.size() || columns.isEmpty();
        this.isKey = keys.isKey(columns);
        Set<String> named = !keys.hasKeys() || isKey ? columns : keys.coveredBy(columns);
        this.whereIsKey = columns.equals(named);
        this.key = named == null ? null : named.stream().sorted().toList();
        this.baseHash = key == null ? 0 : RowKey.baseHash(table, key);
        this.slots = new int[equalities.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = key == null ? -1 : key.indexOf(names.get(i));
        }
    }

    TableKeys keys() {
        return keys;
    }

    /** Whether the equalities' columns are exactly one of the table's unique keys. */
    boolean isKey() {
        return isKey;
    }

    /** Whether the equalities name the row by its key and nothing more (a keyless table's: all of them). */
    boolean whereIsKey() {
        return whereIsKey;
    }

    /**
     * The row these equalities name with these parameters; null when they name none (no key is
     * covered, a column repeats, or a value is unknown: unbound, a stream, SQL NULL).
     */
    RowKey rowKey(BoundValues bound) {
        if (key == null || repeatsColumn) {
            return null;
        }
        Object[] values = key.size() == 1 ? null : new Object[key.size()]; // a one-column key needs no array
        Object single = null;
        for (int i = 0; i < slots.length; i++) {
            Object value = resolve(sources.get(i), bound);
            if (value == null) {
                return null;
            }
            if (slots[i] >= 0 && values != null) {
                values[slots[i]] = value;
            } else if (slots[i] >= 0) {
                single = value;
            }
        }
        return values == null ? RowKey.ofOne(table, key, single, baseHash) : new RowKey(table, key, values, baseHash);
    }

    /** The row, when the table has keys to name it by; null otherwise (see {@link #rowKey}). */
    RowKey keyedRow(BoundValues bound) {
        return keys.hasKeys() ? rowKey(bound) : null;
    }

    static Object resolve(ValueSource source, BoundValues bound) {
        if (!source.isParameter()) {
            return RowKey.comparable(source.literal());
        }
        return RowKey.comparable(bound.known(source.parameter()));
    }
}

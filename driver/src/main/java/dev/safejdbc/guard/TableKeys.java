package dev.safejdbc.guard;

import java.util.List;
import java.util.Set;

/**
 * The unique keys of one table (primary key first), each a set of normalized column names;
 * empty when the table has none (or is unknown).
 */
record TableKeys(List<Set<String>> uniqueKeys) {
    static final TableKeys NONE = new TableKeys(List.of());
    /** No table of that name was found: no keys, and nothing worked out from that may be kept. */
    static final TableKeys UNKNOWN = new TableKeys(List.of());

    /** The first unique key whose every column is among {@code columns}, or null. */
    Set<String> coveredBy(Set<String> columns) {
        for (Set<String> key : uniqueKeys) {
            if (columns.containsAll(key)) {
                return key;
            }
        }
        return null;
    }

    /** Whether {@code columns} is exactly one of the unique keys. */
    boolean isKey(Set<String> columns) {
        return uniqueKeys.contains(columns);
    }

    boolean hasKeys() {
        return !uniqueKeys.isEmpty();
    }
}

package dev.safejdbc.guard;

import java.util.List;
import java.util.Set;

/**
 * What the catalog knows of one table's unique keys (primary key first), each a set of normalized
 * column names: {@link Known} keys (perhaps none), or an {@link Unknown} table, of which nothing
 * may be kept (it may yet be created).
 */
sealed interface TableKeys permits TableKeys.Known, TableKeys.Unknown {
    /** A table that exists and has no primary or unique key. */
    TableKeys NONE = new Known(List.of());
    /** No table of that name was found. */
    TableKeys UNKNOWN = new Unknown();

    List<Set<String>> uniqueKeys();

    /** The first unique key whose every column is among {@code columns}, or null. */
    default Set<String> coveredBy(Set<String> columns) {
        for (Set<String> key : uniqueKeys()) {
            if (columns.containsAll(key)) {
                return key;
            }
        }
        return null;
    }

    /** Whether {@code columns} is exactly one of the unique keys. */
    default boolean isKey(Set<String> columns) {
        return uniqueKeys().contains(columns);
    }

    default boolean hasKeys() {
        return !uniqueKeys().isEmpty();
    }

    /** The keys of a table the catalog found. */
    record Known(List<Set<String>> uniqueKeys) implements TableKeys {
    }

    /** A table the catalog did not find: no keys, and nothing worked out from that may be kept. */
    final class Unknown implements TableKeys {
        private Unknown() {
        }

        @Override
        public List<Set<String>> uniqueKeys() {
            return List.of();
        }
    }
}

package dev.safejdbc.guard;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the catalog knows of one table's unique keys (primary key first), each a set of normalized
 * column names: {@link Known} keys (perhaps none) and columns, an {@link Unknown} table, of which
 * nothing may be kept (it may yet be created), or a {@link Declined} one, which the guard does not
 * key, for a reason a finding gives.
 */
sealed interface TableKeys permits TableKeys.Known, TableKeys.Unknown, TableKeys.Declined {
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

    /**
     * The column normalized as {@code column} as the catalog stores it (to quote it exactly); null
     * when the table has no such column, or two columns normalize alike.
     */
    default String stored(String column) {
        return null;
    }

    /**
     * Whether the column (normalized) is under a collation whose equality calls different texts equal
     * (PostgreSQL's nondeterministic ones; on SQLite, an index's NOCASE or RTRIM): the guard then compares its text exactly.
     */
    default boolean collatedLoosely(String column) {
        return false;
    }

    /** Whether an index covers the column (normalized): H2 may give the index's copy of its value. */
    default boolean indexed(String column) {
        return false;
    }

    /** Why the guard has no key of this table to guard a write on, for a finding. */
    default String keyless() {
        return "no primary or unique key to guard on";
    }

    /**
     * The keys of a table the catalog found.
     *
     * @param columns each column's normalized name to its name as stored (null where two columns normalize alike)
     * @param notKeys the unique indexes that are no keys, each with why (partial, deferrable, ...)
     * @param looseCollations the columns (normalized) under a nondeterministic collation (PostgreSQL), or under an
     *                        index that collates them other than {@code BINARY} (SQLite)
     * @param indexed the columns (normalized) an index covers (H2)
     */
    record Known(List<Set<String>> uniqueKeys, Map<String, String> columns, List<String> notKeys,
            Set<String> looseCollations, Set<String> indexed) implements TableKeys {
        @Override
        public boolean indexed(String column) {
            return indexed.contains(column);
        }

        @Override
        public String stored(String column) {
            return columns.get(column);
        }

        @Override
        public boolean collatedLoosely(String column) {
            return looseCollations.contains(column);
        }

        @Override
        public String keyless() {
            return notKeys.isEmpty() ? TableKeys.super.keyless()
                    : "no primary or unique key to guard on (not keys: " + String.join(", ", notKeys) + ")";
        }
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

    /** A table the guard does not key, because {@code why} (several tables the name may mean). */
    record Declined(String why) implements TableKeys {
        @Override
        public List<Set<String>> uniqueKeys() {
            return List.of();
        }

        @Override
        public String keyless() {
            return why;
        }
    }
}

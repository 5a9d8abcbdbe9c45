package dev.safejdbc.guard;

import dev.safejdbc.database.Database;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Primary and unique keys per table of one database, read once from {@link DatabaseMetaData};
 * forgotten when DDL runs through safe-jdbc on that database. Partial and expression indexes are
 * not keys: they do not make a row unique by its columns alone.
 */
final class KeyCatalog {
    /** Each database's catalog, kept with the {@link Database}. */
    static final Database.Slot<KeyCatalog> OF_DATABASE = new Database.Slot<>(KeyCatalog::new);

    private final Map<TableName, TableKeys> tables = new ConcurrentHashMap<>();
    /** Counts forgettings, so that what was worked out from the keys knows when to work it out again. */
    private final AtomicLong generation = new AtomicLong();

    private KeyCatalog() {
    }

    TableKeys keys(TableName table, Connection physical) throws SQLException {
        TableKeys known = tables.get(table);
        if (known == null) {
            known = read(physical.getMetaData(), table);
            if (known == null) {
                return TableKeys.UNKNOWN; // no such table (yet): the statement gets the real driver's own error
            }
            tables.put(table, known);
        }
        return known;
    }

    /** DDL ran: every table's keys are read again. */
    void forget() {
        tables.clear();
        generation.incrementAndGet();
    }

    long generation() {
        return generation.get();
    }

    /** The table's keys; null when the metadata knows no table of that name in any spelling. */
    private static TableKeys read(DatabaseMetaData metaData, TableName table) throws SQLException {
        boolean found = false;
        for (String name : spellings(table.name())) {
            List<Set<String>> keys = new ArrayList<>();
            Set<String> primary;
            try {
                primary = primaryKey(metaData, table.schema(), name);
            } catch (SQLException e) {
                continue; // sqlite-jdbc: "Table not found" for this spelling
            }
            found = true;
            if (!primary.isEmpty()) {
                keys.add(primary);
            }
            for (Set<String> unique : uniqueIndexes(metaData, table.schema(), name)) {
                if (!keys.contains(unique)) {
                    keys.add(unique);
                }
            }
            if (!keys.isEmpty()) {
                return new TableKeys.Known(List.copyOf(keys));
            }
        }
        return found ? TableKeys.NONE : null;
    }

    /** Catalogs store names as written, folded to lower case (PostgreSQL) or upper case (H2). */
    static Set<String> spellings(String name) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toLowerCase(Locale.ROOT));
        spellings.add(name.toUpperCase(Locale.ROOT));
        return spellings;
    }

    private static Set<String> primaryKey(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rs = metaData.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                columns.add(normalize(rs.getString("COLUMN_NAME")));
            }
        }
        return columns;
    }

    private static List<Set<String>> uniqueIndexes(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        Map<String, Set<String>> byIndex = new LinkedHashMap<>();
        Set<String> unusable = new LinkedHashSet<>();
        try (ResultSet rs = metaData.getIndexInfo(null, schema, table, true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index == null || rs.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                String column = rs.getString("COLUMN_NAME");
                String filter = rs.getString("FILTER_CONDITION");
                if (column == null || column.contains("(") || (filter != null && !filter.isBlank())) {
                    unusable.add(index);
                } else {
                    byIndex.computeIfAbsent(index, i -> new LinkedHashSet<>()).add(normalize(column));
                }
            }
        }
        unusable.forEach(byIndex::remove);
        return new ArrayList<>(byIndex.values());
    }

    /** Matches the analyzer's normalization of unquoted identifiers. */
    static String normalize(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}

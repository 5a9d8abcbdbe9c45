package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the one table a name means, and reads its columns and unique keys from the database's
 * catalog. A name the statement did not qualify that several schemas hold is declined: which one
 * the server takes depends on the session's search path, which the catalog cannot follow.
 * Partial, expression and deferrable unique indexes are not keys, nor are an index's INCLUDE columns.
 */
final class TableLookup {
    /** Schemas of the database itself, whose tables an unqualified name does not mean. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "mysql",
            "performance_schema", "sys");
    /** PostgreSQL's unique indexes, with whether each can key a row: immediate, whole-table, of plain key columns. */
    private static final String PG_UNIQUE_INDEXES = "SELECT c2.relname, i.indimmediate, i.indpred IS NULL,"
            + " i.indexprs IS NULL, ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid"
            + " AND a.attnum = ANY ((i.indkey::int2[])[0:i.indnkeyatts - 1]))::text[] FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class c2 ON c2.oid = i.indexrelid"
            + " WHERE i.indisunique AND n.nspname = ? AND c.relname = ? ORDER BY NOT i.indisprimary, i.indexrelid";

    /** PostgreSQL's columns (a domain's included) whose collation is nondeterministic. */
    private static final String PG_LOOSE_COLLATIONS = "SELECT a.attname FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_collation co ON co.oid = a.attcollation WHERE n.nspname = ? AND c.relname = ?"
            + " AND a.attnum > 0 AND NOT a.attisdropped AND NOT co.collisdeterministic";

    /** Where the catalog stores a table: its catalog, schema and name, as stored. */
    private record Location(String catalog, String schema, String name) {
        String qualifier() {
            return schema != null ? schema : catalog;
        }
    }

    private final Connection physical;
    private final DatabaseMetaData meta;
    private final Dialect dialect;

    TableLookup(Connection physical, Dialect dialect) throws SQLException {
        this.physical = physical;
        this.meta = physical.getMetaData();
        this.dialect = dialect;
    }

    /** The keys of the table {@code table} means; {@link TableKeys#UNKNOWN} when there is none. */
    TableKeys keys(TableName table) throws SQLException {
        for (String schema : spellings(table.schema())) {
            for (String name : spellings(table.name())) {
                List<Location> found = locate(schema, name);
                if (found.size() > 1) {
                    return new TableKeys.Declined("the name " + table.name() + " is a table in each of "
                            + found.stream().map(Location::qualifier).toList()
                            + ", and which one an unqualified name means depends on the session's search path");
                }
                if (found.size() == 1) {
                    return read(found.get(0));
                }
            }
        }
        return TableKeys.UNKNOWN;
    }

    /**
     * The schema-qualified name of the table an unqualified {@code table} means now, as the server
     * resolves it; null when this database cannot say (the name then stays declined).
     */
    static TableName asServerResolves(TableName table, Dialect dialect, Connection physical) throws SQLException {
        if (dialect == Dialect.H2) {
            String schema = physical.getSchema(); // H2 looks in the current schema first
            return schema == null ? null : new TableName(schema, table.name());
        }
        if (dialect != Dialect.POSTGRESQL) {
            return null;
        }
        try (PreparedStatement ps = physical.prepareStatement("SELECT n.nspname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, '"' + table.name().replace("\"", "\"\"") + '"');
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new TableName(rs.getString(1), table.name()) : null;
            }
        }
    }

    /** Catalogs store names as written, folded to lower case (PostgreSQL) or upper case (H2). */
    static List<String> spellings(String name) {
        if (name == null) {
            return Collections.singletonList(null);
        }
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toLowerCase(Locale.ROOT));
        spellings.add(name.toUpperCase(Locale.ROOT));
        return new ArrayList<>(spellings);
    }

    private List<Location> locate(String schema, String name) throws SQLException {
        boolean byCatalog = dialect == Dialect.MARIADB; // MariaDB's databases are JDBC catalogs
        List<Location> found = new ArrayList<>();
        try (ResultSet rs = meta.getTables(byCatalog ? schema : null, byCatalog ? null : schema, name, null)) {
            while (rs.next()) {
                Location at = new Location(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                        rs.getString("TABLE_NAME"));
                String type = Objects.toString(rs.getString("TABLE_TYPE"), "").toUpperCase(Locale.ROOT);
                String qualifier = byCatalog ? at.catalog() : at.schema();
                boolean sameName = dialect == Dialect.SQLITE ? at.name().equalsIgnoreCase(name) : at.name().equals(name);
                boolean inSchema = schema == null ? qualifier == null
                        || !SYSTEM_SCHEMAS.contains(qualifier.toLowerCase(Locale.ROOT)) : schema.equals(qualifier);
                if (sameName && inSchema && !type.contains("INDEX") && !type.contains("SEQUENCE")
                        && !type.equals("TYPE") && !found.contains(at)) {
                    found.add(at); // the name is a pattern ('_' matches any character): only the exact name counts
                }
            }
        } catch (SQLException e) {
            return found; // a spelling the driver refuses is not the table's
        }
        return found;
    }

    private TableKeys read(Location table) throws SQLException {
        List<Set<String>> keys = new ArrayList<>();
        List<String> notKeys = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            keys.addAll(postgresKeys(table, notKeys));
        } else {
            Set<String> primary = primaryKey(table);
            if (!primary.isEmpty()) {
                keys.add(primary);
            }
            for (Set<String> unique : uniqueIndexes(table, notKeys)) {
                if (!keys.contains(unique)) {
                    keys.add(unique);
                }
            }
        }
        return new TableKeys.Known(List.copyOf(keys), columns(table), List.copyOf(notKeys),
                dialect == Dialect.POSTGRESQL ? postgresLooseCollations(table)
                        : dialect == Dialect.SQLITE ? sqliteLooseCollations(table) : Set.of(),
                dialect == Dialect.H2 ? indexedColumns(table) : Set.of());
    }

    private Map<String, String> columns(Location table) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        try (ResultSet rs = meta.getColumns(table.catalog(), table.schema(), table.name(), null)) {
            while (rs.next()) {
                if (table.name().equals(rs.getString("TABLE_NAME"))) {
                    String stored = rs.getString("COLUMN_NAME");
                    String normalized = KeyCatalog.normalize(stored);
                    columns.put(normalized, columns.containsKey(normalized) ? null : stored); // alike: quoted apart
                }
            }
        }
        return Collections.unmodifiableMap(columns);
    }

    private List<Set<String>> postgresKeys(Location table, List<String> notKeys) throws SQLException {
        List<Set<String>> keys = new ArrayList<>();
        try (PreparedStatement ps = physical.prepareStatement(PG_UNIQUE_INDEXES)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> key = new LinkedHashSet<>();
                    for (Object column : (Object[]) rs.getArray(5).getArray()) {
                        key.add(KeyCatalog.normalize((String) column));
                    }
                    String why = !rs.getBoolean(2) ? "deferrable" : !rs.getBoolean(3) ? "partial"
                            : !rs.getBoolean(4) ? "on an expression" : null;
                    if (why != null) {
                        notKeys.add(rs.getString(1) + " (" + why + ")");
                    } else if (!key.isEmpty() && !keys.contains(key)) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The columns under a nondeterministic collation (an ICU one with {@code deterministic = false}),
     * whose equality calls texts equal that differ (in case, in accents). PostgreSQL has them from 12.
     */
    private Set<String> postgresLooseCollations(Location table) throws SQLException {
        if (meta.getDatabaseMajorVersion() < 12) {
            return Set.of();
        }
        return columnNames(PG_LOOSE_COLLATIONS, table.schema(), table.name());
    }

    /**
     * The columns an index of the table collates other than {@code BINARY} ({@code NOCASE}, {@code RTRIM}, an
     * application's own): a key column is under its key's index, whose collation is the column's unless the
     * index names another, and its equality in a WHERE may then match a text that differs.
     */
    private Set<String> sqliteLooseCollations(Location table) throws SQLException {
        return columnNames("SELECT x.name FROM pragma_index_list(?) AS l, pragma_index_xinfo(l.name) AS x"
                + " WHERE x.\"key\" = 1 AND x.name IS NOT NULL AND upper(x.coll) <> 'BINARY'", table.name());
    }

    /** The column names (normalized) {@code query}, bound with {@code parameters}, returns. */
    private Set<String> columnNames(String query, String... parameters) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (PreparedStatement ps = physical.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(KeyCatalog.normalize(rs.getString(1)));
                }
            }
        }
        return Set.copyOf(names);
    }

    /** The columns any index covers. */
    private Set<String> indexedColumns(Location table) throws SQLException {
        Set<String> indexed = new LinkedHashSet<>();
        try (ResultSet rs = meta.getIndexInfo(table.catalog(), table.schema(), table.name(), false, true)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                if (column != null) {
                    indexed.add(KeyCatalog.normalize(column));
                }
            }
        }
        return Set.copyOf(indexed);
    }

    private Set<String> primaryKey(Location table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rs = meta.getPrimaryKeys(table.catalog(), table.schema(), table.name())) {
            while (rs.next()) {
                columns.add(KeyCatalog.normalize(rs.getString("COLUMN_NAME")));
            }
        }
        return columns;
    }

    private List<Set<String>> uniqueIndexes(Location table, List<String> notKeys) throws SQLException {
        Map<String, Set<String>> byIndex = new LinkedHashMap<>();
        Set<String> unusable = dialect == Dialect.SQLITE ? sqlitePartialIndexes(table) : new LinkedHashSet<>();
        try (ResultSet rs = meta.getIndexInfo(table.catalog(), table.schema(), table.name(), true, false)) {
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
                    byIndex.computeIfAbsent(index, i -> new LinkedHashSet<>()).add(KeyCatalog.normalize(column));
                }
            }
        }
        unusable.forEach(byIndex::remove);
        unusable.forEach(index -> notKeys.add(index + " (partial or on an expression)"));
        return new ArrayList<>(byIndex.values());
    }

    /** sqlite-jdbc reports no filter condition: SQLite itself says which indexes are partial. */
    private Set<String> sqlitePartialIndexes(Location table) throws SQLException {
        Set<String> partial = new LinkedHashSet<>();
        try (PreparedStatement ps = physical.prepareStatement(
                "SELECT name FROM pragma_index_list(?) WHERE \"partial\" = 1")) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    partial.add(rs.getString(1));
                }
            }
        }
        return partial;
    }
}

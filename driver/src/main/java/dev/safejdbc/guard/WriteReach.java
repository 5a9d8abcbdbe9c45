package dev.safejdbc.guard;

import dev.safejdbc.database.Database;
import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per table of one database: whether a write of it can change rows it does not name, which the
 * statement's text does not show: a trigger or rule on it, a foreign key that cascades from it
 * ({@code ON DELETE/UPDATE CASCADE}, {@code SET NULL}, {@code SET DEFAULT}), or a relation that is
 * not a plain table (a view, a partitioned or inherited table). Such a write ends every read of
 * its transaction. Looked up by name in every schema (so a same-named table elsewhere can only
 * make the answer yes), once per table; forgotten with the key catalog when DDL runs.
 */
final class WriteReach {
    /** Each database's answers, kept with the {@link Database}. */
    static final Database.Slot<WriteReach> OF_DATABASE = new Database.Slot<>(WriteReach::new);
    /** Applications write a bounded set of tables; past this many, the answers are read again. */
    private static final int CAPACITY = 1024;

    private final Map<String, Boolean> tables = new ConcurrentHashMap<>();
    /** The key catalog's generation these answers were read in: DDL makes them stale. */
    private volatile long generation = -1;

    private WriteReach() {
    }

    /** Whether a write of {@code table} may change rows other than the ones it names. */
    boolean reachesOthers(TableName table, Dialect dialect, KeyCatalog catalog, Connection physical) {
        long now = catalog.generation();
        if (now != generation || tables.size() >= CAPACITY) {
            tables.clear();
            generation = now;
        }
        Boolean known = tables.get(table.name());
        if (known == null) {
            known = read(table.name(), dialect, physical);
            if (known == null) {
                return true; // not kept: the catalog may answer next time (a PostgreSQL transaction aborted)
            }
            tables.put(table.name(), known);
        }
        return known;
    }

    /** No dialect is a yes; null when the catalog did not answer (which, for this write, is a yes too). */
    private static Boolean read(String name, Dialect dialect, Connection physical) {
        if (dialect == null) {
            return true;
        }
        try {
            return ContainedRead.run(physical, dialect,
                    () -> hasTriggersOrIsNoPlainTable(name, dialect, physical) || cascades(name, dialect, physical.getMetaData()));
        } catch (SQLException e) {
            return null;
        }
    }

    private static boolean hasTriggersOrIsNoPlainTable(String name, Dialect dialect, Connection physical)
            throws SQLException {
        try (PreparedStatement query = physical.prepareStatement(query(dialect))) {
            for (int i = 1; i <= 2; i++) {
                query.setString(i, name);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A row for each trigger or rule on a table of that name, or for a relation of that name that is no plain
     * table; the name is its two parameters.
     */
    private static String query(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "SELECT 1 FROM pg_catalog.pg_class c WHERE c.relname::text IN (?, ?)"
                    + " AND (c.relkind NOT IN ('r', 'i', 'S') OR c.relispartition OR c.relhassubclass OR c.relhasrules"
                    + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid)"
                    + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g"
                    + " WHERE g.tgrelid = c.oid AND NOT g.tgisinternal))";
            case MARIADB -> "SELECT 1 FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_TABLE = ?"
                    + " UNION ALL SELECT 1 FROM information_schema.TABLES WHERE TABLE_NAME = ?"
                    + " AND TABLE_TYPE = 'VIEW'";
            case SQLITE -> "SELECT 1 FROM (SELECT type, name, tbl_name FROM sqlite_master UNION ALL"
                    + " SELECT type, name, tbl_name FROM sqlite_temp_master)"
                    + " WHERE type IN ('trigger', 'view') AND tbl_name COLLATE NOCASE IN (?, ?)";
            case H2 -> "SELECT 1 FROM INFORMATION_SCHEMA.TRIGGERS WHERE UPPER(EVENT_OBJECT_TABLE) = UPPER(?)"
                    + " UNION ALL SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = UPPER(?)"
                    + " AND TABLE_TYPE = 'VIEW'";
        };
    }

    /** Whether a foreign key from another table (or this one) acts on that table's changes. */
    private static boolean cascades(String name, Dialect dialect, DatabaseMetaData metaData) throws SQLException {
        // MariaDB resolves a name as the server's lower_case_table_names says; another spelling of it is another
        // table, and asking for a missing one makes Connector/J log the server's error in the application's log
        List<String> spellings = dialect == Dialect.MARIADB ? List.of(name) : TableLookup.spellings(name);
        for (String spelling : spellings) {
            try (ResultSet rs = metaData.getExportedKeys(null, null, spelling)) {
                while (rs.next()) {
                    if (acts(rs.getShort("UPDATE_RULE")) || acts(rs.getShort("DELETE_RULE"))) {
                        return true;
                    }
                }
            } catch (SQLException e) {
                // sqlite-jdbc: no table of this spelling
            }
        }
        return false;
    }

    private static boolean acts(short rule) {
        return rule == DatabaseMetaData.importedKeyCascade || rule == DatabaseMetaData.importedKeySetNull
                || rule == DatabaseMetaData.importedKeySetDefault;
    }
}

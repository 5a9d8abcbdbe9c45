package dev.safejdbc.guard;

import dev.safejdbc.database.Database;
import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Primary and unique keys, and the columns, of each table of one database, read once from its
 * catalog ({@link TableLookup}); forgotten when DDL runs through safe-jdbc on that database.
 */
final class KeyCatalog {
    /** Each database's catalog, kept with the {@link Database}. */
    static final Database.Slot<KeyCatalog> OF_DATABASE = new Database.Slot<>(KeyCatalog::new);

    private final Map<TableName, TableKeys> tables = new ConcurrentHashMap<>();
    /** Counts forgettings, so that what was worked out from the keys knows when to work it out again. */
    private final AtomicLong generation = new AtomicLong();

    private KeyCatalog() {
    }

    /**
     * The keys of the table {@code table} names on {@code physical}. On MariaDB an unqualified name
     * is a table of the connection's current database (which {@code USE} changes, and the driver
     * knows without a round trip). An unqualified name that several schemas hold is resolved as the
     * server resolves it, on each use (PostgreSQL's search path, H2's current schema): a round trip
     * that only such names cost.
     */
    TableKeys keys(TableName table, Dialect dialect, Connection physical) throws SQLException {
        TableName resolved = table;
        if (dialect == Dialect.MARIADB && table.schema() == null) {
            String database = physical.getCatalog();
            resolved = database == null ? table : new TableName(database, table.name());
        }
        TableKeys known = tables.get(resolved);
        if (known == null) {
            try {
                TableName lookedUp = resolved;
                known = ContainedRead.run(physical, dialect, () -> new TableLookup(physical, dialect).keys(lookedUp));
            } catch (SQLException e) {
                return TableKeys.UNKNOWN; // a catalog that cannot describe it (sqlite-jdbc: a TEMP table): not guarded
            }
            if (known == TableKeys.UNKNOWN) {
                return known; // no such table (yet): the statement gets the real driver's own error
            }
            tables.put(resolved, known);
        }
        if (known instanceof TableKeys.Declined && resolved.schema() == null) {
            TableName onPath;
            try {
                onPath = ContainedRead.run(physical, dialect, () -> TableLookup.asServerResolves(table, dialect, physical));
            } catch (SQLException e) {
                return known; // the server cannot say now (a transaction already aborted): declined, never an error
            }
            return onPath == null ? known : keys(onPath, dialect, physical);
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

    /** Matches the analyzer's normalization of unquoted identifiers. */
    static String normalize(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}

package dev.safejdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One trial of the items workload: a fresh database (or unique table), one connection of the
 * variant under test, and the {@link ItemsTable} seeded through it.
 */
final class ItemsTrial implements AutoCloseable {
    final Connection connection;
    final ItemsTable items;
    private final Databases.Target target;
    private final String table;

    private ItemsTrial(Databases.Target target, String table, Connection connection, ItemsTable items) {
        this.target = target;
        this.table = table;
        this.connection = connection;
        this.items = items;
    }

    static ItemsTrial open(String db, String variant) throws SQLException {
        Databases.Target target = Databases.Target.open(db, "items");
        String table = target.table("items");
        Connection connection = target.connect(variant);
        return new ItemsTrial(target, table, connection, ItemsTable.create(connection, table));
    }

    /** Prepares {@code sql} with {@code %s} standing for the items table's name. */
    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(String.format(sql, table));
    }

    /** Closes {@code statements}, the items, the connection, then drops the table or database. */
    void close(AutoCloseable... statements) throws SQLException {
        Databases.closeQuietly(statements);
        Databases.closeQuietly(items, connection);
        target.close(table);
    }

    @Override
    public void close() throws SQLException {
        close(new AutoCloseable[0]);
    }
}

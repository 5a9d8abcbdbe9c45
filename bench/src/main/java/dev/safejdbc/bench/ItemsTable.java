package dev.safejdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The per-statement workload's table: {@value #ROWS} items seeded through the connection under
 * test, and the prepared point SELECT by primary key that cycles over them, reading both columns.
 */
final class ItemsTable implements AutoCloseable {
    static final int ROWS = 1024;

    private final PreparedStatement select;
    private int nextRead;

    private ItemsTable(PreparedStatement select) {
        this.select = select;
    }

    /** Creates and seeds {@code table} through {@code connection} (autocommit), and prepares the SELECT. */
    static ItemsTable create(Connection connection, String table) throws SQLException {
        Databases.execute(connection, "CREATE TABLE " + table
                + " (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, amount BIGINT NOT NULL)");
        try (PreparedStatement seed = connection.prepareStatement(
                "INSERT INTO " + table + " (id, name, amount) VALUES (?, ?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                seed.setLong(1, id);
                seed.setString(2, "item-" + id);
                seed.setLong(3, id * 10L);
                seed.executeUpdate();
            }
        }
        return new ItemsTable(connection.prepareStatement("SELECT name, amount FROM " + table + " WHERE id = ?"));
    }

    /** One point SELECT of the next item; returns something of what it read, for the caller to consume. */
    long selectNext() throws SQLException {
        int id = nextRead + 1;
        nextRead = (nextRead + 1) % ROWS;
        select.setLong(1, id);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("row " + id + " is missing");
            }
            return rs.getLong(2) + rs.getString(1).length();
        }
    }

    @Override
    public void close() throws SQLException {
        select.close();
    }
}

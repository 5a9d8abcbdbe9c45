package legacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A nested session: while this thread's transaction is open on one connection, it runs a
 * statement on a second connection to the same database. Prints the SQLState it got, or none.
 */
final class NestedSession {
    private NestedSession() {
    }

    /** {@code file} is an SQLite database file, written as in {@code jdbc:sqlite:<file>}. */
    static void run(String file) throws SQLException {
        String url = "jdbc:sqlite:" + file;
        try (Connection outer = DriverManager.getConnection(url);
                Connection inner = DriverManager.getConnection(url)) {
            try (Statement statement = outer.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, note TEXT)");
            }
            outer.setAutoCommit(false);
            try (Statement statement = outer.createStatement()) {
                statement.executeUpdate("INSERT INTO audit (note) VALUES ('outer')");
            }
            String state = "none";
            try (Statement statement = inner.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM audit")) {
                rs.next();
            } catch (SQLException e) {
                state = e.getSQLState();
            }
            outer.rollback();
            Results.print("nested.sqlstate", state);
        }
    }
}

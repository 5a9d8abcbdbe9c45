package legacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Nested sessions: while this thread's transaction is open on one pooled connection, it asks the
 * pool for a second one (Spring's REQUIRES_NEW, by hand). On a pool of one that waits for its own
 * thread; on a pool of two its statement runs. Prints the SQLState each got (or none) and how long
 * the first waited. Then the same on a pool of one by a thread that holds its connection outside
 * any transaction (autocommit): it waits for itself just the same.
 */
final class NestedSession {
    private NestedSession() {
    }

    /** {@code file} is an SQLite database file, written as in {@code jdbc:sqlite:<file>}. */
    static void run(String file) throws SQLException {
        String url = "jdbc:sqlite:" + file;
        try (HikariDataSource one = pool(url, 1)) {
            long start = System.nanoTime();
            Results.print("nested.sqlstate", nestedAudit(one));
            Results.print("nested.waitedMs", (System.nanoTime() - start) / 1_000_000);
        }
        try (HikariDataSource two = pool(url, 2)) {
            Results.print("nested.withRoom.sqlstate", nestedAudit(two));
        }
        try (HikariDataSource one = pool(url, 1)) {
            long start = System.nanoTime();
            Results.print("nested.autocommit.sqlstate", secondCheckoutWhileHolding(one));
            Results.print("nested.autocommit.waitedMs", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String secondCheckoutWhileHolding(HikariDataSource pool) throws SQLException {
        try (Connection held = pool.getConnection();
                Statement statement = held.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM audit")) {
            rs.next();
            try (Connection second = pool.getConnection()) {
                return "none";
            } catch (SQLException e) {
                return e.getSQLState();
            }
        }
    }

    private static String nestedAudit(HikariDataSource pool) throws SQLException {
        try (Connection outer = pool.getConnection()) {
            try (Statement statement = outer.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, note TEXT)");
            }
            outer.setAutoCommit(false);
            try (Statement statement = outer.createStatement()) {
                statement.executeUpdate("INSERT INTO audit (note) VALUES ('outer')");
            }
            String state = "none";
            try (Connection inner = pool.getConnection();
                    Statement statement = inner.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM audit")) {
                rs.next();
            } catch (SQLException e) {
                state = e.getSQLState();
            }
            outer.rollback();
            return state;
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(1000); // the raw wait for itself, kept short
        return new HikariDataSource(config);
    }
}

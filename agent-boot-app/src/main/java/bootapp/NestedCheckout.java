package bootapp;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A nested session on a one-connection pool: inside a transaction, a second connection is asked of
 * the same pool. On its own the pool waits for its time-out (the thread waits for itself); under
 * the agent the checkout is refused at once with SQLState 25001. Prints the SQLState and how many
 * safe-jdbc wrappers the pool's connection carries.
 */
final class NestedCheckout {
    private static final String SAFE_CONNECTION = "dev.safejdbc.jdbc.SafeConnection";

    private NestedCheckout() {
    }

    static void run(DataSource dataSource) throws SQLException, ReflectiveOperationException {
        try (Connection outer = dataSource.getConnection()) {
            Results.print("wrappers", depth(outer));
            try (Statement statement = outer.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, note TEXT)");
            }
            outer.setAutoCommit(false);
            try (Statement statement = outer.createStatement()) {
                statement.executeUpdate("INSERT INTO audit (note) VALUES ('outer')");
            }
            String state = "none";
            try (Connection inner = dataSource.getConnection(); Statement statement = inner.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM audit")) {
                rs.next();
            } catch (SQLException e) {
                state = e.getSQLState() == null ? e.getClass().getSimpleName() : e.getSQLState();
            }
            outer.rollback();
            Results.print("nested.sqlstate", state);
        }
    }

    /** The SafeConnections (known only by name) between {@code connection} and the driver's own. */
    private static int depth(Connection connection) throws SQLException, ReflectiveOperationException {
        int depth = 0;
        Connection current = connection;
        while (true) {
            if (current.getClass().getName().equals(SAFE_CONNECTION)) {
                depth++;
                Field physical = current.getClass().getDeclaredField("physical");
                physical.setAccessible(true);
                current = (Connection) physical.get(current);
                continue;
            }
            Connection inner = current.unwrap(Connection.class);
            if (inner == current) {
                return depth;
            }
            current = inner;
        }
    }
}

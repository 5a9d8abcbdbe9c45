package dev.safejdbc.guard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One SQL text run on a plain statement of {@code c}, for the guard's tests. */
final class PlainStatements {
    private PlainStatements() {
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}

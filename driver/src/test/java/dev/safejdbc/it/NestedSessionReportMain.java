package dev.safejdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The child JVM of {@link ReportAtExitTest}: opens two connections to one H2 in-memory database
 * with {@code safe.nested=warn} and {@code safe.report}, makes one nested session, and exits.
 *
 * <p>Arguments: the report path, the database name, the password.
 */
public final class NestedSessionReportMain {
    private NestedSessionReportMain() {
    }

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:safe:h2:mem:" + args[1] + ";DB_CLOSE_DELAY=-1";
        Properties props = new Properties();
        props.setProperty("user", "sa");
        props.setProperty("password", args[2]);
        props.setProperty("safe.nested", "warn");
        props.setProperty("safe.report", args[0]);
        try (Connection outer = DriverManager.getConnection(url, props);
                Connection inner = DriverManager.getConnection(url, props)) {
            execute(outer, "CREATE TABLE outer_t (id INT PRIMARY KEY)");
            execute(outer, "CREATE TABLE inner_t (id INT PRIMARY KEY)");
            outer.setAutoCommit(false);
            execute(outer, "INSERT INTO outer_t(id) VALUES (1)");
            nestedInsert(inner);
            outer.commit();
        }
        System.exit(0); // the report is written by the shutdown hook
    }

    private static void nestedInsert(Connection inner) throws SQLException {
        execute(inner, "INSERT INTO inner_t(id) VALUES (1)");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

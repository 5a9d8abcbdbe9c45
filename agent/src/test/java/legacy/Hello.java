package legacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The smallest JDBC program: connect, {@code SELECT 1}, close. The start-up timing script runs it,
 * and with {@code --no-jdbc} it only prints, to time a JVM start that never touches JDBC.
 */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--no-jdbc")) {
            Results.print("hello.value", 1);
            return;
        }
        run(args.length > 0 ? args[0] : "jdbc:sqlite::memory:");
    }

    static void run(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
            Results.print("hello.value", rs.getInt(1));
            Results.print("hello.connection", connection.getClass().getName());
        }
    }
}

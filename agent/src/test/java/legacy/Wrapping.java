package legacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.sqlite.SQLiteDataSource;

/**
 * How many of safe-jdbc's wrappers stand between the application and the real connection, for
 * raw URLs, and {@code jdbc:safe:} URLs when the application has safe-jdbc of its own, through
 * DriverManager, a driver's own DataSource and HikariCP. safe-jdbc is only reached by name, as an
 * application that does not know it is there would.
 */
final class Wrapping {
    private static final String SAFE_CONNECTION = "dev.safejdbc.jdbc.SafeConnection";

    private Wrapping() {
    }

    /** {@code file} is an SQLite database file, written as in {@code jdbc:sqlite:<file>}. */
    static void run(String file) throws Exception {
        String raw = "jdbc:sqlite:" + file;
        String safe = "jdbc:safe:sqlite:" + file;
        try (Connection connection = DriverManager.getConnection(raw)) {
            Results.print("wrapping.raw", depth(connection));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Results.print("wrapping.memory", depth(connection));
        }
        if (safeJdbcIsThere()) {
            try (Connection connection = DriverManager.getConnection(safe)) {
                Results.print("wrapping.safeUrl", depth(connection));
            }
            try (Connection connection = DriverManager.getConnection("jdbc:safe:sqlite::memory:")) {
                Results.print("wrapping.safeMemory", depth(connection));
            }
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(); // opens connections without Driver.connect
        dataSource.setUrl(raw);
        try (Connection connection = dataSource.getConnection()) {
            Results.print("wrapping.dataSource", depth(connection));
        }
        HikariConfig overDataSource = new HikariConfig();
        overDataSource.setDataSource(dataSource);
        overDataSource.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(overDataSource); Connection connection = pool.getConnection()) {
            Results.print("wrapping.hikariDataSource", depth(connection));
        }
        for (String url : safeJdbcIsThere() ? new String[] {raw, safe} : new String[] {raw}) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(2);
            try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection()) {
                Results.print(url.equals(raw) ? "wrapping.hikariRaw" : "wrapping.hikariSafeUrl", depth(connection));
            }
        }
    }

    /** Whether the application has safe-jdbc of its own: the agent's copy is out of its sight. */
    private static boolean safeJdbcIsThere() {
        try {
            Class.forName(SAFE_CONNECTION);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The number of SafeConnections (the agent's or the application's, both known only by name)
     * from {@code connection} down to the real driver's connection, through any wrapper (a pool's
     * proxy) that unwraps to what it wraps.
     */
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

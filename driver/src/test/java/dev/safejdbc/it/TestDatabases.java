package dev.safejdbc.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The real databases the tests run against. A server that cannot be reached skips its tests
 * with a loud message, except under {@code CI=true}, where that is a failure: CI must never pass
 * by skipping.
 */
public final class TestDatabases {
    private static final Map<String, String> REACHABLE = new ConcurrentHashMap<>();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestDatabases() {
    }

    /** The PostgreSQL URL without {@code jdbc:} ({@code postgresql://...}), from SAFE_PG_URL. */
    public static String postgres() {
        return require("SAFE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    /** The MariaDB URL without {@code jdbc:}, from SAFE_MARIADB_URL. */
    public static String mariadb() {
        return require("SAFE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
    }

    /** A name no other test in this JVM uses (tables, in-memory databases). */
    public static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
    }

    private static String require(String variable, String fallback) {
        String url = System.getenv().getOrDefault(variable, fallback);
        String problem = REACHABLE.computeIfAbsent(url, TestDatabases::probe);
        if (!problem.isEmpty()) {
            String message = "\n!!!!! " + variable + " (" + url.replaceAll("password=[^&;]*", "password=***")
                    + ") is not reachable: " + problem + "\n!!!!! its tests are "
                    + (ci() ? "FAILING (CI=true)" : "SKIPPED") + "\n";
            System.err.println(message);
            if (ci()) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return url.substring("jdbc:".length());
    }

    private static String probe(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.isValid(5) ? "" : "isValid() is false";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}

package dev.safejdbc.boot;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests ({@code SAFE_PG_URL} or the local default). One that cannot
 * be reached skips the test loudly, and fails it under {@code CI=true}: CI never passes by skipping.
 */
final class PostgresUrl {
    private PostgresUrl() {
    }

    static String configured() {
        return System.getenv().getOrDefault("SAFE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    /** The URL, once the server answers; otherwise the test is skipped (failed under CI). */
    static String reachable() {
        String url = configured();
        try (var connection = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            String message = "!!!!! SAFE_PG_URL is not reachable (" + e.getMessage() + "): the Spring Boot"
                    + " PostgreSQL tests are " + (isCi() ? "FAILING (CI=true)" : "SKIPPED");
            System.err.println(message);
            if (isCi()) {
                throw new AssertionError(message, e);
            }
            Assumptions.abort(message);
            return null;
        }
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}

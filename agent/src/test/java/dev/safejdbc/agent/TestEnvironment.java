package dev.safejdbc.agent;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the integration tests need from the machine: PostgreSQL, and a second JDK of another major
 * version. Something missing skips its tests with a loud message, except under {@code CI=true},
 * where PostgreSQL must be there.
 */
final class TestEnvironment {
    private static final String PG_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** Where JDKs are installed on Debian and Ubuntu, Temurin's packages included. */
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");

    private TestEnvironment() {
    }

    /** The PostgreSQL URL ({@code SAFE_PG_URL} or the local default) if the server answers, else empty. */
    static Optional<String> postgres() {
        String url = System.getenv().getOrDefault("SAFE_PG_URL", PG_DEFAULT);
        try {
            DriverManager.getConnection(url).close();
            return Optional.of(url);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + ": under CI=true the agent's PostgreSQL tests must run");
            }
            System.err.println("!!! SKIPPING the agent's PostgreSQL scenario: " + message);
            return Optional.empty();
        }
    }

    /** Skips the calling test loudly when PostgreSQL is not there (fails it under CI). */
    static String requirePostgres(Optional<String> url) {
        Assumptions.assumeTrue(url.isPresent(), "PostgreSQL is not reachable: see the message above");
        return url.get();
    }

    /**
     * A {@code java} of an installed JDK whose major version differs from the running one (and can
     * run Java 17 classes), found by reading the {@code release} file of each JDK under /usr/lib/jvm;
     * skips the test if there is none.
     */
    static Path otherJdk() {
        int running = Runtime.version().feature();
        List<String> seen = new ArrayList<>();
        try (Stream<Path> jdks = Files.list(JVM_DIRECTORY)) {
            for (Path home : jdks.sorted().toList()) {
                Path java = home.resolve("bin/java");
                Path release = home.resolve("release");
                if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
                    continue;
                }
                String version = javaVersion(release);
                seen.add(home + " (" + version + ")");
                if (!version.isEmpty() && major(version) >= 17 && major(version) != running) {
                    return java;
                }
            }
        } catch (IOException e) {
            seen.add(JVM_DIRECTORY + " unreadable: " + e);
        }
        System.err.println("!!! SKIPPING the other-JDK test: no JDK other than " + running + " under " + JVM_DIRECTORY
                + ", found " + seen);
        Assumptions.abort("no JDK of another major version than " + running + " under " + JVM_DIRECTORY);
        return null;
    }

    private static String javaVersion(Path release) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        }
        return properties.getProperty("JAVA_VERSION", "").replace("\"", "");
    }

    /** 17 for {@code 17.0.15}, 25 for {@code 25}, 8 for {@code 1.8.0_412}. */
    private static int major(String version) {
        String[] parts = version.split("[._-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }
}

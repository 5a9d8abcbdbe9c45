package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.safejdbc.SafeDriver;
import dev.safejdbc.jdbc.SafeConnection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad {@code jdbc:safe:} URLs, missing real drivers and bad option values: each is a
 * {@link SQLException} with SQLState 08001 (never a RuntimeException) whose message says what
 * was expected and never repeats a password. Also the driver's URL and property contract.
 */
class MalformedInputTest {
    private static final String PASSWORD = "hunter2";
    private static final String CANNOT_CONNECT = "08001";
    private static final String SAFE_KEYS = "safe.mode, safe.nested, safe.guard, safe.onConflict,"
            + " safe.checkoutTimeoutMs, safe.report, safe.appPackages";
    private static final String URL_SHAPE = "expected jdbc:safe:<subprotocol>:<rest>";
    private static final String MODES = "expected one of: enforce, report, off";
    private static final String NESTED = "expected one of: fail, strict, warn, allow";
    private static final String GUARD = "expected one of: on, off";
    private static final String ON_CONFLICT = "expected one of: throw, zero-rows";
    private static final String MILLIS = "expected a whole number of milliseconds";

    /** One malformed input: a URL, connect properties, system properties to set meanwhile. */
    record BadInput(String name, String url, Map<String, String> props, Map<String, String> systemProps,
                    String expectedFragment) {
        @Override
        public String toString() {
            return name;
        }

        Properties properties() {
            Properties properties = new Properties();
            properties.setProperty("user", "sa");
            properties.setProperty("password", PASSWORD); // must never come back in a message
            properties.putAll(props);
            return properties;
        }
    }

    private static BadInput url(String name, String url, String expected) {
        return new BadInput(name, url, Map.of(), Map.of(), expected);
    }

    private static BadInput option(String key, String value, String expected) {
        return new BadInput(key + "=" + value.replace("\u0000", "\\0"), "jdbc:safe:h2:mem:" + TestDatabases.unique("bad"),
                Map.of(key, value), Map.of(), expected);
    }

    private static BadInput systemProperty(String key, String value, String expected) {
        return new BadInput("system property " + key + "=" + value, "jdbc:safe:h2:mem:" + TestDatabases.unique("bad"),
                Map.of(), Map.of(key, value), expected);
    }

    static Stream<BadInput> badInputs() {
        List<BadInput> inputs = new ArrayList<>(List.of(
                // the URL itself
                url("empty rest", "jdbc:safe:", URL_SHAPE),
                url("prefix twice", "jdbc:safe:safe:sqlite::memory:", URL_SHAPE),
                url("prefix twice, upper case", "jdbc:safe:SAFE:sqlite::memory:", URL_SHAPE),
                url("prefix twice, password", "jdbc:safe:safe:postgresql://u:" + PASSWORD + "@h/db", URL_SHAPE),
                url("jdbc: repeated", "jdbc:safe:jdbc:sqlite::memory:", URL_SHAPE),
                url("leading space", "jdbc:safe: sqlite::memory:", URL_SHAPE),
                url("leading tab", "jdbc:safe:\tsqlite::memory:", URL_SHAPE),
                url("leading newline, password", "jdbc:safe:\npostgresql://h/db?password=" + PASSWORD, URL_SHAPE),
                url("no sub-protocol colon", "jdbc:safe:sqlite", URL_SHAPE),
                url("empty sub-protocol", "jdbc:safe::memory:", URL_SHAPE),
                url("space inside sub-protocol", "jdbc:safe:sq lite::memory:", URL_SHAPE),
                url("slash inside sub-protocol, password", "jdbc:safe:a/b://u:" + PASSWORD + "@h", URL_SHAPE),
                // no real driver
                url("unknown sub-protocol", "jdbc:safe:nosuchdb://x", "expected the real driver for 'nosuchdb'"),
                url("unknown sub-protocol, query password", "jdbc:safe:nosuchdb://h/db?password=" + PASSWORD,
                        "expected the real driver for 'nosuchdb'"),
                url("unknown sub-protocol, userinfo password", "jdbc:safe:nosuchdb://u:" + PASSWORD + "@h/db",
                        "expected the real driver for 'nosuchdb'"),
                url("unknown sub-protocol, ;PASSWORD=", "jdbc:safe:nosuchdb:x;PASSWORD=" + PASSWORD,
                        "expected the real driver for 'nosuchdb'"),
                url("oracle without its driver", "jdbc:safe:oracle:thin:@localhost:1521:x",
                        "expected the real driver for 'oracle'"),
                url("sqlserver without its driver", "jdbc:safe:sqlserver://h;password=" + PASSWORD,
                        "expected the real driver for 'sqlserver'"),
                // option values, one or more per key
                option("safe.mode", "loud", MODES),
                option("safe.mode", "on", MODES),
                option("safe.mode", "enforce,report", MODES),
                option("safe.nested", "maybe", NESTED),
                option("safe.nested", "fail!", NESTED),
                option("safe.guard", "yes", GUARD),
                option("safe.guard", "true", GUARD),
                option("safe.onConflict", "ignore", ON_CONFLICT),
                option("safe.onConflict", "zero_rows", ON_CONFLICT),
                option("safe.checkoutTimeoutMs", "-1", MILLIS),
                option("safe.checkoutTimeoutMs", "abc", MILLIS),
                option("safe.checkoutTimeoutMs", "1.5", MILLIS),
                option("safe.checkoutTimeoutMs", "1e3", MILLIS),
                option("safe.checkoutTimeoutMs", "+5", MILLIS),
                option("safe.checkoutTimeoutMs", "99999999999999999999999", MILLIS),
                option("safe.checkoutTimeoutMs", "\u0663\u0660", MILLIS), // Arabic-Indic digits
                option("safe.report", "bad\u0000path.json", "expected a path"),
                // unknown keys: the message lists the known ones
                option("safe.moed", "enforce", "known options: " + SAFE_KEYS),
                option("Safe.Mode", "enforce", "did you mean safe.mode?"),
                option("safe.", "x", "known options: " + SAFE_KEYS),
                // a bad value for one key even though the mode is off
                new BadInput("safe.mode=off with safe.nested=maybe", "jdbc:safe:h2:mem:" + TestDatabases.unique("bad"),
                        Map.of("safe.mode", "off", "safe.nested", "maybe"), Map.of(), NESTED),
                // system properties
                systemProperty("safe.mode", "loud", MODES),
                systemProperty("safe.checkoutTimeoutMs", "soon", MILLIS),
                systemProperty("safe.bogus", "1", "known options: " + SAFE_KEYS)));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void driverManagerRejectsWithExpectedValues(BadInput input) throws SQLException {
        Throwable thrown = withSystemProperties(input.systemProps(),
                () -> catchThrowable(() -> DriverManager.getConnection(input.url(), input.properties()).close()));

        assertRejected(thrown, input);
        assertThat(thrown.getMessage()).as("our message, not DriverManager's").doesNotContain("No suitable driver");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void safeDriverRejectsWithExpectedValues(BadInput input) throws SQLException {
        Throwable thrown = withSystemProperties(input.systemProps(),
                () -> catchThrowable(() -> new SafeDriver().connect(input.url(), input.properties()).close()));

        assertRejected(thrown, input);
    }

    @Test
    void thereAreAtLeastThirtyBadInputs() {
        assertThat(badInputs().count()).isGreaterThanOrEqualTo(30);
    }

    private static void assertRejected(Throwable thrown, BadInput input) {
        assertThat(thrown).as(input.name()).isInstanceOf(SQLException.class);
        SQLException e = (SQLException) thrown;
        assertThat(e.getSQLState()).as("SQLState of: " + e.getMessage()).isEqualTo(CANNOT_CONNECT);
        assertThat(e.getMessage()).contains(input.expectedFragment());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString()).as("a message in the cause chain").doesNotContain(PASSWORD);
        }
        for (Throwable suppressed : e.getSuppressed()) {
            assertThat(suppressed.toString()).doesNotContain(PASSWORD);
        }
    }

    // --- acceptsURL: a pure prefix check ---

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:safe:", "jdbc:safe:anything", "jdbc:safe:safe:x", "jdbc:safe:nosuchdb://x",
            "jdbc:safe: sqlite::memory:"})
    void acceptsEveryUrlWithThePrefix(String url) {
        assertThat(new SafeDriver().acceptsURL(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:sqlite::memory:", "JDBC:SAFE:sqlite::memory:", "jdbc:Safe:h2:mem:x",
            " jdbc:safe:sqlite::memory:", "jdbc:safe", "safe:sqlite::memory:"})
    void rejectsEveryUrlWithoutTheExactPrefix(String url) {
        assertThat(new SafeDriver().acceptsURL(url)).isFalse();
    }

    @Test
    void acceptsUrlIsFalseForNull() {
        assertThat(new SafeDriver().acceptsURL(null)).isFalse();
    }

    @Test
    void connectReturnsNullForAUrlThatIsNotOurs() throws SQLException {
        assertThat(new SafeDriver().connect("jdbc:h2:mem:" + TestDatabases.unique("notours"), new Properties()))
                .isNull();
    }

    // --- getPropertyInfo ---

    @Test
    void propertyInfoListsTheRealDriversPropertiesAndTheSafeKeys() throws SQLException {
        DriverPropertyInfo[] real = new org.sqlite.JDBC().getPropertyInfo("jdbc:sqlite::memory:", new Properties());

        DriverPropertyInfo[] info = new SafeDriver().getPropertyInfo("jdbc:safe:sqlite::memory:", new Properties());

        List<String> names = Arrays.stream(info).map(p -> p.name).toList();
        assertThat(real).isNotEmpty();
        assertThat(names).containsAll(Arrays.stream(real).map(p -> p.name).toList());
        assertThat(names).contains(SAFE_KEYS.split(", "));
        assertThat(names).hasSize(real.length + SAFE_KEYS.split(", ").length);
    }

    // --- safe.* keys never reach the real driver ---

    @Test
    void safeKeysAreRemovedBeforeTheRealDriverSeesTheProperties() throws SQLException {
        RecordingDriver recording = new RecordingDriver();
        DriverManager.registerDriver(recording);
        try {
            Properties props = new Properties();
            props.setProperty("safe.mode", "report");
            props.setProperty("safe.nested", "warn");
            props.setProperty("user", "u");

            try (Connection connection = DriverManager.getConnection("jdbc:safe:recording:x", props)) {
                assertThat(connection.isWrapperFor(SafeConnection.class)).isTrue();
            }

            assertThat(recording.received).hasSize(1);
            assertThat(recording.received.get(0)).isEqualTo(Map.of("user", "u"));
            assertThat(props).as("the caller's Properties are left as given").containsEntry("safe.mode", "report");
        } finally {
            DriverManager.deregisterDriver(recording);
        }
    }

    /** Accepts {@code jdbc:recording:}, records the properties it is given, opens a private H2 database. */
    static final class RecordingDriver implements Driver {
        final List<Map<String, String>> received = new ArrayList<>();

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            Map<String, String> copy = new HashMap<>();
            for (String name : info.stringPropertyNames()) {
                copy.put(name, info.getProperty(name));
            }
            received.add(copy);
            return new org.h2.Driver().connect("jdbc:h2:mem:" + TestDatabases.unique("recording"), new Properties());
        }

        @Override
        public boolean acceptsURL(String url) {
            return url != null && url.startsWith("jdbc:recording:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("recording");
        }
    }

    // --- precedence: connect Properties beat system properties ---

    @Test
    void connectPropertiesBeatSystemProperties() throws SQLException {
        Properties props = new Properties();
        props.setProperty("safe.mode", "enforce");
        try (Connection connection = withSystemProperties(Map.of("safe.mode", "off"),
                () -> DriverManager.getConnection("jdbc:safe:h2:mem:" + TestDatabases.unique("precedence"), props))) {
            assertThat(connection.isWrapperFor(SafeConnection.class)).isTrue();
            assertThat(connection).isNotInstanceOf(org.h2.jdbc.JdbcConnection.class);
        }
    }

    @Test
    void systemPropertyAppliesWhenConnectPropertiesDoNotSetTheKey() throws SQLException {
        try (Connection connection = withSystemProperties(Map.of("safe.mode", "off"),
                () -> DriverManager.getConnection("jdbc:safe:h2:mem:" + TestDatabases.unique("precedence"),
                        new Properties()))) {
            assertThat(connection).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
        }
    }

    // --- helpers ---

    @FunctionalInterface
    interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    private static <T> T withSystemProperties(Map<String, String> values, SqlSupplier<T> action) throws SQLException {
        Map<String, String> saved = new HashMap<>();
        for (String key : values.keySet()) {
            saved.put(key, System.getProperty(key));
        }
        try {
            values.forEach(System::setProperty);
            return action.get();
        } finally {
            saved.forEach((key, old) -> {
                if (old == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, old);
                }
            });
        }
    }

    @BeforeAll
    static void noSafeSystemPropertiesLeftOver() {
        assertNoSafeSystemProperties();
    }

    @AfterAll
    static void systemPropertiesRestored() {
        assertNoSafeSystemProperties();
    }

    private static void assertNoSafeSystemProperties() {
        assertThat(System.getProperties().stringPropertyNames())
                .noneMatch(name -> name.regionMatches(true, 0, "safe.", 0, 5));
    }
}

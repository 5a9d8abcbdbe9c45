package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.safejdbc.SafeDataSource;
import dev.safejdbc.SafeDriver;
import dev.safejdbc.it.TestDatabases;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed {@code jdbc:safe:} URLs and option values, none of them among the 41 of
 * {@code it/MalformedInputTest}: odd unicode, control characters, 100 KB URLs, each supported
 * sub-protocol with a broken rest, option keys with whitespace, keys set twice (system property
 * and connect properties), non-String values, numbers overflowing a long. Each must be an
 * {@link SQLException} with SQLState 08001 whose message says what was expected (and never a
 * password), never a RuntimeException, and never a hang: every attempt is bounded to 10 s.
 */
class BadInputCorpusTest {
    private static final String PASSWORD = "pw-Qz7-hunter2";
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String URL_SHAPE = "expected jdbc:safe:<subprotocol>:<rest>";
    private static final String KNOWN = "known options: safe.mode, safe.nested, safe.guard, safe.onConflict,"
            + " safe.checkoutTimeoutMs, safe.report";
    private static final String MODES = "expected one of: enforce, report, off";
    private static final String NESTED = "expected one of: fail, strict, warn, allow";
    private static final String GUARD = "expected one of: on, off";
    private static final String ON_CONFLICT = "expected one of: throw, zero-rows";
    private static final String MILLIS = "expected a whole number of milliseconds";
    private static final String HUNDRED_KB = "a".repeat(100_000);

    /**
     * One bad input: the URL, the connect properties (values may be non-String objects), system
     * properties set meanwhile, and a fragment the message must contain.
     */
    record Bad(String name, String url, Map<Object, Object> props, Map<String, String> system, String expected) {
        @Override
        public String toString() {
            return name;
        }

        Properties properties() {
            Properties properties = new Properties();
            properties.setProperty("user", "sa");
            properties.setProperty("password", PASSWORD);
            properties.putAll(props);
            return properties;
        }

        boolean optionsOnly() {
            return url.startsWith("jdbc:safe:h2:mem:");
        }
    }

    private static Bad url(String name, String url, String expected) {
        return new Bad(name, url, Map.of(), Map.of(), expected);
    }

    private static Bad option(String name, Object key, Object value, String expected) {
        return new Bad(name, h2(), Map.of(key, value), Map.of(), expected);
    }

    private static String h2() {
        return "jdbc:safe:h2:mem:" + TestDatabases.unique("badinput");
    }

    static Stream<Bad> corpus() {
        List<Bad> bad = new ArrayList<>(List.of(
                // odd unicode and control characters in the sub-protocol
                url("Cyrillic homoglyph 's' in sqlite", "jdbc:safe:\u0455qlite::memory:",
                        "expected the real driver for '\u0455qlite'"),
                url("zero-width space before the sub-protocol", "jdbc:safe:\u200Bsqlite::memory:", URL_SHAPE),
                url("no-break space before the sub-protocol", "jdbc:safe:\u00A0sqlite::memory:", URL_SHAPE),
                url("full-width colon after the sub-protocol", "jdbc:safe:sqlite\uFF1Amemory:", URL_SHAPE),
                url("emoji sub-protocol", "jdbc:safe:\uD83D\uDC18://h/db", URL_SHAPE),
                url("right-to-left override in the sub-protocol", "jdbc:safe:sql\u202Eetil::memory:", URL_SHAPE),
                url("combining accent in the sub-protocol", "jdbc:safe:sqlite\u0301::memory:", URL_SHAPE),
                url("unpaired surrogate", "jdbc:safe:\uD800sqlite::memory:", URL_SHAPE),
                url("NUL inside the sub-protocol", "jdbc:safe:sqlite\u0000::memory:", URL_SHAPE),
                url("CR LF inside the sub-protocol", "jdbc:safe:postgresql\r\n://h/db", URL_SHAPE),
                url("BEL before the sub-protocol", "jdbc:safe:\u0007sqlite::memory:", URL_SHAPE),
                url("tab inside the sub-protocol", "jdbc:safe:sq\tlite::memory:", URL_SHAPE),
                url("percent-encoded sub-protocol", "jdbc:safe:%73qlite::memory:", URL_SHAPE),
                // the prefix, the sub-protocol and its colon
                url("only a colon after the prefix", "jdbc:safe::", URL_SHAPE),
                url("jdbc:safe: twice", "jdbc:safe:jdbc:safe:sqlite::memory:", URL_SHAPE),
                url("safe: again in mixed case", "jdbc:safe:SaFe:h2:mem:x", URL_SHAPE),
                url("'safe' without a colon", "jdbc:safe:safe", URL_SHAPE),
                url("dotted name without a colon", "jdbc:safe:a.b.c", URL_SHAPE),
                url("space inside the sub-protocol, userinfo password",
                        "jdbc:safe:post gresql://u:" + PASSWORD + "@h/db", URL_SHAPE),
                // 100 KB URLs
                url("100 KB URL, unknown sub-protocol", "jdbc:safe:nosuchdb://" + HUNDRED_KB,
                        "expected the real driver for 'nosuchdb'"),
                url("100 KB URL without a colon", "jdbc:safe:" + HUNDRED_KB, URL_SHAPE),
                url("100 KB sub-protocol name", "jdbc:safe:" + HUNDRED_KB + ":x", "expected the real driver for 'aaaa"),
                url("100 KB of colons", "jdbc:safe:" + ":".repeat(100_000), URL_SHAPE),
                url("100 KB URL with a password parameter", "jdbc:safe:nosuchdb://h/db?password=" + PASSWORD + "&x="
                        + HUNDRED_KB, "expected the real driver for 'nosuchdb'"),
                url("MySQL address syntax with a password, no driver",
                        "jdbc:safe:nosuchdb://address=(host=h)(port=1)(password=" + PASSWORD + ")/db",
                        "expected the real driver for 'nosuchdb'"),
                // each supported sub-protocol with a broken rest (safe-jdbc's own answer: no driver takes it)
                url("postgresql port beyond 65535", "jdbc:safe:postgresql://127.0.0.1:99999999/db",
                        "org.postgresql.Driver is on the class path but does not accept"),
                url("postgresql port that is not a number, password",
                        "jdbc:safe:postgresql://127.0.0.1:port/db?password=" + PASSWORD,
                        "org.postgresql.Driver is on the class path but does not accept"),
                url("mysql without permitMysqlScheme", "jdbc:safe:mysql://127.0.0.1:3306/test", "permitMysqlScheme"),
                url("sqlite misspelt with a digit", "jdbc:safe:sqlite3::memory:", "expected the real driver for 'sqlite3'"),
                url("h2 with an upper-case sub-protocol and a broken rest", "jdbc:safe:H2X:mem:x",
                        "expected the real driver for 'H2X'"),
                // option keys: whitespace, NUL, case, near misses
                option("key with a trailing space", "safe.mode ", "enforce", KNOWN),
                option("key with a trailing tab", "safe.guard\t", "on", KNOWN),
                option("key with a no-break space inside", "safe.mo\u00A0de", "enforce", KNOWN),
                option("key with a NUL", "safe.mode\u0000", "enforce", KNOWN),
                option("key in upper case", "SAFE.CHECKOUTTIMEOUTMS", "100", "did you mean safe.checkoutTimeoutMs?"),
                option("key with a capital R", "safe.Report", "x.json", "did you mean safe.report?"),
                option("key with a suffix", "safe.mode.extra", "enforce", KNOWN),
                option("key with a Cyrillic 'а'", "safe.mode\u0430", "enforce", KNOWN),
                // values: unicode, control characters, long text, injection-like text
                option("full-width mode", "safe.mode", "\uFF45\uFF4E\uFF46\uFF4F\uFF52\uFF43\uFF45", MODES),
                option("mode with a trailing NUL", "safe.mode", "enforce\u0000", MODES),
                option("mode with a zero-width space", "safe.mode", "enforce\u200B", MODES),
                option("10 KB mode", "safe.mode", "x".repeat(10_000), MODES),
                option("nested with SQL", "safe.nested", "fail;DROP TABLE x", NESTED),
                option("onConflict with a newline", "safe.onConflict", "zero-rows\nthrow", ON_CONFLICT),
                option("guard with two words", "safe.guard", "on off", GUARD),
                // numbers
                option("timeout of Long.MAX_VALUE + 1", "safe.checkoutTimeoutMs", "9223372036854775808", MILLIS),
                option("timeout of 2^64", "safe.checkoutTimeoutMs", "18446744073709551616", MILLIS),
                option("timeout of minus zero", "safe.checkoutTimeoutMs", "-0", MILLIS),
                option("hexadecimal timeout", "safe.checkoutTimeoutMs", "0x10", MILLIS),
                option("timeout with a unit", "safe.checkoutTimeoutMs", "100ms", MILLIS),
                option("timeout with an underscore", "safe.checkoutTimeoutMs", "1_000", MILLIS),
                option("full-width digits", "safe.checkoutTimeoutMs", "\uFF11\uFF10\uFF10", MILLIS),
                option("timeout with a NUL", "safe.checkoutTimeoutMs", "100\u0000", MILLIS),
                // non-String values in the Properties
                option("mode as an Object", "safe.mode", new Object(), MODES),
                option("guard as Boolean.TRUE", "safe.guard", Boolean.TRUE, GUARD),
                option("timeout as a negative Long", "safe.checkoutTimeoutMs", -5L, MILLIS),
                option("timeout as a Double", "safe.checkoutTimeoutMs", 1.5d, MILLIS),
                // the same key in a system property and in the connect properties: the properties win
                new Bad("bad mode in properties over a good system property", h2(), Map.of("safe.mode", "loud"),
                        Map.of("safe.mode", "report"), "set in connection properties"),
                new Bad("bad timeout in properties over a good system property", h2(),
                        Map.of("safe.checkoutTimeoutMs", "soon"), Map.of("safe.checkoutTimeoutMs", "100"), MILLIS),
                new Bad("misspelt key in a system property next to good properties", h2(), Map.of("safe.mode", "report"),
                        Map.of("safe.Nested", "warn"), "set in system properties"),
                new Bad("bad guard in a system property, other keys in properties", h2(), Map.of("safe.mode", "report"),
                        Map.of("safe.guard", "maybe"), "set in system properties")));
        return bad.stream();
    }

    @Test
    void theCorpusHasAtLeastFiftyCases() {
        List<Bad> all = corpus().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(50);
        assertThat(all.stream().map(Bad::name).distinct().count()).isEqualTo(all.size());
        Figures.record("BadInputCorpusTest", "bad inputs=" + all.size() + " (each through DriverManager, SafeDriver"
                + " and, for option values, SafeDataSource.wrap)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void driverManager(Bad bad) {
        assertRejected(bad, () -> DriverManager.getConnection(bad.url(), bad.properties()).close());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void safeDriver(Bad bad) {
        assertRejected(bad, () -> new SafeDriver().connect(bad.url(), bad.properties()).close());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void safeDataSource(Bad bad) {
        if (!bad.optionsOnly()) {
            return; // a data source has no URL of its own
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + TestDatabases.unique("badinput_ds"));
        Properties options = new Properties();
        options.putAll(bad.props());
        assertRejected(bad, () -> SafeDataSource.wrap(h2, options).getConnection().close());
    }

    @FunctionalInterface
    interface Attempt {
        void run() throws Exception;
    }

    private static void assertRejected(Bad bad, Attempt attempt) {
        Throwable thrown = assertTimeoutPreemptively(BOUND, () -> withSystemProperties(bad.system(), () -> {
            try {
                attempt.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        }), () -> bad.name() + " did not answer within " + BOUND.toSeconds() + " s");
        assertThat(thrown).as(bad.name() + ": accepted instead of rejected").isNotNull();
        assertThat(thrown).as(bad.name() + ": " + thrown).isInstanceOf(SQLException.class);
        SQLException e = (SQLException) thrown;
        assertThat(e.getSQLState()).as(bad.name() + ": SQLState of " + shorten(e.getMessage())).isEqualTo("08001");
        assertThat(e.getMessage()).as(bad.name()).contains(bad.expected());
        assertThat(e.getMessage()).as("our message, not DriverManager's").doesNotContain("No suitable driver");
        forEachThrowable(e, t -> assertThat(String.valueOf(t.getMessage())).as(bad.name() + ": a password in "
                + t.getClass().getName()).doesNotContain(PASSWORD));
    }

    /** The real drivers' own answers to a broken rest pass through as they are: an SQLException, never a hang. */
    static Stream<String> brokenRests() {
        return Stream.of("sqlite:/nonexistent-dir/x.db", "sqlite:file:x?mode=bogus", "postgresql://[::1/db",
                "h2:", "h2:mem:x;BOGUS_SETTING=1", "mariadb:", "mariadb://127.0.0.1:notaport/test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRests")
    void brokenRestGetsTheRealDriversOwnErrorOrOurs(String rest) throws Exception {
        Throwable raw = assertTimeoutPreemptively(BOUND, () -> attempt(() -> DriverManager.getConnection(
                "jdbc:" + rest, new Properties()).close()));
        Throwable safe = assertTimeoutPreemptively(BOUND, () -> attempt(() -> DriverManager.getConnection(
                "jdbc:safe:" + rest, new Properties()).close()));

        assertThat(safe).as("jdbc:safe:" + rest).isInstanceOf(SQLException.class);
        SQLException e = (SQLException) safe;
        if (!"08001".equals(e.getSQLState()) || !e.getMessage().contains("expected")) {
            assertThat(safe.getClass()).as("the real driver's own error class").isEqualTo(raw.getClass());
            assertThat(e.getSQLState()).isEqualTo(((SQLException) raw).getSQLState());
            assertThat(e.getMessage()).isEqualTo(raw.getMessage());
        }
    }

    private static Throwable attempt(Attempt attempt) {
        try {
            attempt.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void forEachThrowable(Throwable root, Consumer<Throwable> check) {
        for (Throwable t = root; t != null; t = t.getCause()) {
            check.accept(t);
            for (Throwable suppressed : t.getSuppressed()) {
                check.accept(suppressed);
            }
        }
    }

    private static String shorten(String message) {
        return message == null || message.length() < 300 ? message : message.substring(0, 300) + "...";
    }

    @FunctionalInterface
    interface Supplier<T> {
        T get() throws Exception;
    }

    private static synchronized <T> T withSystemProperties(Map<String, String> values, Supplier<T> action)
            throws Exception {
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
    @AfterAll
    static void noSafeSystemPropertiesLeftOver() {
        assertThat(System.getProperties().stringPropertyNames())
                .noneMatch(name -> name.regionMatches(true, 0, "safe.", 0, 5));
    }
}

package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.safejdbc.error.NestedSessionException;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.jdbc.SafeConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code safe.mode} off / report / enforce and {@code safe.nested} fail / strict / warn / allow, seen
 * from the application: which connection class it gets, what a nested session gets, what is
 * recorded.
 */
class ModesTest {
    private final List<Finding> findings = new CopyOnWriteArrayList<>();
    private AutoCloseable listener;

    @BeforeEach
    void listen() {
        listener = Findings.listen(findings::add);
    }

    @AfterEach
    void stopListening() throws Exception {
        listener.close();
    }

    // --- off: pass-through ---

    @Test
    void offModeOnH2ReturnsH2sOwnConnection() throws SQLException {
        try (Connection connection = DriverManager.getConnection(h2Url(TestDatabases.unique("off")), mode("off"))) {
            assertThat(connection).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
            assertThat(connection.isWrapperFor(SafeConnection.class)).isFalse();
        }
    }

    @Test
    void offModeOnSharedInMemorySqliteReturnsSqlitesOwnConnection() throws SQLException {
        try (Connection connection = DriverManager.getConnection(sqliteNamedUrl(TestDatabases.unique("off")),
                mode("off"))) {
            assertThat(connection).isInstanceOf(org.sqlite.SQLiteConnection.class);
            assertThat(connection.isWrapperFor(SafeConnection.class)).isFalse();
        }
    }

    @Test
    void offModeOnAnonymousInMemorySqliteGivesEachConnectionAPrivateDatabase() throws SQLException {
        String table = TestDatabases.unique("private");
        try (Connection first = DriverManager.getConnection("jdbc:safe:sqlite::memory:", mode("off"));
                Connection second = DriverManager.getConnection("jdbc:safe:sqlite::memory:", mode("off"))) {
            execute(first, "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY)");

            assertThat(tableExists(first, table)).isTrue();
            assertThat(tableExists(second, table)).as("raw :memory: is private to its connection").isFalse();
        }
    }

    // --- report: change nothing, record ---

    @Test
    void reportModeLetsANestedSessionProceedAndRecordsIt() throws SQLException {
        String name = TestDatabases.unique("report_nested");
        createTables(h2Url(name), "outer_t", "inner_t");
        Properties report = mode("report");
        try (Connection outer = DriverManager.getConnection(h2Url(name), report);
                Connection inner = DriverManager.getConnection(h2Url(name), report)) {
            startTransactionOn(outer, "outer_t");

            insertNested(inner, "inner_t");

            outer.commit();
        }
        assertThat(count(h2Url(name), "outer_t")).isOne();
        assertThat(count(h2Url(name), "inner_t")).isOne();
        assertThat(findingsOf(FindingKind.NESTED_TRANSACTION, name)).as("what enforce mode would let through, recorded")
                .isNotEmpty();
    }

    @Test
    void reportModeRecordsAConnectionSharedBetweenThreadsAndChangesNothing() throws Exception {
        String name = TestDatabases.unique("report_shared");
        createTables(h2Url(name), "jobs");
        try (Connection shared = DriverManager.getConnection(h2Url(name), mode("report"))) {
            startTransactionOn(shared, "jobs");

            Thread other = new Thread(() -> insertFromOtherThread(shared), "other-thread");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            other.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
            other.start();
            other.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));

            assertThat(other.isAlive()).as("the other thread is not held back").isFalse();
            assertThat(failure.get()).isNull();
            assertThat(count(shared, "jobs")).as("its row joined this thread's transaction, as on the raw driver")
                    .isEqualTo(2);
            shared.rollback();
            assertThat(count(shared, "jobs")).as("and went with its rollback, as on the raw driver").isZero();
        }
        assertThat(findingsOf(FindingKind.SHARED_CONNECTION, name))
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.thread()).isEqualTo("other-thread"));
    }

    private static void insertFromOtherThread(Connection shared) {
        try (Statement statement = shared.createStatement()) {
            statement.executeUpdate("INSERT INTO jobs(id) VALUES (2)");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // --- enforce: safe.nested ---

    @Test
    void nestedWarnLetsTheNestedStatementProceedAndRecordsIt() throws SQLException {
        String name = TestDatabases.unique("warn");
        createTables(h2Url(name), "outer_t", "inner_t");
        Properties warn = nested("warn");
        try (Connection outer = DriverManager.getConnection(h2Url(name), warn);
                Connection inner = DriverManager.getConnection(h2Url(name), warn)) {
            startTransactionOn(outer, "outer_t");

            insertNested(inner, "inner_t");

            outer.commit();
        }
        assertThat(count(h2Url(name), "inner_t")).isOne();
        assertThat(findingsOf(FindingKind.NESTED_SESSION, name)).isNotEmpty();
    }

    @Test
    void nestedAllowLetsTheNestedStatementProceedWithoutAFinding() throws SQLException {
        String name = TestDatabases.unique("allow");
        createTables(h2Url(name), "outer_t", "inner_t");
        Properties allow = nested("allow");
        try (Connection outer = DriverManager.getConnection(h2Url(name), allow);
                Connection inner = DriverManager.getConnection(h2Url(name), allow)) {
            startTransactionOn(outer, "outer_t");

            insertNested(inner, "inner_t");

            outer.commit();
        }
        assertThat(count(h2Url(name), "inner_t")).isOne();
        assertThat(findingsOf(FindingKind.NESTED_SESSION, name)).isEmpty();
    }

    @Test
    void nestedFailIsTheDefaultAndLetsANestedSessionThatCannotWaitForItselfRunRecordingIt() throws SQLException {
        String name = TestDatabases.unique("fail");
        createTables(h2Url(name), "outer_t", "inner_t");
        try (Connection outer = DriverManager.getConnection(h2Url(name), new Properties());
                Connection inner = DriverManager.getConnection(h2Url(name), new Properties())) {
            startTransactionOn(outer, "outer_t");

            insertNested(inner, "inner_t");

            outer.commit();
        }
        assertThat(count(h2Url(name), "inner_t")).isOne();
        assertThat(findingsOf(FindingKind.NESTED_SESSION, name)).isEmpty();
        assertThat(findingsOf(FindingKind.NESTED_TRANSACTION, name)).singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("ModesTest.startTransactionOn", "ModesTest.insertNested"));
    }

    @Test
    void nestedStrictRefusesTheNestedStatementNamingBothPlaces() throws SQLException {
        String name = TestDatabases.unique("strict");
        createTables(h2Url(name), "outer_t", "inner_t");
        try (Connection outer = DriverManager.getConnection(h2Url(name), nested("strict"));
                Connection inner = DriverManager.getConnection(h2Url(name), nested("strict"))) {
            startTransactionOn(outer, "outer_t");

            Throwable thrown = catchThrowable(() -> insertNested(inner, "inner_t"));

            assertThat(thrown).isInstanceOf(NestedSessionException.class);
            SQLException refused = (SQLException) thrown;
            assertThat(refused.getSQLState()).isEqualTo("25001");
            String message = refused.getMessage();
            assertThat(message)
                    .contains("ModesTest.startTransactionOn")
                    .contains("ModesTest.insertNested")
                    .contains("ModesTest.nestedStrictRefusesTheNestedStatementNamingBothPlaces");
            assertThat(message.indexOf("ModesTest.startTransactionOn"))
                    .as("the outer transaction's start is named before the nested statement")
                    .isLessThan(message.indexOf("ModesTest.insertNested"));
            outer.commit();
        }
        assertThat(count(h2Url(name), "outer_t")).isOne();
        assertThat(count(h2Url(name), "inner_t")).as("the nested INSERT was never sent").isZero();
    }

    @Test
    void nestedOnSharedInMemorySqliteIsRefusedFastEvenWhenAllowed() throws SQLException {
        String url = sqliteNamedUrl(TestDatabases.unique("shared_nested"));
        Properties allow = nested("allow");
        allow.setProperty("safe.checkoutTimeoutMs", "30000"); // a wait would take this long, not fail fast
        createTables(url, "outer_t", "inner_t");
        try (Connection outer = DriverManager.getConnection(url, allow);
                Connection inner = DriverManager.getConnection(url, allow)) {
            startTransactionOn(outer, "outer_t");

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> insertNested(inner, "inner_t"));
            long elapsedNanos = System.nanoTime() - start;

            assertThat(thrown).isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).isEqualTo("25001");
            assertThat(elapsedNanos).as("refused at once, not after a wait")
                    .isLessThan(TimeUnit.SECONDS.toNanos(1));
            outer.commit();
            assertThat(count(outer, "inner_t")).as("the nested INSERT was never sent").isZero();
        }
    }

    // --- the application's statements (named, so messages and findings can point at them) ---

    private static void startTransactionOn(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + "(id) VALUES (1)");
        }
    }

    private static void insertNested(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + "(id) VALUES (1)");
        }
    }

    // --- helpers ---

    private static String h2Url(String name) {
        return "jdbc:safe:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    private static String sqliteNamedUrl(String name) {
        return "jdbc:safe:sqlite:file:" + name + "?mode=memory";
    }

    private static Properties mode(String mode) {
        Properties properties = new Properties();
        properties.setProperty("safe.mode", mode);
        return properties;
    }

    private static Properties nested(String nested) {
        Properties properties = new Properties();
        properties.setProperty("safe.mode", "enforce");
        properties.setProperty("safe.nested", nested);
        return properties;
    }

    private List<Finding> findingsOf(FindingKind kind, String databaseName) {
        return findings.stream()
                .filter(finding -> finding.kind() == kind && finding.database().contains(databaseName))
                .toList();
    }

    private static void createTables(String url, String... tables) throws SQLException {
        try (Connection setup = DriverManager.getConnection(url, new Properties())) {
            for (String table : tables) {
                execute(setup, "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY)");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    private static int count(String url, String table) throws SQLException {
        try (Connection check = DriverManager.getConnection(url, new Properties())) {
            return count(check, table);
        }
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

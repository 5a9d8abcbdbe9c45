package dev.safejdbc.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.function.SqlSupplier;
import dev.safejdbc.it.Await;
import dev.safejdbc.it.TestDatabases;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviours every way in must give alike: leasing, nesting, the guard and findings. Each
 * front door ({@code jdbc:safe:} URL, {@code SafeDataSource} over HikariCP, the agent) is a small
 * subclass that says only how it hands out a connection. Every assertion is on what JDBC shows
 * (SQLStates, rows), or on the findings of the copy of safe-jdbc that protected the connection.
 */
public abstract class FrontDoorSuite {
    @TempDir
    Path directory;
    private String sqliteUrl;

    /**
     * A connection to the database of the real JDBC URL {@code realUrl}, through this door, with
     * the {@code safe.*} {@code options} (empty: the defaults).
     */
    protected abstract Connection connect(String realUrl, Properties options) throws SQLException;

    @BeforeEach
    void createSqliteFile() throws SQLException {
        sqliteUrl = "jdbc:sqlite:" + directory.resolve(TestDatabases.unique("doors") + ".db");
        try (Connection c = connect(sqliteUrl, new Properties())) {
            exec(c, "CREATE TABLE jobs (id INTEGER NOT NULL PRIMARY KEY, progress INTEGER NOT NULL)");
            exec(c, "INSERT INTO jobs (id, progress) VALUES (1, 0)");
        }
    }

    // --- leasing ---

    @Test
    void anotherThreadsRollbackOnTheSameConnectionLeavesThisThreadsTransactionAlone() throws Exception {
        try (Connection shared = connect(sqliteUrl, new Properties())) {
            shared.setAutoCommit(false);
            exec(shared, "INSERT INTO jobs (id, progress) VALUES (2, 0)");
            onAnotherThread(() -> { // raw: this erases the insert above
                shared.rollback();
                return null;
            });

            shared.commit();
            assertThat(count(shared, "id = 2")).isOne();
        }
    }

    @Test
    void anotherThreadsStatementOnTheSameConnectionWaitsForThisThreadsTransaction() throws Exception {
        try (Connection shared = connect(sqliteUrl, new Properties())) {
            shared.setAutoCommit(false);
            exec(shared, "INSERT INTO jobs (id, progress) VALUES (2, 0)");
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Object> seen = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    seen.set(count(shared, "1 = 1"));
                } catch (SQLException e) {
                    seen.set(e);
                }
                done.countDown();
            }, "door-reader");
            reader.start();

            assertThat(Await.heldBackOrDone(reader, done, "dev.safejdbc.session.ConnectionLease"))
                    .as("the other thread waits for the lease").isTrue();
            shared.commit();
            Await.latch(done);
            reader.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
            assertThat(seen.get()).as("it saw the committed transaction, never half of it").isEqualTo(2);
        }
    }

    // --- nesting ---

    @Test
    void aNestedStatementThatWouldWaitForItsOwnThreadsLockIsRefusedWith25001() throws Exception {
        String postgres = "jdbc:" + TestDatabases.postgres();
        String table = TestDatabases.unique("door_locks");
        try (Connection outer = connect(postgres, new Properties());
                Connection inner = connect(postgres, new Properties())) {
            exec(outer, "CREATE TABLE " + table + " (id INT PRIMARY KEY, owner TEXT)");
            try {
                exec(outer, "INSERT INTO " + table + " VALUES (1, 'nobody')");
                outer.setAutoCommit(false);
                exec(outer, "UPDATE " + table + " SET owner = 'outer' WHERE id = 1"); // holds the row lock

                assertThatThrownBy(() -> { // bounded: raw, this waits on its own thread's lock for ever
                    try (Statement s = inner.createStatement()) {
                        s.setQueryTimeout((int) Await.SECONDS);
                        s.executeUpdate("UPDATE " + table + " SET owner = 'inner' WHERE id = 1");
                    }
                })
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25001");

                outer.commit();
                outer.setAutoCommit(true);
                try (Statement s = outer.createStatement();
                        ResultSet rs = s.executeQuery("SELECT owner FROM " + table + " WHERE id = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("the outer transaction is intact").isEqualTo("outer");
                }
            } finally {
                outer.setAutoCommit(true);
                exec(outer, "DROP TABLE " + table);
            }
        }
    }

    // --- the guard ---

    @Test
    void aWriteOfARowThatChangedSinceItWasReadLosesWith40001() throws Exception {
        try (Connection reader = connect(sqliteUrl, new Properties());
                Connection other = connect(sqliteUrl, new Properties())) {
            try (Statement s = reader.createStatement();
                    ResultSet rs = s.executeQuery("SELECT progress FROM jobs WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
            exec(other, "UPDATE jobs SET progress = 5 WHERE id = 1");

            assertThatThrownBy(() -> exec(reader, "UPDATE jobs SET progress = 1 WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("40001");
            assertThat(count(reader, "progress = 5")).as("the other writer's update stands").isOne();
        }
    }

    @Test
    void aWriteOfARowThatDidNotChangeGoesThrough() throws Exception {
        try (Connection c = connect(sqliteUrl, new Properties())) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT progress FROM jobs WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE jobs SET progress = 1 WHERE id = 1")).isOne();
            }
        }
    }

    // --- findings ---

    @Test
    void inReportModeANestedSessionRunsAndIsRecorded() throws Exception {
        Properties report = new Properties();
        report.setProperty("safe.mode", "report");
        report.setProperty("safe.nested", "warn"); // every nested session recorded, not only those that would wait
        try (Connection outer = connect(sqliteUrl, report); Connection inner = connect(sqliteUrl, report)) {
            outer.setAutoCommit(false);
            exec(outer, "INSERT INTO jobs (id, progress) VALUES (2, 0)");

            assertThat(count(inner, "id = 1")).as("report mode changes nothing").isOne();

            outer.commit();
            assertThat(findings(inner)).contains("NESTED_SESSION on " + sqliteUrl);
        }
    }

    // --- helpers ---

    /**
     * The findings ("KIND on database") recorded by the safe-jdbc that protects {@code connection},
     * found through its own class loader: under the agent, that copy need not be the test's.
     */
    private static List<String> findings(Connection connection) throws Exception {
        Connection safe = connection.getClass().getName().equals("dev.safejdbc.jdbc.SafeConnection") ? connection
                : connection.unwrap(Connection.class);
        Class<?> findings = Class.forName("dev.safejdbc.findings.Findings", true, safe.getClass().getClassLoader());
        List<String> kinds = new ArrayList<>();
        for (Object finding : (List<?>) findings.getMethod("snapshot").invoke(null)) {
            Method kind = finding.getClass().getMethod("kind");
            Method database = finding.getClass().getMethod("database");
            kinds.add(kind.invoke(finding) + " on " + database.invoke(finding));
        }
        return kinds;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM jobs WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Runs {@code action} on a thread of its own and waits for it (bounded); its failure is this one's. */
    private static void onAnotherThread(SqlSupplier<Void> action) throws Exception {
        FutureTask<Void> task = new FutureTask<>(action::get);
        new Thread(task, "door-other-thread").start();
        task.get(Await.SECONDS, TimeUnit.SECONDS);
    }
}

package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.it.JobCompletion;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The harness on incidents 004 and 003, and on schedules that block on PostgreSQL row locks. */
class HarnessScenariosTest {

    /** Incident 004: a writer and a second session share one connection object. */
    @Nested
    class SharedConnection {
        private Connection shared;

        @Test
        void onTheRawSharedConnectionTheHarnessFindsTheLostWrite() throws Exception {
            // report mode: the connection behaves exactly as the raw one, but its steps are scheduled
            Exploration exploration = harness("jdbc:safe:sqlite::memory:", "report").exploreAll();
            assertThat(exploration.failingSchedules()).contains("A1 B1 B2 A2");
        }

        @Test
        void throughJdbcSafeEveryScheduleKeepsTheWrite() throws Exception {
            String url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("harness004") + "?mode=memory";
            Exploration exploration = harness(url, "enforce").exploreAll();
            assertThat(exploration.explored()).isEqualTo(6);
            exploration.assertNoFailures();
        }

        private Interleaver harness(String url, String mode) {
            Properties options = new Properties();
            options.setProperty("safe.mode", mode);
            return Interleaver.of(
                    () -> {
                        execute(shared, "INSERT INTO jobs(id) VALUES (1)");
                        shared.commit();
                        return null;
                    },
                    () -> {
                        execute(shared, "SELECT count(*) FROM jobs");
                        shared.rollback();
                        return null;
                    })
                    .reset(() -> {
                        if (shared != null) {
                            shared.close();
                        }
                        shared = DriverManager.getConnection(url, options);
                        execute(shared, "DROP TABLE IF EXISTS jobs");
                        execute(shared, "CREATE TABLE jobs (id INTEGER PRIMARY KEY)");
                        shared.setAutoCommit(false);
                    })
                    .invariant(run -> assertThat(count(shared, "SELECT count(*) FROM jobs WHERE id = 1"))
                            .as("the writer's committed row").isOne());
        }
    }

    /** Incident 003: two workers read RUNNING and both complete the job. */
    @Nested
    class DoubleCompletion {
        private final Connection[] workers = new Connection[2];
        private String table;

        @Test
        void guardOffTheHarnessFindsTheDoubleCompletion() throws Exception {
            try {
                assertThat(harness().option("safe.guard", "off").exploreAll().failingSchedules())
                        .contains("A1 B1 A2 A3 B2 B3");
            } finally {
                drop();
            }
        }

        @Test
        void guardOnDoubleCompletionIsImpossible() throws Exception {
            try {
                harness().exploreAll().assertNoFailures();
            } finally {
                drop();
            }
        }

        private Interleaver harness() throws SQLException {
            String url = "jdbc:safe:" + TestDatabases.postgres();
            table = TestDatabases.unique("harness_jobs");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, status TEXT NOT NULL, result TEXT)");
            }
            JobCompletion jobs = new JobCompletion(table);
            return Interleaver.of(
                    () -> jobs.complete(workers[0], 1, "result-a", () -> { }),
                    () -> jobs.complete(workers[1], 1, "result-b", () -> { }))
                    .stepTimeout(Duration.ofMillis(200))
                    .reset(() -> {
                        for (int i = 0; i < workers.length; i++) {
                            if (workers[i] != null) {
                                workers[i].close();
                            }
                            workers[i] = DriverManager.getConnection(url);
                        }
                        execute(workers[0], "DELETE FROM " + table);
                        execute(workers[0], "INSERT INTO " + table + " VALUES (1, 'RUNNING', NULL)");
                        for (Connection worker : workers) {
                            worker.setAutoCommit(false);
                        }
                    })
                    .invariant(run -> assertThat(
                            Boolean.TRUE.equals(run.result('A')) && Boolean.TRUE.equals(run.result('B')))
                            .as("both workers completed the job").isFalse());
        }

        private void drop() throws SQLException {
            for (Connection worker : workers) {
                if (worker != null) {
                    worker.close();
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:" + TestDatabases.postgres());
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** Both tasks update the same two rows in opposite orders: waits and even a deadlock end. */
    @Test
    void schedulesThatWaitOnRowLocksCompleteWithinSeconds() throws Exception {
        String url = "jdbc:safe:" + TestDatabases.postgres();
        String table = TestDatabases.unique("harness_rows");
        Connection[] sessions = new Connection[2];
        try (Connection setup = DriverManager.getConnection(url)) {
            execute(setup, "CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT)");
            execute(setup, "INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
            for (int i = 0; i < sessions.length; i++) {
                sessions[i] = DriverManager.getConnection(url);
                sessions[i].setAutoCommit(false);
            }
            Interleaver harness = Interleaver.of(
                    () -> updateBoth(sessions[0], table, 1, 2),
                    () -> updateBoth(sessions[1], table, 2, 1))
                    .stepTimeout(Duration.ofMillis(200));

            long start = System.nanoTime();
            Run waiting = harness.schedule("A1 A2 B1 A3 B2 B3"); // B's first update waits for A's commit
            Run deadlock = harness.schedule("A1 B1 A2 B2 A3 B3"); // each waits for the other
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));

            assertThat(waiting.result('A')).isEqualTo("committed");
            assertThat(waiting.result('B')).isEqualTo("committed");
            assertThat(waiting.steps()).first().asString().startsWith("A1: UPDATE " + table);
            assertThat(List.of(deadlock.result('A'), deadlock.result('B')))
                    .as("PostgreSQL broke the deadlock").contains("40P01", "committed");
        } finally {
            for (Connection session : sessions) {
                if (session != null) {
                    session.close();
                }
            }
            try (Connection c = DriverManager.getConnection(url)) {
                execute(c, "DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void aScheduleThatNamesNoTaskIsRefusedClearly() {
        Interleaver harness = Interleaver.of(() -> null, () -> null);
        assertThatThrownBy(() -> harness.schedule("A1 C1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no task");
        assertThatThrownBy(() -> harness.schedule("A2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }

    private static Object updateBoth(Connection c, String table, int first, int second) throws SQLException {
        try {
            execute(c, "UPDATE " + table + " SET v = v + 1 WHERE id = " + first);
            execute(c, "UPDATE " + table + " SET v = v + 1 WHERE id = " + second);
            c.commit();
            return "committed";
        } catch (SQLException e) {
            c.rollback();
            return e.getSQLState();
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

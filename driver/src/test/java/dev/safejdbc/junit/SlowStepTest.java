package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step far slower than the step timeout (20 ms here) is busy, not blocked, where a wait would have shown: on
 * PostgreSQL, whose lock view sees every lock wait, and in a task's own Java code before its first boundary. The
 * schedule then runs as named, however loaded the machine. Elsewhere the step timeout still decides.
 */
class SlowStepTest {
    private static final Duration STEP_TIMEOUT = Duration.ofMillis(20);
    private static final String SEQUENTIAL = "A1 A2 A3 B1 B2 B3";

    private final Connection[] connections = new Connection[2];
    private String url;
    private String table;
    /** B starts only once A has ended, so that B's first step cannot go beside A's, whatever the harness judged. */
    private CountDownLatch aEnded;

    @AfterEach
    void dropTable() throws SQLException {
        close();
        if (table != null) {
            try (Connection c = DriverManager.getConnection(url.replace("jdbc:safe:", "jdbc:"));
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                if (url.contains("postgresql")) {
                    s.execute("DROP FUNCTION IF EXISTS " + table + "_slow()");
                }
            }
        }
    }

    @Test
    void aSlowPostgresqlStatementIsBusyNotBlocked() throws Exception {
        String slow = "SELECT v, pg_sleep(0.15) FROM %s WHERE id = 1";
        assertRanAsNamed(sequential(TestDatabases.postgres(), slow, 0, false));
    }

    @Test
    void aSlowPostgresqlCommitIsBusyNotBlocked() throws Exception {
        assertRanAsNamed(sequential(TestDatabases.postgres(), "SELECT v FROM %s WHERE id = 1", 0, true));
    }

    @Test
    void javaCodeAfterAPostgresqlStatementIsBusyNotBlocked() throws Exception {
        assertRanAsNamed(sequential(TestDatabases.postgres(), "SELECT v FROM %s WHERE id = 1", 150, false));
    }

    @Test
    void aSlowMariadbStatementIsStillJudgedByTheStepTimeout() throws Exception {
        // InnoDB's view is a cache and does not see metadata or user locks: a long statement may wait on one
        Run run = sequential(TestDatabases.mariadb(), "SELECT v, SLEEP(0.5) FROM %s WHERE id = 1", 0, false);
        assertThat(run.steps().get(0)).endsWith("[waits beyond the step timeout]");
        assertThat(run.steps().get(1)).startsWith("A2: UPDATE");
    }

    /** A computes before its first boundary while B waits at its own: B's first step must not go first. */
    @Test
    void aTaskComputingBeforeItsFirstBoundaryIsWaitedFor() throws Exception {
        openSqlite();
        Run run = Interleaver.of(() -> {
            spin(150);
            return twoSelects(connections[0]);
        }, () -> twoSelects(connections[1])).stepTimeout(STEP_TIMEOUT).schedule("A1 A2 B1 B2");
        assertThat(run.steps()).containsExactly("A1: SELECT 1", "A2: SELECT 2", "B1: SELECT 1", "B2: SELECT 2");
    }

    /** A waits before its first boundary for what B does in its first step: B's first step goes first. */
    @Test
    void aTaskWaitingBeforeItsFirstBoundaryForAnotherLetsItGo() throws Exception {
        openSqlite();
        CountDownLatch bSelected = new CountDownLatch(1);
        Run run = Interleaver.of(() -> {
            if (!bSelected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("B's first step never ran");
            }
            return twoSelects(connections[0]);
        }, () -> {
            try (Statement s = connections[1].createStatement()) {
                s.execute("SELECT 1");
            }
            bSelected.countDown();
            try (Statement s = connections[1].createStatement()) {
                s.execute("SELECT 2");
            }
            return null;
        }).stepTimeout(Duration.ofMinutes(2)).schedule("A1 A2 B1 B2");
        assertThat(run.steps()).hasSize(4);
        assertThat(run.steps().get(0)).isEqualTo("B1: SELECT 1");
    }

    /**
     * Each task reads the row ({@code select}, then {@code computeMillis} of Java), increments it and commits; B
     * starts once A has ended. With {@code slowCommit}, a deferred trigger sleeps 150 ms in the commit.
     */
    private Run sequential(String database, String select, long computeMillis, boolean slowCommit) throws Exception {
        url = "jdbc:safe:" + database;
        table = TestDatabases.unique("slowstep");
        try (Connection c = DriverManager.getConnection("jdbc:" + database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL)");
            if (slowCommit) {
                s.execute("CREATE FUNCTION " + table + "_slow() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN PERFORM pg_sleep(0.15); RETURN NULL; END $$");
                s.execute("CREATE CONSTRAINT TRIGGER slow AFTER UPDATE ON " + table
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + table + "_slow()");
            }
        }
        String read = String.format(select, table);
        String increment = "UPDATE " + table + " SET v = v + 1 WHERE id = 1";
        Interleaver harness = Interleaver.of(() -> {
            Object value = readIncrementCommit(connections[0], read, computeMillis, increment);
            aEnded.countDown();
            return value;
        }, () -> {
            if (!aEnded.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A never ended");
            }
            return readIncrementCommit(connections[1], read, computeMillis, increment);
        }).stepTimeout(STEP_TIMEOUT).reset(() -> {
            close();
            aEnded = new CountDownLatch(1);
            for (int i = 0; i < connections.length; i++) {
                connections[i] = DriverManager.getConnection(url);
            }
            HarnessScenariosTest.execute(connections[0], "DELETE FROM " + table);
            HarnessScenariosTest.execute(connections[0], "INSERT INTO " + table + " VALUES (1, 0)");
            for (Connection c : connections) {
                c.setAutoCommit(false);
            }
        });
        return harness.schedule(SEQUENTIAL);
    }

    private void assertRanAsNamed(Run run) {
        assertThat(names(run)).as("the steps as they ran: " + run.steps())
                .containsExactly(SEQUENTIAL.split(" "));
        assertThat(run.steps()).noneMatch(step -> step.contains("[waits"));
        assertThat(Arrays.asList(run.result('A'), run.result('B'))).as("each read what the one before wrote")
                .containsExactly(0, 1);
    }

    private static Object readIncrementCommit(Connection c, String select, long computeMillis, String increment)
            throws SQLException {
        int read;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            rs.next();
            read = rs.getInt(1);
        }
        spin(computeMillis);
        try (Statement s = c.createStatement()) {
            s.executeUpdate(increment);
        }
        c.commit();
        return read;
    }

    private static Object twoSelects(Connection c) throws SQLException {
        for (String sql : List.of("SELECT 1", "SELECT 2")) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
        return null;
    }

    /** Runs on the CPU for {@code millis} of wall time: the thread stays RUNNABLE throughout. */
    private static void spin(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static List<String> names(Run run) {
        return run.steps().stream().map(step -> step.substring(0, step.indexOf(':'))).toList();
    }

    private void openSqlite() throws SQLException {
        for (int i = 0; i < connections.length; i++) {
            connections[i] = DriverManager.getConnection("jdbc:safe:sqlite::memory:");
        }
    }

    private void close() throws SQLException {
        for (int i = 0; i < connections.length; i++) {
            if (connections[i] != null) {
                connections[i].close();
                connections[i] = null;
            }
        }
    }
}

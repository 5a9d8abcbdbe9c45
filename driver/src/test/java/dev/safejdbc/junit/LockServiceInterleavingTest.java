package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.NaiveLockService;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness on incident 001's naive lock service ({@link NaiveLockService}) over PostgreSQL: with the guard off it finds
 * the double-holder schedules, the same ones on every run; with the guard on, none fails.
 */
class LockServiceInterleavingTest {
    private String url;
    private String table;
    private final Connection[] connections = new Connection[2];

    @BeforeEach
    void createTable() throws SQLException {
        url = "jdbc:safe:" + TestDatabases.postgres();
        table = TestDatabases.unique("harness_locks");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(String.format(NaiveLockService.DDL, table));
            s.execute("INSERT INTO " + table + " VALUES ('job', 'r1', 'nobody', 0)");
        }
    }

    @AfterEach
    void dropTable() throws SQLException {
        closeConnections();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void guardOffFindsTheDoubleHolderSchedulesOnEveryRun() throws Exception {
        List<String> first = null;
        for (int run = 0; run < 10; run++) {
            Exploration exploration = harness().option("safe.guard", "off").exploreAll();
            assertThat(exploration.orders()).as("orders of two 3-step tasks").isEqualTo(20);
            assertThat(exploration.explored()).as("all but the order of the two first reads").isEqualTo(14);
            assertThat(exploration.failingSchedules()).isNotEmpty();
            if (first == null) {
                first = exploration.failingSchedules();
            }
            assertThat(exploration.failingSchedules()).as("run " + run).isEqualTo(first);
        }
        assertThat(first).contains("A1 B1 A2 A3 B2 B3");
    }

    @Test
    void guardOnEveryScheduleHasOneHolder() throws Exception {
        Exploration exploration = harness().exploreAll();
        assertThat(exploration.explored()).isEqualTo(14);
        exploration.assertNoFailures();
    }

    @Test
    void aFailingScheduleReplaysAndNamesItsSteps() throws Exception {
        Interleaver harness = harness().option("safe.guard", "off");
        String failing = harness.exploreAll().failingSchedules().get(0);
        try {
            harness.schedule(failing);
        } catch (AssertionError e) {
            assertThat(e).hasMessageContaining("schedule \"" + failing + "\"")
                    .hasMessageContaining("A1: SELECT owner_id, expires_at FROM " + table)
                    .hasMessageContaining("UPDATE " + table);
            return;
        }
        throw new AssertionError("replaying " + failing + " did not fail");
    }

    private Interleaver harness() {
        NaiveLockService locks = new NaiveLockService(table);
        return Interleaver.of(
                () -> locks.acquireAndCommit(connections[0], "job", "r1", "owner-a", 1_000, 60_000),
                () -> locks.acquireAndCommit(connections[1], "job", "r1", "owner-b", 1_000, 60_000))
                .reset(this::expireLockAndReconnect)
                .stepTimeout(Duration.ofMillis(200))
                .invariant(run -> assertThat(holders(run)).as("lock holders").isLessThanOrEqualTo(1));
    }

    private void expireLockAndReconnect() throws SQLException {
        closeConnections();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + table + " SET owner_id = 'nobody', expires_at = 0");
        }
        for (int i = 0; i < connections.length; i++) {
            connections[i] = DriverManager.getConnection(url);
            connections[i].setAutoCommit(false);
        }
    }

    private void closeConnections() throws SQLException {
        for (int i = 0; i < connections.length; i++) {
            if (connections[i] != null) {
                connections[i].close();
                connections[i] = null;
            }
        }
    }

    private static long holders(Run run) {
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < run.tasks(); i++) {
            if (run.error((char) ('A' + i)) != null) {
                throw new AssertionError("task failed", run.error((char) ('A' + i)));
            }
            results.add(run.result((char) ('A' + i)));
        }
        return results.stream().filter(Boolean.TRUE::equals).count();
    }
}

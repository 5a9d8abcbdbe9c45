package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A step that waits on another task's lock is seen waiting at once, from the database (PostgreSQL, MariaDB) or
 * from its thread (a lease inside the JVM): the step timeout here is two minutes, which no schedule ever waits.
 */
class LockWaitDetectionTest {
    private final Connection[] connections = new Connection[2];

    @Test
    void postgresqlSaysTheSecondUpdateWaitsOnTheFirstOnesRowLock() throws Exception {
        assertSecondUpdateWaits("jdbc:safe:" + TestDatabases.postgres(), "[waits on a database lock]");
    }

    @Test
    void mariadbSaysTheSecondUpdateWaitsOnTheFirstOnesRowLock() throws Exception {
        assertSecondUpdateWaits("jdbc:safe:" + TestDatabases.mariadb(), "[waits on a database lock]");
    }

    @Test
    void aSharedInMemoryDatabasesLeaseIsAWaitInsideTheJvm() throws Exception {
        assertSecondUpdateWaits("jdbc:safe:sqlite:file:" + TestDatabases.unique("lockwait") + "?mode=memory",
                "[waits inside the JVM]");
    }

    private void assertSecondUpdateWaits(String url, String waits) throws Exception {
        String table = TestDatabases.unique("lockwait");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES (1, 0)");
            Interleaver harness = Interleaver.of(() -> increment(connections[0], table),
                            () -> increment(connections[1], table))
                    .stepTimeout(Duration.ofMinutes(2))
                    .reset(() -> {
                        close();
                        for (int i = 0; i < connections.length; i++) {
                            connections[i] = DriverManager.getConnection(url);
                            connections[i].setAutoCommit(false);
                        }
                    })
                    .invariant(run -> assertThat(run.error('A')).isNull());
            Run run = harness.schedule("A1 B1 A2 B2");
            assertThat(run.steps()).hasSize(4);
            assertThat(run.steps().get(1)).startsWith("B1: UPDATE").endsWith(waits);
            assertThat(run.steps().get(0)).doesNotContain("[waits");
        } finally {
            close();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static Object increment(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + table + " SET v = v + 1 WHERE id = 1");
        }
        c.commit();
        return null;
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

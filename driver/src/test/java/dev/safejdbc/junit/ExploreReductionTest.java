package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** exploreAll on PostgreSQL: transactions on unrelated tables run one order per class, and no fewer. */
class ExploreReductionTest {
    private String url;
    private String accounts;
    private String audit;
    private final Connection[] connections = new Connection[2];

    @BeforeEach
    void createTables() throws SQLException {
        url = "jdbc:safe:" + TestDatabases.postgres();
        accounts = TestDatabases.unique("por_accounts");
        audit = TestDatabases.unique("por_audit");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + accounts + " (id INT PRIMARY KEY, balance INT NOT NULL)");
            s.execute("CREATE TABLE " + audit + " (id INT PRIMARY KEY, entries INT NOT NULL)");
        }
    }

    @AfterEach
    void dropTables() throws SQLException {
        closeConnections();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + accounts + ", " + audit);
        }
    }

    @Test
    void transactionsOnUnrelatedTablesRunOneOrderPerClass() throws Exception {
        Exploration exploration = harness(audit).exploreAll();
        exploration.assertNoFailures();
        assertThat(exploration.orders()).isEqualTo(BigInteger.valueOf(20));
        assertThat(exploration.explored()).isEqualTo(5);
        assertThat(exploration.truncated()).isFalse();
        assertThat(exploration.toString()).contains("5 schedules (of 20 orders; the rest are equivalent)");
    }

    @Test
    void everyOrderRunsThemAll() throws Exception {
        assertThat(harness(audit).everyOrder().exploreAll().explored()).isEqualTo(20);
    }

    @Test
    void onOneTableTheLostUpdatesAreFoundInTheReducedSchedulesToo() throws Exception {
        Interleaver raced = harness(accounts).option("safe.guard", "off");
        Exploration reduced = raced.exploreAll();
        Exploration every = raced.everyOrder().exploreAll();
        assertThat(reduced.failingSchedules()).isNotEmpty().contains("A1 B1 A2 A3 B2 B3");
        assertThat(every.failingSchedules()).containsAll(reduced.failingSchedules());
        assertThat(reduced.explored()).isLessThan(every.explored());
    }

    @Test
    void aTaskWhoseSqlDependsOnTheInterleavingMakesEveryOrderRun() throws Exception {
        Exploration exploration = Interleaver.of(
                () -> {
                    execute(connections[0], "UPDATE " + accounts + " SET balance = 1 WHERE id = 1");
                    connections[0].commit();
                    return null;
                },
                () -> {
                    // reads one table, then writes whichever table the other task's commit decides
                    boolean seen = balance(connections[1], accounts) == 1;
                    execute(connections[1], seen ? "UPDATE " + accounts + " SET balance = 2 WHERE id = 1"
                            : "UPDATE " + audit + " SET entries = 2 WHERE id = 1");
                    connections[1].commit();
                    return null;
                })
                .reset(this::resetRows)
                .exploreAll();
        assertThat(exploration.explored()).as(exploration.toString()).isEqualTo(exploration.orders().intValue());
    }

    private Interleaver harness(String secondTable) {
        return Interleaver.of(() -> increment(connections[0], accounts, "balance"),
                        () -> increment(connections[1], secondTable, secondTable.equals(audit) ? "entries" : "balance"))
                .reset(this::resetRows)
                .invariant(run -> {
                    if (secondTable.equals(accounts)) {
                        assertThat(balance(connections[0], accounts)).as("two increments").isEqualTo(2);
                    }
                });
    }

    /** Reads the row, then writes what it read plus one: a lost update when two run on one row. */
    private static Object increment(Connection c, String table, String column) throws SQLException {
        int value;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + table + " WHERE id = 1")) {
            rs.next();
            value = rs.getInt(1);
        }
        execute(c, "UPDATE " + table + " SET " + column + " = " + (value + 1) + " WHERE id = 1");
        c.commit();
        return value;
    }

    private void resetRows() throws SQLException {
        closeConnections();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + accounts);
            s.execute("DELETE FROM " + audit);
            s.execute("INSERT INTO " + accounts + " VALUES (1, 0)");
            s.execute("INSERT INTO " + audit + " VALUES (1, 0)");
        }
        for (int i = 0; i < connections.length; i++) {
            connections[i] = DriverManager.getConnection(url);
            connections[i].setAutoCommit(false);
        }
    }

    private static int balance(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT balance FROM " + table
                + " WHERE id = 1")) {
            rs.next();
            int balance = rs.getInt(1);
            c.commit();
            return balance;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
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
}

package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Incident 004: sessions sharing one in-memory SQLite connection. On the raw driver a second
 * session's rollback (or a pool's reset-on-return) erases the writer's uncommitted insert, and
 * a commit publishes another session's half-done work; through {@code jdbc:safe:} neither can
 * happen, because a transaction holds the physical connection until it ends.
 */
class SharedMemoryIsolationTest {
    private static final int ITERATIONS = 200;

    @Test
    void rawSharedConnectionLosesTheWriteWhenAnotherSessionRollsBack() throws Exception {
        try (Connection shared = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            createTable(shared, "jobs");
            boolean heldBack = Interleaving.run(shared, "INSERT INTO jobs(id) VALUES (1)", () -> {
                shared.createStatement().executeQuery("SELECT count(*) FROM jobs").close();
                shared.rollback(); // the other session's rollback, on the same physical connection
            });
            assertThat(heldBack).isFalse();
            assertThat(count(shared, "jobs", "id = 1")).as("the writer's committed row").isZero();
        }
    }

    @Test
    void rawSharedConnectionCommitsAnotherSessionsHalfDoneWork() throws Exception {
        try (Connection shared = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            createTable(shared, "jobs");
            boolean heldBack = Interleaving.run(shared, "INSERT INTO jobs(id) VALUES (1)", () -> {
                shared.createStatement().executeUpdate("INSERT INTO jobs(id) VALUES (2)");
                // the writer commits before this session decides to roll back
            });
            shared.rollback();
            assertThat(heldBack).isFalse();
            assertThat(count(shared, "jobs", "id = 2")).as("a row its session never committed").isOne();
        }
    }

    @Test
    void safeKeepsTheWriteWhenAnotherSessionRollsBack() throws Exception {
        String url = memoryUrl();
        try (Connection setup = DriverManager.getConnection(url)) {
            createTable(setup, "jobs");
            int heldBack = 0;
            for (int id = 1; id <= ITERATIONS; id++) {
                int row = id;
                try (Connection writer = DriverManager.getConnection(url);
                        Connection second = DriverManager.getConnection(url)) {
                    heldBack += held(Interleaving.run(writer, "INSERT INTO jobs(id) VALUES (" + row + ")", () -> {
                        second.setAutoCommit(false);
                        second.createStatement().executeQuery("SELECT count(*) FROM jobs").close();
                        second.rollback();
                    }));
                }
            }
            assertThat(heldBack).as("iterations where the second session had to wait").isEqualTo(ITERATIONS);
            assertThat(count(setup, "jobs", "1 = 1")).as("rows kept").isEqualTo(ITERATIONS);
        }
    }

    @Test
    void safeKeepsTheWriteWhenAnotherSessionClosesWithoutCommit() throws Exception {
        String url = memoryUrl();
        try (Connection setup = DriverManager.getConnection(url)) {
            createTable(setup, "jobs");
            int heldBack = 0;
            for (int id = 1; id <= ITERATIONS; id++) {
                int row = id;
                try (Connection writer = DriverManager.getConnection(url)) {
                    heldBack += held(Interleaving.run(writer, "INSERT INTO jobs(id) VALUES (" + row + ")", () -> {
                        Connection second = DriverManager.getConnection(url);
                        second.setAutoCommit(false);
                        second.createStatement().executeUpdate("INSERT INTO jobs(id) VALUES (" + (-row) + ")");
                        second.close(); // reset-on-return: its own insert goes, nobody else's
                    }));
                }
            }
            assertThat(heldBack).as("iterations where the second session had to wait").isEqualTo(ITERATIONS);
            assertThat(count(setup, "jobs", "id > 0")).as("writes kept").isEqualTo(ITERATIONS);
            assertThat(count(setup, "jobs", "id < 0")).as("phantom commits").isZero();
        }
    }

    @Test
    void safeThroughHikariKeepsWritesAcrossResetOnReturn() throws Exception {
        String url = memoryUrl();
        try (HikariDataSource pool = pool(url, 10)) {
            try (Connection setup = pool.getConnection()) {
                createTable(setup, "jobs");
            }
            int heldBack = 0;
            for (int id = 1; id <= ITERATIONS; id++) {
                int row = id;
                try (Connection writer = pool.getConnection()) {
                    heldBack += held(Interleaving.run(writer, "INSERT INTO jobs(id) VALUES (" + row + ")", () -> {
                        try (Connection second = pool.getConnection()) {
                            second.setAutoCommit(false);
                            second.createStatement().executeUpdate("INSERT INTO jobs(id) VALUES (" + (-row) + ")");
                        } // Hikari rolls back on return
                    }));
                }
            }
            assertThat(heldBack).as("iterations where the second session had to wait").isEqualTo(ITERATIONS);
            try (Connection check = pool.getConnection()) {
                assertThat(count(check, "jobs", "id > 0")).as("writes kept").isEqualTo(ITERATIONS);
                assertThat(count(check, "jobs", "id < 0")).as("phantom commits").isZero();
            }
        }
    }

    @Test
    void safeConnectionSharedBetweenThreadsGivesEachThreadItsOwnTransaction() throws Exception {
        try (Connection shared = DriverManager.getConnection(memoryUrl())) {
            createTable(shared, "jobs");
            int heldBack = 0;
            for (int id = 1; id <= ITERATIONS; id++) {
                int row = id;
                heldBack += held(Interleaving.run(shared, "INSERT INTO jobs(id) VALUES (" + row + ")", () -> {
                    shared.setAutoCommit(false);
                    shared.createStatement().executeUpdate("INSERT INTO jobs(id) VALUES (" + (-row) + ")");
                    shared.rollback(); // this thread's own transaction only
                    shared.setAutoCommit(true);
                }));
            }
            assertThat(heldBack).as("iterations where the second thread had to wait").isEqualTo(ITERATIONS);
            assertThat(count(shared, "jobs", "id > 0")).as("writes kept").isEqualTo(ITERATIONS);
            assertThat(count(shared, "jobs", "id < 0")).as("phantom commits").isZero();
        }
    }

    @Test
    void hikariPoolOfTenSeesOneDatabase() throws Exception {
        try (HikariDataSource pool = pool("jdbc:safe:sqlite::memory:", 10)) {
            String table = TestDatabases.unique("pool_table");
            Connection[] held = new Connection[10];
            for (int i = 0; i < held.length; i++) {
                held[i] = pool.getConnection();
            }
            try {
                createTable(held[0], table);
                for (int i = 0; i < held.length; i++) {
                    held[i].createStatement().executeUpdate("INSERT INTO " + table + "(id) VALUES (" + i + ")");
                }
                for (Connection connection : held) {
                    assertThat(count(connection, table, "1 = 1")).isEqualTo(held.length);
                }
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }

    private static int held(boolean heldBack) {
        return heldBack ? 1 : 0;
    }

    static String memoryUrl() {
        return "jdbc:safe:sqlite:file:" + TestDatabases.unique("isolation") + "?mode=memory";
    }

    static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    static void createTable(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY)");
        }
    }

    static int count(Connection connection, String table, String where) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

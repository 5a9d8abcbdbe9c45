package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the application sees around a guarded write is what the raw driver shows (issue #13 class 7): a read's
 * {@code wasNull()} while its result set is still on the row, though the guard read the row's other columns for
 * the write; the write's update counts through {@code getUpdateCount()}, prepared and plain. In enforce mode and
 * in report mode, on all four databases.
 */
class GuardedResultsTest {
    enum Db {
        POSTGRESQL, MARIADB, H2, SQLITE;

        String url(Path dir) {
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case MARIADB -> "jdbc:" + TestDatabases.mariadb();
                case H2 -> "jdbc:h2:mem:" + TestDatabases.unique("results") + ";DB_CLOSE_DELAY=-1";
                case SQLITE -> "jdbc:sqlite:" + dir.resolve("results.db");
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void wasNullAndUpdateCountsAreTheRawDriversAroundAGuardedWrite(Db db, @TempDir Path dir) throws SQLException {
        String url = db.url(dir);
        String table = TestDatabases.unique("results");
        try (Connection raw = DriverManager.getConnection(url)) {
            exec(raw, "CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(10))");
            exec(raw, "INSERT INTO " + table + " (id, v, note) VALUES (1, 0, NULL), (2, 0, NULL), (3, 0, NULL),"
                    + " (4, 0, 'x'), (5, 0, 'x'), (6, 0, 'x')");
            try {
                List<String> expected = steps(raw, table);
                for (String mode : List.of("enforce", "report")) {
                    Properties options = new Properties();
                    options.setProperty("safe.mode", mode);
                    try (Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5), options)) {
                        exec(raw, "UPDATE " + table + " SET v = 0");
                        assertThat(steps(safe, table)).as(db + " " + mode).isEqualTo(expected);
                    }
                }
            } finally {
                exec(raw, "DROP TABLE " + table);
            }
        }
    }

    /** Reads a row, writes it by key while the read is still on it, and records what the application sees. */
    private static List<String> steps(Connection c, String table) throws SQLException {
        List<String> seen = new ArrayList<>();
        GuardTestDb.beginUnitOfWork(c); // SQLite: in autocommit, where the guard acts
        for (int id : new int[] {1, 4}) { // note NULL, then note 'x'
            try (PreparedStatement read = c.prepareStatement("SELECT id, v, note FROM " + table + " WHERE id = ?");
                    PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET v = ? WHERE id = ?")) {
                read.setInt(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    seen.add("v=" + rs.getInt("v") + " wasNull=" + rs.wasNull());
                    write.setInt(1, 1);
                    write.setInt(2, id);
                    seen.add("count=" + write.executeUpdate() + " getUpdateCount=" + write.getUpdateCount());
                    seen.add("after the write wasNull=" + rs.wasNull());
                    seen.add("note=" + rs.getString("note") + " wasNull=" + rs.wasNull());
                    write.setInt(1, 2);
                    seen.add("count=" + write.executeUpdate() + " wasNull=" + rs.wasNull());
                }
            }
            try (Statement read = c.createStatement(); Statement write = c.createStatement()) {
                int row = id + 1;
                try (ResultSet rs = read.executeQuery("SELECT id, v, note FROM " + table + " WHERE id = " + row)) {
                    rs.next();
                    seen.add("note=" + rs.getString("note") + " wasNull=" + rs.wasNull());
                    boolean result = write.execute("UPDATE " + table + " SET v = 1 WHERE id = " + row);
                    seen.add("execute=" + result + " getUpdateCount=" + write.getUpdateCount() + " wasNull="
                            + rs.wasNull());
                    seen.add("more=" + write.getMoreResults() + " getUpdateCount=" + write.getUpdateCount());
                    int count = write.executeUpdate("UPDATE " + table + " SET v = 2 WHERE id = " + row);
                    // sqlite-jdbc answers these from the statement's past, which a guarded execute() above is part of
                    seen.add("executeUpdate=" + count + " getUpdateCount=" + answer(write::getUpdateCount)
                            + " more=" + answer(write::getMoreResults));
                }
            }
            try (Statement read = c.createStatement(); Statement write = c.createStatement()) {
                int row = id + 2; // a statement whose first execution is executeUpdate: sqlite-jdbc's answers differ
                try (ResultSet rs = read.executeQuery("SELECT id, v, note FROM " + table + " WHERE id = " + row)) {
                    rs.next();
                    seen.add("note=" + rs.getString("note") + " wasNull=" + rs.wasNull());
                    int count = write.executeUpdate("UPDATE " + table + " SET v = 3 WHERE id = " + row);
                    seen.add("first executeUpdate=" + count + " getUpdateCount=" + answer(write::getUpdateCount)
                            + " more=" + answer(write::getMoreResults) + " wasNull=" + rs.wasNull());
                }
            }
            GuardTestDb.endUnitOfWork(c);
        }
        c.setAutoCommit(true);
        return seen;
    }

    /** What a call answers, or what it throws (sqlite-jdbc: a NullPointerException, as raw). */
    private static String answer(Callable<?> call) {
        try {
            return String.valueOf(call.call());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

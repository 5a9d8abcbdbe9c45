package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.TestDatabases;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application that splices its keys into the SQL text sends a new text with every call. The
 * guard's caches must stay bounded all the same (the proof issue, item 4; the heap figures are
 * {@code bench}'s {@code MemoryFootprint}). Checked from outside, through the driver only:
 * statement texts the analyzer has evicted become unreachable, and a session's read log forgets a
 * read once enough newer ones crowd it out.
 */
class BoundedCachesTest {
    /** Distinct statement texts sent: several times the analyzer's cache. */
    private static final int STATEMENTS = 12_000;
    /** The analyses the guard's {@code SqlAnalyzer} keeps. */
    private static final int ANALYZER_CACHE = 4_096;
    /** The keyed reads a session's {@code ReadLog} keeps. */
    private static final int READ_LOG_CAPACITY = 256;

    private String url;

    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("bounded") + "?mode=memory";
        try (Connection c = DriverManager.getConnection(url)) {
            Sql.exec(c, "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL)");
            Sql.exec(c, "INSERT INTO items (id, name) VALUES (0, 'zero')");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        SafeJdbc.drop(url);
    }

    @Test
    void theAnalyzerKeepsOnlyTheLatestStatementTexts() throws Exception {
        List<WeakReference<String>> texts = new ArrayList<>(STATEMENTS);
        try (Connection c = DriverManager.getConnection(url)) {
            for (int id = 1; id <= STATEMENTS; id++) {
                String sql = "SELECT name FROM items WHERE id = " + id; // a keyed read: analyzed and logged
                texts.add(new WeakReference<>(sql));
                readFirstRow(c, sql);
            }
            List<WeakReference<String>> evicted = texts.subList(0, STATEMENTS - ANALYZER_CACHE);
            assertThat(remainingAfterGc(evicted)).as("texts older than the cache's %,d latest still reachable",
                    ANALYZER_CACHE).isZero();
            assertThat(texts.subList(STATEMENTS - 1_000, STATEMENTS)).as("the latest texts stay cached")
                    .allMatch(text -> text.get() != null);
        }
    }

    @Test
    void aSessionForgetsReadsOnceNewerOnesCrowdThemOut() throws SQLException {
        assertThat(writeAfterReads(READ_LOG_CAPACITY - 1)).as("the read is still remembered: the write is guarded")
                .isEqualTo("40001");
        assertThat(writeAfterReads(READ_LOG_CAPACITY)).as("the read was crowded out: the write is sent as written")
                .isEqualTo("1 row");
    }

    /**
     * Reads row 0, then {@code others} other keys, in autocommit (a read stays in the session's log
     * until its key is written); then another connection changes row 0, and the first updates it.
     * Returns the UPDATE's SQLState, or the rows it wrote.
     */
    private String writeAfterReads(int others) throws SQLException {
        try (Connection reader = DriverManager.getConnection(url);
                Connection other = DriverManager.getConnection(url)) {
            readFirstRow(reader, "SELECT name FROM items WHERE id = 0");
            for (int id = 1; id <= others; id++) {
                readFirstRow(reader, "SELECT name FROM items WHERE id = " + (1_000_000 + id));
            }
            Sql.exec(other, "UPDATE items SET name = 'changed after " + others + " reads' WHERE id = 0");
            try (Statement s = reader.createStatement()) {
                return s.executeUpdate("UPDATE items SET name = 'taken' WHERE id = 0") + " row";
            } catch (SQLException e) {
                return e.getSQLState();
            }
        }
    }

    private static void readFirstRow(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
        }
    }

    /** How many of {@code refs} are still reachable after full GCs (given a few tries to clear them). */
    private static long remainingAfterGc(List<WeakReference<String>> refs) throws InterruptedException {
        long remaining = refs.size();
        for (int attempt = 0; attempt < 20 && remaining > 0; attempt++) {
            System.gc();
            Thread.sleep(10);
            remaining = refs.stream().filter(ref -> ref.get() != null).count();
        }
        return remaining;
    }
}

package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.Await;
import dev.safejdbc.it.Interleaving;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Why the guard stands aside inside an SQLite transaction ({@link Guard#standsAside}): two
 * read-then-write transactions of one counter never lose an update on SQLite, raw or through
 * safe-jdbc. On a file (rollback journal and WAL) the loser's write fails with SQLite's own
 * {@code SQLITE_BUSY} (or {@code SQLITE_BUSY_SNAPSHOT}), the same through safe-jdbc as raw; on a
 * shared in-memory database the lease holds the second transaction back until the first commits.
 * In autocommit the same steps lose an update raw (shown first, in the same run): that
 * check-then-act stays guarded.
 */
class SqliteSerializableTransactionsTest {
    private static final String TABLE = "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)";

    @TempDir
    Path dir;

    /** What two sessions' read-then-write of the counter came to. */
    record Outcome(boolean firstCommitted, String secondFailure, int finalValue) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void aFileDatabaseFailsTheSecondWriterWithBusyRawAndThroughSafeJdbcAlike(String journal) throws Exception {
        String raw = fileDatabase(journal);
        assertThat(autocommitReadThenWrite(raw, new Properties())).as("raw autocommit loses an update").isEqualTo(1);

        Outcome rawOutcome = writeWhileFirstIsOpen(raw, new Properties());
        Outcome safeOutcome = writeWhileFirstIsOpen("jdbc:safe:" + raw.substring("jdbc:".length()), new Properties());

        assertThat(rawOutcome.finalValue()).as("no lost update raw").isEqualTo(rawOutcome.firstCommitted() ? 1 : 0);
        assertThat(rawOutcome.secondFailure()).startsWith("[SQLITE_BUSY]");
        assertThat(safeOutcome).isEqualTo(rawOutcome);
    }

    /** WAL: the first transaction commits before the second writes, whose snapshot is then stale. */
    @Test
    void aWalSnapshotWrittenUnderneathFailsWithBusySnapshotRawAndThroughSafeJdbcAlike() throws Exception {
        String raw = fileDatabase("WAL");
        Outcome rawOutcome = writeAfterFirstCommitted(raw);
        Outcome safeOutcome = writeAfterFirstCommitted("jdbc:safe:" + raw.substring("jdbc:".length()));

        assertThat(rawOutcome).isEqualTo(new Outcome(true, rawOutcome.secondFailure(), 1));
        assertThat(rawOutcome.secondFailure()).startsWith("[SQLITE_BUSY_SNAPSHOT]");
        assertThat(safeOutcome).isEqualTo(rawOutcome);
    }

    /**
     * A shared in-memory database through {@code jdbc:safe:}: in autocommit (guard off) the steps lose an
     * update; in transactions the second is held back at its read until the first commits, and reads
     * what it wrote.
     */
    @Test
    void theLeaseSerializesTransactionsOnASharedInMemoryDatabase() throws Exception {
        String url = "jdbc:safe:sqlite:file:serializable-" + UUID.randomUUID() + "?mode=memory&cache=shared";
        try (Connection keeper = DriverManager.getConnection(url)) {
            execute(keeper, TABLE, "INSERT INTO counter VALUES (1, 0)");
            assertThat(autocommitReadThenWrite(url, GuardTestDb.options("safe.guard", "off")))
                    .as("autocommit without the guard loses an update").isEqualTo(1);
            execute(keeper, "UPDATE counter SET n = 0");

            try (Connection first = DriverManager.getConnection(url);
                    Connection second = DriverManager.getConnection(url)) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                int seen = read(first);
                CountDownLatch secondDone = new CountDownLatch(1);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread secondThread = new Thread(() -> {
                    try {
                        write(second, read(second) + 1);
                        second.commit();
                    } catch (Throwable e) {
                        failure.set(e);
                    } finally {
                        secondDone.countDown();
                    }
                }, "second-transaction");
                secondThread.start();
                assertThat(Await.heldBackOrDone(secondThread, secondDone, Interleaving.LEASE))
                        .as("held back at its read").isTrue();
                write(first, seen + 1);
                first.commit();
                Await.latch(secondDone);
                assertThat(failure.get()).isNull();
            }
            assertThat(read(keeper)).as("no lost update").isEqualTo(2);
        }
    }

    private String fileDatabase(String journal) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve(journal.toLowerCase() + "-" + UUID.randomUUID() + ".db");
        try (Connection c = DriverManager.getConnection(url)) {
            execute(c, "PRAGMA journal_mode=" + journal, TABLE, "INSERT INTO counter VALUES (1, 0)");
        }
        return url;
    }

    /** Both read in autocommit, then both write what they read plus one: returns the final value. */
    private static int autocommitReadThenWrite(String url, Properties options) throws SQLException {
        try (Connection first = DriverManager.getConnection(url, options);
                Connection second = DriverManager.getConnection(url, options)) {
            int a = read(first);
            int b = read(second);
            write(first, a + 1);
            write(second, b + 1);
            return read(first);
        }
    }

    /** Both read in a transaction; the first writes; the second writes while the first is open, then the first commits. */
    private static Outcome writeWhileFirstIsOpen(String url, Properties options) throws SQLException {
        reset(url);
        try (Connection first = DriverManager.getConnection(url, options);
                Connection second = DriverManager.getConnection(url, options)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            int a = read(first);
            int b = read(second);
            write(first, a + 1);
            String failure = tryWrite(second, b + 1);
            boolean committed = tryCommit(first);
            return new Outcome(committed, failure, read(first));
        }
    }

    /** Both read in a transaction; the first writes and commits; then the second writes. */
    private static Outcome writeAfterFirstCommitted(String url) throws SQLException {
        reset(url);
        try (Connection first = DriverManager.getConnection(url);
                Connection second = DriverManager.getConnection(url)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            int a = read(first);
            int b = read(second);
            write(first, a + 1);
            boolean committed = tryCommit(first);
            String failure = tryWrite(second, b + 1);
            return new Outcome(committed, failure, read(first));
        }
    }

    private static void reset(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            execute(c, "UPDATE counter SET n = 0");
        }
    }

    /** The write, or its failure's message (the loser then rolls back). */
    private static String tryWrite(Connection c, int value) throws SQLException {
        try {
            write(c, value);
            c.commit();
            return null;
        } catch (SQLException e) {
            c.rollback();
            return e.getMessage();
        }
    }

    private static boolean tryCommit(Connection c) throws SQLException {
        try {
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            return false;
        }
    }

    private static int read(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT n FROM counter WHERE id = ?")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void write(Connection c, int value) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE counter SET n = ? WHERE id = ?")) {
            ps.setInt(1, value);
            ps.setInt(2, 1);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void execute(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }
}

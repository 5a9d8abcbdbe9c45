package dev.safejdbc.examples;

import dev.safejdbc.SafeJdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Incident 004: two sessions on one in-memory SQLite database. A writer inserts and keeps its
 * transaction open; a second session runs a query and then rolls back (or is closed without a
 * commit, and the pool's reset-on-return rolls it back). When both sessions share one physical
 * connection, that rollback erases the writer's row, and the writer's commit succeeds anyway.
 *
 * <p>Raw: a {@link StaticPool} over one {@code jdbc:sqlite::memory:} connection. Safe: a
 * connection per session to {@code jdbc:safe:sqlite:file:NAME?mode=memory} (one database per
 * NAME, leased to one transaction at a time), or the very same static pool with only its URL
 * changed to {@code jdbc:safe:sqlite::memory:}.
 */
public final class SessionSharingExample {
    /** How the second session ends. */
    public enum Ending {
        ROLLBACK, CLOSE_WITHOUT_COMMIT
    }

    /** Where a session's connection comes from: a pool's getConnection(). */
    @FunctionalInterface
    interface Sessions {
        Connection open() throws SQLException;
    }

    /** Where a safe-jdbc session waits for the shared database's connection. */
    private static final String LEASE_WAIT = "dev.safejdbc.session.ConnectionLease";

    private final int rounds;
    private int heldBack;

    public SessionSharingExample(int rounds) {
        this.rounds = rounds;
    }

    /** Rounds in which the second session was seen waiting for the writer (in the last run). */
    public int heldBack() {
        return heldBack;
    }

    /** One shared raw connection for every session: the writer's row is lost each round. */
    public Tally raw(Ending ending) throws Exception {
        Tally.Clock clock = Tally.start();
        try (Connection only = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            StaticPool pool = new StaticPool(only);
            return clock.stop(lostWrites(pool::getConnection, ending), 0);
        }
    }

    /** A connection per session, all to one named shared in-memory database: every row is kept. */
    public Tally safe(Ending ending) throws Exception {
        String url = "jdbc:safe:sqlite:file:" + Names.unique("sessions") + "?mode=memory";
        Tally.Clock clock = Tally.start();
        try {
            return clock.stop(lostWrites(() -> DriverManager.getConnection(url), ending), 0);
        } finally {
            SafeJdbc.drop(url);
        }
    }

    /** The raw code unchanged, the static pool and all; only the URL says {@code jdbc:safe:}. */
    public Tally safeStaticPool(Ending ending) throws Exception {
        String url = "jdbc:safe:sqlite::memory:";
        Tally.Clock clock = Tally.start();
        try (Connection only = DriverManager.getConnection(url)) {
            StaticPool pool = new StaticPool(only);
            return clock.stop(lostWrites(pool::getConnection, ending), 0);
        } finally {
            SafeJdbc.drop(url);
        }
    }

    private int lostWrites(Sessions sessions, Ending ending) throws Exception {
        try (Connection setup = sessions.open(); Statement statement = setup.createStatement()) {
            // under the agent every jdbc:sqlite::memory: in the JVM is one database, an earlier run's too
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY)");
            statement.executeUpdate("DELETE FROM jobs");
        }
        heldBack = 0;
        for (int id = 1; id <= rounds; id++) {
            if (oneRound(sessions, id, ending)) {
                heldBack++;
            }
        }
        try (Connection check = sessions.open();
                Statement statement = check.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM jobs")) {
            rows.next();
            return rounds - rows.getInt(1);
        }
    }

    /**
     * The writer inserts row {@code id} and waits; only then does the second session start; the
     * writer commits once the second session is done, or is seen waiting for the writer.
     *
     * @return whether the second session had to wait for the writer
     */
    private static boolean oneRound(Sessions sessions, int id, Ending ending) throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commitNow = new CountDownLatch(1);

        Worker writer = Worker.start("writer-" + id, () -> {
            try (Connection connection = sessions.open()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jobs(id) VALUES (?)")) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                }
                inserted.countDown();
                Bounded.await(commitNow, "the second session's step");
                connection.commit();
            }
        });
        boolean waited;
        try {
            Bounded.await(inserted, writer, "the writer's insert");
            if (inserted.getCount() > 0) {
                writer.finish(); // it ended without inserting: rethrows why
            }
            Worker second = Worker.start("second-session-" + id, () -> {
                try (Connection connection = sessions.open()) {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT count(*) FROM jobs")) {
                        rows.next();
                    }
                    if (ending == Ending.ROLLBACK) {
                        connection.rollback();
                    }
                } // CLOSE_WITHOUT_COMMIT: the pool's reset-on-return rolls back
            });
            waited = Bounded.heldBackOrDone(second.thread, second.done, LEASE_WAIT);
            commitNow.countDown();
            second.finish();
        } finally {
            commitNow.countDown();
        }
        writer.finish();
        return waited;
    }
}

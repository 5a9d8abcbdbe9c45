package legacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Incident 004: one static in-memory SQLite connection that every thread uses. Each round a
 * writer inserts a row and keeps its transaction open; meanwhile another session reads on the
 * same connection object and then rolls back (what a pool's reset-on-return does); then the
 * writer commits. Prints whether the writer's row survived.
 */
final class StaticConnection {
    private static final int ROUNDS = 3;
    private static Connection shared;

    private StaticConnection() {
    }

    static void run() throws Exception {
        shared = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = shared.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS relation (id INTEGER PRIMARY KEY, note TEXT)");
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int lost = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch inserted = new CountDownLatch(1);
                CountDownLatch rolledBack = new CountDownLatch(1);
                int id = round;
                Future<?> writer = threads.submit(() -> write(id, inserted, rolledBack));
                Future<?> other = threads.submit(() -> rollBack(inserted, rolledBack));
                writer.get(30, TimeUnit.SECONDS);
                other.get(30, TimeUnit.SECONDS);
                boolean kept = exists(id);
                Results.print("static.round." + round, kept ? "kept" : "lost");
                lost += kept ? 0 : 1;
            }
        } finally {
            threads.shutdownNow();
        }
        Results.print("static.lostWrites", lost);
    }

    private static Void write(int id, CountDownLatch inserted, CountDownLatch rolledBack) throws Exception {
        shared.setAutoCommit(false);
        try (PreparedStatement insert = shared.prepareStatement("INSERT INTO relation (id, note) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, "written in round " + id);
            insert.executeUpdate();
        }
        inserted.countDown();
        // bounded: should the other session have to wait for this transaction, it goes on after it
        rolledBack.await(1, TimeUnit.SECONDS);
        shared.commit();
        return null;
    }

    private static Void rollBack(CountDownLatch inserted, CountDownLatch rolledBack) throws Exception {
        inserted.await(10, TimeUnit.SECONDS);
        try (Statement statement = shared.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM relation")) {
            rs.next();
        }
        shared.rollback(); // this session's reset: it means to discard only its own work
        rolledBack.countDown();
        return null;
    }

    private static boolean exists(int id) throws SQLException {
        shared.setAutoCommit(true);
        try (PreparedStatement select = shared.prepareStatement("SELECT count(*) FROM relation WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}

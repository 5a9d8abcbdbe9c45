package dev.safejdbc.examples;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Incident 001: a lock service that reads the lock row, decides in Java that it expired, then
 * takes it over, on a HikariCP pool (in a transaction on PostgreSQL, in autocommit on SQLite). Racers that all read "expired" all take it: several holders
 * of one lock. Through {@code jdbc:safe:} the takeover is conditional on the row read, so exactly
 * one racer wins and the others get SQLState 40001. The racers meet at a barrier after deciding,
 * so every round is a real race.
 */
public final class LockServiceExample {
    static final int RACERS = 4;
    static final String CONFLICT = "40001";

    /** The service as it was written: check, then act. */
    static final class LockService {
        private final DataSource dataSource;
        private final boolean transactional;

        LockService(DataSource dataSource, boolean transactional) {
            this.dataSource = dataSource;
            this.transactional = transactional;
        }

        /** Whether {@code owner} now holds {@code resource}; {@code decided} runs before the takeover. */
        boolean acquire(String resource, String owner, long now, Runnable decided) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(!transactional);
                try (PreparedStatement read = connection.prepareStatement(
                        "SELECT owner_id, expires_at FROM locks WHERE resource_id = ?")) {
                    read.setString(1, resource);
                    try (ResultSet lock = read.executeQuery()) {
                        if (lock.next() && lock.getLong("expires_at") >= now) {
                            return false; // somebody holds it
                        }
                    }
                }
                decided.run();
                try (PreparedStatement takeOver = connection.prepareStatement(
                        "UPDATE locks SET owner_id = ?, expires_at = ? WHERE resource_id = ?")) {
                    takeOver.setString(1, owner);
                    takeOver.setLong(2, now + 60_000);
                    takeOver.setString(3, resource);
                    takeOver.executeUpdate();
                }
                if (transactional) {
                    connection.commit();
                }
                return true;
            } // not committed: the pool rolls back on return
        }
    }

    private final int rounds;
    private final DemoDatabase database;

    LockServiceExample(int rounds, DemoDatabase database) {
        this.rounds = rounds;
        this.database = database;
    }

    Tally raw() throws Exception {
        return race(database.rawUrl("locks"));
    }

    Tally safe() throws Exception {
        return race(database.safeUrl("locks"));
    }

    /** Anomalies: holders beyond the first, per round. Errors: racers that got 40001. */
    private Tally race(String url) throws Exception {
        Tally.Clock clock = Tally.start();
        int extraHolders = 0;
        int conflicts = 0;
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try (HikariDataSource pool = DemoDatabase.pool(url, RACERS + 1)) {
            database.execute(pool, "DROP TABLE IF EXISTS locks",
                    "CREATE TABLE locks (resource_id VARCHAR(40) PRIMARY KEY, owner_id VARCHAR(40), expires_at BIGINT)");
            LockService locks = new LockService(pool, database.transactional());
            for (int round = 0; round < rounds; round++) {
                String resource = "job-" + round;
                database.execute(pool, "INSERT INTO locks VALUES ('" + resource + "', 'nobody', 0)");
                CyclicBarrier allDecided = new CyclicBarrier(RACERS);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int r = 0; r < RACERS; r++) {
                    String owner = "worker-" + r;
                    attempts.add(racers.submit(() -> locks.acquire(resource, owner, 1_000, () -> meet(allDecided))));
                }
                int holders = 0;
                for (Future<Boolean> attempt : attempts) {
                    try {
                        holders += attempt.get(Bounded.SECONDS, TimeUnit.SECONDS) ? 1 : 0;
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof SQLException sql) || !CONFLICT.equals(sql.getSQLState())) {
                            throw e;
                        }
                        conflicts++;
                    }
                }
                extraHolders += Math.max(0, holders - 1);
            }
        } finally {
            racers.shutdownNow();
        }
        return clock.stop(extraHolders, conflicts);
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(Bounded.SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the racers never all decided", e);
        }
    }

}

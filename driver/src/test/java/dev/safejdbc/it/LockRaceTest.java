package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incident 001 on PostgreSQL (READ COMMITTED): eight racers behind a barrier that opens only once
 * all of them have read the lock row and decided. Raw, several of them "acquire" the same lock;
 * through jdbc:safe: exactly one does per round and the others get SQLState 40001.
 */
class LockRaceTest {
    private static final int RACERS = 8;
    private static final int ROUNDS = 20;

    private String url;
    private String table;
    private ExecutorService pool;

    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:" + TestDatabases.postgres();
        table = TestDatabases.unique("locks");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(String.format(NaiveLockService.DDL, table));
        }
        pool = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void tearDown() throws SQLException {
        pool.shutdownNow();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void rawExpiredLockHasSeveralHolders() throws Exception {
        assertThat(race(url, true, true).maxHolders).isGreaterThan(1);
    }

    @Test
    void rawAbsentLockHasSeveralHoldersOrDuplicateKeyErrors() throws Exception {
        Result result = race(url, false, true);
        assertThat(result.maxHolders + result.otherErrors).isGreaterThan(1);
    }

    @Test
    void safeExpiredLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race("jdbc:safe:" + url.substring(5), true, true);
        assertThat(result.holdersPerRound).containsOnly(1);
        assertThat(result.conflicts).isEqualTo((long) ROUNDS * (RACERS - 1));
        assertThat(result.otherErrors).isZero();
    }

    @Test
    void safeAbsentLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race("jdbc:safe:" + url.substring(5), false, true);
        assertThat(result.holdersPerRound).containsOnly(1);
        assertThat(result.conflicts).isEqualTo((long) ROUNDS * (RACERS - 1));
        assertThat(result.otherErrors).isZero();
    }

    @Test
    void safeAutocommitExpiredLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race("jdbc:safe:" + url.substring(5), true, false);
        assertThat(result.holdersPerRound).containsOnly(1);
        assertThat(result.otherErrors).isZero();
    }

    @Test
    void safeAutocommitAbsentLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race("jdbc:safe:" + url.substring(5), false, false);
        assertThat(result.holdersPerRound).containsOnly(1);
        assertThat(result.otherErrors).isZero();
    }

    @Test
    void rawAutocommitExpiredLockHasSeveralHolders() throws Exception {
        assertThat(race(url, true, false).maxHolders).isGreaterThan(1);
    }

    @Test
    void sqliteInMemoryAutocommitRawHasSeveralHoldersSafeExactlyOne() throws Exception {
        String name = TestDatabases.unique("locks_db");
        String raw = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
        try (Connection keepAlive = DriverManager.getConnection(raw); Statement s = keepAlive.createStatement()) {
            s.execute(String.format(NaiveLockService.DDL, table));
            assertThat(race(raw, raw, true, false).maxHolders).as("raw holders").isGreaterThan(1);
        }
        String safe = "jdbc:safe:sqlite:file:" + TestDatabases.unique("locks_db") + "?mode=memory";
        try (Connection keepAlive = DriverManager.getConnection(safe); Statement s = keepAlive.createStatement()) {
            s.execute(String.format(NaiveLockService.DDL, table));
            Result result = race(safe, safe, true, false);
            assertThat(result.holdersPerRound).containsOnly(1);
            assertThat(result.conflicts).isEqualTo((long) ROUNDS * (RACERS - 1));
        }
    }

    static final class Result {
        final List<Integer> holdersPerRound = new ArrayList<>();
        int maxHolders;
        long conflicts;
        long otherErrors;
    }

    private Result race(String jdbcUrl, boolean expired, boolean transactional) throws Exception {
        return race(jdbcUrl, url, expired, transactional);
    }

    /** {@code ROUNDS} rounds of {@code RACERS} racers over {@code jdbcUrl}; rows are set up through {@code setupUrl}. */
    private Result race(String jdbcUrl, String setupUrl, boolean expired, boolean transactional) throws Exception {
        NaiveLockService locks = new NaiveLockService(table);
        Result result = new Result();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                Connection c = DriverManager.getConnection(jdbcUrl);
                c.setAutoCommit(!transactional);
                connections.add(c);
            }
            for (int round = 0; round < ROUNDS; round++) {
                String id = "r" + round;
                if (expired) {
                    try (Connection c = DriverManager.getConnection(setupUrl); Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO " + table + " VALUES ('job', '" + id + "', 'nobody', 0)");
                    }
                }
                CyclicBarrier allDecided = new CyclicBarrier(RACERS);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int i = 0; i < RACERS; i++) {
                    Connection c = connections.get(i);
                    String owner = "owner-" + i;
                    outcomes.add(pool.submit(() -> attempt(locks, c, id, owner, allDecided, transactional)));
                }
                int holders = 0;
                for (Future<Boolean> outcome : outcomes) {
                    try {
                        if (outcome.get(Await.SECONDS, TimeUnit.SECONDS)) {
                            holders++;
                        }
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                            result.conflicts++;
                        } else {
                            result.otherErrors++;
                        }
                    }
                }
                result.holdersPerRound.add(holders);
                result.maxHolders = Math.max(result.maxHolders, holders);
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
        return result;
    }

    private static boolean attempt(NaiveLockService locks, Connection c, String id, String owner,
            CyclicBarrier allDecided, boolean transactional) throws Exception {
        try {
            boolean acquired = locks.acquire(c, "job", id, owner, 1_000, 60_000, () -> {
                try {
                    allDecided.await(Await.SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the racers never all decided", e);
                }
            });
            if (transactional) {
                c.commit();
            }
            return acquired;
        } catch (SQLException e) {
            if (transactional) {
                c.rollback();
            }
            throw e;
        }
    }
}

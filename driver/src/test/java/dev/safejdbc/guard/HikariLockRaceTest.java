package dev.safejdbc.guard;

import dev.safejdbc.it.NaiveLockService;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.it.Await;
import dev.safejdbc.it.TestDatabases;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incident 001 (LockRaceTest's race) with connections from a HikariCP pool of eight on
 * PostgreSQL: each racer borrows a connection per attempt, reads the lock row, waits at a barrier
 * inside {@code decided} until all eight have read and decided, then writes and commits. Raw,
 * several racers "hold" the lock; with the pool over {@code jdbc:safe:} (or the raw pool wrapped
 * by {@link SafeDataSource}) exactly one per round does and the rest get 40001.
 */
class HikariLockRaceTest {
    private static final int RACERS = 8;
    private static final int ROUNDS = 20;

    private String rawUrl;
    private String table;
    private ExecutorService racers;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void setUp() throws SQLException {
        rawUrl = "jdbc:" + TestDatabases.postgres();
        table = TestDatabases.unique("hikari_locks");
        try (Connection c = DriverManager.getConnection(rawUrl); Statement s = c.createStatement()) {
            s.execute(String.format(NaiveLockService.DDL, table));
        }
        racers = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void tearDown() throws Exception {
        racers.shutdownNow();
        assertThat(racers.awaitTermination(Await.SECONDS, TimeUnit.SECONDS)).as("racers stopped").isTrue();
        pools.forEach(HikariDataSource::close);
        try (Connection c = DriverManager.getConnection(rawUrl); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void rawPoolExpiredLockHasSeveralHolders() throws Exception {
        Result result = race(pool(rawUrl), true);
        assertThat(result.maxHolders).as("the barrier forces the race").isGreaterThan(1);
    }

    @Test
    void poolOverSafeUrlExpiredLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race(pool("jdbc:safe:" + rawUrl.substring("jdbc:".length())), true);
        assertThat(result.holdersPerRound).hasSize(ROUNDS).containsOnly(1);
        assertThat(result.conflicts).isEqualTo((long) ROUNDS * (RACERS - 1));
        assertThat(result.otherErrors).isEmpty();
    }

    @Test
    void poolOverSafeUrlAbsentLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race(pool("jdbc:safe:" + rawUrl.substring("jdbc:".length())), false);
        assertThat(result.holdersPerRound).hasSize(ROUNDS).containsOnly(1);
        assertThat(result.conflicts).isEqualTo((long) ROUNDS * (RACERS - 1));
        assertThat(result.otherErrors).isEmpty();
    }

    @Test
    void safeDataSourceOverRawPoolExpiredLockHasExactlyOneHolderPerRound() throws Exception {
        Result result = race(SafeDataSource.wrap(pool(rawUrl)), true);
        assertThat(result.holdersPerRound).hasSize(ROUNDS).containsOnly(1);
        assertThat(result.conflicts).isEqualTo((long) ROUNDS * (RACERS - 1));
        assertThat(result.otherErrors).isEmpty();
    }

    private HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(RACERS);
        config.setAutoCommit(false);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(Await.SECONDS));
        config.setPoolName(TestDatabases.unique("hikari-lock-race"));
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    static final class Result {
        final List<Integer> holdersPerRound = new ArrayList<>();
        int maxHolders;
        long conflicts;
        final List<Throwable> otherErrors = new ArrayList<>();
    }

    private Result race(DataSource pool, boolean expired) throws Exception {
        NaiveLockService locks = new NaiveLockService(table);
        Result result = new Result();
        for (int round = 0; round < ROUNDS; round++) {
            String id = "r" + round;
            if (expired) {
                try (Connection c = DriverManager.getConnection(rawUrl); Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO " + table + " VALUES ('job', '" + id + "', 'nobody', 0)");
                }
            }
            CyclicBarrier allDecided = new CyclicBarrier(RACERS);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String owner = "owner-" + i;
                outcomes.add(racers.submit(() -> attempt(locks, pool, id, owner, allDecided)));
            }
            int holders = 0;
            for (Future<Boolean> outcome : outcomes) {
                try {
                    if (outcome.get(2 * Await.SECONDS, TimeUnit.SECONDS)) {
                        holders++;
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                        result.conflicts++;
                    } else {
                        result.otherErrors.add(e.getCause());
                    }
                }
            }
            result.holdersPerRound.add(holders);
            result.maxHolders = Math.max(result.maxHolders, holders);
        }
        return result;
    }

    /** One racer's attempt on a connection borrowed from the pool for this attempt only. */
    private static boolean attempt(NaiveLockService locks, DataSource pool, String id, String owner,
            CyclicBarrier allDecided) throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean acquired = locks.acquire(c, "job", id, owner, 1_000, 60_000, () -> {
                    try {
                        allDecided.await(Await.SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("the racers never all decided", e);
                    }
                });
                c.commit();
                return acquired;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}

package legacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Incident 001 on PostgreSQL through HikariCP: each round, eight racers find the same expired
 * lock, all of them read before anyone writes (a barrier), then each tries to take it over.
 * Prints, per round, how many believe they hold the lock.
 */
final class LockRace {
    private static final int RACERS = 8;
    private static final int ROUNDS = 10;

    private LockRace() {
    }

    static void run(String url) throws Exception {
        String table = "legacy_locks_" + ProcessHandle.current().pid();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(RACERS + 1);
        config.setAutoCommit(false);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            execute(pool, String.format(LockService.DDL, table));
            try {
                race(pool, new LockService(table), table, racers);
            } finally {
                execute(pool, "DROP TABLE " + table);
            }
        } finally {
            racers.shutdownNow();
        }
    }

    private static void race(HikariDataSource pool, LockService locks, String table, ExecutorService racers)
            throws Exception {
        int overbooked = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String id = "r" + round;
            execute(pool, "INSERT INTO " + table + " VALUES ('job', '" + id + "', 'nobody', 0)");
            CyclicBarrier allRead = new CyclicBarrier(RACERS);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String owner = "owner-" + i;
                attempts.add(racers.submit(() -> attempt(pool, locks, id, owner, allRead)));
            }
            int holders = 0;
            int conflicts = 0;
            int errors = 0;
            for (Future<Boolean> attempt : attempts) {
                try {
                    holders += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                        conflicts++;
                    } else {
                        errors++;
                        e.getCause().printStackTrace();
                    }
                }
            }
            Results.print("locks.round." + round, "holders:" + holders + ",conflicts:" + conflicts + ",errors:" + errors);
            overbooked += holders > 1 ? 1 : 0;
        }
        Results.print("locks.overbookedRounds", overbooked);
    }

    private static boolean attempt(HikariDataSource pool, LockService locks, String id, String owner,
            CyclicBarrier allRead) throws Exception {
        try (Connection connection = pool.getConnection()) {
            try {
                boolean acquired = locks.acquire(connection, id, owner, 1_000, 60_000, () -> {
                    try {
                        allRead.await(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the racers never all read", e);
                    }
                });
                connection.commit();
                return acquired;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }
}

package dev.safejdbc.clients.races;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Incident 003's read-modify-write race, forced: in every round each racer reads the counter, waits at a
 * barrier until every racer has read, then writes what it read plus one. On the raw driver all but one
 * increment of a round are lost. A racer that loses its race (the library's own exception for SQLState
 * 40001) retries as the library's users do, without the barrier. Every wait is bounded.
 */
final class CounterRace {
    /** One library's way of incrementing a counter row in a transaction of its own. */
    interface Increment {
        /** Reads row {@code id}, runs {@code betweenReadAndWrite}, writes the value read plus one; commits. */
        void increment(int id, Runnable betweenReadAndWrite) throws Exception;

        /** The library's own test for "retry this transaction": by default SQLState 40001 among the causes. */
        default boolean lostRace(Exception e) {
            return CounterRace.lostRace(e);
        }
    }

    /** What a race left behind: the increments committed, the counter's value after them. */
    record Outcome(int expected, int committed, int counted, int conflicts, List<Throwable> errors) {
        int lost() {
            return committed - counted;
        }
    }

    static final int RACERS = 8;
    /** Small by default, to keep the build short; the soak profile ({@code -Psoak}) sets {@code races.rounds=50}. */
    static final int ROUNDS = Integer.getInteger("races.rounds", 5);

    private CounterRace() {
    }

    /** Runs the race on row {@code id}; {@code counter} reads the row's value once it is over. */
    static Outcome run(Increment increment, int id, SqlSupplier<Integer> counter) throws Exception {
        return run(increment, id, counter, true);
    }

    /** The same, {@code forced} or not: unforced, the racers start together and nothing waits for a read. */
    static Outcome run(Increment increment, int id, SqlSupplier<Integer> counter, boolean forced) throws Exception {
        Rounds<Boolean> rounds = race((round, decided) -> {
            increment.increment(id, decided);
            return true;
        }, increment::lostRace, forced);
        int committed = (int) rounds.results().stream().flatMap(List::stream).filter(Boolean.TRUE::equals).count();
        return new Outcome(RACERS * ROUNDS, committed, counter.get(), rounds.conflicts(), rounds.errors());
    }

    /** One racer's transaction in a round; {@code decided} is to be run between its read and its write. */
    interface Attempt<T> {
        T run(int round, Runnable decided) throws Exception;
    }

    /** What each racer of each round got (null for one that failed), the lost races retried, the errors. */
    record Rounds<T>(List<List<T>> results, int conflicts, List<Throwable> errors) {
    }

    /**
     * {@link #ROUNDS} rounds of {@link #RACERS} racers each, forced: every racer's first read of a round waits
     * for every other's before it writes. A racer that loses its race ({@code lostRace}) retries freely.
     */
    static <T> Rounds<T> race(Attempt<T> attempt, Predicate<Exception> lostRace) throws Exception {
        return race(attempt, lostRace, true);
    }

    /**
     * The same, {@code forced} or not. Unforced is for a database that runs one transaction at a time (a
     * shared in-memory SQLite database through safe-jdbc): there a racer waiting for the others' reads would
     * hold the database they wait for.
     */
    static <T> Rounds<T> race(Attempt<T> attempt, Predicate<Exception> lostRace, boolean forced) throws Exception {
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> errors = new ArrayList<>();
        List<List<T>> results = new ArrayList<>();
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int thisRound = round;
                CyclicBarrier allRead = new CyclicBarrier(RACERS);
                List<Future<T>> running = new ArrayList<>();
                for (int racer = 0; racer < RACERS; racer++) {
                    running.add(racers.submit(() -> {
                        // only the first read of the round waits: retries, the library's own included, run freely
                        AtomicBoolean waited = new AtomicBoolean();
                        Runnable decided = () -> {
                            if (forced && waited.compareAndSet(false, true)) {
                                await(allRead);
                            }
                        };
                        for (int tries = 0; tries < 50; tries++) {
                            try {
                                return attempt.run(thisRound, decided);
                            } catch (Exception e) {
                                if (!lostRace.test(e)) {
                                    throw e;
                                }
                                conflicts.incrementAndGet();
                            }
                        }
                        throw new IllegalStateException("still losing after 50 attempts");
                    }));
                }
                List<T> got = new ArrayList<>();
                for (Future<T> racer : running) {
                    try {
                        got.add(racer.get(60, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add(e.getCause());
                        got.add(null);
                    }
                }
                results.add(got);
            }
        } finally {
            racers.shutdownNow();
            racers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Rounds<>(results, conflicts.get(), errors);
    }

    /** Whether {@code e} or a cause is SQLState 40001, however the library wrapped it. */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("a racer never read: the round cannot be forced", e);
        }
    }

    @FunctionalInterface
    interface SqlSupplier<T> {
        T get() throws Exception;
    }
}

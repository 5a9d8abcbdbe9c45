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

    /** What a race left behind. */
    record Outcome(int expected, int counted, int conflicts, List<Throwable> errors) {
        int lost() {
            return expected - counted;
        }
    }

    static final int RACERS = 8;
    static final int ROUNDS = 5;

    private CounterRace() {
    }

    /** Runs the race on row {@code id}; {@code counter} reads the row's value once it is over. */
    static Outcome run(Increment increment, int id, SqlSupplier<Integer> counter) throws Exception {
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> errors = rounds((round, decided) -> increment.increment(id, decided), increment::lostRace,
                conflicts);
        return new Outcome(RACERS * ROUNDS, counter.get(), conflicts.get(), errors);
    }

    /** One racer's transaction in a round: it decides once every racer's first read is done. */
    interface Attempt {
        void run(int round, Runnable betweenReadAndWrite) throws Exception;
    }

    /**
     * {@value #ROUNDS} rounds of {@value #RACERS} racers running {@code attempt}, each retried (without the
     * barrier) while {@code lostRace} says so, counted in {@code conflicts}; returns the racers' errors.
     */
    static List<Throwable> rounds(Attempt attempt, Predicate<Exception> lostRace, AtomicInteger conflicts)
            throws InterruptedException, TimeoutException {
        List<Throwable> errors = new ArrayList<>();
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier allRead = new CyclicBarrier(RACERS);
                List<Future<?>> running = new ArrayList<>();
                int thisRound = round;
                for (int racer = 0; racer < RACERS; racer++) {
                    running.add(racers.submit(() -> {
                        // only the first read of the round waits: retries, the library's own included, run freely
                        AtomicBoolean waited = new AtomicBoolean();
                        Runnable decided = () -> {
                            if (waited.compareAndSet(false, true)) {
                                await(allRead);
                            }
                        };
                        for (int attempts = 0; attempts < 50; attempts++) {
                            try {
                                attempt.run(thisRound, decided);
                                return null;
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
                for (Future<?> racer : running) {
                    try {
                        racer.get(60, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add(e.getCause());
                    }
                }
            }
        } finally {
            racers.shutdownNow();
            racers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return errors;
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

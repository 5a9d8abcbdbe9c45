package dev.safejdbc.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic interleaving harness at JDBC-statement granularity. Give it two or more tasks
 * (plain application code); it runs them on their own threads and lets exactly one step through at
 * a time, where a step is a JDBC boundary: connection checkout, statement execution, commit,
 * rollback or close, on connections safe-jdbc hands out ({@code jdbc:safe:} URLs,
 * {@code SafeDataSource}, or the agent). Use {@code safe.mode=report} for raw database behaviour
 * that is still scheduled, and {@code safe.guard=off} to prove a check-then-act bug before
 * proving its fix.
 *
 * <pre>{@code
 * Interleaver.of(() -> locks.acquire("job", "owner-a"), () -> locks.acquire("job", "owner-b"))
 *     .reset(this::expireTheLock)
 *     .invariant(run -> assertThat(holders()).isLessThanOrEqualTo(1))
 *     .exploreAll()
 *     .assertNoFailures();
 * }</pre>
 */
public final class Interleaver {
    /** Runs before every schedule: put the database back into its starting state. */
    @FunctionalInterface
    public interface Reset {
        void run() throws Exception;
    }

    /** Checked after every schedule; throw (an AssertionError, say) if the outcome is wrong. */
    @FunctionalInterface
    public interface Invariant {
        void check(Run run) throws Exception;
    }

    private static final int MAX_SCHEDULES = 10_000;

    private final List<Task> tasks;
    private Reset reset = () -> { };
    private Invariant invariant = run -> { };
    private Duration stepTimeout = Duration.ofMillis(300);
    private final Map<String, String> options = new LinkedHashMap<>();

    private Interleaver(List<Task> tasks) {
        this.tasks = tasks;
    }

    /** Tasks are named A, B, C ... in this order. */
    public static Interleaver of(Task... tasks) {
        if (tasks.length < 2 || tasks.length > 26) {
            throw new IllegalArgumentException("an interleaving needs 2 to 26 tasks, not " + tasks.length);
        }
        return new Interleaver(List.of(tasks));
    }

    public Interleaver reset(Reset reset) {
        this.reset = reset;
        return this;
    }

    public Interleaver invariant(Invariant invariant) {
        this.invariant = invariant;
        return this;
    }

    /** How long a step may take before it is taken to wait on a database lock (default 300 ms). */
    public Interleaver stepTimeout(Duration timeout) {
        this.stepTimeout = timeout;
        return this;
    }

    /**
     * A {@code safe.*} option set as a system property while this harness runs (reset included),
     * for example {@code option("safe.guard", "off")}: connections opened then get it.
     */
    public Interleaver option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** Runs one explicit schedule, such as {@code "A1 B1 A2 B2"}; fails with it if the invariant breaks. */
    public Run schedule(String schedule) throws Exception {
        Exploration exploration = new Exploration();
        withOptions(() -> check(Schedule.parse(schedule, tasks.size()), exploration));
        exploration.assertNoFailures();
        return exploration.runs().get(0);
    }

    /**
     * Runs every order of the tasks' steps (each task's own steps stay in order), after counting
     * each task's steps in a run of its own. Two tasks of three steps give 20 schedules.
     */
    public Exploration exploreAll() throws Exception {
        Exploration exploration = new Exploration();
        withOptions(() -> {
            List<List<Integer>> orders = new ArrayList<>();
            allOrders(stepCounts(), new ArrayList<>(), orders);
            for (List<Integer> order : orders) {
                check(Schedule.ofTaskOrder(order), exploration);
            }
        });
        return exploration;
    }

    /** Runs {@code count} schedules drawn at random from {@code seed}: the same seed, the same schedules. */
    public Exploration random(long seed, int count) throws Exception {
        Exploration exploration = new Exploration();
        withOptions(() -> {
            Random random = new Random(seed);
            List<Integer> multiset = new ArrayList<>();
            int[] counts = stepCounts();
            for (int task = 0; task < counts.length; task++) {
                multiset.addAll(Collections.nCopies(counts[task], task));
            }
            for (int i = 0; i < count; i++) {
                Collections.shuffle(multiset, random);
                check(Schedule.ofTaskOrder(multiset), exploration);
            }
        });
        return exploration;
    }

    private void check(Schedule schedule, Exploration exploration) throws Exception {
        reset.run();
        Run run = new ScheduledRun(tasks, stepTimeout).run(schedule);
        if (run.problem() != null) {
            exploration.failed(run, new IllegalStateException(run.problem()));
            return;
        }
        try {
            invariant.check(run);
            exploration.passed(run);
        } catch (Exception | AssertionError e) {
            exploration.failed(run, e);
        }
    }

    /** Each task's number of steps, from a run of that task alone. */
    private int[] stepCounts() throws Exception {
        int[] counts = new int[tasks.size()];
        for (int task = 0; task < tasks.size(); task++) {
            reset.run();
            ScheduledRun alone = new ScheduledRun(List.of(tasks.get(task)), stepTimeout);
            alone.run(null);
            counts[task] = alone.arrivals()[0];
        }
        return counts;
    }

    /** Every sequence of task indexes with {@code left[t]} entries of each task t, in a fixed order. */
    private static void allOrders(int[] left, List<Integer> prefix, List<List<Integer>> into) {
        if (into.size() >= MAX_SCHEDULES) {
            return;
        }
        if (Arrays.stream(left).allMatch(n -> n == 0)) {
            into.add(List.copyOf(prefix));
            return;
        }
        for (int task = 0; task < left.length; task++) {
            if (left[task] > 0) {
                left[task]--;
                prefix.add(task);
                allOrders(left, prefix, into);
                prefix.remove(prefix.size() - 1);
                left[task]++;
            }
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    private void withOptions(Body body) throws Exception {
        Map<String, String> previous = new LinkedHashMap<>();
        options.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            body.run();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}

package dev.safejdbc.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        /**
         * Puts the database back into its starting state.
         *
         * @throws Exception if it cannot; the harness stops with it
         */
        void run() throws Exception;
    }

    /** Checked after every schedule; throw (an AssertionError, say) if the outcome is wrong. */
    @FunctionalInterface
    public interface Invariant {
        /**
         * Judges one schedule's outcome.
         *
         * @param run how the schedule ran: each task's result or error, and the steps in order
         * @throws Exception if the outcome is wrong; the schedule counts as failing
         */
        void check(Run run) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Interleaver.class);
    private static final int MAX_SCHEDULES = 10_000;

    private final List<Task> tasks;
    private Reset reset = () -> { };
    private Invariant invariant = run -> { };
    private Duration stepTimeout = Duration.ofMillis(300);
    private final Map<String, String> options = new LinkedHashMap<>();
    private boolean everyOrder;
    /** Open while a run of schedules is under way. */
    private LockWatch locks;

    private Interleaver(List<Task> tasks) {
        this.tasks = tasks;
    }

    /**
     * A harness for {@code tasks}, named A, B, C ... in this order.
     *
     * @param tasks two to 26 tasks
     * @return the harness, to configure and then run
     * @throws IllegalArgumentException with fewer than 2 or more than 26 tasks
     */
    public static Interleaver of(Task... tasks) {
        if (tasks.length < 2 || tasks.length > 26) {
            throw new IllegalArgumentException("an interleaving needs 2 to 26 tasks, not " + tasks.length);
        }
        return new Interleaver(List.of(tasks));
    }

    /**
     * Sets what runs before every schedule (by default nothing): each schedule must start from the same state.
     *
     * @param reset puts the database back into its starting state
     * @return this harness
     */
    public Interleaver reset(Reset reset) {
        this.reset = reset;
        return this;
    }

    /**
     * Sets what is checked after every schedule (by default nothing, so only a schedule that cannot run
     * fails).
     *
     * @param invariant throws if a schedule's outcome is wrong
     * @return this harness
     */
    public Interleaver invariant(Invariant invariant) {
        this.invariant = invariant;
        return this;
    }

    /**
     * How long a step may take before it is taken to wait on a lock (default 300 ms), counted from when its thread
     * leaves its boundary. Sooner when PostgreSQL, MariaDB or MySQL says its statement waits on a lock, or when its
     * thread waits inside the JVM (for a lease or a pooled connection) for 5 ms. On PostgreSQL, whose view sees every
     * lock wait, a statement, commit or rollback still running is busy, not blocked, and so is a task's own code before
     * its first JDBC call: there the step timeout counts only while the thread is stopped (asleep, in
     * {@code Object.wait}, blocked on a monitor), and a step still running after ten step timeouts, at least 5 s, is
     * taken to be blocked.
     *
     * @param timeout the longest a step may run before it is taken to be waiting on a lock
     * @return this harness
     */
    public Interleaver stepTimeout(Duration timeout) {
        this.stepTimeout = timeout;
        return this;
    }

    /**
     * Makes {@link #exploreAll} run every order, also of steps that commute as far as their SQL tells: for
     * tasks that share Java state between their JDBC steps, or tables tied by triggers or cascades.
     *
     * @return this harness
     */
    public Interleaver everyOrder() {
        this.everyOrder = true;
        return this;
    }

    /**
     * A {@code safe.*} option set as a system property while this harness runs (reset included),
     * for example {@code option("safe.guard", "off")}: connections opened then get it.
     *
     * @param key   the option's name, such as {@code safe.guard}
     * @param value its value while the harness runs; the previous value is restored afterwards
     * @return this harness
     */
    public Interleaver option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /**
     * Runs one explicit schedule, such as {@code "A1 B1 A2 B2"}; fails with it if the invariant breaks.
     *
     * @param schedule the steps in order: a task's letter and the number of its step
     * @return how the schedule ran
     * @throws AssertionError if the invariant broke or the schedule could not run as asked
     * @throws Exception      if the reset fails, or the harness cannot run the tasks
     */
    public Run schedule(String schedule) throws Exception {
        Exploration exploration = new Exploration();
        withOptions(() -> check(Schedule.parse(schedule, tasks.size()), exploration, null));
        exploration.assertNoFailures();
        return exploration.runs().get(0);
    }

    /**
     * Runs every order of the tasks' steps that can differ (each task's own steps stay in order), after running
     * each task alone to learn its steps. Two orders that differ only by swapping adjacent steps of different
     * tasks that commute give the same results, so only one of them runs: steps commute when neither writes a
     * table the other reads or writes (see the README for the exact rule; checkouts, commits and a
     * transaction's first statement count as touching more). Two tasks that each read, write and commit one
     * row run 14 of their 20 orders (their first reads commute); on two unrelated tables, 5. When a run's steps touch more than the tasks' solo runs did
     * (their SQL depends on the interleaving), every order runs. At most 10,000 schedules run: {@link
     * Exploration#truncated()} says when more existed, and a warning is logged.
     *
     * @return what ran and what failed; call {@link Exploration#assertNoFailures()} to fail the test
     * @throws Exception if the reset fails, or the harness cannot run the tasks
     */
    public Exploration exploreAll() throws Exception {
        Exploration exploration = new Exploration();
        withOptions(() -> {
            List<List<Footprint>> steps = soloSteps();
            ScheduleSpace space = new ScheduleSpace(steps);
            Set<String> ran = new HashSet<>();
            boolean exact = true;
            List<Schedule> distinct = space.schedules(!everyOrder, MAX_SCHEDULES + 1);
            for (Schedule schedule : limited(distinct)) {
                exact &= check(schedule, exploration, steps);
                ran.add(schedule.toString());
            }
            List<Schedule> explored = distinct;
            if (!exact && !everyOrder) { // the footprints did not hold: equivalent orders may differ after all
                explored = space.schedules(false, MAX_SCHEDULES + 1);
                for (Schedule schedule : limited(explored)) {
                    if (!ran.contains(schedule.toString())) {
                        check(schedule, exploration, null);
                    }
                }
            }
            exploration.covered(space.orders(), explored.size() > MAX_SCHEDULES);
        });
        if (exploration.truncated()) {
            LOG.warn("exploreAll stopped at {} schedules; {} orders of the tasks' steps exist, and some that can "
                    + "differ did not run", MAX_SCHEDULES, exploration.orders());
        }
        return exploration;
    }

    /**
     * Runs {@code count} schedules drawn at random from {@code seed}: the same seed, the same schedules.
     *
     * @param seed  seeds the draw, so a failing run can be repeated
     * @param count how many schedules to run (a schedule may be drawn more than once)
     * @return what ran and what failed; call {@link Exploration#assertNoFailures()} to fail the test
     * @throws Exception if the reset fails, or the harness cannot run the tasks
     */
    public Exploration random(long seed, int count) throws Exception {
        Exploration exploration = new Exploration();
        withOptions(() -> {
            Random random = new Random(seed);
            List<Integer> multiset = new ArrayList<>();
            List<List<Footprint>> steps = soloSteps();
            for (int task = 0; task < steps.size(); task++) {
                multiset.addAll(Collections.nCopies(steps.get(task).size(), task));
            }
            for (int i = 0; i < count; i++) {
                Collections.shuffle(multiset, random);
                check(Schedule.ofTaskOrder(multiset), exploration, null);
            }
        });
        return exploration;
    }

    /**
     * Runs one schedule and judges it; returns whether each task's scheduled steps stayed within
     * {@code declared} (always true without it).
     */
    private boolean check(Schedule schedule, Exploration exploration, List<List<Footprint>> declared)
            throws Exception {
        reset.run();
        ScheduledRun scheduled = new ScheduledRun(tasks, stepTimeout, locks);
        Run run = scheduled.run(schedule);
        boolean within = declared == null || within(scheduled.arrivals(), declared);
        if (run.problem() != null) {
            exploration.failed(run, new IllegalStateException(run.problem()));
            return within;
        }
        try {
            invariant.check(run);
            exploration.passed(run);
        } catch (Exception | AssertionError e) {
            exploration.failed(run, e);
        }
        return within;
    }

    private static boolean within(List<List<Arrival>> arrivals, List<List<Footprint>> declared) {
        for (int task = 0; task < declared.size(); task++) {
            List<Footprint> actual = Footprint.of(arrivals.get(task));
            List<Footprint> expected = declared.get(task);
            for (int k = 0; k < Math.min(actual.size(), expected.size()); k++) {
                if (!actual.get(k).coveredBy(expected.get(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each task's steps, from a run of that task alone. */
    private List<List<Footprint>> soloSteps() throws Exception {
        List<List<Footprint>> steps = new ArrayList<>();
        for (Task task : tasks) {
            reset.run();
            ScheduledRun alone = new ScheduledRun(List.of(task), stepTimeout, locks);
            alone.run(null);
            steps.add(Footprint.of(alone.arrivals().get(0)));
        }
        return steps;
    }

    private static List<Schedule> limited(List<Schedule> schedules) {
        return schedules.size() > MAX_SCHEDULES ? schedules.subList(0, MAX_SCHEDULES) : schedules;
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with the options set and a lock watch open, both for its whole length. */
    private void withOptions(Body body) throws Exception {
        Map<String, String> previous = new LinkedHashMap<>();
        options.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try (LockWatch watch = new LockWatch()) {
            locks = watch;
            body.run();
        } finally {
            locks = null;
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

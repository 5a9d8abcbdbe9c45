package dev.safejdbc.junit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** What a search over schedules found: how many ran, and which broke the invariant (or blocked). */
public final class Exploration {
    /**
     * A schedule that failed, with how it ran and why.
     *
     * @param run   how the schedule ran
     * @param error what the invariant threw, or why the schedule could not run as asked
     */
    public record Failure(Run run, Throwable error) {
        @Override
        public String toString() {
            return run + "\n  failed: " + error;
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private BigInteger orders;
    private boolean truncated;

    void passed(Run run) {
        runs.add(run);
    }

    void failed(Run run, Throwable error) {
        runs.add(run);
        failures.add(new Failure(run, error));
    }

    /** From {@link Interleaver#exploreAll}: how many orders the schedules that ran stand for, and whether it stopped early. */
    void covered(BigInteger allOrders, boolean stoppedEarly) {
        orders = allOrders;
        truncated = stoppedEarly;
    }

    /**
     * How many orders of the tasks' steps exist (each task's own steps in order), of which {@link #explored()}
     * ran and the others are equivalent to one that ran; null when the schedules were given or drawn at random.
     *
     * @return the number of orders, or null
     */
    public BigInteger orders() {
        return orders;
    }

    /**
     * Whether {@link Interleaver#exploreAll} stopped at its limit while orders that can differ remained.
     *
     * @return true when some orders that can differ did not run
     */
    public boolean truncated() {
        return truncated;
    }

    /**
     * How many schedules ran.
     *
     * @return the number of schedules run, failing ones included
     */
    public int explored() {
        return runs.size();
    }

    /**
     * Every schedule that ran, in the order it ran.
     *
     * @return the runs, passing and failing
     */
    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /**
     * The schedules that failed, in the order they ran.
     *
     * @return the failures; empty when every schedule passed
     */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /**
     * The failing schedules, each replayable with {@link Interleaver#schedule}.
     *
     * @return the failing schedules as text, such as {@code "A1 B1 A2 B2"}
     */
    public List<String> failingSchedules() {
        return failures.stream().map(f -> f.run().schedule()).toList();
    }

    /** Fails with every failing schedule, its steps and its error. */
    public void assertNoFailures() {
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " of " + runs.size()
                    + " schedules failed; replay one with Interleaver.schedule(\"...\"):");
            failures.forEach(f -> message.append("\n").append(f));
            AssertionError error = new AssertionError(message.toString());
            error.initCause(failures.get(0).error());
            throw error;
        }
    }

    @Override
    public String toString() {
        String of = orders == null ? "" : " (of " + orders + " orders" + (truncated
                ? "; stopped at the limit: orders that can differ did not run)" : "; the rest are equivalent)");
        return explored() + " schedules" + of + ", " + failures.size() + " failing " + failingSchedules();
    }
}

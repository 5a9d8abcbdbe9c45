package dev.safejdbc.junit;

import java.util.ArrayList;
import java.util.List;

/** What a search over schedules found: how many ran, and which broke the invariant (or blocked). */
public final class Exploration {
    /** A schedule that failed, with how it ran and why. */
    public record Failure(Run run, Throwable error) {
        @Override
        public String toString() {
            return run + "\n  failed: " + error;
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    void passed(Run run) {
        runs.add(run);
    }

    void failed(Run run, Throwable error) {
        runs.add(run);
        failures.add(new Failure(run, error));
    }

    /** How many schedules ran. */
    public int explored() {
        return runs.size();
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The failing schedules, each replayable with {@link Interleaver#schedule}. */
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
        return explored() + " schedules, " + failures.size() + " failing " + failingSchedules();
    }
}

package dev.safejdbc.junit;

import java.util.List;

/**
 * How one schedule ran: each task's result or error, and the steps in the order they were let
 * through ({@code "A2: UPDATE locks SET ..."}).
 */
public final class Run {
    private final String schedule;
    private final Object[] results;
    private final Throwable[] errors;
    private final List<String> steps;
    private final String problem;

    Run(String schedule, Object[] results, Throwable[] errors, List<String> steps, String problem) {
        this.schedule = schedule;
        this.results = results.clone();
        this.errors = errors.clone();
        this.steps = List.copyOf(steps);
        this.problem = problem;
    }

    /** The schedule as asked for; passing it to {@link Interleaver#schedule} replays this run. */
    public String schedule() {
        return schedule;
    }

    /** What task {@code name} ('A', 'B', ...) returned; null if it threw. */
    public Object result(char name) {
        return results[name - 'A'];
    }

    /** What task {@code name} threw, or null. */
    public Throwable error(char name) {
        return errors[name - 'A'];
    }

    public int tasks() {
        return results.length;
    }

    /** The steps in the order they ran, labelled from their SQL. */
    public List<String> steps() {
        return steps;
    }

    /** Why the schedule could not run as asked (a step blocked for good), or null. */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "schedule \"" + schedule + "\"" + (problem == null ? "" : " (" + problem + ")") + "\n  steps: "
                + String.join(" | ", steps);
    }
}

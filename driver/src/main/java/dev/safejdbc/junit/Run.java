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

    /**
     * The schedule as asked for; passing it to {@link Interleaver#schedule} replays this run.
     *
     * @return the schedule, such as {@code "A1 B1 A2 B2"}
     */
    public String schedule() {
        return schedule;
    }

    /**
     * What task {@code name} ('A', 'B', ...) returned; null if it threw.
     *
     * @param name the task's letter
     * @return the task's result, or null
     */
    public Object result(char name) {
        return results[name - 'A'];
    }

    /**
     * What task {@code name} threw, or null.
     *
     * @param name the task's letter ('A', 'B', ...)
     * @return the task's error, or null when it returned
     */
    public Throwable error(char name) {
        return errors[name - 'A'];
    }

    /**
     * How many tasks ran.
     *
     * @return the number of tasks, named 'A' onwards
     */
    public int tasks() {
        return results.length;
    }

    /**
     * The steps in the order they ran, labelled from their SQL.
     *
     * @return the steps, such as {@code "A2: UPDATE locks SET ..."}
     */
    public List<String> steps() {
        return steps;
    }

    /**
     * Why the schedule could not run as asked (a step blocked for good), or null.
     *
     * @return the reason, or null when the schedule ran as asked
     */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "schedule \"" + schedule + "\"" + (problem == null ? "" : " (" + problem + ")") + "\n  steps: "
                + String.join(" | ", steps);
    }
}

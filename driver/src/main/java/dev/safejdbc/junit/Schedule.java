package dev.safejdbc.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An order of steps, such as {@code "A1 B1 A2 B2"}: each task's steps in their own order. */
final class Schedule {
    private final List<Step> steps;

    Schedule(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** Parses {@code "A1 B1 A2"}; each task's numbers must count up from 1. */
    static Schedule parse(String text, int tasks) {
        List<Step> steps = new ArrayList<>();
        int[] next = new int[tasks];
        for (String token : text.trim().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String upper = token.toUpperCase(Locale.ROOT);
            int task = upper.charAt(0) - 'A';
            int number;
            try {
                number = Integer.parseInt(upper.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad step '" + token + "' in \"" + text + "\": expected a task letter"
                        + " and a step number, such as A1");
            }
            if (task < 0 || task >= tasks) {
                throw new IllegalArgumentException("step '" + token + "' names no task: there are " + tasks + " (A.."
                        + Step.taskName(tasks - 1) + ")");
            }
            if (number != next[task] + 1) {
                throw new IllegalArgumentException("step '" + token + "' is out of order: " + Step.taskName(task)
                        + (next[task] + 1) + " comes next");
            }
            next[task] = number;
            steps.add(new Step(task, number));
        }
        return new Schedule(steps);
    }

    /** Builds the schedule that gives each task, in turn, its next step. */
    static Schedule ofTaskOrder(List<Integer> taskOrder) {
        List<Step> steps = new ArrayList<>();
        int[] next = new int[taskOrder.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        for (int task : taskOrder) {
            steps.add(new Step(task, ++next[task]));
        }
        return new Schedule(steps);
    }

    @Override
    public String toString() {
        return steps.stream().map(Step::toString).collect(Collectors.joining(" "));
    }
}

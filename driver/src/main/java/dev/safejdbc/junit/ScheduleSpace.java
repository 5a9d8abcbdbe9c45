package dev.safejdbc.junit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The orders of several tasks' steps (each task's own steps in order), and one order for each class of orders
 * that differ only by swapping adjacent steps that commute ({@link Footprint#conflicts}). The representative is
 * the class's lexicographically least order (task A before B before C ...): an order is that least one exactly
 * when no step could move left past a run of steps it commutes with onto a step of a later task. The search
 * cuts a prefix as soon as it breaks that rule, so it never walks the orders it skips.
 */
final class ScheduleSpace {
    private final List<List<Footprint>> footprints;

    /** @param footprints each task's steps, in order */
    ScheduleSpace(List<List<Footprint>> footprints) {
        this.footprints = footprints;
    }

    /** How many orders there are in all: the multinomial coefficient of the tasks' step counts. */
    BigInteger orders() {
        BigInteger orders = BigInteger.ONE;
        int placed = 0;
        for (List<Footprint> task : footprints) {
            for (int k = 1; k <= task.size(); k++) {
                placed++;
                orders = orders.multiply(BigInteger.valueOf(placed)).divide(BigInteger.valueOf(k));
            }
        }
        return orders;
    }

    /** Up to {@code limit} orders, one per class of equivalent orders when {@code reduce}, else every order. */
    List<Schedule> schedules(boolean reduce, int limit) {
        List<Schedule> into = new ArrayList<>();
        search(new int[footprints.size()], new ArrayList<>(), reduce, limit, into);
        return into;
    }

    private void search(int[] done, List<Step> prefix, boolean reduce, int limit, List<Schedule> into) {
        if (into.size() >= limit) {
            return;
        }
        boolean complete = true;
        for (int task = 0; task < done.length; task++) {
            if (done[task] == footprints.get(task).size()) {
                continue;
            }
            complete = false;
            Step step = new Step(task, done[task] + 1);
            if (reduce && movesLeftOntoLaterTask(step, prefix)) {
                continue;
            }
            done[task]++;
            prefix.add(step);
            search(done, prefix, reduce, limit, into);
            prefix.remove(prefix.size() - 1);
            done[task]--;
        }
        if (complete) {
            into.add(new Schedule(prefix));
        }
    }

    /** Whether {@code step} commutes with every step back to one of a later task: then a lesser order is equivalent. */
    private boolean movesLeftOntoLaterTask(Step step, List<Step> prefix) {
        Footprint moving = footprint(step);
        for (int i = prefix.size() - 1; i >= 0; i--) {
            Step earlier = prefix.get(i);
            if (earlier.task() == step.task() || moving.conflicts(footprint(earlier))) {
                return false;
            }
            if (earlier.task() > step.task()) {
                return true;
            }
        }
        return false;
    }

    Footprint footprint(Step step) {
        return footprints.get(step.task()).get(step.number() - 1);
    }
}

package dev.safejdbc.junit;

import dev.safejdbc.session.Boundaries;
import dev.safejdbc.session.Boundary;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Runs tasks on their own threads under one schedule: at every JDBC boundary a task's thread
 * waits until the schedule lets that step through, and the next step is only let through once
 * the previous one has reached its next boundary. A step that waits for another task (see
 * {@link StepJudge}) is taken to be blocked, and the next step of another task goes first.
 */
final class ScheduledRun implements Boundaries.Listener {
    private static final int LABEL_LENGTH = 60;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<TaskThread> threads = new ArrayList<>();
    private final Map<Thread, TaskThread> byThread = new IdentityHashMap<>();
    private final long stuckNanos;
    private final List<String> executed = new ArrayList<>();
    private final LockWatch locks;
    private final StepJudge judge;

    ScheduledRun(List<Task> tasks, Duration stepTimeout, LockWatch locks) {
        this.locks = locks;
        long stepNanos = stepTimeout.toNanos();
        this.stuckNanos = Math.max(TimeUnit.SECONDS.toNanos(5), stepNanos * 10);
        this.judge = new StepJudge(tasks.size(), lock, locks, stepNanos, stuckNanos);
        for (int i = 0; i < tasks.size(); i++) {
            TaskThread thread = new TaskThread(i, tasks.get(i), lock, changed);
            threads.add(thread);
            byThread.put(thread.thread, thread);
        }
    }

    /** Called on every thread at every boundary; only the harness's own task threads are held. */
    @Override
    public void reached(Boundary boundary, String label, Connection physical) {
        TaskThread task = byThread.get(Thread.currentThread());
        if (task == null) {
            return;
        }
        locks.arrived(task.index, physical);
        try {
            task.arrive(new Arrival(boundary, label), label(boundary, label));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the interleaving harness gave up on this task", e);
        }
    }

    /** Runs {@code schedule}; with {@code null}, every task runs freely (to count its steps). */
    Run run(Schedule schedule) throws Exception {
        String problem = null;
        AutoCloseable listening = Boundaries.listen(this);
        try {
            long start = System.nanoTime();
            threads.forEach(t -> {
                t.since = start;
                t.left = start;
                t.thread.start();
            });
            lock.lock();
            try {
                if (schedule != null) {
                    problem = follow(new LinkedList<>(schedule.steps()));
                }
                threads.forEach(t -> t.free = true); // the rest (or, unscheduled, everything) runs freely
                changed.signalAll();
                if (!awaitAll(t -> t.finished, stuckNanos * 2) && problem == null) {
                    problem = "blocked: tasks " + unfinished() + " did not finish";
                }
            } finally {
                lock.unlock();
            }
        } finally {
            listening.close();
            threads.forEach(t -> {
                if (t.thread.isAlive()) {
                    t.thread.interrupt();
                }
            });
        }
        Object[] results = threads.stream().map(t -> t.result).toArray();
        Throwable[] errors = threads.stream().map(t -> t.error).toArray(Throwable[]::new);
        return new Run(schedule == null ? "" : schedule.toString(), results, errors, executed, problem);
    }

    /** The boundaries each task reached, in order; read once the run is over. */
    List<List<Arrival>> arrivals() {
        lock.lock();
        try {
            return threads.stream().map(t -> List.copyOf(t.arrivals)).toList();
        } finally {
            lock.unlock();
        }
    }

    private String follow(LinkedList<Step> pending) throws InterruptedException {
        long headSince = System.nanoTime();
        Step head = null;
        while (true) {
            pending.removeIf(step -> threads.get(step.task()).finished);
            if (pending.isEmpty()) {
                return null;
            }
            if (pending.getFirst() != head) {
                head = pending.getFirst();
                headSince = System.nanoTime();
            }
            TaskThread headTask = threads.get(head.task());
            Step next = headTask.readyFor(head.number()) ? head : null;
            long now = System.nanoTime();
            if (next == null && !headTask.blocked) {
                // its task has not reached its first boundary yet: its own code before it
                headTask.blocked = judge.waits(headTask, now) != null;
            }
            if (next == null && headTask.blocked) {
                next = firstReadyOfAnotherTask(pending, head.task()); // the head's task waits for another task
            }
            if (next != null) {
                letThrough(next, pending);
                continue;
            }
            if (now - headSince > stuckNanos) {
                return "blocked: cannot run " + head + " (its task is still executing its previous step)";
            }
            changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private Step firstReadyOfAnotherTask(List<Step> pending, int blockedTask) {
        boolean[] seen = new boolean[threads.size()];
        for (Step step : pending) {
            if (seen[step.task()]) {
                continue; // only a task's next step may go
            }
            seen[step.task()] = true;
            if (step.task() != blockedTask && threads.get(step.task()).readyFor(step.number())) {
                return step;
            }
        }
        return null;
    }

    /** Lets {@code step} run, then waits until it reaches its next boundary, ends, or blocks. */
    private void letThrough(Step step, List<Step> pending) throws InterruptedException {
        TaskThread task = threads.get(step.task());
        pending.remove(step);
        executed.add(step + ": " + task.label);
        task.permitted = step.number();
        if (pending.stream().noneMatch(s -> s.task() == step.task())) {
            task.free = true; // its last scheduled step: whatever follows runs freely
        }
        task.since = System.nanoTime();
        judge.letThrough(task, task.since);
        changed.signalAll();
        while (!task.finished && !(task.parked && task.arrived > step.number())) {
            long now = System.nanoTime();
            String waits = judge.waits(task, now);
            if (waits != null) {
                task.blocked = true; // still running: taken to wait for another task until it parks again
                executed.set(executed.size() - 1, executed.get(executed.size() - 1) + " [" + waits + "]");
                return;
            }
            changed.awaitNanos(judge.nextCheck(task) - now);
        }
    }

    private boolean awaitAll(Predicate<TaskThread> condition, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (!threads.stream().allMatch(condition)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            changed.awaitNanos(left);
        }
        return true;
    }

    private List<String> unfinished() {
        List<String> names = new ArrayList<>();
        threads.stream().filter(t -> !t.finished).forEach(t -> names.add(Step.taskName(t.index)));
        return names;
    }

    private static String label(Boundary boundary, String label) {
        if (boundary != Boundary.STATEMENT || label == null) {
            return boundary == Boundary.CHECKOUT ? "getConnection" : boundary.name().toLowerCase(Locale.ROOT);
        }
        String compact = label.strip().replaceAll("\\s+", " ");
        return compact.length() <= LABEL_LENGTH ? compact : compact.substring(0, LABEL_LENGTH) + "...";
    }
}

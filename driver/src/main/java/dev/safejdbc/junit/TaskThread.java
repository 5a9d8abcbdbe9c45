package dev.safejdbc.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state of one task's thread, shared with the scheduler under one lock: how many boundaries it
 * reached, whether it waits at one now, how far it may go, and how it ended.
 */
final class TaskThread {
    final int index;
    final Thread thread;
    private final ReentrantLock lock;
    private final Condition changed;
    int arrived;
    /** Every boundary it reached, in order (guarded by the lock). */
    final List<Arrival> arrivals = new ArrayList<>();
    String label = "";
    boolean parked;
    int permitted;
    boolean free;
    boolean finished;
    /** Its step was taken to wait for another task ({@link StepJudge}), until it parks again. */
    boolean blocked;
    /** When its current step was let through, or the run started (System.nanoTime()). */
    long since;
    /** When its thread left its last boundary, or the run started: the step timeout counts from here. */
    long left;
    Object result;
    Throwable error;

    TaskThread(int index, Task task, ReentrantLock lock, Condition changed) {
        this.index = index;
        this.lock = lock;
        this.changed = changed;
        this.thread = new Thread(() -> {
            Object value = null;
            Throwable failure = null;
            try {
                value = task.run();
            } catch (Throwable e) {
                failure = e;
            }
            finish(value, failure);
        }, "interleaving-" + Step.taskName(index));
        this.thread.setDaemon(true);
    }

    /** On the task's thread, at a boundary: wait until the scheduler lets this step run. */
    void arrive(Arrival arrival, String stepLabel) throws InterruptedException {
        lock.lock();
        try {
            arrived++;
            arrivals.add(arrival);
            label = stepLabel;
            parked = true;
            blocked = false;
            changed.signalAll();
            while (!free && permitted < arrived) {
                changed.await();
            }
            left = System.nanoTime();
            parked = false;
        } finally {
            lock.unlock();
        }
    }

    private void finish(Object value, Throwable failure) {
        lock.lock();
        try {
            result = value;
            error = failure;
            finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waiting at the boundary of {@code step}, ready to be let through. */
    boolean readyFor(int step) {
        return parked && arrived == step && permitted < step;
    }
}

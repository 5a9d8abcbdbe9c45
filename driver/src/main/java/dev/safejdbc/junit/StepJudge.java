package dev.safejdbc.junit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place that decides whether a running task waits for another task, so that another task's step may go
 * beside it, or is only busy, so that the schedule waits for it: taking a busy step for a waiting one runs a
 * schedule other than the one named, and can fail it falsely. A step waits when the database says so (see
 * {@link LockWatch}), when its thread is parked inside the JVM on something another task may hold, or, where
 * neither could tell, after the step timeout. A loaded machine is slow, not blocked: a thread let through but not
 * woken yet, or queued to arrive at its next boundary, is not judged; the step timeout counts from when the thread
 * left its boundary; and where a wait would have shown (a PostgreSQL statement, commit or rollback, whose lock view
 * sees every lock wait, and a task's own code before its first boundary) a running thread is busy, and the step
 * timeout counts only while the thread is stopped (asleep, in {@code Object.wait}, blocked on a monitor). The stuck
 * limit bounds everything, so that no run hangs.
 */
final class StepJudge {
    /** Most steps come back within this: only then is the thread or the database looked at. */
    private static final long FIRST_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
    private static final long CHECK_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** A thread parked this long inside the JVM waits for something another task holds. */
    private static final long PARKED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final String TIMEOUT = "waits beyond the step timeout";

    /** The scheduler's lock: a task thread queued on it is arriving at a boundary, not waiting for a task. */
    private final ReentrantLock schedulerLock;
    private final LockWatch locks;
    private final long stepNanos;
    private final long stuckNanos;
    private final long[] nextCheck;
    private final long[] parkedSince;
    private final long[] stoppedSince;

    StepJudge(int tasks, ReentrantLock schedulerLock, LockWatch locks, long stepNanos, long stuckNanos) {
        this.schedulerLock = schedulerLock;
        this.locks = locks;
        this.stepNanos = stepNanos;
        this.stuckNanos = stuckNanos;
        this.nextCheck = new long[tasks];
        this.parkedSince = new long[tasks];
        this.stoppedSince = new long[tasks];
    }

    /** {@code task}'s step was let through at {@code now} ({@link TaskThread#since}). */
    void letThrough(TaskThread task, long now) {
        nextCheck[task.index] = now + FIRST_CHECK_NANOS;
        parkedSince[task.index] = 0;
        stoppedSince[task.index] = 0;
    }

    /** When {@link #waits} next looks at {@code task}: nothing changes its answer before then. */
    long nextCheck(TaskThread task) {
        return nextCheck[task.index];
    }

    /**
     * Whether {@code task}, which runs a step it was let through for, or its code before its first boundary, waits
     * for another task now, and on what ("waits on a database lock"); null while it may only be busy. Called with
     * the scheduler's lock held.
     */
    String waits(TaskThread task, long now) {
        int i = task.index;
        if (now < nextCheck[i]) {
            return null;
        }
        nextCheck[i] = now + CHECK_PERIOD_NANOS;
        if (now - task.since >= stuckNanos) {
            return "still runs after " + TimeUnit.NANOSECONDS.toMillis(stuckNanos) + " ms";
        }
        if (task.parked || schedulerLock.hasQueuedThread(task.thread)) {
            return null; // at its boundary, let through but not woken yet (a loaded machine), or arriving at the next
        }
        Thread.State state = task.thread.getState();
        boolean running = state == Thread.State.RUNNABLE || state == Thread.State.NEW;
        // parked on something another task may hold: a lease, a pooled connection, the application's lock or latch
        boolean parked = !running && state != Thread.State.BLOCKED && LockSupport.getBlocker(task.thread) != null;
        parkedSince[i] = since(parkedSince[i], parked, now);
        stoppedSince[i] = since(stoppedSince[i], !running, now);
        if (parked && now - parkedSince[i] >= PARKED_NANOS) {
            return "waits inside the JVM";
        }
        if (task.arrived > 0 && locks.waits(i)) {
            return "waits on a database lock";
        }
        if (task.arrived == 0 || locks.seesEveryWait(i)) {
            // its own Java code before its first boundary, or a statement whose lock waits the database shows: a wait
            // for another task would have shown, so running is busy; a sleep, Object.wait or monitor that lasts a
            // step timeout (every look in between found it so) may wait for another task
            return !running && now - stoppedSince[i] >= stepNanos ? TIMEOUT : null;
        }
        return now - task.left >= stepNanos ? TIMEOUT : null;
    }

    /** When a condition found at every look since began: {@code now} at its first look, 0 once it does not hold. */
    private static long since(long since, boolean holds, long now) {
        return !holds ? 0 : since == 0 ? now : since;
    }
}

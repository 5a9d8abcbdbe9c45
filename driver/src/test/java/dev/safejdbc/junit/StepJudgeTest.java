package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.session.Boundary;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StepJudge} asked about a real task thread at a chosen moment ({@code now} is an argument): what it
 * answers depends on where the thread is, never on how late the machine let it get there.
 */
class StepJudgeTest {
    private static final long STEP = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long STUCK = TimeUnit.SECONDS.toNanos(5);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LockWatch locks = new LockWatch();
    private final StepJudge judge = new StepJudge(1, lock, locks, STEP, STUCK);
    private final CountDownLatch done = new CountDownLatch(1);
    private TaskThread task;

    @AfterEach
    void endTask() throws InterruptedException {
        done.countDown();
        task.thread.interrupt();
        task.thread.join(TimeUnit.SECONDS.toMillis(30));
        locks.close();
    }

    @Test
    void aStepWhoseThreadHasNotLeftItsBoundaryIsNotBlockedUntilTheStuckLimit() throws Exception {
        start(() -> done.await(30, TimeUnit.SECONDS), true);
        lock.lock();
        try {
            long letThrough = System.nanoTime();
            task.permitted = 1; // let through, but not signalled: the thread stays at its boundary
            task.since = letThrough;
            judge.letThrough(task, letThrough);
            assertThat(judge.waits(task, letThrough + 100 * STEP)).isNull();
            assertThat(judge.waits(task, letThrough + STUCK)).isEqualTo("still runs after 5000 ms");
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aSleepAfterTheBoundaryIsJudgedByTheStepTimeoutFromWhenTheThreadLeft() throws Exception {
        start(() -> Thread.sleep(TimeUnit.SECONDS.toMillis(30)), true);
        long letThrough = letGo();
        awaitUntil(() -> !task.parked && task.thread.getState() == Thread.State.TIMED_WAITING);
        lock.lock();
        try {
            assertThat(task.left).isGreaterThanOrEqualTo(letThrough);
            assertThat(judge.waits(task, task.left + STEP / 2)).isNull();
            assertThat(judge.waits(task, task.left + STEP)).isEqualTo("waits beyond the step timeout");
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aThreadArrivingAtItsNextBoundaryIsNotBlockedWhileTheSchedulerHoldsItsLock() throws Exception {
        CountDownLatch stepDone = new CountDownLatch(1);
        start(() -> {
            stepDone.await(30, TimeUnit.SECONDS);
            task.arrive(new Arrival(Boundary.COMMIT, null), "commit");
        }, true);
        long letThrough = letGo();
        awaitUntil(() -> !task.parked);
        lock.lock();
        try {
            stepDone.countDown();
            awaitUntil(() -> lock.hasQueuedThread(task.thread)); // waits to arrive at its next boundary
            assertThat(judge.waits(task, letThrough + 100 * STEP)).isNull();
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aSleepBeforeTheFirstBoundaryIsJudgedByTheStepTimeoutFromWhenItWasFirstSeen() throws Exception {
        start(() -> Thread.sleep(TimeUnit.SECONDS.toMillis(30)), false);
        awaitUntil(() -> task.thread.getState() == Thread.State.TIMED_WAITING);
        lock.lock();
        try {
            long seen = task.left + 100 * STEP;
            assertThat(judge.waits(task, seen)).isNull();
            assertThat(judge.waits(task, seen + STEP)).isEqualTo("waits beyond the step timeout");
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aThreadRunningItsOwnCodeBeforeItsFirstBoundaryIsBusy() throws Exception {
        AtomicBoolean spinning = new AtomicBoolean();
        start(() -> {
            spinning.set(true);
            while (done.getCount() > 0) {
                Thread.onSpinWait();
            }
        }, false);
        awaitUntil(spinning::get);
        lock.lock();
        try {
            assertThat(judge.waits(task, task.left + 100 * STEP)).isNull();
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aThreadParkedOnALatchBeforeItsFirstBoundaryWaitsInsideTheJvm() throws Exception {
        start(() -> done.await(30, TimeUnit.SECONDS), false);
        awaitUntil(() -> task.thread.getState() == Thread.State.TIMED_WAITING);
        lock.lock();
        try {
            long now = task.left;
            assertThat(judge.waits(task, now)).isNull(); // parked, but not for long yet
            assertThat(judge.waits(task, now + TimeUnit.MILLISECONDS.toNanos(5))).isEqualTo("waits inside the JVM");
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** Starts a task that runs {@code body}, after one boundary if {@code atBoundary}, which it reaches here. */
    private void start(Body body, boolean atBoundary) throws InterruptedException {
        AtomicReference<TaskThread> self = new AtomicReference<>();
        task = new TaskThread(0, () -> {
            if (atBoundary) {
                self.get().arrive(new Arrival(Boundary.STATEMENT, "SELECT 1"), "SELECT 1");
            }
            body.run();
            return null;
        }, lock, changed);
        self.set(task);
        task.since = System.nanoTime();
        task.left = task.since;
        task.thread.start();
        if (atBoundary) {
            awaitUntil(() -> task.parked);
        }
    }

    /** Lets the task's first step through and returns when; its thread leaves the boundary in its own time. */
    private long letGo() {
        lock.lock();
        try {
            task.permitted = 1;
            task.since = System.nanoTime();
            judge.letThrough(task, task.since);
            changed.signalAll();
            return task.since;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (bounded) until {@code condition} holds under the lock. */
    private void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            lock.lock();
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            assertThat(System.nanoTime()).as("the task thread got there within 30 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}

package dev.safejdbc.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Bounded waits for the tests: a broken interleaving fails in seconds, it never hangs the build. */
public final class Await {
    public static final long SECONDS = 10;

    private Await() {
    }

    public static void latch(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("latch not reached within " + SECONDS + " s");
        }
    }

    /**
     * Until {@code thread} is held back inside a frame of a class whose name starts with
     * {@code blockerPrefix} (a lease wait, a lock wait), or {@code done} is reached; bounded.
     *
     * @return true if it was held back, false if it got done first
     */
    public static boolean heldBackOrDone(Thread thread, CountDownLatch done, String blockerPrefix) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (done.getCount() > 0) {
            if (isParked(thread) && inFrameOf(thread, blockerPrefix)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " neither finished nor blocked; state " + thread.getState());
            }
            LockSupport.parkNanos(100_000);
        }
        return false;
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static boolean inFrameOf(Thread thread, String prefix) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

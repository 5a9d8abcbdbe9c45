package dev.safejdbc.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** Bounded waits: a broken interleaving fails the demo in seconds, it never hangs it. No sleeps. */
final class Bounded {
    static final long SECONDS = 10;

    private Bounded() {
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException, TimeoutException {
        if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException(what + " did not happen within " + SECONDS + " s");
        }
    }

    /** Until {@code latch} is reached, or {@code worker} ended without reaching it (it failed); bounded. */
    static void await(CountDownLatch latch, Worker worker, String what) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!latch.await(1, TimeUnit.MILLISECONDS) && worker.done.getCount() > 0) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what + " did not happen within " + SECONDS + " s");
            }
        }
    }

    /**
     * Until {@code thread} is seen parked inside a class of {@code packagePrefix} (safe-jdbc's
     * lease wait, say) or {@code done} is reached, polled with a short park, for at most
     * {@value #SECONDS} s.
     *
     * @return true if it was held back, false if it got done first
     */
    static boolean heldBackOrDone(Thread thread, CountDownLatch done, String packagePrefix) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (done.getCount() > 0) {
            if (isParked(thread) && hasFrameIn(thread, packagePrefix)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(thread.getName() + " neither finished nor blocked within " + SECONDS
                        + " s; state " + thread.getState());
            }
            LockSupport.parkNanos(100_000);
        }
        return false;
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static boolean hasFrameIn(Thread thread, String packagePrefix) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().startsWith(packagePrefix)) {
                return true;
            }
        }
        return false;
    }
}

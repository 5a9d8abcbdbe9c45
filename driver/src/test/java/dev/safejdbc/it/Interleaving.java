package dev.safejdbc.it;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Incident 004's interleaving, forced with latches: a writer inserts and keeps its transaction
 * open; only then does a second session run its step (a statement and a rollback, or a close);
 * only once that step has run, or is seen held back waiting for the lease, does the writer commit.
 */
public final class Interleaving {

    /** The second session's step, on its own thread. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private Interleaving() {
    }

    /** Where a shared in-memory session waits for the physical connection. */
    public static final String LEASE = "dev.safejdbc.session.ConnectionLease";

    /**
     * Runs the interleaving.
     *
     * @return whether the second session's step was held back until the writer committed
     */
    public static boolean run(Connection writer, String insertSql, Step second) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch secondStarts = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread writerThread = new Thread(() -> {
            try {
                writer.setAutoCommit(false);
                writer.createStatement().executeUpdate(insertSql);
                written.countDown();
                Await.latch(release);
                writer.commit();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                written.countDown();
            }
        }, "writer");
        Thread secondThread = new Thread(() -> {
            try {
                Await.latch(written);
                secondStarts.countDown();
                second.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                secondDone.countDown();
            }
        }, "second-session");

        writerThread.start();
        secondThread.start();
        Await.latch(written);
        if (failure.get() == null) {
            Await.latch(secondStarts);
        }
        boolean heldBack = Await.heldBackOrDone(secondThread, secondDone, LEASE);
        release.countDown();
        writerThread.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
        secondThread.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
        if (writerThread.isAlive() || secondThread.isAlive()) {
            throw new AssertionError("interleaving did not finish in " + Await.SECONDS + " s");
        }
        if (failure.get() != null) {
            throw new AssertionError("a session failed", failure.get());
        }
        return heldBack;
    }
}

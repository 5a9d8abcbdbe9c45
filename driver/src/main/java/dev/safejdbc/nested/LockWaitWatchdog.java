package dev.safejdbc.nested;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a nested statement while it runs: if the database says it waits on a lock held by its
 * own thread's outer transaction, that wait could only end at a timeout, so its statement is
 * cancelled. Armed only for a statement on a second connection while the thread has a
 * transaction open on the same database; a statement that returns within {@value #FIRST_CHECK_MS}
 * ms is never checked, so the cost is a timer entry scheduled and removed.
 *
 * <p>The check runs on the outer connection: its thread is blocked in the nested statement, so
 * that connection is idle, and no extra connection (nor its credentials) is needed. The
 * statement's return waits for a check under way, so the thread never meets its own check.
 */
public final class LockWaitWatchdog {
    static final long FIRST_CHECK_MS = 250;
    static final long PERIOD_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(LockWaitWatchdog.class);
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final Set<Class<?>> UNREADABLE = ConcurrentHashMap.newKeySet();

    private LockWaitWatchdog() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "safe-jdbc-lock-wait-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a disarmed watch leaves nothing behind in the queue
        return timer;
    }

    /**
     * Watches the statement the calling thread is about to run on {@code nested}, while its
     * transaction on {@code outer} is open. Called on that thread, before the statement is sent.
     */
    public static NestedWatch arm(LockWaits waits, Connection outer, Connection nested) {
        long holder = BackendIds.of(waits, outer);
        long waiting = BackendIds.of(waits, nested);
        if (holder == BackendIds.UNKNOWN || waiting == BackendIds.UNKNOWN) {
            return NestedWatch.NONE;
        }
        Watch watch = new Watch(waits, outer, waiting, holder);
        watch.schedule();
        return watch;
    }

    private static final class Watch implements NestedWatch, Runnable {
        private final LockWaits waits;
        private final Connection outer;
        private final long waiting;
        private final long holder;
        private ScheduledFuture<?> future; // guarded by this
        private boolean disarmed; // guarded by this
        private boolean cancelled; // guarded by this

        Watch(LockWaits waits, Connection outer, long waiting, long holder) {
            this.waits = waits;
            this.outer = outer;
            this.waiting = waiting;
            this.holder = holder;
        }

        synchronized void schedule() {
            future = TIMER.scheduleWithFixedDelay(this, FIRST_CHECK_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void run() {
            if (disarmed || cancelled) {
                return;
            }
            try {
                cancelled = waits.cancelIfWaitingOn(outer, waiting, holder);
            } catch (SQLException | RuntimeException e) {
                unreadable(e);
                future.cancel(false); // a view it may not read: it will not be able to read it next time
                return;
            }
            if (cancelled) {
                future.cancel(false);
            }
        }

        /** Said once per view: without it, nested statements on that database are not watched. */
        private void unreadable(Exception e) {
            if (UNREADABLE.add(waits.getClass())) {
                LOG.info("safe-jdbc cannot read the database's lock-wait view ({}); a nested statement waiting on"
                        + " its own thread's lock is left to the database's lock timeout", e.toString());
            }
            LOG.debug("lock-wait check of backend {} on backend {} failed", waiting, holder, e);
        }

        /** Waits for a check under way: its cancel may reach the statement before the check returns. */
        @Override
        public synchronized boolean cancelled() {
            return cancelled;
        }

        @Override
        public synchronized void disarm() {
            disarmed = true;
            future.cancel(false);
        }
    }
}

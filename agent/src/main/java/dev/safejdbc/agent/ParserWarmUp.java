package dev.safejdbc.agent;

import dev.safejdbc.guard.sql.SqlAnalyzer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the SQL parser's classes (a few hundred, about 0.1 s of CPU) on a thread of its own, a
 * second after the first connection is protected, so that later statements need not wait for them.
 * Not at the agent's start, nor at once: a program that connects at once would pay for it beside
 * its own start (the parser's classes, the JIT compiling them, often a young GC: some 70 ms of CPU
 * on 2 cores), even when its statements never reach the parser ({@code SELECT 1}). A statement that
 * needs the parser sooner loads it itself, as it would without the warm-up.
 */
final class ParserWarmUp implements Runnable {
    private static final long DELAY_MS = 1000;

    private final AtomicBoolean started;

    /** @param needed whether the check-then-act guard will parse SQL (enforce or report mode, guard on) */
    ParserWarmUp(boolean needed) {
        this.started = new AtomicBoolean(!needed);
    }

    /**
     * Starts the warm-up, the first time only. Every protected connection comes here: a plain read first, so that
     * checkouts on many threads do not all write the flag's cache line with a compare-and-set that fails.
     */
    void start() {
        if (!started.get() && started.compareAndSet(false, true)) {
            Thread thread = new Thread(this, "safe-jdbc-agent-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        try {
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        new SqlAnalyzer(1).analyze("SELECT owner FROM warm_up WHERE id = ?");
    }
}

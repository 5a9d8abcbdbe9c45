package dev.safejdbc.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A session's own thread; {@link #finish} joins it (bounded) and rethrows what it threw. */
final class Worker {
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    final Thread thread;
    final CountDownLatch done = new CountDownLatch(1);
    private volatile Exception failure;

    private Worker(String name, Body body) {
        this.thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                failure = e;
            } finally {
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
    }

    static Worker start(String name, Body body) {
        Worker worker = new Worker(name, body);
        worker.thread.start();
        return worker;
    }

    void finish() throws Exception {
        if (!done.await(Bounded.SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException(thread.getName() + " did not finish within " + Bounded.SECONDS + " s");
        }
        if (failure != null) {
            throw new Exception(thread.getName() + " failed: " + failure, failure);
        }
    }
}

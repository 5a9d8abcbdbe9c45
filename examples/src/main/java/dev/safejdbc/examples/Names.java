package dev.safejdbc.examples;

import java.util.concurrent.atomic.AtomicInteger;

/** Database names no other run in this JVM uses. */
final class Names {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Names() {
    }

    static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    }
}

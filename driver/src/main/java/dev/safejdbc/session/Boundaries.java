package dev.safejdbc.session;

import java.sql.Connection;

/**
 * Where the wrappers announce each {@link Boundary} before acting. Nobody listens in production
 * (one volatile read per call); the interleaving harness listens to schedule its threads.
 */
public final class Boundaries {
    /** Told of every boundary, on the thread that reached it, before the call goes ahead. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param physical the real driver's connection a statement, commit or rollback will run on; null for the
         *     other boundaries
         */
        void reached(Boundary boundary, String label, Connection physical);
    }

    private static volatile Listener listener;

    private Boundaries() {
    }

    public static void reached(Boundary boundary, String label) {
        reached(boundary, label, null);
    }

    public static void reached(Boundary boundary, String label, Connection physical) {
        Listener current = listener;
        if (current != null) {
            current.reached(boundary, label, physical);
        }
    }

    /** Whether a harness listens: a caller may skip work that only an announcement needs. */
    public static boolean isListening() {
        return listener != null;
    }

    /** Installs {@code newListener} until the returned handle is closed; one listener at a time. */
    public static synchronized AutoCloseable listen(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException("a boundary listener is already installed (one harness at a time)");
        }
        listener = newListener;
        return () -> {
            synchronized (Boundaries.class) {
                listener = null;
            }
        };
    }
}

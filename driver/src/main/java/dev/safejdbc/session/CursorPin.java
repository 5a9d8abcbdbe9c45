package dev.safejdbc.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Holds a session's physical connection while one cursor (result set) is open, once a session has
 * taken it ({@link Session#pin}). Releasing twice is harmless: a result set may be exhausted, then
 * closed, then its statement closed. A query's result-set wrapper is its own pin (one object per
 * query, not two); other cursors get a plain one. A session's only open cursor (the common case)
 * is held {@linkplain #holdAlone alone}: the session's own compare-and-set releases it, with no
 * count kept; a cursor opened beside another is counted ({@link #hold}).
 */
public class CursorPin {
    /** For cursors that hold nothing (generated keys, report mode); never taken. */
    public static final CursorPin NONE = new CursorPin();
    /** One compare-and-set per cursor instead of a lock: every query takes and releases a pin. */
    private static final VarHandle ON_RELEASE;

    static {
        try {
            ON_RELEASE = MethodHandles.lookup().findVarHandle(CursorPin.class, "onRelease", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What releasing gives back to the session; null while nothing is held (not taken yet, or released). */
    private volatile Runnable onRelease;
    /** The session this pin holds alone, or null; never cleared (the session's compare-and-set releases it once). */
    private ThreadSession alone;

    /** A pin that holds nothing until a session takes it. */
    public CursorPin() {
    }

    /**
     * The session took the pin: releasing it runs {@code release} (once). A release store, not a volatile
     * one (no fence per query): the application hands the result set to another thread, if it does, through
     * a happens-before of its own, and the compare-and-set in {@link #release} reads it.
     */
    final void hold(Runnable release) {
        ON_RELEASE.setRelease(this, release);
    }

    /**
     * The session took the pin as its only open cursor ({@link ThreadSession#pin}). A plain store, for the
     * reason {@link #hold} gives; a pin is taken once, so it is either held alone or counted, never both.
     */
    final void holdAlone(ThreadSession session) {
        alone = session;
    }

    public final void release() {
        ThreadSession session = alone;
        if (session != null) {
            session.releaseAlone(this);
            return;
        }
        Runnable held = onRelease;
        if (held != null && ON_RELEASE.compareAndSet(this, held, null)) {
            held.run();
        }
    }
}

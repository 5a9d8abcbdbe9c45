package dev.safejdbc.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Holds a session's physical connection while one cursor (result set) is open. Releasing twice is harmless: a result set may be exhausted, then closed, then its
 * statement closed.
 */
public final class CursorPin {
    /** For cursors that hold nothing (generated keys, report mode). */
    public static final CursorPin NONE = new CursorPin(null);
    /** One compare-and-set per cursor instead of a lock: every query takes and releases a pin. */
    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(CursorPin.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable onRelease;
    private volatile boolean released;

    public CursorPin(Runnable onRelease) {
        this.onRelease = onRelease;
        this.released = onRelease == null;
    }

    public void release() {
        if (!released && RELEASED.compareAndSet(this, false, true)) {
            onRelease.run();
        }
    }
}

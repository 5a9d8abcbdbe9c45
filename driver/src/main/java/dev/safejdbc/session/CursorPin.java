package dev.safejdbc.session;

/**
 * Holds a session's physical connection while one cursor (result set) is open. Releasing twice is harmless: a result set may be exhausted, then closed, then its
 * statement closed.
 */
public final class CursorPin {
    /** For cursors that hold nothing (generated keys, report mode). */
    public static final CursorPin NONE = new CursorPin(null);

    private final Runnable onRelease;
    private boolean released;

    public CursorPin(Runnable onRelease) {
        this.onRelease = onRelease;
        this.released = onRelease == null;
    }

    public void release() {
        Runnable action;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            action = onRelease;
        }
        action.run();
    }
}

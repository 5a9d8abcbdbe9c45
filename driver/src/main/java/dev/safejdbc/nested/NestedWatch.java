package dev.safejdbc.nested;

/** A nested statement under watch; {@link #NONE} for one that is not watched. */
public interface NestedWatch {
    NestedWatch NONE = new NestedWatch() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void disarm() {
            // nothing was armed
        }
    };

    /** Whether the statement was found waiting on its own thread's lock and cancelled. */
    boolean cancelled();

    /** The statement returned: stop watching (waits for a check under way to finish). */
    void disarm();
}

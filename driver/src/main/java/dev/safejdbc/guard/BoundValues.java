package dev.safejdbc.guard;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The parameters bound to a prepared statement that the guard may act on: recorded as the
 * application binds them, then compared with what a read saw, and replayed onto the guarded
 * form of the statement.
 */
public final class BoundValues {
    /** For statements that bind nothing the guard records: plain statements, unrelated SQL. Never written. */
    public static final BoundValues NONE = new BoundValues();

    private Bound[] bound = new Bound[8];

    public void set(int index, Object value) {
        put(index, value == null ? new Bound(null, null, false) : new Bound(value, null, false));
    }

    public void setNull(int index, int sqlType) {
        put(index, new Bound(null, sqlType, false));
    }

    public void setTyped(int index, Object value, int sqlType) {
        put(index, new Bound(value, sqlType, false));
    }

    public void opaque(int index) {
        put(index, Bound.OPAQUE);
    }

    /** The parameters as bound now (a batch keeps one copy per row added). */
    public BoundValues copy() {
        BoundValues copy = new BoundValues();
        copy.bound = bound.clone();
        return copy;
    }

    public void clear() {
        Arrays.fill(bound, null);
    }

    private void put(int index, Bound value) {
        if (index < 1) {
            return; // the real driver has already refused it
        }
        if (index > bound.length) {
            bound = Arrays.copyOf(bound, Math.max(index, bound.length * 2));
        }
        bound[index - 1] = value;
    }

    /** The parameter at {@code index}, or null if it was never bound. */
    Bound get(int index) {
        return index >= 1 && index <= bound.length ? bound[index - 1] : null;
    }

    /** Whether parameters 1..count are all bound and can be bound again elsewhere. */
    boolean replayable(int count) {
        for (int i = 1; i <= count; i++) {
            Bound b = get(i);
            if (b == null || b.opaque()) {
                return false;
            }
        }
        return true;
    }

    void replayOnto(PreparedStatement statement, int count) throws SQLException {
        for (int i = 1; i <= count; i++) {
            get(i).bindTo(statement, i);
        }
    }
}

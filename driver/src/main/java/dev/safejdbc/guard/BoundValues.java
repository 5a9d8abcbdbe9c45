package dev.safejdbc.guard;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;

/**
 * The parameters bound to a prepared statement that the guard may act on: recorded as the
 * application binds them, then compared with what a read saw, and replayed onto the guarded
 * form of the statement. Kept in flat arrays: binding happens on every execution.
 */
public final class BoundValues {
    /** For statements that bind nothing the guard records: plain statements, unrelated SQL. Never written. */
    public static final BoundValues NONE = new BoundValues();

    private static final byte UNBOUND = 0;
    private static final byte BOUND = 1;
    /** Streams, readers, LOBs, calendar-relative times: neither comparable nor replayable. */
    private static final byte OPAQUE = 2;
    /** The application gave no SQL type: the value is bound with {@code setObject(index, value)}. */
    private static final int NO_TYPE = Integer.MIN_VALUE;

    private Object[] values = new Object[8];
    private int[] types = new int[8];
    private byte[] states = new byte[8];

    public void set(int index, Object value) {
        put(index, value, NO_TYPE, BOUND);
    }

    public void setNull(int index, int sqlType) {
        put(index, null, sqlType, BOUND);
    }

    public void setTyped(int index, Object value, int sqlType) {
        put(index, value, sqlType, BOUND);
    }

    public void opaque(int index) {
        put(index, null, NO_TYPE, OPAQUE);
    }

    /** The parameters as bound now (a batch keeps one copy per row added). */
    public BoundValues copy() {
        BoundValues copy = new BoundValues();
        copy.values = values.clone();
        copy.types = types.clone();
        copy.states = states.clone();
        return copy;
    }

    public void clear() {
        Arrays.fill(values, null);
        Arrays.fill(states, UNBOUND);
    }

    private void put(int index, Object value, int sqlType, byte state) {
        if (index < 1) {
            return; // the real driver has already refused it
        }
        if (index > values.length) {
            int length = Math.max(index, values.length * 2);
            values = Arrays.copyOf(values, length);
            types = Arrays.copyOf(types, length);
            states = Arrays.copyOf(states, length);
        }
        values[index - 1] = value;
        types[index - 1] = sqlType;
        states[index - 1] = state;
    }

    /** The value at {@code index}; null when it is unknown: never bound, opaque, or SQL NULL. */
    Object known(int index) {
        return index >= 1 && index <= values.length && states[index - 1] == BOUND ? values[index - 1] : null;
    }

    /** Whether parameters 1..count are all bound and can be bound again elsewhere. */
    boolean replayable(int count) {
        for (int i = 1; i <= count; i++) {
            if (i > states.length || states[i - 1] != BOUND) {
                return false;
            }
        }
        return true;
    }

    void replayOnto(PreparedStatement statement, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, types[i] == NO_TYPE ? Types.NULL : types[i]);
            } else if (types[i] != NO_TYPE) {
                statement.setObject(i + 1, values[i], types[i]);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}

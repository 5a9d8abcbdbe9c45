package dev.safejdbc.guard;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;

/**
 * The parameters bound to a prepared statement that the guard may act on: recorded as the
 * application binds them, then compared with what a read saw, and replayed onto the guarded
 * form of the statement through the very setter, with the very arguments, the application used
 * (a scale, a calendar, a type name). Kept in flat arrays: binding happens on every execution.
 */
public final class BoundValues {
    /** For statements that bind nothing the guard records: plain statements, unrelated SQL. Never written. */
    public static final BoundValues NONE = new BoundValues();

    /** The setter a parameter was bound with, replayed as it was called. */
    public enum Setter {
        NULL("setNull(int, int)"),
        NULL_NAMED("setNull(int, int, String)"),
        BOOLEAN("setBoolean(int, boolean)"),
        BYTE("setByte(int, byte)"),
        SHORT("setShort(int, short)"),
        INT("setInt(int, int)"),
        LONG("setLong(int, long)"),
        FLOAT("setFloat(int, float)"),
        DOUBLE("setDouble(int, double)"),
        BIG_DECIMAL("setBigDecimal(int, BigDecimal)"),
        STRING("setString(int, String)"),
        NSTRING("setNString(int, String)"),
        BYTES("setBytes(int, byte[])"),
        DATE("setDate(int, Date)"),
        TIME("setTime(int, Time)"),
        TIMESTAMP("setTimestamp(int, Timestamp)"),
        DATE_CALENDAR("setDate(int, Date, Calendar)"),
        TIME_CALENDAR("setTime(int, Time, Calendar)"),
        TIMESTAMP_CALENDAR("setTimestamp(int, Timestamp, Calendar)"),
        OBJECT("setObject(int, Object)"),
        OBJECT_TYPED("setObject(int, Object, int)"),
        OBJECT_SCALED("setObject(int, Object, int, int)"),
        OBJECT_SQL_TYPE("setObject(int, Object, SQLType)"),
        OBJECT_SQL_TYPE_SCALED("setObject(int, Object, SQLType, int)");

        private final String signature;

        Setter(String signature) {
            this.signature = signature;
        }

        /** The JDBC method, as findings name it: {@code setTimestamp(int, Timestamp, Calendar)}. */
        public String signature() {
            return signature;
        }
    }

    private static final byte UNBOUND = 0;
    /** Replayable, and its value is what the database sees: it can name a row. */
    private static final byte BOUND = 1;
    /** Replayable, but what the database sees depends on more than the value (a scale, a calendar). */
    private static final byte REPLAYABLE = 2;
    /** Streams, readers, LOBs and the like: neither comparable nor replayable; the extra names the setter. */
    private static final byte OPAQUE = 3;

    /** Keyed statements bind few parameters, and a statement object often lives for one execution. */
    private static final int INITIAL_CAPACITY = 4;

    private Object[] values;
    private Setter[] setters;
    private int[] types;
    /** The scale or length of the scaled setters; null until one is bound (most statements never do). */
    private int[] scales;
    /** The calendar, SQLType or type name a setter took besides the value; null until one is bound. */
    private Object[] extras;
    private byte[] states;

    public BoundValues() {
        this(new Object[INITIAL_CAPACITY], new Setter[INITIAL_CAPACITY], new int[INITIAL_CAPACITY], null, null,
                new byte[INITIAL_CAPACITY]);
    }

    private BoundValues(Object[] values, Setter[] setters, int[] types, int[] scales, Object[] extras, byte[] states) {
        this.values = values;
        this.setters = setters;
        this.types = types;
        this.scales = scales;
        this.extras = extras;
        this.states = states;
    }

    /** A setter that takes the value alone; the value is what the database sees. */
    public void set(int index, Setter setter, Object value) {
        put(index, setter, value, 0, 0, null, BOUND);
    }

    public void setNull(int index, int sqlType) {
        put(index, Setter.NULL, null, sqlType, 0, null, BOUND);
    }

    public void setNull(int index, int sqlType, String typeName) {
        put(index, Setter.NULL_NAMED, null, sqlType, 0, typeName, BOUND);
    }

    public void setTyped(int index, Object value, int sqlType) {
        put(index, Setter.OBJECT_TYPED, value, sqlType, 0, null, BOUND);
    }

    public void setScaled(int index, Object value, int sqlType, int scaleOrLength) {
        put(index, Setter.OBJECT_SCALED, value, sqlType, scaleOrLength, null, REPLAYABLE);
    }

    public void setSqlType(int index, Object value, SQLType sqlType) {
        put(index, Setter.OBJECT_SQL_TYPE, value, 0, 0, sqlType, REPLAYABLE);
    }

    public void setSqlType(int index, Object value, SQLType sqlType, int scaleOrLength) {
        put(index, Setter.OBJECT_SQL_TYPE_SCALED, value, 0, scaleOrLength, sqlType, REPLAYABLE);
    }

    /** {@code setDate}, {@code setTime} or {@code setTimestamp} with a calendar. */
    public void setWithCalendar(int index, Setter setter, Object value, Calendar calendar) {
        put(index, setter, value, 0, 0, calendar, REPLAYABLE);
    }

    /** A setter whose value safe-jdbc does not bind a second time, named for the finding ({@code setBlob(int, Blob)}). */
    public void opaque(int index, String setter) {
        put(index, null, null, 0, 0, setter, OPAQUE);
    }

    /** The parameters as bound now (a batch keeps one copy per row added): the arrays cloned, none made twice. */
    public BoundValues copy() {
        return new BoundValues(values.clone(), setters.clone(), types.clone(), scales == null ? null : scales.clone(),
                extras == null ? null : extras.clone(), states.clone());
    }

    public void clear() {
        Arrays.fill(values, null);
        if (extras != null) {
            Arrays.fill(extras, null);
        }
        Arrays.fill(states, UNBOUND);
    }

    private void put(int index, Setter setter, Object value, int sqlType, int scale, Object extra, byte state) {
        if (index < 1) {
            return; // the real driver has already refused it
        }
        if (index > values.length) {
            int length = Math.max(index, values.length * 2);
            values = Arrays.copyOf(values, length);
            setters = Arrays.copyOf(setters, length);
            types = Arrays.copyOf(types, length);
            states = Arrays.copyOf(states, length);
        }
        int i = index - 1;
        if (state != OPAQUE && readOnce(value)) {
            extra = setter.signature() + " with a " + value.getClass().getName();
            state = OPAQUE;
        }
        values[i] = value;
        if (setters[i] != setter) { // a statement run again binds each parameter as before: no reference store to pay for
            setters[i] = setter;
        }
        types[i] = sqlType;
        if (scale != 0 || scales != null && i < scales.length) {
            scales = scales == null || i >= scales.length ? grown(scales, values.length) : scales;
            scales[i] = scale;
        }
        if (extra != null || extras != null && i < extras.length) {
            extras = extras == null || i >= extras.length ? grown(extras, values.length) : extras;
            extras[i] = extra;
        }
        states[i] = state;
    }

    private static int[] grown(int[] array, int length) {
        return array == null ? new int[length] : Arrays.copyOf(array, length);
    }

    private static Object[] grown(Object[] array, int length) {
        return array == null ? new Object[length] : Arrays.copyOf(array, length);
    }

    private int scale(int i) {
        return scales == null || i >= scales.length ? 0 : scales[i];
    }

    private Object extra(int i) {
        return extras == null || i >= extras.length ? null : extras[i];
    }

    /**
     * A value that the driver consumes as it sends it (a stream, a reader), or that may be backed by one
     * (a LOB, an SQLXML): binding it again could send something else.
     */
    private static boolean readOnce(Object value) {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof byte[]) {
            // the usual values, told apart by class checks: on JDK 17 an interface check that fails scans the
            // class's interfaces (about 35 ns for a Long), and every setter of a keyed statement comes here
            return false;
        }
        return value instanceof InputStream || value instanceof Reader || value instanceof Blob
                || value instanceof Clob || value instanceof SQLXML;
    }

    /** The value at {@code index} as the database sees it; null when unknown: unbound, opaque, scaled, or SQL NULL. */
    Object known(int index) {
        return index >= 1 && index <= values.length && states[index - 1] == BOUND ? values[index - 1] : null;
    }

    /**
     * Why parameters 1..count cannot all be bound again on another statement, for a finding; null
     * when they can.
     */
    public String unreplayable(int count) {
        for (int i = 1; i <= count; i++) {
            if (i > states.length || states[i - 1] == UNBOUND) {
                return "parameter " + i + " is not bound through a setter safe-jdbc saw";
            }
            if (states[i - 1] == OPAQUE) {
                return "parameter " + i + " was bound with " + extra(i - 1) + ", which safe-jdbc does not bind a"
                        + " second time";
            }
        }
        return null;
    }

    /** Binds parameters 1..count onto {@code statement} through the setters the application called. */
    public void replayOnto(PreparedStatement statement, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            replay(statement, i + 1, setters[i], values[i], types[i], scale(i), extra(i));
        }
    }

    private static void replay(PreparedStatement st, int n, Setter setter, Object v, int type, int scale, Object extra)
            throws SQLException {
        switch (setter) {
            case NULL -> st.setNull(n, type);
            case NULL_NAMED -> st.setNull(n, type, (String) extra);
            case BOOLEAN -> st.setBoolean(n, (Boolean) v);
            case BYTE -> st.setByte(n, (Byte) v);
            case SHORT -> st.setShort(n, (Short) v);
            case INT -> st.setInt(n, (Integer) v);
            case LONG -> st.setLong(n, (Long) v);
            case FLOAT -> st.setFloat(n, (Float) v);
            case DOUBLE -> st.setDouble(n, (Double) v);
            case BIG_DECIMAL -> st.setBigDecimal(n, (BigDecimal) v);
            case STRING -> st.setString(n, (String) v);
            case NSTRING -> st.setNString(n, (String) v);
            case BYTES -> st.setBytes(n, (byte[]) v);
            case DATE -> st.setDate(n, (Date) v);
            case TIME -> st.setTime(n, (Time) v);
            case TIMESTAMP -> st.setTimestamp(n, (Timestamp) v);
            case DATE_CALENDAR -> st.setDate(n, (Date) v, (Calendar) extra);
            case TIME_CALENDAR -> st.setTime(n, (Time) v, (Calendar) extra);
            case TIMESTAMP_CALENDAR -> st.setTimestamp(n, (Timestamp) v, (Calendar) extra);
            case OBJECT -> st.setObject(n, v);
            case OBJECT_TYPED -> st.setObject(n, v, type);
            case OBJECT_SCALED -> st.setObject(n, v, type, scale);
            case OBJECT_SQL_TYPE -> st.setObject(n, v, (SQLType) extra);
            case OBJECT_SQL_TYPE_SCALED -> st.setObject(n, v, (SQLType) extra, scale);
        }
    }
}

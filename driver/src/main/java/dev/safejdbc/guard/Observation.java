package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What a keyed read saw: the row was there with these values, or it was not there. A later write
 * of the same key is made conditional on it. A present row's values are taken as the application
 * reads them through getters that give the exact value (on SQLite: through any of the getters the
 * guard hooks, compared the way the getter saw them); the rest are read from the row before the
 * cursor leaves it (or before a write needs them), so the row is never read twice. Like the
 * result set it comes from, it is used by one thread at a time: not synchronized, as getters are
 * on every application's hot path.
 */
sealed class Observation permits JoinedRowObservation, KeyedReadCapture {
    /** Set when the row is seen, for a keyed read (which is its own capture, made before the query runs). */
    private ColumnPlan columns;
    /** The kept columns' values; null when the row was absent. */
    private Object[] values;
    /**
     * Per kept column, a byte: how its value was taken ({@link ValueDomain}), 0 while it is not; and, where types
     * are loose, whether a getter has converted it to text in place. Packed here for up to {@value #PACKED} columns
     * (most reads: no array per read); else in {@link #wideTaken}. See {@link #taken(int)}.
     */
    private long packedTaken;
    private byte[] wideTaken;
    /** The result set while its cursor is on this row and values are missing; null once complete. */
    private ResultSet row;
    /** Kept columns whose value turned out to be a LOB or array handle, or could not be read; null: none. */
    private BitSet uncompared;
    private final boolean exact;
    private final AppFrames readAt;

    /**
     * The row's {@code wasNull()} as the application's last getter left it, once the guard has
     * read the row since (a write made it complete the row): 1 true, 0 false, -1 not so or unknown.
     */
    private byte wasNullBeforeGuard = -1;

    /** Set in {@link #taken(int)} once {@code getString} has read the column (where types are loose). */
    private static final byte CONVERTED = 0x10;
    private static final int PACKED = Long.BYTES;

    /**
     * @param exact whether the read's WHERE was the key and nothing more (only then does "absent"
     *              mean the key is free)
     * @param readAt where the application read it
     */
    Observation(ColumnPlan columns, ResultSet row, boolean exact, AppFrames readAt) {
        this(exact, readAt);
        landOn(columns, row);
    }

    /** A row not seen yet ({@link #landOn}), or absent if it never is. */
    Observation(boolean exact, AppFrames readAt) {
        this.exact = exact;
        this.readAt = readAt;
    }

    /** The cursor landed on the row, whose kept columns {@code columns} are: values are taken from here on. */
    final void landOn(ColumnPlan columns, ResultSet row) {
        this.columns = columns;
        this.values = new Object[columns.size()];
        this.packedTaken = 0;
        this.wideTaken = columns.size() > PACKED ? new byte[columns.size()] : null;
        this.row = row;
    }

    private byte taken(int kept) {
        return wideTaken != null ? wideTaken[kept] : (byte) (packedTaken >>> (kept * Byte.SIZE));
    }

    private void taken(int kept, int how) {
        if (wideTaken != null) {
            wideTaken[kept] = (byte) how;
        } else {
            int shift = kept * Byte.SIZE;
            packedTaken = packedTaken & ~(0xFFL << shift) | (how & 0xFFL) << shift;
        }
    }

    /** Whether every value is known (or the row is absent): nothing is left to take from the result set. */
    boolean isComplete() {
        return row == null;
    }

    /**
     * The application read result column {@code index} with {@code getter}, and got {@code value}. Public: a
     * keyed read's capture is its observation, and its result set hands values straight here.
     */
    public final void read(int index, int getter, Object value) {
        take(columns.kept(index), getter, value);
    }

    /** The same, by label. */
    public final void read(String label, int getter, Object value) {
        take(columns.kept(label), getter, value);
    }

    private void take(int kept, int getter, Object value) {
        wasNullBeforeGuard = -1;
        if (row == null || kept < 0 || getter == ReadCapture.GET_LONG && value.equals(0L)) { // 0 may stand for NULL
            return;
        }
        if (!columns.strictTypes()) {
            takeLoose(kept, getter, value);
        } else if (!isTaken(kept) && columns.isExact(kept, getter)) {
            values[kept] = value;
            taken(kept, ValueDomain.NATIVE);
        }
    }

    /**
     * SQLite: a column's values need not have its declared type, and a getter may convert the
     * value it reads in place (a blob read as text is text from then on). So a value is kept as
     * the application saw it, with how it saw it, and the guard compares the column the same way
     * (as text after {@code getString}); the most exact view the application took wins. A blob
     * whose text had to be repaired (U+FFFD) is known exactly only if {@code getBytes} reads it.
     */
    private void takeLoose(int kept, int getter, Object value) {
        byte was = taken(kept);
        byte domain;
        switch (getter) {
            case ReadCapture.GET_OBJECT:
                domain = (was & CONVERTED) == 0 ? ValueDomain.NATIVE : 0;
                break;
            case ReadCapture.GET_STRING:
                taken(kept, was | CONVERTED);
                domain = value == null || ((String) value).indexOf('\uFFFD') < 0 ? ValueDomain.TEXT : 0;
                break;
            case ReadCapture.GET_BYTES:
                domain = ValueDomain.BYTES;
                break;
            default: // getLong
                domain = ValueDomain.INTEGER;
        }
        if (domain > (was & ValueDomain.MASK)) {
            values[kept] = value;
            taken(kept, taken(kept) & CONVERTED | domain);
        }
    }

    private boolean isTaken(int kept) {
        return (taken(kept) & ValueDomain.MASK) != 0;
    }

    /**
     * The cursor is about to leave the row (or a write needs what was read): the values not
     * taken yet are read now. A value that cannot be read is not compared, never guessed.
     */
    void complete() {
        if (row == null) {
            return;
        }
        if (anyMissing()) {
            wasNullBeforeGuard = wasNull(row); // asked only when the guard reads the row itself: a JNI call on SQLite
        }
        for (int i = 0; i < values.length; i++) {
            if (!isTaken(i)) {
                readNow(i);
            }
            taken(i, taken(i) & ValueDomain.MASK); // from here on only how each value compares matters
        }
        row = null;
    }

    private boolean anyMissing() {
        for (int i = 0; i < values.length; i++) {
            if (!isTaken(i)) {
                return true;
            }
        }
        return false;
    }

    private static byte wasNull(ResultSet row) {
        try {
            return (byte) (row.wasNull() ? 1 : 0);
        } catch (SQLException | RuntimeException e) {
            return -1; // no getter has run yet: nothing to keep
        }
    }

    /** The application's getter ran: {@code wasNull()} is the driver's again. */
    void applicationRead() {
        wasNullBeforeGuard = -1;
    }

    /** What {@code wasNull()} said before the guard read the row: 1 true, 0 false; -1: ask the driver. */
    byte wasNullBeforeGuard() {
        return wasNullBeforeGuard;
    }

    private void readNow(int kept) {
        boolean converted = (taken(kept) & CONVERTED) != 0; // its original value is gone
        taken(kept, ValueDomain.NATIVE);
        if (converted) {
            uncompare(kept);
            return;
        }
        try {
            values[kept] = columns.read(row, kept);
        } catch (SQLException | RuntimeException e) {
            values[kept] = null;
            uncompare(kept);
            return;
        }
        if (ColumnPlan.isLocator(values[kept])) {
            uncompare(kept);
        }
    }

    private void uncompare(int kept) {
        uncompared = uncompared == null ? new BitSet() : uncompared;
        uncompared.set(kept);
    }

    /**
     * This read and an {@code older} one of the same row, both holding: each column either saw, with
     * the value this one saw where both did. This one when {@code older} read no other column.
     */
    Observation mergedWith(Observation older) {
        complete();
        older.complete();
        ColumnPlan union = columns.union(older.columns);
        if (union == null) {
            return this;
        }
        Observation merged = new Observation(union, null, exact, readAt);
        for (int i = 0; i < union.size(); i++) {
            Observation from = i < columns.size() ? this : older;
            int kept = from == this ? i : older.columns.keptColumn(union.column(i));
            merged.values[i] = from.values[kept];
            merged.taken(i, from.taken(kept));
            if (!from.compared(kept)) {
                merged.uncompare(i);
            }
        }
        return merged;
    }

    /** Whether the read returned the row. */
    boolean present() {
        return values != null;
    }

    boolean exact() {
        return exact;
    }

    AppFrames readAt() {
        return readAt;
    }

    /** The comparable columns read, in result order: what a guarded write's conditions are built from. */
    ColumnPlan columns() {
        return columns;
    }

    Object value(int kept) {
        return values[kept];
    }

    /** How kept column {@code kept}'s value was taken: one of {@link ValueDomain}'s. */
    byte domain(int kept) {
        return (byte) (taken(kept) & ValueDomain.MASK);
    }

    /** Whether the values were taken as another read's {@link #domains()} say: one guarded text serves both. */
    boolean takenLike(byte[] domains) {
        if (values == null || domains == null || domains.length != values.length) {
            return values == null && domains == null;
        }
        for (int i = 0; i < domains.length; i++) {
            if (taken(i) != domains[i]) {
                return false;
            }
        }
        return true;
    }

    /** How each value was taken, for {@link #takenLike}. */
    byte[] domains() {
        if (values == null) {
            return null;
        }
        byte[] domains = new byte[values.length];
        for (int i = 0; i < domains.length; i++) {
            domains[i] = taken(i);
        }
        return domains;
    }

    /** Whether the kept column's value can be compared (it is not a LOB or array handle). */
    boolean compared(int kept) {
        return uncompared == null || !uncompared.get(kept);
    }

    /** The kept columns that are not compared (null: none): a guarded form depends on them too. */
    BitSet uncompared() {
        return uncompared;
    }

    boolean hasSkipped() {
        return columns != null && (!columns.skipped().isEmpty() || uncompared != null);
    }

    /** Columns read that cannot be compared (json, arrays, LOBs). */
    List<String> skipped() {
        if (columns == null) {
            return List.of();
        }
        List<String> skipped = new ArrayList<>(columns.skipped());
        for (int i = 0; i < columns.size(); i++) {
            if (!compared(i)) {
                skipped.add(columns.column(i));
            }
        }
        return skipped;
    }
}

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
 * reads them through getters that give the exact value; the rest are read from the row before
 * the cursor leaves it (or before a write needs them), so the row is never read twice. Like the
 * result set it comes from, it is used by one thread at a time: not synchronized, as getters are
 * on every application's hot path.
 */
final class Observation {
    private final ColumnPlan columns;
    /** The kept columns' values; null when the row was absent. */
    private final Object[] values;
    /** Kept columns whose values the application's getters gave (the first 64; any others are read on completion). */
    private long taken;
    /** The result set while its cursor is on this row and values are missing; null once complete. */
    private ResultSet row;
    /** Kept columns whose value turned out to be a LOB or array handle, or could not be read; null: none. */
    private BitSet uncompared;
    private final boolean exact;
    private final AppFrames where;

    /**
     * @param exact whether the read's WHERE was the key and nothing more (only then does "absent"
     *              mean the key is free)
     * @param where where the application read it
     */
    Observation(ColumnPlan columns, ResultSet row, boolean exact, AppFrames where) {
        this.columns = columns;
        this.values = new Object[columns.size()];
        this.row = row;
        this.exact = exact;
        this.where = where;
    }

    private Observation(boolean exact, AppFrames where) {
        this.columns = null;
        this.values = null;
        this.exact = exact;
        this.where = where;
    }

    static Observation absent(boolean exact, AppFrames where) {
        return new Observation(exact, where);
    }

    /** Whether every value is known (or the row is absent): nothing is left to take from the result set. */
    boolean isComplete() {
        return row == null;
    }

    /** The application read result column {@code index} with {@code getter}, and got {@code value}. */
    void read(int index, int getter, Object value) {
        take(columns.kept(index), getter, value);
    }

    /** The same, by label. */
    void read(String label, int getter, Object value) {
        take(columns.kept(label), getter, value);
    }

    private void take(int kept, int getter, Object value) {
        if (row != null && kept >= 0 && kept < Long.SIZE && !isTaken(kept) && columns.isExact(kept, getter)
                && !(getter == ReadCapture.GET_LONG && value.equals(0L))) { // 0 may stand for NULL
            values[kept] = value;
            taken |= 1L << kept;
        }
    }

    private boolean isTaken(int kept) {
        return kept < Long.SIZE && (taken & 1L << kept) != 0;
    }

    /**
     * The cursor is about to leave the row (or a write needs what was read): the values not
     * taken yet are read now. A value that cannot be read is not compared, never guessed.
     */
    void complete() {
        if (row == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (isTaken(i)) {
                continue;
            }
            try {
                values[i] = columns.read(row, i);
            } catch (SQLException | RuntimeException e) {
                values[i] = null;
                uncompare(i);
                continue;
            }
            if (ColumnPlan.isLocator(values[i])) {
                uncompare(i);
            }
        }
        row = null;
    }

    private void uncompare(int kept) {
        uncompared = uncompared == null ? new BitSet() : uncompared;
        uncompared.set(kept);
    }

    /** Whether the read returned the row. */
    boolean present() {
        return values != null;
    }

    boolean exact() {
        return exact;
    }

    AppFrames where() {
        return where;
    }

    /** The comparable columns read, in result order: what a guarded write's conditions are built from. */
    ColumnPlan columns() {
        return columns;
    }

    Object value(int kept) {
        return values[kept];
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

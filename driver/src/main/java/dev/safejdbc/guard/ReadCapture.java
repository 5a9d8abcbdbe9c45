package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Records what a keyed read's result set showed the application: its first row's comparable
 * columns, or that there was no row. The row is recorded on the first {@code next()}; its values
 * as the application reads them, and the rest when the cursor leaves it.
 */
public final class ReadCapture {
    /** Getters that can give a column's exact value, so that the guard need not read it again. */
    public static final int GET_OBJECT = 1;
    public static final int GET_STRING = 2;
    public static final int GET_LONG = 4;
    public static final int GET_BYTES = 8;

    private final ReadLog log;
    private final RowKey key;
    private final KeyedSelect select;
    private final boolean exact;
    private final Dialect dialect;
    private final TableKeys keys;
    private final StatementMemo memo;
    private final AppFrames readAt;
    private Observation row;

    ReadCapture(ReadLog log, RowKey key, KeyedSelect select, boolean exact, Dialect dialect, TableKeys keys,
            StatementMemo memo, AppFrames readAt) {
        this.log = log;
        this.key = key;
        this.select = select;
        this.exact = exact;
        this.dialect = dialect;
        this.keys = keys;
        this.memo = memo;
        this.readAt = readAt;
    }

    /** The first {@code next()} returned {@code present}; returns whether values are still to be taken from the row. */
    public boolean firstRow(ResultSet rs, boolean present) throws SQLException {
        Observation observation = present ? memo.columns(rs, select, dialect, keys).observe(rs, exact, readAt)
                : Observation.absent(exact, readAt);
        log.record(key, observation);
        row = observation.isComplete() ? null : observation;
        return row != null;
    }

    /**
     * Whether a getter may convert the row's values in place (SQLite: reading a blob as text
     * makes it text), so a getter the guard takes nothing from must let it read the row first.
     */
    public boolean convertsInPlace() {
        return !row.columns().strictTypes();
    }

    /** The application read column {@code index} with {@code getter} (one of {@code GET_*}). */
    public void read(int index, int getter, Object value) {
        row.read(index, getter, value);
    }

    public void read(String label, int getter, Object value) {
        row.read(label, getter, value);
    }

    /** The application called a getter the guard takes nothing from. */
    public void otherRead() {
        row.applicationRead();
    }

    /**
     * What the result set's {@code wasNull()} must say: the application's last getter's answer
     * when the guard has read the row since (1 true, 0 false); -1 when the driver's own is right.
     */
    public int wasNull() {
        return row.wasNullBeforeGuard();
    }

    /** The cursor is about to leave the row: what the application did not read is read now. */
    public void leaveRow() {
        row.complete();
    }
}

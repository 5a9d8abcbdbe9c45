package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A keyed read's capture: its first row's comparable columns, or that there was no row, recorded
 * by the key its WHERE names; when the row also returns another of the table's keys (a lookup by a
 * unique column that returns the primary key), the same read is recorded by that one too.
 */
final class KeyedReadCapture extends ReadCapture {
    private final ReadLog log;
    private final RowKey key;
    private final KeyedSelect select;
    private final boolean exact;
    private final Dialect dialect;
    private final TableKeys keys;
    private final StatementMemo memo;
    private final AppFrames readAt;
    private Observation row;

    KeyedReadCapture(ReadLog log, RowKey key, KeyedSelect select, boolean exact, Dialect dialect, TableKeys keys,
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

    @Override
    public boolean onRow(ResultSet rs, boolean present) throws SQLException {
        Observation observation;
        if (present) {
            ColumnPlan columns = memo.columns(rs, select, dialect, keys);
            observation = columns.observe(rs, exact, readAt);
            if (columns.returnsOtherKey(key.columns())) {
                RowKey returned = columns.returnedKey(rs, key.table(), RowKey.baseHash(key.table(), columns.key()));
                if (returned != null) {
                    log.record(returned, observation);
                }
            }
        } else {
            observation = Observation.absent(exact, readAt);
        }
        log.record(key, observation);
        row = observation.isComplete() ? null : observation;
        return row != null;
    }

    @Override
    public boolean recordsMore() {
        return false;
    }

    @Override
    public boolean convertsInPlace() {
        return !row.columns().strictTypes();
    }

    @Override
    public void read(int index, int getter, Object value) {
        row.read(index, getter, value);
    }

    @Override
    public void read(String label, int getter, Object value) {
        row.read(label, getter, value);
    }

    @Override
    public void otherRead() {
        row.applicationRead();
    }

    @Override
    public int wasNull() {
        return row.wasNullBeforeGuard();
    }

    @Override
    public void leaveRow() {
        row.complete();
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A keyed read's capture, which is also what it saw: its first row's comparable columns, or that there was no
 * row, recorded by the key its WHERE names; when the row also returns another of the table's keys (a lookup by a
 * unique column that returns the primary key), the same read is recorded by that one too. One object per keyed
 * read, not a capture and an observation: every keyed read makes one, on the application's hot path.
 */
final class KeyedReadCapture extends Observation implements ReadCapture {
    /** What the row is recorded with: dropped once it is (the log keeps this read, and would keep them too). */
    private ReadLog log;
    private RowKey key;
    private KeyedSelect select;
    private Dialect dialect;
    private TableKeys keys;
    private StatementMemo memo;

    KeyedReadCapture(ReadLog log, RowKey key, KeyedSelect select, boolean exact, Dialect dialect, TableKeys keys,
            StatementMemo memo, AppFrames readAt) {
        super(exact, readAt);
        this.log = log;
        this.key = key;
        this.select = select;
        this.dialect = dialect;
        this.keys = keys;
        this.memo = memo;
    }

    @Override
    public boolean onRow(ResultSet rs, boolean present) throws SQLException {
        if (present) {
            ColumnPlan columns = memo.columns(rs, select, dialect, keys);
            landOn(columns, rs);
            if (columns.returnsOtherKey(key.columns())) {
                RowKey returned = columns.returnedKey(rs, key.table(), RowKey.baseHash(key.table(), columns.key()));
                if (returned != null) {
                    log.record(returned, this);
                }
            }
        }
        log.record(key, this);
        log = null; // a plain statement's memo, for one, would otherwise live as long as its read in the log
        key = null;
        select = null;
        dialect = null;
        keys = null;
        memo = null;
        return !isComplete();
    }

    @Override
    public boolean recordsMore() {
        return false;
    }

    @Override
    public boolean convertsInPlace() {
        return !columns().strictTypes();
    }

    @Override
    public void otherRead() {
        applicationRead();
    }

    @Override
    public int wasNull() {
        return wasNullBeforeGuard();
    }

    @Override
    public void leaveRow() {
        complete();
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.ResultRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The capture of a read that names no row by key (a join, any WHERE, a list): each row the cursor
 * lands on is recorded, for each table whose key the result carries, as that table's row under the
 * key values it returns, with the columns of that table it read. A row whose key is NULL (the
 * null-extended side of an outer join) records nothing; nor does "no row", which says nothing of a
 * key. Bounded: the first {@value #MAX_ROWS} rows of an execution are recorded; beyond them the
 * read log is told that reads of those tables were dropped, and nothing more is allocated.
 */
final class ReturnedRowsCapture implements ReadCapture {
    /** Rows recorded per execution: a claim or a find reads one, a page a few dozen. */
    static final int MAX_ROWS = 64;

    private final ReadLog log;
    private final ResultRows rows;
    private final List<TableKeys> keys;
    private final Dialect dialect;
    private final StatementMemo memo;
    private final AppFrames readAt;
    private ReturnedRowsPlan plan;
    private int recorded;
    private boolean more = true;
    /** The current row's observations, one per table whose key it returned; each completes after the one before. */
    private Observation[] onRow;
    private int onRowCount;

    ReturnedRowsCapture(ReadLog log, ResultRows rows, List<TableKeys> keys, Dialect dialect, StatementMemo memo,
            AppFrames readAt) {
        this.log = log;
        this.rows = rows;
        this.keys = keys;
        this.dialect = dialect;
        this.memo = memo;
        this.readAt = readAt;
    }

    @Override
    public boolean onRow(ResultSet rs, boolean present) throws SQLException {
        onRowCount = 0;
        if (!present) {
            more = false;
            return false;
        }
        if (plan == null) {
            plan = memo.returnedRows(rs, rows, keys, dialect);
            onRow = new Observation[plan.tables().size()];
        }
        if (recorded == MAX_ROWS) {
            more = false;
            for (ReturnedRowsPlan.Table table : plan.tables()) {
                log.dropped(table.name(), readAt);
            }
            return false;
        }
        recorded++;
        for (ReturnedRowsPlan.Table table : plan.tables()) {
            RowKey key = table.columns().returnedKey(rs, table.name(), table.baseHash());
            if (key == null) {
                continue;
            }
            Observation observation = onRowCount == 0 ? table.columns().observe(rs, false, readAt)
                    : new JoinedRowObservation(table.columns(), rs, readAt, onRow[onRowCount - 1]);
            log.record(key, observation);
            onRow[onRowCount++] = observation;
        }
        return onRowCount > 0;
    }

    @Override
    public boolean recordsMore() {
        return more;
    }

    @Override
    public boolean convertsInPlace() {
        return dialect == Dialect.SQLITE;
    }

    @Override
    public void read(int index, int getter, Object value) {
        for (int i = 0; i < onRowCount; i++) {
            onRow[i].read(index, getter, value);
        }
    }

    @Override
    public void read(String label, int getter, Object value) {
        for (int i = 0; i < onRowCount; i++) {
            onRow[i].read(label, getter, value);
        }
    }

    @Override
    public void otherRead() {
        for (int i = 0; i < onRowCount; i++) {
            onRow[i].applicationRead();
        }
    }

    /** The first observation that read the row itself saw the application's last getter: they complete in order. */
    @Override
    public int wasNull() {
        for (int i = 0; i < onRowCount; i++) {
            int wasNull = onRow[i].wasNullBeforeGuard();
            if (wasNull >= 0) {
                return wasNull;
            }
        }
        return -1;
    }

    @Override
    public void leaveRow() {
        for (int i = 0; i < onRowCount; i++) {
            onRow[i].complete();
        }
        onRowCount = 0;
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Records what a keyed read's result set showed the application: its first row's comparable
 * columns, or that there was no row. Called once, on the first {@code next()}.
 */
public final class ReadCapture {
    private final ReadLog log;
    private final ReadLog.RowKey key;
    private final KeyedSelect select;
    private final boolean exact;
    private final boolean javaTime;
    private final ReadMemo memo;
    private final AppFrames where;

    ReadCapture(ReadLog log, ReadLog.RowKey key, KeyedSelect select, boolean exact, boolean javaTime, ReadMemo memo,
            AppFrames where) {
        this.log = log;
        this.key = key;
        this.select = select;
        this.exact = exact;
        this.javaTime = javaTime;
        this.memo = memo;
        this.where = where;
    }

    public void firstRow(ResultSet rs, boolean present) throws SQLException {
        Observation observation = present ? memo.plan(rs, select, javaTime).observe(rs, exact, where)
                : new Observation(false, Map.of(), List.of(), exact, where);
        log.record(key, observation);
    }
}

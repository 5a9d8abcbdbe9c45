package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a prepared keyed read keeps between executions: where the application runs it (a stack
 * walk is too dear to repeat on every point SELECT) and how its result's columns are read.
 */
public final class ReadMemo {
    private AppFrames site;
    private ColumnPlan plan;

    AppFrames site() {
        if (site == null) {
            site = AppFrames.here();
        }
        return site;
    }

    ColumnPlan plan(ResultSet rs, KeyedSelect select, boolean javaTime) throws SQLException {
        if (plan == null) {
            plan = ColumnPlan.of(rs.getMetaData(), select, javaTime);
        }
        return plan;
    }
}

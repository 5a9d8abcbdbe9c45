package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a prepared keyed read keeps between executions: how its result's columns are read (some
 * drivers compute result metadata expensively).
 */
public final class ReadMemo {
    private ColumnPlan plan;

    ColumnPlan plan(ResultSet rs, KeyedSelect select, boolean javaTime) throws SQLException {
        if (plan == null) {
            plan = ColumnPlan.of(rs.getMetaData(), select, javaTime);
        }
        return plan;
    }
}

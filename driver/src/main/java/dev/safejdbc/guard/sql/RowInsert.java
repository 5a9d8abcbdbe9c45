package dev.safejdbc.guard.sql;

import java.util.List;
import java.util.Objects;

/**
 * An INSERT of exactly one VALUES row, with an explicit column list, into one table.
 *
 * @param columns        the target columns, normalized, in text order
 * @param values         the value of each column (same size and order as {@code columns})
 * @param appendableBody the SQL text minus trailing whitespace and semicolons, ending with the VALUES row
 *                       so that {@code " ON CONFLICT (...) DO NOTHING"} can be appended; null when the
 *                       statement already handles conflicts, returns rows, or contains comments
 * @param parameterCount number of JDBC {@code ?} placeholders in the statement
 */
public record RowInsert(TableName table, List<String> columns, List<ValueSource> values, String appendableBody,
                        int parameterCount) implements Analysis {
    public RowInsert {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + values.size() + " values");
        }
    }
}

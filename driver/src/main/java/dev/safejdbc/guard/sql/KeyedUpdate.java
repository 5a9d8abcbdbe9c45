package dev.safejdbc.guard.sql;

import java.util.List;
import java.util.Objects;

/**
 * A single-table UPDATE whose WHERE is a conjunction with at least one {@code column = value} term.
 *
 * @param equalities     the {@code column = value} conjuncts, in text order
 * @param onlyEqualities true iff every conjunct of the WHERE is one of {@code equalities}
 * @param setColumns     the assigned columns, normalized, in text order
 * @param selfRelative   some assigned value reads a column (e.g. {@code n = n + 1}) or a subquery
 * @param appendableBody the SQL text minus trailing whitespace and semicolons, ending with the WHERE
 *                       condition so that {@code " AND ..."} can be appended; null when that is unsafe
 * @param parameterCount number of JDBC {@code ?} placeholders in the statement
 */
public record KeyedUpdate(TableName table, List<Equality> equalities, boolean onlyEqualities, List<String> setColumns,
                          boolean selfRelative, String appendableBody, int parameterCount) implements Analysis {
    public KeyedUpdate {
        Objects.requireNonNull(table, "table");
        equalities = List.copyOf(equalities);
        setColumns = List.copyOf(setColumns);
    }
}

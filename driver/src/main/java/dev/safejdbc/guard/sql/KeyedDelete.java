package dev.safejdbc.guard.sql;

import java.util.List;
import java.util.Objects;

/**
 * A single-table DELETE whose WHERE is a conjunction with at least one {@code column = value} term.
 *
 * @param equalities     the {@code column = value} conjuncts, in text order
 * @param onlyEqualities true iff every conjunct of the WHERE is one of {@code equalities}
 * @param appendableBody the SQL text minus trailing whitespace and semicolons, ending with the WHERE
 *                       condition so that {@code " AND ..."} can be appended; null when that is unsafe
 * @param parameterCount number of JDBC {@code ?} placeholders in the statement
 */
public record KeyedDelete(TableName table, List<Equality> equalities, boolean onlyEqualities, String appendableBody,
                          int parameterCount) implements Analysis {
    public KeyedDelete {
        Objects.requireNonNull(table, "table");
        equalities = List.copyOf(equalities);
    }
}

package dev.safejdbc.guard.sql;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-table SELECT whose WHERE is a conjunction with at least one {@code column = value} term.
 *
 * @param equalities     the {@code column = value} conjuncts, in text order
 * @param onlyEqualities true iff every conjunct of the WHERE is one of {@code equalities}
 * @param columnsByLabel result label (lower-case) to table column, for plain column items only
 * @param selectsAll     the select list contains {@code *} or {@code t.*}
 * @param parameterCount number of JDBC {@code ?} placeholders in the statement
 * @param rows           the result's columns by item, for when the equalities name no row by a key
 *                       (null: no column of the table); see {@link RowsSelect}
 */
public record KeyedSelect(TableName table, List<Equality> equalities, boolean onlyEqualities,
                          Map<String, String> columnsByLabel, boolean selectsAll, int parameterCount,
                          ResultRows rows)
        implements Analysis {
    public KeyedSelect {
        Objects.requireNonNull(table, "table");
        equalities = List.copyOf(equalities);
        columnsByLabel = Map.copyOf(columnsByLabel);
    }
}

package dev.safejdbc.guard.sql;

import java.util.Objects;

/**
 * A SELECT that names no row by key in its WHERE (a join, a range, a unique column the catalog may
 * or may not know, a queue's {@code status = 'PENDING' LIMIT 1}) but whose result carries columns of
 * plain tables: each row it returns is recorded by the key it returns, when that key is among them.
 *
 * @param rows which tables' columns the result carries
 */
public record RowsSelect(ResultRows rows) implements Analysis {
    public RowsSelect {
        Objects.requireNonNull(rows, "rows");
    }
}

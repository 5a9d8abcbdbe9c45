package dev.safejdbc.guard.sql;

import java.util.Objects;

/**
 * One {@code column = value} conjunct of a WHERE clause.
 *
 * @param column the column, normalized like {@link TableName}
 * @param value  the compared value
 */
public record Equality(String column, ValueSource value) {
    public Equality {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
    }
}

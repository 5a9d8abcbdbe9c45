package dev.safejdbc.guard.sql;

import java.util.Objects;

/**
 * A table as written in the statement, normalized: quotes stripped, unquoted identifiers lower-cased,
 * quoted identifiers kept verbatim.
 *
 * @param schema the schema qualifier, or null when the statement did not qualify the table
 * @param name   the table name
 */
public record TableName(String schema, String name) {
    public TableName {
        Objects.requireNonNull(name, "name");
    }
}

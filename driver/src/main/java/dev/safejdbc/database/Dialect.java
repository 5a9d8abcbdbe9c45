package dev.safejdbc.database;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How each database spells the guard's conditions: a null-safe equality with a bound value, and
 * an insert that does nothing when its key exists. A database without the latter (H2, MariaDB)
 * sends the insert as written, and says which of its errors is a duplicate key.
 */
public enum Dialect {
    SQLITE("IS", false, true),
    POSTGRESQL("IS NOT DISTINCT FROM", true, true),
    H2("IS NOT DISTINCT FROM", false, false),
    MARIADB("<=>", false, false);

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Map<String, String> SERIAL_TYPES = Map.of("serial", "int4", "bigserial", "int8",
            "smallserial", "int2");

    private final String nullSafeEquals;
    private final boolean castsParameters;
    private final boolean conditionalInsert;

    Dialect(String nullSafeEquals, boolean castsParameters, boolean conditionalInsert) {
        this.nullSafeEquals = nullSafeEquals;
        this.castsParameters = castsParameters;
        this.conditionalInsert = conditionalInsert;
    }

    /** The dialect for a real JDBC URL's sub-protocol, or null when safe-jdbc has none for it. */
    public static Dialect forSubprotocol(String subprotocol) {
        switch (subprotocol.toLowerCase(Locale.ROOT)) {
            case "sqlite":
                return SQLITE;
            case "postgresql":
                return POSTGRESQL;
            case "h2":
                return H2;
            case "mariadb":
            case "mysql":
                return MARIADB;
            default:
                return null;
        }
    }

    /**
     * {@code compared <null-safe => ?}, where {@code compared} is the (quoted, maybe cast) column;
     * PostgreSQL casts the parameter to the column's type, so enum, uuid or timestamp columns
     * compare with what the driver sends. Text compares exactly, whatever the column's collation
     * or type calls equal (case-insensitive, pad-space): SQLite compares with {@code BINARY}, and a
     * column whose equality is not exact ({@code exactText}) compares its text's bytes: MariaDB both
     * sides in one character set, H2 a {@code VARCHAR_IGNORECASE} column as a {@code VARCHAR},
     * PostgreSQL ({@code citext}, a nondeterministic collation) both sides as {@code text} under
     * {@code "C"}, the parameter through the column's type first, as the column's own value went.
     *
     * @param exactText whether the column's own equality may call two different texts equal
     */
    public String nullSafeEquality(String compared, String typeName, boolean exactText) {
        String parameter = castsParameters && typeName != null ? "CAST(? AS " + typeName(typeName) + ")" : "?";
        switch (this) {
            case SQLITE:
                return compared + " IS ? COLLATE BINARY";
            case MARIADB:
                return exactText ? "CAST(CONVERT(" + compared + " USING utf8mb4) AS BINARY) <=> CAST(CONVERT(? USING"
                        + " utf8mb4) AS BINARY)" : compared + " <=> ?";
            case H2:
                return exactText ? "CAST(" + compared + " AS VARCHAR) IS NOT DISTINCT FROM CAST(? AS VARCHAR)"
                        : compared + " IS NOT DISTINCT FROM ?";
            default:
                return exactText ? "CAST(" + compared + " AS text) COLLATE \"C\" IS NOT DISTINCT FROM CAST(" + parameter
                        + " AS text) COLLATE \"C\"" : compared + " " + nullSafeEquals + " " + parameter;
        }
    }

    /**
     * Drivers report a mixed-case type (an enum "Mood") on the search path unquoted, and a serial
     * column by its pseudo-type, which is no type to cast to; a type off the search path comes
     * qualified and quoted as the driver spells it ({@code "types"."mood"}), ready to use.
     */
    private String typeName(String name) {
        String type = SERIAL_TYPES.getOrDefault(name, name);
        return PLAIN.matcher(type).matches() || type.startsWith("\"") ? type : quote(type);
    }

    public boolean hasConditionalInsert() {
        return conditionalInsert;
    }

    /**
     * Whether {@code e}, from an INSERT, is the database's duplicate-key error (MariaDB/MySQL 1062 and
     * 1586, H2 23505): no other error (another constraint, truncation, a deadlock) is.
     */
    public boolean isDuplicateKey(SQLException e) {
        return switch (this) {
            case MARIADB -> "23000".equals(e.getSQLState()) && (e.getErrorCode() == 1062 || e.getErrorCode() == 1586);
            case H2 -> e.getErrorCode() == 23505;
            default -> false;
        };
    }

    public String conditionalInsertSuffix(Collection<String> keyColumns) {
        return " ON CONFLICT (" + keyColumns.stream().map(this::quote).collect(Collectors.joining(", "))
                + ") DO NOTHING";
    }

    /**
     * A name as the catalog stores it, quoted: a column named like a keyword ({@code order},
     * {@code user}) stays a column, and the case is the stored one (H2 stores an unquoted name in
     * upper case, or lower case with {@code DATABASE_TO_LOWER}; a quoted one as written).
     */
    public String quote(String storedName) {
        String q = this == MARIADB ? "`" : "\"";
        return q + storedName.replace(q, q + q) + q;
    }
}

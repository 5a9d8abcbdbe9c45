package dev.safejdbc.guard.sql;

/**
 * Where a compared or inserted value comes from: a JDBC {@code ?} placeholder or a literal.
 *
 * @param parameter 1-based position of the {@code ?} in the SQL text, or 0 for a literal
 * @param literal   the literal value (Long, BigDecimal, String, Boolean, or null for an inserted NULL);
 *                  always null for a parameter
 */
public record ValueSource(int parameter, Object literal) {
    public ValueSource {
        if (parameter < 0 || parameter > 0 && literal != null) {
            throw new IllegalArgumentException("either a parameter index >= 1 or a literal");
        }
    }

    public static ValueSource parameter(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("JDBC parameter indexes start at 1: " + index);
        }
        return new ValueSource(index, null);
    }

    public static ValueSource literal(Object value) {
        return new ValueSource(0, value);
    }

    public boolean isParameter() {
        return parameter > 0;
    }
}

package dev.safejdbc.guard;

/**
 * How a guard compares a column with the value the application read: as the value itself, or,
 * where a database's values need not have their column's type (SQLite), the way the application's
 * getter saw it: as text, as bytes or as an integer. Bytes, ordered by how exactly they know the
 * value: a later getter that sees it more exactly replaces what an earlier one saw.
 */
final class ValueDomain {
    static final byte INTEGER = 1;
    static final byte TEXT = 2;
    static final byte BYTES = 3;
    static final byte NATIVE = 4;
    static final byte MASK = 0x0f;

    private ValueDomain() {
    }

    /** The column as the guard compares it in {@code domain}: cast to what the getter converted it to. */
    static String compared(String quotedColumn, byte domain) {
        switch (domain) {
            case TEXT:
                return "CAST(" + quotedColumn + " AS TEXT)";
            case BYTES:
                return "CAST(" + quotedColumn + " AS BLOB)";
            case INTEGER:
                return "CAST(" + quotedColumn + " AS INTEGER)";
            default:
                return quotedColumn;
        }
    }
}

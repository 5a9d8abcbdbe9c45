package dev.safejdbc.guard.sql;

import java.util.Collection;

/** Small checks on statement clauses and text shared by the statement analyzers. */
final class Clauses {
    private Clauses() {
    }

    /** True when every part is null or an empty collection, i.e. the statement lacks those clauses. */
    static boolean absent(Object... parts) {
        for (Object part : parts) {
            if (part != null && !(part instanceof Collection<?> c && c.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code sql} without trailing whitespace and semicolons, or null if it may contain a comment: text the
     * guard appends after a trailing {@code -- comment} would be commented out. ("--" or "/*" inside a string
     * literal also counts; that only costs the guard its rewrite.)
     */
    static String appendableBody(String sql) {
        if (sql.contains("--") || sql.contains("/*")) {
            return null;
        }
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(0, end);
    }
}

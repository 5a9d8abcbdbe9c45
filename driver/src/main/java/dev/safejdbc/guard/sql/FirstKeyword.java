package dev.safejdbc.guard.sql;

import java.util.Locale;

/** Finds a statement's leading keyword without parsing, so most SQL never reaches the parser. */
final class FirstKeyword {
    /** Returned as they are, not cut out of the SQL and lower-cased: every prepare and execute asks. */
    private static final String[] COMMON = {"select", "insert", "update", "delete", "with", "set", "begin", "commit",
            "rollback", "call"};

    private FirstKeyword() {
    }

    /**
     * The first word after whitespace, comments and opening parentheses, lower-cased; "" when there is none
     * (e.g. an unterminated comment, or an identifier such as {@code update2} that merely starts with a keyword).
     */
    static String of(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return "";
                }
                i = end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && isAsciiLetter(sql.charAt(i))) {
            i++;
        }
        if (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
            return "";
        }
        for (String keyword : COMMON) {
            if (keyword.length() == i - start && sql.regionMatches(true, start, keyword, 0, keyword.length())) {
                return keyword;
            }
        }
        return sql.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}

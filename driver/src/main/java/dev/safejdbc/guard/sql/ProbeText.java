package dev.safejdbc.guard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pieces of a keyed write's own text, for a query that finds the row the write named: the table as
 * written (with its alias) and the WHERE condition of an UPDATE or DELETE, or the column and value
 * lists of a one-row INSERT. Taken from the text rather than rebuilt, so the query names the table
 * and compares the key exactly as the application's statement does.
 *
 * <p>Works on an appendable body (no comments, the WHERE condition or VALUES row last); anything it
 * does not recognise gives null.
 */
public final class ProbeText {
    private final String text;
    private final boolean backslashEscapes;
    /** Top-level words (outside quotes and parentheses), lower-cased, with where each starts and ends. */
    private final List<String> words = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();
    /** Top-level parenthesised groups: where each opens and closes. */
    private final List<int[]> groups = new ArrayList<>();

    private ProbeText(String text, boolean backslashEscapes) {
        this.text = text;
        this.backslashEscapes = backslashEscapes;
    }

    /**
     * An UPDATE or DELETE as a read of the rows it names.
     *
     * @param query      {@code SELECT 1 FROM <table as written> WHERE <its condition>}
     * @param parameters the number of {@code ?} in the condition: the statement's last parameters
     */
    public record RowQuery(String query, int parameters) {
    }

    /** A one-row INSERT's table as written, and its column and value texts in order. */
    public record InsertRow(String table, List<String> columns, List<String> values) {
    }

    /**
     * @param body             an UPDATE or DELETE whose text ends with its WHERE condition
     * @param backslashEscapes whether a backslash escapes a quote in a string literal (MariaDB, whose
     *                         strings may be double-quoted)
     * @return the query; null when the text is not a plain {@code UPDATE t SET .. WHERE ..} or
     *         {@code DELETE FROM t WHERE ..}
     */
    public static RowQuery keyedWrite(String body, boolean backslashEscapes) {
        ProbeText p = new ProbeText(body, backslashEscapes);
        if (!p.scan() || p.words.isEmpty()) {
            return null;
        }
        int where = p.words.lastIndexOf("where");
        int targetStart;
        int targetEnd;
        if (p.words.get(0).equals("update")) {
            int set = p.words.indexOf("set");
            if (set < 1 || where < set || modifier(p.words.get(1))) {
                return null;
            }
            targetStart = p.spans.get(0)[1];
            targetEnd = p.spans.get(set)[0];
        } else if (p.words.get(0).equals("delete")) {
            if (p.words.size() < 3 || !p.words.get(1).equals("from") || where < 2) {
                return null;
            }
            targetStart = p.spans.get(1)[1];
            targetEnd = p.spans.get(where)[0];
        } else {
            return null;
        }
        if (body.substring(targetStart, targetEnd).isBlank()) {
            return null;
        }
        String condition = body.substring(p.spans.get(where)[1]);
        return new RowQuery("SELECT 1 FROM" + body.substring(targetStart, targetEnd) + "WHERE" + condition,
                p.placeholders(p.spans.get(where)[1], body.length()));
    }

    /**
     * @param body an INSERT whose text ends with its one VALUES row
     * @return its pieces; null when the text is not a plain {@code INSERT INTO t (..) VALUES (..)}
     */
    public static InsertRow insert(String body, boolean backslashEscapes) {
        ProbeText p = new ProbeText(body, backslashEscapes);
        if (!p.scan() || p.words.size() < 3 || !p.words.get(0).equals("insert") || !p.words.get(1).equals("into")
                || !p.words.get(p.words.size() - 1).equals("values") || p.groups.size() != 2) {
            return null;
        }
        int[] columns = p.groups.get(0);
        int[] values = p.groups.get(1);
        String table = body.substring(p.spans.get(1)[1], columns[0]).strip();
        if (table.isEmpty() || !body.substring(values[1] + 1).isBlank()) {
            return null;
        }
        return new InsertRow(table, p.split(columns), p.split(values));
    }

    /** MariaDB's UPDATE LOW_PRIORITY / IGNORE, PostgreSQL's UPDATE ONLY: no plain table there. */
    private static boolean modifier(String word) {
        return word.equals("low_priority") || word.equals("ignore") || word.equals("only");
    }

    /** Finds the top-level words and groups; false when a quote or parenthesis does not close. */
    private boolean scan() {
        int depth = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(i, c);
                if (i < 0) {
                    return false;
                }
            } else if (c == '(' || c == '[') {
                if (depth == 0) {
                    groups.add(new int[] {i, -1});
                }
                depth++;
                i++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth < 0) {
                    return false;
                }
                if (depth == 0) {
                    groups.get(groups.size() - 1)[1] = i;
                }
                i++;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (depth == 0) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                    spans.add(new int[] {start, i});
                }
            } else {
                i++;
            }
        }
        return depth == 0;
    }

    /** The index just past the quoted text opening at {@code start}; -1 when it does not close. */
    private int skipQuoted(int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && backslashEscapes && quote != '`') {
                i++;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The {@code ?} placeholders between {@code from} and {@code to}, outside quotes. */
    private int placeholders(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(i, c) - 1;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    /** The group's items, split at its own commas. */
    private List<String> split(int[] group) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = group[0] + 1;
        for (int i = start; i < group[1]; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(i, c) - 1;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(text.substring(start, group[1]).strip());
        return items;
    }
}

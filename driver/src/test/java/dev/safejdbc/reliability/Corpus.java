package dev.safejdbc.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SQL corpus (one statement per line; {@code --} lines are comments, {@code --@} lines are
 * directives) and the one rendering of what running a statement gives that the differential and
 * fuzz tests compare: every result set (labels, type names, every row and column through
 * {@code getObject}), every update count, the warnings, or the error's class, SQLState, vendor code
 * and first message line.
 */
final class Corpus {
    /** One line of the corpus: a statement, or a directive ({@code autocommit on|off}, {@code commit}, ...). */
    record Entry(int line, String sql, String directive) {
        boolean isDirective() {
            return directive != null;
        }
    }

    private Corpus() {
    }

    static List<Entry> load(String resource) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("--@")) {
                    entries.add(new Entry(number, null, line.substring(3).trim()));
                } else if (!line.isBlank() && !line.startsWith("--")) {
                    entries.add(new Entry(number, line, null));
                }
            }
        }
        return entries;
    }

    static long statements(List<Entry> entries) {
        return entries.stream().filter(e -> !e.isDirective()).count();
    }

    /** Applies a directive to a connection; returns whether the next statement is to be prepared. */
    static boolean apply(Connection c, String directive) throws SQLException {
        switch (directive) {
            case "autocommit on" -> c.setAutoCommit(true);
            case "autocommit off" -> c.setAutoCommit(false);
            case "commit" -> c.commit();
            case "rollback" -> c.rollback();
            case "prepared" -> {
                return true;
            }
            default -> throw new IllegalArgumentException("unknown directive " + directive);
        }
        return false;
    }

    /** What running {@code sql} gives, rendered; a RuntimeException (never acceptable from safe-jdbc) is rendered too. */
    static String run(Connection c, String sql, boolean prepared) {
        StringBuilder out = new StringBuilder();
        try (Statement st = prepared ? c.prepareStatement(sql) : c.createStatement()) {
            boolean isResultSet = prepared ? ((PreparedStatement) st).execute() : st.execute(sql);
            for (int results = 0; results < 100; results++) {
                if (isResultSet) {
                    try (ResultSet rs = st.getResultSet()) {
                        render(rs, out);
                    }
                } else {
                    int count = st.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    out.append("count=").append(count).append('\n');
                }
                isResultSet = st.getMoreResults();
            }
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                out.append("warning ").append(w.getSQLState()).append(' ').append(firstLine(w.getMessage())).append('\n');
            }
        } catch (SQLException e) {
            out.append("ERROR ").append(error(e));
        } catch (RuntimeException e) {
            out.append("RUNTIME EXCEPTION ").append(e);
        }
        return out.toString();
    }

    static String error(SQLException e) {
        return e.getClass().getName() + " state=" + e.getSQLState() + " code=" + e.getErrorCode() + " "
                + firstLine(e.getMessage());
    }

    private static void render(ResultSet rs, StringBuilder out) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        out.append("columns");
        for (int i = 1; i <= columns; i++) {
            out.append(" | ").append(meta.getColumnLabel(i)).append(':').append(meta.getColumnTypeName(i));
        }
        out.append('\n');
        int rows = 0;
        while (rs.next()) {
            rows++;
            for (int i = 1; i <= columns; i++) {
                out.append(i == 1 ? "" : " | ").append(value(rs.getObject(i)));
            }
            out.append('\n');
        }
        out.append("rows=").append(rows).append('\n');
    }

    private static String value(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.sql.SQLXML xml) {
            try {
                return "xml:" + xml.getString();
            } catch (SQLException e) {
                return "xml: unreadable " + e.getSQLState();
            }
        }
        if (value instanceof java.sql.Array array) {
            try {
                return "array:" + java.util.Arrays.deepToString((Object[]) array.getArray());
            } catch (SQLException | ClassCastException e) {
                return "array:" + array;
            }
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "null";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

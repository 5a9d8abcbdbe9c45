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
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A SQL corpus (one statement per line; {@code --} lines are comments, {@code --@} lines are
 * directives) and the one rendering of what running a statement gives that the differential and
 * fuzz tests compare: every result set (labels, type names, every row and column through
 * {@code getObject}), every update count, the warnings, or the error's class, SQLState, vendor code
 * and first message line.
 */
final class Corpus {
    /**
     * One line of the corpus: a statement, or a directive ({@code autocommit on|off}, {@code commit}, ...), in the
     * case named by the last {@code -- case NAME} line before it (null before the first).
     */
    record Entry(int line, String sql, String directive, String caseName) {
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
            String caseName = null;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("-- case ")) {
                    caseName = line.substring(8).trim();
                } else if (line.startsWith("--@")) {
                    entries.add(new Entry(number, null, line.substring(3).trim(), caseName));
                } else if (!line.isBlank() && !line.startsWith("--")) {
                    entries.add(new Entry(number, line, null, caseName));
                }
            }
        }
        return entries;
    }

    /**
     * The ordinary shapes of {@code soundness-shapes.sql} three ways, each on tables of its own
     * ({@code ${t}} is {@code gen}, {@code genp}, {@code genq}): as written; every statement prepared;
     * every SELECT through {@code executeQuery}.
     */
    static List<Entry> threeWays(List<Entry> shapes) {
        List<Entry> all = new ArrayList<>(way(shapes, "plain: ", "gen", null));
        all.addAll(way(shapes, "prepared: ", "genp", "prepared"));
        all.addAll(way(shapes, "queried: ", "genq", "query"));
        return all;
    }

    /** {@code shapes} with {@code how} ("prepared" or "query", or null) asked before each statement it concerns. */
    private static List<Entry> way(List<Entry> shapes, String prefix, String table, String how) {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : shapes) {
            String caseName = prefix + entry.caseName();
            if (entry.isDirective()) {
                out.add(new Entry(entry.line(), null, entry.directive().replace("${t}", table), caseName));
                continue;
            }
            String sql = entry.sql().replace("${t}", table);
            boolean concerned = "prepared".equals(how)
                    || "query".equals(how) && sql.regionMatches(true, 0, "SELECT", 0, 6);
            if (concerned) {
                Entry before = out.isEmpty() ? null : out.get(out.size() - 1);
                String asked = before != null && before.isDirective()
                        && List.of("prepared", "query", "prepared query").contains(before.directive())
                        ? before.directive() : "";
                if (asked.isEmpty()) {
                    out.add(new Entry(entry.line(), null, how, caseName));
                } else if (!asked.equals(how) && !asked.equals("prepared query")) { // the other of the two: both
                    out.set(out.size() - 1, new Entry(before.line(), null, "prepared query", caseName));
                }
            }
            out.add(new Entry(entry.line(), sql, null, caseName));
        }
        return out;
    }

    /**
     * Runs every entry of {@code corpus} in order on {@code c}: what each gave, rendered, in the corpus's order
     * (directives give "ok" or their error), with each {@code ${schema}} replaced by {@code schema}.
     */
    static List<String> outcomes(Connection c, List<Entry> corpus, String schema) {
        return outcomes(c, corpus, schema, null);
    }

    /**
     * As {@link #outcomes(Connection, List, String)}, with {@code --@other SQL} run on {@code other}: another
     * session on the same database (the raw driver, in autocommit), whose change the first does not see.
     */
    static List<String> outcomes(Connection c, List<Entry> corpus, String schema, Connection other) {
        return outcomes(c, corpus, schema, other, false);
    }

    /** The same, every statement prepared when {@code prepareAll} (a query directive still runs a query). */
    static List<String> outcomes(Connection c, List<Entry> corpus, String schema, Connection other,
            boolean prepareAll) {
        List<String> outcomes = new ArrayList<>(corpus.size());
        Call plain = prepareAll ? Call.PREPARED : Call.EXECUTE;
        Call next = plain;
        for (Entry entry : corpus) {
            if (entry.isDirective() && entry.directive().startsWith("other ")) {
                String sql = entry.directive().substring(6).replace("${schema}", schema == null ? "" : schema);
                outcomes.add(other == null ? "no other session" : run(other, sql, Call.EXECUTE));
                continue;
            }
            if (entry.isDirective()) {
                try {
                    next = apply(c, entry.directive());
                    next = !prepareAll ? next : next == Call.EXECUTE ? plain
                            : next == Call.QUERY ? Call.PREPARED_QUERY : next;
                    outcomes.add("ok");
                } catch (SQLException e) {
                    next = plain;
                    outcomes.add("ERROR " + error(e));
                }
                continue;
            }
            outcomes.add(run(c, schema == null ? entry.sql() : entry.sql().replace("${schema}", schema), next)
                    .replace(schema == null ? "${schema}" : schema, "${schema}"));
            next = plain;
        }
        return outcomes;
    }

    static long statements(List<Entry> entries) {
        return entries.stream().filter(e -> !e.isDirective()).count();
    }

    /** How the next statement runs: through {@code execute} or {@code executeQuery}, prepared or not. */
    enum Call {
        EXECUTE, PREPARED, QUERY, PREPARED_QUERY
    }

    /** Savepoints set by {@code --@savepoint NAME}, per connection. */
    private static final Map<Connection, Map<String, Savepoint>> SAVEPOINTS =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Applies a directive to a connection; returns how the next statement is to run. */
    static Call apply(Connection c, String directive) throws SQLException {
        switch (directive) {
            case "autocommit on" -> c.setAutoCommit(true);
            case "autocommit off" -> c.setAutoCommit(false);
            case "commit" -> c.commit();
            case "rollback" -> c.rollback();
            case "prepared" -> {
                return Call.PREPARED;
            }
            case "query" -> {
                return Call.QUERY;
            }
            case "prepared query" -> {
                return Call.PREPARED_QUERY;
            }
            default -> {
                if (directive.startsWith("savepoint ")) {
                    SAVEPOINTS.computeIfAbsent(c, k -> new HashMap<>())
                            .put(directive.substring(10), c.setSavepoint(directive.substring(10)));
                } else if (directive.startsWith("rollback to ")) {
                    c.rollback(SAVEPOINTS.getOrDefault(c, Map.of()).get(directive.substring(12)));
                } else {
                    throw new IllegalArgumentException("unknown directive " + directive);
                }
            }
        }
        return Call.EXECUTE;
    }

    /** What running {@code sql} gives, rendered; a RuntimeException (never acceptable from safe-jdbc) is rendered too. */
    static String run(Connection c, String sql, boolean prepared) {
        return run(c, sql, prepared ? Call.PREPARED : Call.EXECUTE);
    }

    static String run(Connection c, String sql, Call call) {
        StringBuilder out = new StringBuilder();
        boolean prepared = call == Call.PREPARED || call == Call.PREPARED_QUERY;
        try (Statement st = prepared ? c.prepareStatement(sql) : c.createStatement()) {
            if (call == Call.QUERY || call == Call.PREPARED_QUERY) {
                try (ResultSet rs = prepared ? ((PreparedStatement) st).executeQuery() : st.executeQuery(sql)) {
                    render(rs, out);
                }
                return out.toString();
            }
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

    /** The error as the application sees it; MariaDB's "(conn=N)" names the connection, which differs. */
    static String error(SQLException e) {
        return e.getClass().getName() + " state=" + e.getSQLState() + " code=" + e.getErrorCode() + " "
                + firstLine(e.getMessage()).replaceFirst("^\\(conn=\\d+\\) ", "");
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
        if (value instanceof java.sql.Blob blob) { // by content: a LOB's toString names its handle (H2: blob4)
            try {
                return "blob:" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
            } catch (SQLException e) {
                return "blob: unreadable " + e.getSQLState();
            }
        }
        if (value instanceof java.sql.Clob clob) {
            try {
                return "clob:" + clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                return "clob: unreadable " + e.getSQLState();
            }
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

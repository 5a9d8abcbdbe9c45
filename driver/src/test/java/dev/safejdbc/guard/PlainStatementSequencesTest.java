package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One plain statement of SQLite runs {@code execute}, {@code executeUpdate} and {@code executeQuery} in every
 * order of up to three calls, writes guarded (a keyed read of the row came first, in autocommit) or not: after
 * each call, every {@code getUpdateCount()} and {@code getMoreResults()} answer is sqlite-jdbc's own, as on
 * the raw driver, whose answers depend on the statement's past.
 */
class PlainStatementSequencesTest {
    /** Each call; a write of row 2, which no read came before, is sent as written. */
    private static final String[] CALLS = {"execute", "executeUpdate", "executeQuery", "execute row 2",
        "executeUpdate row 2"};

    @TempDir
    Path dir;

    @Test
    void everyOrderOfExecuteExecuteUpdateAndExecuteQueryAnswersAsTheRawDriver() throws Exception {
        String rawUrl = database("raw");
        String safeUrl = "jdbc:safe:" + database("safe").substring("jdbc:".length());
        List<List<String>> sequences = new ArrayList<>();
        for (int length = 1; length <= 3; length++) {
            sequences.addAll(sequences(length));
        }
        try (Connection raw = DriverManager.getConnection(rawUrl);
                Connection safe = DriverManager.getConnection(safeUrl);
                CapturedFindings findings = CapturedFindings.onThisThread()) {
            for (List<String> sequence : sequences) {
                assertThat(run(safe, sequence)).as(String.join(", ", sequence)).isEqualTo(run(raw, sequence));
            }
            assertThat(findings.all()).isEmpty();
        }
    }

    private String database(String name) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve(name + ".db");
        try (Connection c = DriverManager.getConnection(url)) {
            PlainStatements.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INT NOT NULL)");
            PlainStatements.exec(c, "INSERT INTO t VALUES (1, 0), (2, 0)");
        }
        return url;
    }

    private static List<List<String>> sequences(int length) {
        List<List<String>> all = new ArrayList<>();
        if (length == 0) {
            all.add(List.of());
            return all;
        }
        for (List<String> shorter : sequences(length - 1)) {
            for (String call : CALLS) {
                List<String> longer = new ArrayList<>(shorter);
                longer.add(call);
                all.add(longer);
            }
        }
        return all;
    }

    /** The calls on one fresh statement, and what it answers after each. */
    private static List<String> run(Connection c, List<String> sequence) throws SQLException {
        List<String> seen = new ArrayList<>();
        int value = 0;
        try (Statement st = c.createStatement()) {
            for (String call : sequence) {
                readRow(c); // a write of row 1 after it is guarded
                String write = "UPDATE t SET v = " + (++value) + " WHERE id = " + (call.endsWith("row 2") ? 2 : 1);
                switch (call) {
                    case "execute", "execute row 2" -> seen.add("execute=" + answer(() -> st.execute(write)));
                    case "executeUpdate", "executeUpdate row 2" -> seen.add("executeUpdate="
                            + answer(() -> st.executeUpdate(write)));
                    default -> seen.add("executeQuery=" + answer(() -> {
                        ResultSet rs = st.executeQuery("SELECT v FROM t WHERE id = 1");
                        return rs.next() ? rs.getInt(1) : null;
                    }));
                }
                seen.add("getUpdateCount=" + answer(st::getUpdateCount) + " getMoreResults=" + answer(st::getMoreResults)
                        + " getUpdateCount=" + answer(st::getUpdateCount) + " getResultSet=" + answer(
                                () -> st.getResultSet() == null));
            }
        }
        return seen;
    }

    private static void readRow(Connection c) throws SQLException {
        try (Statement read = c.createStatement(); ResultSet rs = read.executeQuery("SELECT id, v FROM t WHERE id = 1")) {
            rs.next();
            rs.getInt(2);
        }
    }

    /**
     * What a call answers, or what it throws (sqlite-jdbc answers some with a NullPointerException, whose
     * message only the class may stand for: once C2 compiles the throwing code, the JVM throws a preallocated
     * one without a message, in one JVM's raw side or safe side first).
     */
    private static String answer(Callable<?> call) {
        try {
            return String.valueOf(call.call());
        } catch (NullPointerException e) {
            return e.getClass().getName();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}

package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.safejdbc.error.GuardConflictException;
import dev.safejdbc.findings.FindingKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQLite: a column's values need not have its declared type, and a getter converts the value it
 * reads in place (a blob read with {@code getString} is text from then on). The guard therefore
 * takes each value as the application's getter gave it and compares the column the same way
 * ({@code CAST(v AS TEXT)} after {@code getString}), without reading the row a second time. Each
 * case reads a row, lets another connection change it or not (autocommit leaves the window open),
 * and writes the row by key.
 */
class SqliteGetterViewsTest {
    @TempDir
    Path dir;

    private final GuardTestDb db = GuardTestDb.SQLITE;
    private final SentStatements sent = new SentStatements();
    private CapturedFindings findings;

    @BeforeEach
    void givenTheTable() throws SQLException {
        findings = CapturedFindings.onThisThread();
        db.execute(dir, "CREATE TABLE t (id INTEGER PRIMARY KEY, v, r REAL, i INTEGER, note TEXT)");
    }

    @AfterEach
    void stopListening() throws Exception {
        findings.close();
    }

    /** How the application reads the row's column {@code v}. */
    @FunctionalInterface
    interface Reading {
        void read(ResultSet rs) throws SQLException;
    }

    static Stream<Arguments> readsAndChanges() {
        Reading string = rs -> rs.getString("v");
        Reading stringThenBytes = rs -> {
            rs.getString("v");
            rs.getBytes("v");
        };
        Reading intThenString = rs -> {
            rs.getInt("v");
            rs.getString("v");
        };
        Reading longValue = rs -> rs.getLong("v");
        return Stream.of(
                // a blob of UTF-8 text read as text: compared as text
                arguments("x'414243'", "getString", string, "x'414243'", false),
                arguments("x'414243'", "getString", string, "x'414244'", true),
                arguments("x'414243'", "getString", string, "'ABC'", false), // the application saw "ABC" both times
                // a blob that is not UTF-8, repaired by getString and read exactly by getBytes
                arguments("x'00ff'", "getString, getBytes", stringThenBytes, "x'00ff'", false),
                arguments("x'00ff'", "getString, getBytes", stringThenBytes, "x'00fe'", true),
                // a getter the guard takes nothing from has the row read first, as it was
                arguments("x'00ff'", "getInt, getString", intThenString, "x'00ff'", false),
                arguments("x'00ff'", "getInt, getString", intThenString, "x'00fe'", true),
                // an integer in an untyped column read as text: "5" is 5 as the application saw it
                arguments("5", "getString", string, "5", false),
                arguments("5", "getString", string, "6", true),
                // a real read as text, as SQLite formats it (15 significant digits)
                arguments("0.1 + 0.2", "getString", string, "0.1 + 0.2", false),
                arguments("0.1 + 0.2", "getString", string, "0.4", true),
                // read with getLong: compared as the integer the application saw
                arguments("1234.5", "getLong", longValue, "1234.75", false),
                arguments("1234.5", "getLong", longValue, "1235.5", true),
                arguments("'12abc'", "getLong", longValue, "'12abc'", false),
                arguments("'12abc'", "getLong", longValue, "'13abc'", true),
                arguments("7", "getLong", longValue, "NULL", true));
    }

    @ParameterizedTest(name = "v = {0}, read with {1}, then v = {3}: conflict {4}")
    @MethodSource("readsAndChanges")
    void guardComparesWhatTheGetterSaw(String stored, String getters, Reading reading, String changed,
            boolean conflict) throws Exception {
        db.execute(dir, "INSERT INTO t (id, v, note) VALUES (1, " + stored + ", 'before')");
        try (Connection c = db.safe(dir, new Properties())) {
            read(c, reading);
            db.execute(dir, "UPDATE t SET v = " + changed + " WHERE id = 1");

            if (conflict) {
                assertThat((Throwable) catchThrowableOfType(() -> writeNote(c), GuardConflictException.class))
                        .isNotNull();
            } else {
                assertThat(writeNote(c)).isEqualTo(1);
            }
        }
        assertThat(findings.of(FindingKind.UNCOMPARED_COLUMNS)).isEmpty();
    }

    @Test
    void blobThatIsNotTextReadOnlyAsTextIsNotComparedAndSaysSo() throws Exception {
        db.execute(dir, "INSERT INTO t (id, v, note) VALUES (1, x'00ff', 'before')");
        try (Connection c = db.safe(dir, new Properties())) {
            read(c, rs -> assertThat(rs.getString("v")).contains("\uFFFD"));
            db.execute(dir, "UPDATE t SET v = x'00fe' WHERE id = 1");

            assertThat(writeNote(c)).isEqualTo(1); // its original value is gone: not compared, never guessed
        }
        assertThat(findings.of(FindingKind.UNCOMPARED_COLUMNS)).singleElement()
                .satisfies(finding -> assertThat(finding.detail()).contains("not compared: [v]"));
    }

    @Test
    void guardedTextComparesEachColumnAsItWasReadAndBindsTheValues() throws Exception {
        db.execute(dir, "INSERT INTO t (id, v, r, i, note) VALUES (1, x'414243', 2.5, 7, 'before')");
        DataSource safe = db.recorded(dir, sent, new Properties());
        try (Connection c = safe.getConnection()) {
            read(c, rs -> {
                rs.getString("v");
                rs.getBytes("r");
                rs.getLong("i");
                rs.getObject("note");
            });
            writeNote(c);
            SentStatements.Sent update = sent.last("UPDATE", "t");
            assertThat(update.sql()).isEqualTo("UPDATE t SET note = ? WHERE id = ? AND CAST(\"v\" AS TEXT) IS ? COLLATE BINARY"
                    + " AND CAST(\"r\" AS BLOB) IS ? COLLATE BINARY AND CAST(\"i\" AS INTEGER) IS ? COLLATE BINARY AND \"note\" IS ? COLLATE BINARY");
            assertThat(update.parameters()).containsExactly("after", 1L, "ABC", "2.5".getBytes(UTF_8), 7L, "before");

            read(c, rs -> rs.getObject("i")); // the same statements, read another way: their own text
            writeNote(c);
            assertThat(sent.last("UPDATE", "t").sql()).isEqualTo("UPDATE t SET note = ? WHERE id = ?"
                    + " AND \"v\" IS ? COLLATE BINARY AND \"r\" IS ? COLLATE BINARY AND \"i\" IS ? COLLATE BINARY"
                    + " AND \"note\" IS ? COLLATE BINARY");
        }
    }

    private static void read(Connection c, Reading reading) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT v, r, i, note FROM t WHERE id = ?")) {
            read.setLong(1, 1);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                reading.read(rs);
            }
        }
    }

    private static int writeNote(Connection c) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE t SET note = ? WHERE id = ?")) {
            write.setString(1, "after");
            write.setLong(2, 1);
            return write.executeUpdate();
        }
    }
}

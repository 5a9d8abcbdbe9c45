package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every PreparedStatement setter overload reaches the database exactly as the application called it when the guard
 * rewrites the write (issue #13: {@code setObject(i, x, type, scale)} was replayed without its scale). For each
 * setter, the raw driver stores a value in one row; through {@code jdbc:safe:} a keyed read of another row and then
 * the same setter on its guarded update store one too; both must read back alike. A third row, changed by another
 * connection between the read and the write, must be a lost race: the guarded form was what ran.
 */
class SetterReplayTest {
    /** A setter call on parameter 1 of {@code UPDATE .. SET <column> = ? WHERE id = ?}. */
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private record Case(String name, String column, Binder binder) {
    }

    /** The column kinds, and each database's type for them. */
    private static final List<String> COLUMNS = List.of("c_bool", "c_int", "c_real", "c_double", "c_num", "c_text",
            "c_bytes", "c_date", "c_time", "c_ts");

    enum Db {
        POSTGRESQL("boolean;bigint;real;double precision;numeric;text;bytea;date;time(6);timestamp(6)"),
        MARIADB("boolean;bigint;float;double;decimal(20,6);varchar(100);varbinary(100);date;time(6);datetime(6)"),
        H2("boolean;bigint;real;double precision;decimal(20,6);varchar(100);varbinary(100);date;time(6);timestamp(6)"),
        SQLITE("integer;integer;real;real;numeric;text;blob;text;text;text");

        final String[] types;

        Db(String types) {
            this.types = types.split(";");
        }

        String url(Path dir) {
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case MARIADB -> "jdbc:" + TestDatabases.mariadb();
                case H2 -> "jdbc:h2:mem:" + TestDatabases.unique("replay") + ";DB_CLOSE_DELAY=-1";
                case SQLITE -> "jdbc:sqlite:" + dir.resolve("replay.db");
            };
        }
    }

    private static List<Case> cases() {
        Calendar honolulu = Calendar.getInstance(TimeZone.getTimeZone("Pacific/Honolulu"));
        BigDecimal precise = new BigDecimal("1.23456");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("setBoolean", "c_bool", ps -> ps.setBoolean(1, true)));
        cases.add(new Case("setByte", "c_int", ps -> ps.setByte(1, (byte) 7)));
        cases.add(new Case("setShort", "c_int", ps -> ps.setShort(1, (short) 300)));
        cases.add(new Case("setInt", "c_int", ps -> ps.setInt(1, 70000)));
        cases.add(new Case("setLong", "c_int", ps -> ps.setLong(1, 9_000_000_000L)));
        cases.add(new Case("setFloat", "c_real", ps -> ps.setFloat(1, 0.1f)));
        cases.add(new Case("setDouble", "c_double", ps -> ps.setDouble(1, 0.1)));
        cases.add(new Case("setBigDecimal", "c_num", ps -> ps.setBigDecimal(1, precise)));
        cases.add(new Case("setString", "c_text", ps -> ps.setString(1, "h\u00e9llo ")));
        cases.add(new Case("setNString", "c_text", ps -> ps.setNString(1, "n\u00e9")));
        cases.add(new Case("setBytes", "c_bytes", ps -> ps.setBytes(1, "\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(new Case("setDate", "c_date", ps -> ps.setDate(1, Date.valueOf("2024-02-29"))));
        cases.add(new Case("setDate calendar", "c_date", ps -> ps.setDate(1, Date.valueOf("2024-02-29"), honolulu)));
        cases.add(new Case("setTime", "c_time", ps -> ps.setTime(1, Time.valueOf("12:34:56"))));
        cases.add(new Case("setTime calendar", "c_time", ps -> ps.setTime(1, Time.valueOf("12:34:56"), honolulu)));
        cases.add(new Case("setTimestamp", "c_ts",
                ps -> ps.setTimestamp(1, Timestamp.valueOf("2024-01-31 12:30:00.123456"))));
        cases.add(new Case("setTimestamp calendar", "c_ts",
                ps -> ps.setTimestamp(1, Timestamp.valueOf("2024-01-31 12:30:00.123456"), honolulu)));
        cases.add(new Case("setObject", "c_text", ps -> ps.setObject(1, "obj")));
        cases.add(new Case("setObject LocalDateTime", "c_ts",
                ps -> ps.setObject(1, LocalDateTime.parse("2024-01-31T12:30:00.654321"))));
        cases.add(new Case("setObject type", "c_num", ps -> ps.setObject(1, precise, Types.NUMERIC)));
        cases.add(new Case("setObject type scale", "c_num", ps -> ps.setObject(1, precise, Types.NUMERIC, 2)));
        cases.add(new Case("setObject SQLType", "c_num", ps -> ps.setObject(1, precise, JDBCType.NUMERIC)));
        cases.add(new Case("setObject SQLType scale", "c_num", ps -> ps.setObject(1, precise, JDBCType.NUMERIC, 2)));
        cases.add(new Case("setObject string as integer", "c_int", ps -> ps.setObject(1, "42", Types.BIGINT)));
        cases.add(new Case("setNull", "c_int", ps -> ps.setNull(1, Types.BIGINT)));
        cases.add(new Case("setNull type name", "c_text", ps -> ps.setNull(1, Types.VARCHAR, "VARCHAR")));
        return cases;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everySetterReachesTheDatabaseAsCalled(Db db, @TempDir Path dir) throws SQLException {
        String url = db.url(dir);
        String table = TestDatabases.unique("replay");
        List<Case> cases = cases();
        try (Connection raw = DriverManager.getConnection(url)) {
            createTable(raw, db, table);
            for (int k = 0; k < cases.size(); k++) {
                exec(raw, "INSERT INTO " + table + " (id, v) VALUES (" + k + ", 0), (" + (1000 + k) + ", 0), ("
                        + (2000 + k) + ", 0)");
            }
            try (Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
                GuardTestDb.beginUnitOfWork(safe); // SQLite: in autocommit, where the guard acts
                for (int k = 0; k < cases.size(); k++) {
                    Case c = cases.get(k);
                    String rawOutcome = write(raw, table, c, k);
                    read(safe, table, 1000 + k);
                    String safeOutcome = write(safe, table, c, 1000 + k);
                    GuardTestDb.endUnitOfWork(safe);
                    assertThat(safeOutcome).as(c.name()).isEqualTo(rawOutcome);
                    assertThat(stored(raw, table, c.column(), 1000 + k)).as(c.name())
                            .isEqualTo(stored(raw, table, c.column(), k));
                    if (db != Db.SQLITE && !rawOutcome.startsWith("ERROR")) { // SQLite: a writer waits for the reader
                        int raced = 2000 + k;
                        read(safe, table, raced);
                        exec(raw, "UPDATE " + table + " SET v = 1 WHERE id = " + raced);
                        assertThatThrownBy(() -> write(safe, table, c, raced)).as(c.name() + ": guarded")
                                .isInstanceOf(SQLException.class).extracting("SQLState").isEqualTo("40001");
                        safe.rollback();
                    }
                }
            } finally {
                exec(raw, "DROP TABLE " + table);
            }
        }
    }

    /**
     * A setter whose value is read as it is sent (a stream, a reader) is not replayed: the guarded write goes as
     * written, stores what the raw driver stores, and is recorded as unguarded (the finding names the setter:
     * SetterClassificationTest).
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aStreamOrReaderSetterSendsTheWriteAsWrittenAndIsRecorded(Db db, @TempDir Path dir) throws Exception {
        String url = db.url(dir);
        String table = TestDatabases.unique("replay");
        List<Case> cases = List.of(
                new Case("setBinaryStream", "c_bytes", ps -> ps.setBinaryStream(1, new ByteArrayInputStream(
                        new byte[] {0, 1, (byte) 0xff}), 3)),
                new Case("setCharacterStream", "c_text", ps -> ps.setCharacterStream(1, new StringReader("r\u00e9ad"), 4)));
        try (Connection raw = DriverManager.getConnection(url)) {
            createTable(raw, db, table);
            exec(raw, "INSERT INTO " + table + " (id, v) VALUES (0, 0), (1, 0), (1000, 0), (1001, 0)");
            try (Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5));
                    CapturedFindings findings = CapturedFindings.onThisThread()) {
                GuardTestDb.beginUnitOfWork(safe); // SQLite: in autocommit, where the guard acts
                for (int k = 0; k < cases.size(); k++) {
                    Case c = cases.get(k);
                    String rawOutcome = write(raw, table, c, k);
                    read(safe, table, 1000 + k);
                    assertThat(write(safe, table, c, 1000 + k)).as(c.name()).isEqualTo(rawOutcome);
                    GuardTestDb.endUnitOfWork(safe);
                    assertThat(stored(raw, table, c.column(), 1000 + k)).as(c.name())
                            .isEqualTo(stored(raw, table, c.column(), k));
                }
                assertThat(findings.of(FindingKind.UNGUARDED_CHECK_THEN_ACT)).as("one per write").hasSize(2);
            } finally {
                exec(raw, "DROP TABLE " + table);
            }
        }
    }

    /** A row id, a value v, and a column of each kind in {@code db}'s types. */
    private static void createTable(Connection raw, Db db, String table) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL");
        for (int i = 0; i < COLUMNS.size(); i++) {
            ddl.append(", ").append(COLUMNS.get(i)).append(' ').append(db.types[i]);
        }
        exec(raw, ddl.append(')').toString());
    }

    private static void read(Connection c, String table, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    /** "count=N", or the error the setter or the write gave. */
    private static String write(Connection c, String table, Case write, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + write.column() + " = ? WHERE id = ?")) {
            try {
                write.binder().bind(ps);
            } catch (SQLException e) {
                return "ERROR " + e.getSQLState();
            }
            ps.setInt(2, id);
            return "count=" + ps.executeUpdate();
        }
    }

    private static String stored(Connection c, String table, String column, int id) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + column + " FROM " + table + " WHERE id = " + id)) {
            rs.next();
            return column.equals("c_bytes") ? HexFormat.of().formatHex(rs.getBytes(1)) : rs.getString(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.safejdbc.error.GuardConflictException;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard's comparisons over real column types: a row read with {@code SELECT *} and then
 * updated by key is written when nothing changed in between (NULL compares equal to NULL), and is
 * a conflict (40001) when another connection changed any one compared column in between. JSON and
 * array columns are not compared; reading them records UNCOMPARED_COLUMNS.
 *
 * <p>PostgreSQL runs the check-then-act in a transaction. SQLite runs it in autocommit: a SQLite
 * transaction that has read cannot see another connection's commit (its write fails with
 * SQLITE_BUSY whatever the guard does), so only autocommit leaves a window for the guard to close.
 */
class GuardValuesTest {
    private static final String QUOTED = "O'Reilly \"x\" \\ C:\\path\\n '' \\' end";
    private static final String UNICODE = "emoji 😀🚀 CJK 漢字 ありがとう 한국어 ‮rtl";

    @TempDir
    Path dir;

    private CapturedFindings findings;
    private GuardTestDb db;
    private String table;
    private String mood;

    @BeforeEach
    void listen() {
        findings = CapturedFindings.onThisThread();
    }

    @AfterEach
    void dropTable() throws Exception {
        findings.close();
        if (db != null) {
            db.execute(dir, "DROP TABLE IF EXISTS " + table);
            if (mood != null) {
                db.execute(dir, "DROP TYPE IF EXISTS " + mood);
            }
        }
    }

    // --- nothing changed: the guarded write goes through ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void unchangedRowIsWritten(GuardTestDb database) throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            assertThat(writeNote(c, 1, "after")).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }
        assertThat(noteOf(1)).isEqualTo("after");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void rowOfNullsComparesNullToNullAsEqual(GuardTestDb database) throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRow(c, 2);
            assertThat(writeNote(c, 2, "after")).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }
        assertThat(noteOf(2)).isEqualTo("after");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardedUpdateComparesEveryComparableColumnItRead(GuardTestDb database) throws Exception {
        givenTheRows(database);
        SentStatements sent = new SentStatements();
        try (Connection c = database.recorded(dir, sent, new Properties()).getConnection()) {
            c.setAutoCommit(database == GuardTestDb.SQLITE);
            readRow(c, 1);
            writeNote(c, 1, "after");
            GuardTestDb.endUnitOfWork(c);
        }
        String update = "UPDATE " + table + " SET note = ? WHERE id = ?";
        assertThat(sent.last("UPDATE", table).sql()).isEqualTo(switch (database) {
            case POSTGRESQL -> update
                    + " AND \"quoted\" IS NOT DISTINCT FROM CAST(? AS text)"
                    + " AND \"missing\" IS NOT DISTINCT FROM CAST(? AS text)"
                    + " AND \"unicode\" IS NOT DISTINCT FROM CAST(? AS text)"
                    + " AND \"at_ts\" IS NOT DISTINCT FROM CAST(? AS timestamp)"
                    + " AND \"at_tstz\" IS NOT DISTINCT FROM CAST(? AS timestamptz)"
                    + " AND \"amount\" IS NOT DISTINCT FROM CAST(? AS numeric)"
                    + " AND \"big\" IS NOT DISTINCT FROM CAST(? AS int8)"
                    + " AND \"flag\" IS NOT DISTINCT FROM CAST(? AS bool)"
                    + " AND \"uid\" IS NOT DISTINCT FROM CAST(? AS uuid)"
                    + " AND \"bytes\" IS NOT DISTINCT FROM CAST(? AS bytea)"
                    + " AND \"feeling\" IS NOT DISTINCT FROM CAST(? AS " + mood + ")"
                    + " AND \"note\" IS NOT DISTINCT FROM CAST(? AS text)";
            case SQLITE -> update + " AND \"quoted\" IS ? COLLATE BINARY AND \"missing\" IS ? COLLATE BINARY AND \"unicode\" IS ? COLLATE BINARY AND \"at_ts\" IS ? COLLATE BINARY"
                    + " AND \"amount\" IS ? COLLATE BINARY AND \"big\" IS ? COLLATE BINARY AND \"flag\" IS ? COLLATE BINARY AND \"bytes\" IS ? COLLATE BINARY AND \"note\" IS ? COLLATE BINARY";
        });
        List<Object> parameters = sent.last("UPDATE", table).parameters();
        assertThat(parameters.subList(0, 5)).containsExactly("after", 1L, QUOTED, null, UNICODE);
        assertThat(sent.all()).allSatisfy(each -> assertThat(each.sql())
                .doesNotContain("Reilly", "😀", "漢字", "2024-02-29", "1234.5678", "9223372036854775806",
                        "a0eebc99", "before", "after"));
    }

    // --- one column changed in between: a conflict ---

    static Stream<Arguments> changesToComparedColumns() {
        return Stream.of(
                arguments(GuardTestDb.POSTGRESQL, "quoted", "quoted || '\\'"),
                arguments(GuardTestDb.POSTGRESQL, "quoted", "NULL"),
                arguments(GuardTestDb.POSTGRESQL, "missing", "''"),
                arguments(GuardTestDb.POSTGRESQL, "unicode", "replace(unicode, '😀', '😁')"),
                arguments(GuardTestDb.POSTGRESQL, "unicode", "replace(unicode, '漢', '汉')"),
                arguments(GuardTestDb.POSTGRESQL, "at_ts", "at_ts + interval '1 microsecond'"),
                arguments(GuardTestDb.POSTGRESQL, "at_tstz", "at_tstz + interval '1 microsecond'"),
                arguments(GuardTestDb.POSTGRESQL, "amount", "amount + 0.000001"),
                arguments(GuardTestDb.POSTGRESQL, "big", "big + 1"),
                arguments(GuardTestDb.POSTGRESQL, "flag", "NOT flag"),
                arguments(GuardTestDb.POSTGRESQL, "uid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12'"),
                arguments(GuardTestDb.POSTGRESQL, "bytes", "bytes || '\\x00'::bytea"),
                arguments(GuardTestDb.POSTGRESQL, "feeling", "'happy'"),
                arguments(GuardTestDb.POSTGRESQL, "note", "'changed'"),
                arguments(GuardTestDb.SQLITE, "quoted", "quoted || '\\'"),
                arguments(GuardTestDb.SQLITE, "quoted", "NULL"),
                arguments(GuardTestDb.SQLITE, "missing", "''"),
                arguments(GuardTestDb.SQLITE, "unicode", "replace(unicode, '😀', '😁')"),
                arguments(GuardTestDb.SQLITE, "unicode", "replace(unicode, '漢', '汉')"),
                arguments(GuardTestDb.SQLITE, "at_ts", "'2024-02-29 23:59:59.123457'"),
                arguments(GuardTestDb.SQLITE, "amount", "amount + 0.000001"),
                arguments(GuardTestDb.SQLITE, "big", "big - 1"),
                arguments(GuardTestDb.SQLITE, "flag", "NOT flag"),
                arguments(GuardTestDb.SQLITE, "note", "'changed'"));
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("changesToComparedColumns")
    void changeToOneComparedColumnInBetweenIsAConflict(GuardTestDb database, String column, String newValue)
            throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            database.execute(dir, "UPDATE " + table + " SET " + column + " = " + newValue + " WHERE id = 1");

            GuardConflictException conflict = catchThrowableOfType(() -> writeNote(c, 1, "after"),
                    GuardConflictException.class);

            assertThat((Throwable) conflict).isNotNull();
            assertThat(conflict.getSQLState()).isEqualTo("40001");
            GuardTestDb.rollbackUnitOfWork(c);
        }
        assertThat(noteOf(1)).isNotEqualTo("after");
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("changesToComparedColumns")
    void changeInBetweenWithZeroRowsPolicyReturnsZero(GuardTestDb database, String column, String newValue)
            throws Exception {
        givenTheRows(database);
        try (Connection c = safe(GuardTestDb.options("safe.onConflict", "zero-rows"))) {
            readRow(c, 1);
            database.execute(dir, "UPDATE " + table + " SET " + column + " = " + newValue + " WHERE id = 1");

            assertThat(writeNote(c, 1, "after")).isZero();
            GuardTestDb.rollbackUnitOfWork(c);
        }
        assertThat(noteOf(1)).isNotEqualTo("after");
    }

    @Test
    void changeInBetweenInPostgresqlAutocommitIsAConflict() throws Exception {
        givenTheRows(GuardTestDb.POSTGRESQL);
        try (Connection c = GuardTestDb.POSTGRESQL.safe(dir, new Properties())) {
            readRow(c, 1);
            db.execute(dir, "UPDATE " + table + " SET amount = amount + 0.000001 WHERE id = 1");

            GuardConflictException conflict = catchThrowableOfType(() -> writeNote(c, 1, "after"),
                    GuardConflictException.class);

            assertThat(conflict.getSQLState()).isEqualTo("40001");
            assertThat(conflict.getMessage()).doesNotContain("transaction")
                    .contains("the row with key [id] changed or vanished since this connection read it (in autocommit)")
                    .contains("Read the row again and retry");
        }
    }

    @Test
    void aConflictInATransactionSpeaksOfTheTransaction() throws Exception {
        givenTheRows(GuardTestDb.POSTGRESQL);
        try (Connection c = GuardTestDb.POSTGRESQL.safe(dir, new Properties())) {
            c.setAutoCommit(false);
            readRow(c, 1);
            db.execute(dir, "UPDATE " + table + " SET amount = amount + 0.000001 WHERE id = 1");

            GuardConflictException conflict = catchThrowableOfType(() -> writeNote(c, 1, "after"),
                    GuardConflictException.class);

            assertThat(conflict.getMessage()).contains("since this transaction read it")
                    .contains("Roll back and retry the transaction");
            c.rollback();
        }
    }

    // --- values the application read through its getters (the guard takes exact ones as read) ---

    /** How the application reads the row: every column, through getters that give exact values or lose some. */
    enum Getters {
        EXACT, LOSSY
    }

    static Stream<Arguments> changesSeenThroughGetters() {
        return changesToComparedColumns().flatMap(change -> Stream.of(Getters.values())
                .map(getters -> arguments(change.get()[0], change.get()[1], change.get()[2], getters)));
    }

    @ParameterizedTest(name = "{0}: {1} = {2}, {3} getters")
    @MethodSource("changesSeenThroughGetters")
    void changeAfterTheApplicationReadTheRowThroughGettersIsAConflict(GuardTestDb database, String column,
            String newValue, Getters getters) throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRowThrough(c, 1, getters);
            database.execute(dir, "UPDATE " + table + " SET " + column + " = " + newValue + " WHERE id = 1");

            assertThat((Throwable) catchThrowableOfType(() -> writeNote(c, 1, "after"), GuardConflictException.class))
                    .isNotNull();
            GuardTestDb.rollbackUnitOfWork(c);
        }
        assertThat(noteOf(1)).isNotEqualTo("after");
    }

    @ParameterizedTest(name = "{0}: {1} getters, row {2}")
    @MethodSource("databasesGettersAndRows")
    void unchangedRowReadThroughGettersIsWritten(GuardTestDb database, Getters getters, long id) throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRowThrough(c, id, getters);
            assertThat(writeNote(c, id, "after")).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }
        assertThat(noteOf(id)).isEqualTo("after");
        assertThat(findings.of(FindingKind.UNCOMPARED_COLUMNS)).allSatisfy(finding ->
                assertThat(finding.detail()).doesNotContain("big", "note", "quoted"));
    }

    static Stream<Arguments> databasesGettersAndRows() {
        return Stream.of(GuardTestDb.values()).flatMap(database -> Stream.of(Getters.values())
                .flatMap(getters -> Stream.of(arguments(database, getters, 1L), arguments(database, getters, 2L))));
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void zeroReadWithGetLongIsComparedAsZeroNotAsNull(GuardTestDb database) throws Exception {
        givenTheRows(database);
        database.execute(dir, "UPDATE " + table + " SET big = 0 WHERE id = 1");
        try (Connection c = safe(new Properties())) {
            try (PreparedStatement read = c.prepareStatement("SELECT big, note FROM " + table + " WHERE id = ?")) {
                read.setLong(1, 1);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
            database.execute(dir, "UPDATE " + table + " SET big = NULL WHERE id = 1");

            assertThat((Throwable) catchThrowableOfType(() -> writeNote(c, 1, "after"), GuardConflictException.class))
                    .isNotNull();
            GuardTestDb.rollbackUnitOfWork(c);
        }
    }

    @Test
    void writeWhileTheReadsCursorIsStillOnTheRowComparesWhatItShowed() throws Exception {
        givenTheRows(GuardTestDb.POSTGRESQL);
        try (Connection c = safe(new Properties());
                PreparedStatement read = c.prepareStatement("SELECT note, big FROM " + table + " WHERE id = ?")) {
            read.setLong(1, 1);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("note")).isEqualTo("before"); // big is left for the guard to read
                db.execute(dir, "UPDATE " + table + " SET big = big - 1 WHERE id = 1");

                assertThat((Throwable) catchThrowableOfType(() -> writeNote(c, 1, "after"),
                        GuardConflictException.class)).isNotNull();
            }
            c.rollback();
        }
    }

    // --- skipped columns: not compared, reported ---

    static Stream<Arguments> changesToSkippedColumns() {
        return Stream.of(
                arguments(GuardTestDb.POSTGRESQL, "doc", "'{\"a\": 2}'"),
                arguments(GuardTestDb.POSTGRESQL, "raw_json", "'{\"a\": 2}'"),
                arguments(GuardTestDb.POSTGRESQL, "nums", "ARRAY[1, 2, 4]"),
                arguments(GuardTestDb.SQLITE, "doc", "'{\"a\": 2}'"));
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("changesToSkippedColumns")
    void changeToASkippedColumnInBetweenIsWritten(GuardTestDb database, String column, String newValue)
            throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            database.execute(dir, "UPDATE " + table + " SET " + column + " = " + newValue + " WHERE id = 1");

            assertThat(writeNote(c, 1, "after")).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardedWriteAfterReadingJsonAndArraysRecordsUncomparedColumns(GuardTestDb database) throws Exception {
        givenTheRows(database);
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            writeNote(c, 1, "after");
            GuardTestDb.endUnitOfWork(c);
        }
        List<Finding> uncompared = findings.of(FindingKind.UNCOMPARED_COLUMNS);
        assertThat(uncompared).hasSize(1);
        String skipped = database == GuardTestDb.POSTGRESQL ? "doc, raw_json, nums" : "doc";
        assertThat(uncompared.get(0).detail()).contains("not compared: [" + skipped + "]");
    }

    // --- bugs found while writing these tests, fixed since ---

    @Test
    void sqliteBlobChangeIsAConflict() throws Exception {
        givenTheRows(GuardTestDb.SQLITE);
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            db.execute(dir, "UPDATE " + table + " SET bytes = x'00fe' WHERE id = 1");

            assertThat((Throwable) catchThrowableOfType(() -> writeNote(c, 1, "after"), GuardConflictException.class))
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"time(6):'12:34:56.123456'", "timetz:'12:34:56+02'", "bit(4):B'1010'", "bit(1):B'1'",
            "money:12.34", "point:point(1,2)", "\"Mood_Q\":'a'"})
    void postgresqlUnchangedValueOfThisTypeIsWritten(String typeAndValue) throws Exception {
        int colon = typeAndValue.indexOf(':');
        String type = typeAndValue.substring(0, colon);
        db = GuardTestDb.POSTGRESQL;
        table = TestDatabases.unique("gv_type");
        if (type.startsWith("\"")) {
            mood = type;
            db.execute(dir, "DROP TYPE IF EXISTS " + type, "CREATE TYPE " + type + " AS ENUM ('a', 'b')");
        }
        db.execute(dir, "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v " + type + ", note TEXT)",
                "INSERT INTO " + table + " VALUES (1, " + typeAndValue.substring(colon + 1) + ", 'before')");
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            assertThat(writeNote(c, 1, "after")).isEqualTo(1);
            c.commit();
        }
    }

    static Stream<Arguments> columnsNamedLikeKeywords() {
        return Stream.of(
                arguments(GuardTestDb.POSTGRESQL, "order"), // 42601 syntax error
                arguments(GuardTestDb.POSTGRESQL, "user"), // a bare user is CURRENT_USER: a false 40001
                arguments(GuardTestDb.SQLITE, "order"), // syntax error
                arguments(GuardTestDb.SQLITE, "nothing")); // syntax error (DO NOTHING's keyword)
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("columnsNamedLikeKeywords")
    void columnNamedLikeAKeywordIsQuotedInTheGuard(GuardTestDb database, String column) throws Exception {
        db = database;
        table = TestDatabases.unique("gv_kw");
        db.execute(dir, "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, \"" + column + "\" TEXT, note TEXT)",
                "INSERT INTO " + table + " VALUES (1, 'u', 'before')");
        try (Connection c = safe(new Properties())) {
            readRow(c, 1);
            assertThat(writeNote(c, 1, "after")).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }
    }

    // --- helpers ---

    private void givenTheRows(GuardTestDb database) throws SQLException {
        db = database;
        table = TestDatabases.unique("gv_values");
        try (Connection c = database.raw(dir); Statement s = c.createStatement()) {
            if (database == GuardTestDb.POSTGRESQL) {
                mood = TestDatabases.unique("mood");
                s.execute("CREATE TYPE " + mood + " AS ENUM ('sad', 'ok', 'happy')");
                s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, quoted TEXT, missing TEXT, unicode TEXT,"
                        + " at_ts TIMESTAMP(6), at_tstz TIMESTAMPTZ(6), amount NUMERIC(20,6), big BIGINT, flag BOOLEAN,"
                        + " uid UUID, bytes BYTEA, feeling " + mood + ", doc JSONB, raw_json JSON, nums INT[],"
                        + " note TEXT)");
                insert(c, "INSERT INTO " + table + " VALUES (1, ?, NULL, ?, '2024-02-29 23:59:59.123456',"
                        + " '2024-02-29 23:59:59.123456+05:30', 12345678901234.123456, 9223372036854775806, true,"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff', 'ok', '{\"a\": 1}', '{\"a\": 1}',"
                        + " ARRAY[1, 2, 3], 'before')");
            } else {
                s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, quoted TEXT, missing TEXT, unicode TEXT,"
                        + " at_ts TIMESTAMP, amount NUMERIC(20,6), big BIGINT, flag BOOLEAN, bytes BLOB, doc JSON,"
                        + " note TEXT)");
                insert(c, "INSERT INTO " + table + " VALUES (1, ?, NULL, ?, '2024-02-29 23:59:59.123456',"
                        + " 1234.567891, 9223372036854775806, 1, x'00ff', '{\"a\": 1}', 'before')");
            }
            s.execute("INSERT INTO " + table + " (id) VALUES (2)");
        }
    }

    private static void insert(Connection c, String sql) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, QUOTED);
            insert.setString(2, UNICODE);
            insert.executeUpdate();
        }
    }

    /** PostgreSQL: a transaction; SQLite: autocommit (see the class comment). */
    private Connection safe(Properties options) throws SQLException {
        Connection c = db.safe(dir, options);
        c.setAutoCommit(db == GuardTestDb.SQLITE);
        return c;
    }

    private void readRow(Connection c, long id) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    /** Reads every column of the row through getters, as an application mapping it would. */
    private void readRowThrough(Connection c, long id, Getters getters) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    String label = rs.getMetaData().getColumnLabel(i);
                    int index = i;
                    if (getters == Getters.EXACT) {
                        attempt(() -> rs.getLong(index));
                        attempt(() -> rs.getString(label));
                        attempt(() -> rs.getBytes(index));
                        attempt(() -> rs.getObject(label));
                    } else {
                        attempt(() -> rs.getInt(index));
                        attempt(() -> rs.getDouble(label));
                        attempt(() -> rs.getBoolean(index));
                        attempt(() -> rs.getTimestamp(index));
                        attempt(() -> rs.getString(index));
                    }
                }
            }
        }
    }

    /** A getter the column's type does not support fails, as it would in the application. */
    private static void attempt(ThrowingGetter getter) {
        try {
            getter.get();
        } catch (SQLException | RuntimeException e) {
            // this getter does not apply to this column
        }
    }

    @FunctionalInterface
    private interface ThrowingGetter {
        Object get() throws SQLException;
    }

    private int writeNote(Connection c, long id, String note) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET note = ? WHERE id = ?")) {
            write.setString(1, note);
            write.setLong(2, id);
            return write.executeUpdate();
        }
    }

    private String noteOf(long id) throws SQLException {
        try (Connection c = db.raw(dir);
                PreparedStatement read = c.prepareStatement("SELECT note FROM " + table + " WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}

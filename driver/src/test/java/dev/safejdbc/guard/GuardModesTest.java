package dev.safejdbc.guard;

import dev.safejdbc.it.NaiveLockService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the guard does outside its default: {@code safe.mode=report} (send as written, record
 * UNGUARDED_CHECK_THEN_ACT), tables without a key (record NO_KEY_CHECK_THEN_ACT, never fail),
 * {@code safe.guard=off} (nothing at all), and DDL through safe-jdbc refreshing what it knows of
 * a table's keys. The check-then-act is the seed-001 lock service (NaiveLockService), whose
 * frames are application code, so findings name its lines. What reaches the driver is seen
 * through datasource-proxy.
 */
class GuardModesTest {
    private static final String KEYLESS_DDL = "CREATE TABLE %s (resource_type VARCHAR(40) NOT NULL,"
            + " resource_id VARCHAR(40) NOT NULL, owner_id VARCHAR(40) NOT NULL, expires_at BIGINT NOT NULL)";
    private static final long TTL = 60_000;

    @TempDir
    Path dir;

    private final SentStatements sent = new SentStatements();
    private CapturedFindings findings;
    private GuardTestDb db;
    private String table;

    @BeforeEach
    void listen() {
        findings = CapturedFindings.onThisThread();
    }

    @AfterEach
    void dropTable() throws Exception {
        findings.close();
        if (db != null) {
            db.execute(dir, "DROP TABLE IF EXISTS " + table);
        }
    }

    // --- safe.mode=report ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void reportModeSendsTheUpdateAfterAnExpiredReadAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.mode", "report");
        givenAnExpiredLock();

        assertThat(acquireInUnitOfWork(safe, "me", 100_000)).isTrue();

        assertThat(sent.last("UPDATE", table).sql()).isEqualTo(
                "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?");
        assertThat(sent.last("UPDATE", table).parameters()).containsExactly("me", 100_000 + TTL, "job", "r1");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void reportModeSendsTheInsertAfterAnAbsentReadAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.mode", "report");

        assertThat(acquireInUnitOfWork(safe, "me", 100_000)).isTrue();

        assertThat(sent.last("INSERT", table).sql()).isEqualTo("INSERT INTO " + table
                + " (resource_type, resource_id, owner_id, expires_at) VALUES (?, ?, ?, ?)");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void reportModeRecordsUnguardedCheckThenActNamingTheReadsSite(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.mode", "report");
        givenAnExpiredLock();

        acquireInUnitOfWork(safe, "me", 100_000);

        List<Finding> unguarded = findings.of(FindingKind.UNGUARDED_CHECK_THEN_ACT);
        assertThat(findings.kinds()).containsExactly(FindingKind.UNGUARDED_CHECK_THEN_ACT);
        assertThat(unguarded.get(0).site()).isEqualTo(naiveLockServiceSite("update.executeUpdate()"));
        assertThat(unguarded.get(0).detail())
                .contains("after a read at " + naiveLockServiceSite("read.executeQuery()"))
                .contains("report mode");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void reportModeLetsAChangeInBetweenThrough(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.mode", "report");
        givenAnExpiredLock();

        assertThat(acquireInAutocommit(safe, "me", 100_000, this::someoneElseTakesTheLock)).isTrue();

        assertThat(ownerOfTheLock()).isEqualTo("me");
    }

    // --- a table without a primary or unique key ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void keylessTableCheckThenUpdateIsReportedAsNoKeyCheckThenAct(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(KEYLESS_DDL, table(database)));
        givenAnExpiredLock();

        acquireInUnitOfWork(safe, "me", 100_000);

        assertThat(findings.kinds()).containsExactly(FindingKind.NO_KEY_CHECK_THEN_ACT);
        assertThat(findings.all().get(0).site()).isEqualTo(naiveLockServiceSite("update.executeUpdate()"));
        assertThat(findings.all().get(0).detail()).contains("after a read at " + naiveLockServiceSite("read.executeQuery()"));
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void keylessTableCheckThenUpdateIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(KEYLESS_DDL, table(database)));
        givenAnExpiredLock();

        acquireInUnitOfWork(safe, "me", 100_000);

        assertThat(sent.last("UPDATE", table).sql()).isEqualTo(
                "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void keylessTableCheckThenUpdateNeverFailsEvenWhenTheRowChangedInBetween(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(KEYLESS_DDL, table(database)));
        givenAnExpiredLock();

        assertThat(acquireInAutocommit(safe, "me", 100_000, this::someoneElseTakesTheLock)).isTrue();

        assertThat(ownerOfTheLock()).isEqualTo("me");
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void keylessTableCheckThenInsertIsReportedAsNoKeyCheckThenAct(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(KEYLESS_DDL, table(database)));

        acquireInUnitOfWork(safe, "me", 100_000);

        assertThat(findings.kinds()).containsExactly(FindingKind.NO_KEY_CHECK_THEN_ACT);
    }

    // --- safe.guard=off ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardOffSendsTheUpdateAsWrittenAndRecordsNothing(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.guard", "off");
        givenAnExpiredLock();

        acquireInUnitOfWork(safe, "me", 100_000);

        assertThat(sent.last("UPDATE", table).sql()).isEqualTo(
                "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?");
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardOffSendsTheInsertAsWrittenAndRecordsNothing(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.guard", "off");

        acquireInUnitOfWork(safe, "me", 100_000);

        assertThat(sent.last("INSERT", table).sql()).isEqualTo("INSERT INTO " + table
                + " (resource_type, resource_id, owner_id, expires_at) VALUES (?, ?, ?, ?)");
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardOffLetsAChangeInBetweenThrough(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(NaiveLockService.DDL, table(database)), "safe.guard", "off");
        givenAnExpiredLock();

        assertThat(acquireInAutocommit(safe, "me", 100_000, this::someoneElseTakesTheLock)).isTrue();

        assertThat(ownerOfTheLock()).isEqualTo("me");
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardOffWithAKeylessTableRecordsNothing(GuardTestDb database) throws Exception {
        DataSource safe = givenLocks(database, String.format(KEYLESS_DDL, table(database)), "safe.guard", "off");
        givenAnExpiredLock();

        acquireInUnitOfWork(safe, "me", 100_000);

        assertThat(findings.all()).isEmpty();
    }

    // --- DDL through safe-jdbc refreshes the keys it knows ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void keyAddedThroughTheDriverIsGuardedOnAfterwards(GuardTestDb database) throws Exception {
        db = database;
        table = TestDatabases.unique("gm_ddl");
        DataSource safe = database.recorded(dir, sent, new Properties());
        try (Connection c = safe.getConnection(); Statement s = c.createStatement()) {
            s.execute(String.format(KEYLESS_DDL, table));
        }
        givenAnExpiredLock();
        acquireInUnitOfWork(safe, "first", 100_000);
        assertThat(findings.kinds()).containsExactly(FindingKind.NO_KEY_CHECK_THEN_ACT);

        try (Connection c = safe.getConnection(); Statement s = c.createStatement()) {
            s.execute(switch (database) {
                case POSTGRESQL -> "ALTER TABLE " + table + " ADD PRIMARY KEY (resource_type, resource_id)";
                // SQLite cannot add a primary key to a table; a unique index is a key just as well
                case SQLITE -> "CREATE UNIQUE INDEX " + table + "_key ON " + table + " (resource_type, resource_id)";
            });
        }
        acquireInUnitOfWork(safe, "second", 200_000);

        String update = "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?";
        assertThat(sent.last("UPDATE", table).sql()).isEqualTo(switch (database) {
            case POSTGRESQL -> update + " AND \"owner_id\" IS NOT DISTINCT FROM CAST(? AS varchar)"
                    + " AND \"expires_at\" IS NOT DISTINCT FROM CAST(? AS int8)";
            // getLong read expires_at: SQLite compares it as an integer, as the application saw it
            case SQLITE -> update + " AND \"owner_id\" IS ? COLLATE BINARY AND CAST(\"expires_at\" AS INTEGER) IS ? COLLATE BINARY";
        });
        assertThat(findings.kinds()).containsExactly(FindingKind.NO_KEY_CHECK_THEN_ACT); // nothing new
    }

    // --- helpers ---

    private String table(GuardTestDb database) {
        db = database;
        table = TestDatabases.unique("gm_locks");
        return table;
    }

    /** The table (already named) created raw; safe-jdbc over datasource-proxy with the given options. */
    private DataSource givenLocks(GuardTestDb database, String ddl, String... options) throws SQLException {
        database.execute(dir, ddl);
        return database.recorded(dir, sent, GuardTestDb.options(options));
    }

    private void givenAnExpiredLock() throws SQLException {
        db.execute(dir, "INSERT INTO " + table + " VALUES ('job', 'r1', 'nobody', 0)");
    }

    /** In a transaction, on SQLite in autocommit ({@link GuardTestDb#beginUnitOfWork}). */
    private boolean acquireInUnitOfWork(DataSource safe, String owner, long now) throws Exception {
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            boolean acquired = new NaiveLockService(table).acquire(c, "job", "r1", owner, now, TTL, () -> { });
            GuardTestDb.endUnitOfWork(c);
            return acquired;
        }
    }

    private boolean acquireInAutocommit(DataSource safe, String owner, long now, Runnable decided) throws Exception {
        try (Connection c = safe.getConnection()) {
            return new NaiveLockService(table).acquire(c, "job", "r1", owner, now, TTL, decided);
        }
    }

    /** Between the read and the write: another connection takes the expired lock. */
    private void someoneElseTakesTheLock() {
        try {
            db.execute(dir, "UPDATE " + table + " SET owner_id = 'someone-else', expires_at = " + (100_000 + TTL)
                    + " WHERE resource_type = 'job' AND resource_id = 'r1'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String ownerOfTheLock() throws SQLException {
        try (Connection c = db.raw(dir); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT owner_id FROM " + table + " WHERE resource_id = 'r1'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** {@code dev.safejdbc.it.NaiveLockService.acquire(NaiveLockService.java:N)} for the line holding {@code code}. */
    private static String naiveLockServiceSite(String code) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/safejdbc/it/NaiveLockService.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(code)) {
                return "dev.safejdbc.it.NaiveLockService.acquire(NaiveLockService.java:" + (i + 1) + ")";
            }
        }
        throw new AssertionError("NaiveLockService no longer contains " + code);
    }
}

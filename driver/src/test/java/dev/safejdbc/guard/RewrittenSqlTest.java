package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safejdbc.findings.FindingKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact SQL text and parameters that reach the real driver (seen by datasource-proxy between
 * safe-jdbc and PostgreSQL / SQLite) when the check-then-act guard acts, and when it must not.
 * Every test also checks that no bound value was ever spliced into any SQL text sent.
 */
class RewrittenSqlTest {
    // The seed-001 lock service's statements, as NaiveLockService writes them.
    private static final String LOCKS_DDL = "CREATE TABLE %s (resource_type VARCHAR(40) NOT NULL,"
            + " resource_id VARCHAR(40) NOT NULL, owner_id VARCHAR(40) NOT NULL, expires_at BIGINT NOT NULL,"
            + " PRIMARY KEY (resource_type, resource_id))";
    private static final String SELECT_LOCK = "SELECT owner_id, expires_at FROM %s WHERE resource_type = ? AND resource_id = ?";
    private static final String UPDATE_LOCK = "UPDATE %s SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?";
    private static final String INSERT_LOCK = "INSERT INTO %s (resource_type, resource_id, owner_id, expires_at) VALUES (?, ?, ?, ?)";
    private static final String DELETE_LOCK = "DELETE FROM %s WHERE resource_type = ? AND resource_id = ?";

    // The seed-003 job table and its updates.
    private static final String JOBS_DDL = "CREATE TABLE %s (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL,"
            + " n INT NOT NULL, version INT NOT NULL)";
    private static final String SELECT_JOB = "SELECT status, n, version FROM %s WHERE id = ?";
    private static final String VERSIONED_UPDATE = "UPDATE %s SET status = ?, version = version + 1 WHERE id = ? AND version = ?";
    private static final String STATUS_CONDITIONED_UPDATE = "UPDATE %s SET status = ? WHERE id = ? AND status = ?";
    private static final String SELF_RELATIVE_UPDATE = "UPDATE %s SET n = n + 1 WHERE id = ?";
    private static final String PLAIN_JOB_UPDATE = "UPDATE %s SET status = ? WHERE id = ?";

    // Distinctive values: none of them may ever appear in SQL text.
    private static final String TYPE = "type-Xv3q";
    private static final String ID = "res-Hy6w";
    private static final String OTHER_ID = "res-Bz9t";
    private static final String OLD_OWNER = "nobody-Kp42";
    private static final String NEW_OWNER = "winner-Zq81";
    private static final long OLD_EXPIRES = 4_111_222_333L;
    private static final long NEW_EXPIRES = 7_123_456_789L;
    private static final int JOB = 918_273;
    private static final int OTHER_JOB = 918_274;
    private static final String RUNNING = "RUNNING-Mq2";
    private static final String DONE = "DONE-Wn8";
    private static final int VERSION = 61_537;
    private static final List<String> BOUND_VALUES = List.of(TYPE, ID, OTHER_ID, OLD_OWNER, NEW_OWNER,
            String.valueOf(OLD_EXPIRES), String.valueOf(NEW_EXPIRES), String.valueOf(JOB), String.valueOf(OTHER_JOB),
            RUNNING, DONE, String.valueOf(VERSION));

    @TempDir
    Path dir;

    private final SentStatements sent = new SentStatements();
    private CapturedFindings findings;
    private GuardTestDb db;
    private String locks;
    private String jobs;

    @BeforeEach
    void listen() {
        findings = CapturedFindings.onThisThread();
    }

    @AfterEach
    void noBoundValueWasSplicedIntoSqlAndDropTables() throws Exception {
        findings.close();
        try {
            for (SentStatements.Sent each : sent.all()) {
                for (String value : BOUND_VALUES) {
                    assertThat(each.sql()).as("bound value %s spliced into SQL text", value).doesNotContain(value);
                }
            }
        } finally {
            if (db != null) {
                db.execute(dir, "DROP TABLE IF EXISTS " + locks, "DROP TABLE IF EXISTS " + jobs);
            }
        }
    }

    // --- the guard acts ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void expiredLockUpdateGetsANullSafeConditionForEachColumnRead(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            assertThat(updateLock(c, ID)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        String expected = switch (database) {
            case POSTGRESQL -> lockSql(UPDATE_LOCK) + " AND \"owner_id\" IS NOT DISTINCT FROM CAST(? AS varchar)"
                    + " AND \"expires_at\" IS NOT DISTINCT FROM CAST(? AS int8)";
            case SQLITE -> lockSql(UPDATE_LOCK) + " AND \"owner_id\" IS ? COLLATE BINARY AND \"expires_at\" IS ? COLLATE BINARY";
        };
        assertThat(sent.last("UPDATE", locks).sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void expiredLockUpdateBindsTheValuesReadAfterTheApplicationsParameters(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        List<Object> read;
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            read = readLock(c, ID);
            updateLock(c, ID);
            GuardTestDb.endUnitOfWork(c);
        }

        assertThat(read).containsExactly(OLD_OWNER, OLD_EXPIRES);
        assertThat(sent.last("UPDATE", locks).parameters())
                .containsExactly(NEW_OWNER, NEW_EXPIRES, TYPE, ID, OLD_OWNER, OLD_EXPIRES);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void deleteAfterReadGetsTheSameConditions(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            try (PreparedStatement delete = c.prepareStatement(lockSql(DELETE_LOCK))) {
                delete.setString(1, TYPE);
                delete.setString(2, ID);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            GuardTestDb.endUnitOfWork(c);
        }

        SentStatements.Sent delete = sent.last("DELETE", locks);
        assertThat(delete.sql()).isEqualTo(switch (database) {
            case POSTGRESQL -> lockSql(DELETE_LOCK) + " AND \"owner_id\" IS NOT DISTINCT FROM CAST(? AS varchar)"
                    + " AND \"expires_at\" IS NOT DISTINCT FROM CAST(? AS int8)";
            case SQLITE -> lockSql(DELETE_LOCK) + " AND \"owner_id\" IS ? COLLATE BINARY AND \"expires_at\" IS ? COLLATE BINARY";
        });
        assertThat(delete.parameters()).containsExactly(TYPE, ID, OLD_OWNER, OLD_EXPIRES);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void insertAfterAnAbsentReadGetsOnConflictDoNothingOnTheKey(GuardTestDb database) throws Exception {
        DataSource safe = givenTables(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            assertThat(readLock(c, ID)).isNull();
            assertThat(insertLock(c, ID)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        SentStatements.Sent insert = sent.last("INSERT", locks);
        // the key's columns in the order the driver's getPrimaryKeys lists them
        assertThat(insert.sql()).isEqualTo(lockSql(INSERT_LOCK) + switch (database) {
            case POSTGRESQL -> " ON CONFLICT (\"resource_type\", \"resource_id\") DO NOTHING"; // KEY_SEQ order
            case SQLITE -> " ON CONFLICT (\"resource_id\", \"resource_type\") DO NOTHING"; // column-name order
        });
        assertThat(insert.parameters()).containsExactly(TYPE, ID, NEW_OWNER, NEW_EXPIRES);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void plainStatementWithLiteralsIsGuardedWithTheValuesReadBoundAsParameters(GuardTestDb database) throws Exception {
        DataSource safe = givenTables(database);
        database.execute(dir, "INSERT INTO " + locks + " VALUES ('lit-type', 'lit-id', '" + OLD_OWNER + "', "
                + OLD_EXPIRES + ")");
        String where = " WHERE resource_type = 'lit-type' AND resource_id = 'lit-id'";
        String update = "UPDATE " + locks + " SET owner_id = 'lit-owner'" + where;
        try (Connection c = safe.getConnection(); Statement s = c.createStatement()) {
            GuardTestDb.beginUnitOfWork(c);
            try (ResultSet rs = s.executeQuery("SELECT owner_id, expires_at FROM " + locks + where)) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(s.executeUpdate(update)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        SentStatements.Sent sentUpdate = sent.last("UPDATE", locks);
        assertThat(sentUpdate.sql()).isEqualTo(switch (database) {
            case POSTGRESQL -> update + " AND \"owner_id\" IS NOT DISTINCT FROM CAST(? AS varchar)"
                    + " AND \"expires_at\" IS NOT DISTINCT FROM CAST(? AS int8)";
            case SQLITE -> update + " AND \"owner_id\" IS ? COLLATE BINARY AND \"expires_at\" IS ? COLLATE BINARY";
        });
        assertThat(sentUpdate.parameters()).containsExactly(OLD_OWNER, OLD_EXPIRES);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void preparedExecuteIsGuardedAndReportsTheGuardedUpdateCount(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            try (PreparedStatement update = c.prepareStatement(lockSql(UPDATE_LOCK))) {
                update.setString(1, NEW_OWNER);
                update.setLong(2, NEW_EXPIRES);
                update.setString(3, TYPE);
                update.setString(4, ID);
                assertThat(update.execute()).isFalse();
                assertThat(update.getUpdateCount()).isEqualTo(1);
            }
            GuardTestDb.endUnitOfWork(c);
        }

        assertThat(sent.last("UPDATE", locks).sql()).startsWith(lockSql(UPDATE_LOCK) + " AND \"owner_id\" IS ");
        assertThat(sent.last("UPDATE", locks).parameters()).hasSize(6);
    }

    // --- the guard leaves the statement exactly as written ---

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void versionedUpdateIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenTables(database);
        String sql = jobSql(VERSIONED_UPDATE);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readJob(c, JOB);
            assertThat(update(c, sql, DONE, JOB, VERSION)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(sql, DONE, JOB, VERSION);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void statusConditionedUpdateIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenTables(database);
        String sql = jobSql(STATUS_CONDITIONED_UPDATE);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readJob(c, JOB);
            assertThat(update(c, sql, DONE, JOB, RUNNING)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(sql, DONE, JOB, RUNNING);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void selfRelativeUpdateIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenTables(database);
        String sql = jobSql(SELF_RELATIVE_UPDATE);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readJob(c, JOB);
            assertThat(update(c, sql, JOB)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(sql, JOB);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void updateWithoutAPrecedingReadIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            assertThat(updateLock(c, ID)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(lockSql(UPDATE_LOCK), NEW_OWNER, NEW_EXPIRES, TYPE, ID);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void updateOfAnotherKeyThanTheOneReadIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        database.execute(dir, "INSERT INTO " + locks + " VALUES ('" + TYPE + "', '" + OTHER_ID + "', 'x', 1)");
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            assertThat(updateLock(c, OTHER_ID)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(lockSql(UPDATE_LOCK), NEW_OWNER, NEW_EXPIRES, TYPE, OTHER_ID);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void updateInTheNextTransactionIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            c.setAutoCommit(false);
            readLock(c, ID);
            c.commit();
            assertThat(updateLock(c, ID)).isEqualTo(1);
            c.commit();
        }

        assertSentAsWritten(lockSql(UPDATE_LOCK), NEW_OWNER, NEW_EXPIRES, TYPE, ID);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void updateAfterARollbackIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            c.setAutoCommit(false);
            readLock(c, ID);
            c.rollback();
            assertThat(updateLock(c, ID)).isEqualTo(1);
            c.commit();
        }

        assertSentAsWritten(lockSql(UPDATE_LOCK), NEW_OWNER, NEW_EXPIRES, TYPE, ID);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void secondWriteOfTheSameKeyAfterOneReadIsSentAsWritten(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            updateLock(c, ID); // guarded: consumes the read
            sent.clear();
            assertThat(updateLock(c, ID)).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(lockSql(UPDATE_LOCK), NEW_OWNER, NEW_EXPIRES, TYPE, ID);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void returningUpdateIsReadableButNotAppendableSoSentAsWrittenAndReported(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        String sql = "UPDATE " + locks + " SET owner_id = ? WHERE resource_type = ? AND resource_id = ? RETURNING owner_id";
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setString(1, NEW_OWNER);
                update.setString(2, TYPE);
                update.setString(3, ID);
                assertThat(update.execute()).as("RETURNING gives a result set").isTrue();
                try (ResultSet rs = update.getResultSet()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(NEW_OWNER);
                }
            }
            GuardTestDb.endUnitOfWork(c);
        }

        assertSentAsWritten(sql, NEW_OWNER, TYPE, ID);
        assertThat(findings.kinds()).containsExactly(FindingKind.UNGUARDED_CHECK_THEN_ACT);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void vendorSyntaxTheParserRejectsIsSentAsWrittenWithTheRawDriversResult(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        database.execute(dir, "INSERT INTO " + locks + " VALUES ('" + TYPE + "', '" + OTHER_ID + "', 'x', 1)");
        // valid on its database, refused by JSqlParser: the guard cannot read it
        String sql = switch (database) {
            case POSTGRESQL -> "UPDATE ONLY " + locks + " SET owner_id = ? WHERE resource_type = ? AND resource_id = ?";
            case SQLITE -> "UPDATE OR IGNORE " + locks + " SET owner_id = ? WHERE resource_type = ? AND resource_id = ?";
        };
        int safeRows;
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            safeRows = update(c, sql, NEW_OWNER, TYPE, ID);
            GuardTestDb.endUnitOfWork(c);
        }
        assertSentAsWritten(sql, NEW_OWNER, TYPE, ID);

        SentStatements rawSent = new SentStatements();
        int rawRows;
        try (Connection c = database.recordedRaw(dir, rawSent).getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, OTHER_ID);
            rawRows = update(c, sql, NEW_OWNER, TYPE, OTHER_ID);
            GuardTestDb.endUnitOfWork(c);
        }
        assertThat(safeRows).isEqualTo(rawRows).isEqualTo(1);
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void sqlNobodyCanParseFailsWithTheRawDriversSqlState(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        String sql = "UPDATE " + locks + " SET owner_id = ? WHER resource_type = ? AND resource_id = ?";

        SQLException throughSafe;
        try (Connection c = safe.getConnection()) {
            c.setAutoCommit(false);
            readLock(c, ID);
            throughSafe = catchThrowableOfType(() -> update(c, sql, NEW_OWNER, TYPE, ID), SQLException.class);
            c.rollback();
        }
        SQLException throughRaw;
        SentStatements rawSent = new SentStatements();
        try (Connection c = database.recordedRaw(dir, rawSent).getConnection()) {
            c.setAutoCommit(false);
            readLock(c, ID);
            throughRaw = catchThrowableOfType(() -> update(c, sql, NEW_OWNER, TYPE, ID), SQLException.class);
            c.rollback();
        }

        assertThat((Throwable) throughSafe).isNotNull();
        assertThat((Throwable) throughRaw).isNotNull();
        assertThat(throughSafe.getSQLState()).isEqualTo(throughRaw.getSQLState());
        assertThat(throughSafe.getErrorCode()).isEqualTo(throughRaw.getErrorCode());
        assertThat(throughSafe.getClass()).isEqualTo(throughRaw.getClass());
        // PostgreSQL refuses it when executed; SQLite already when preparing, so nothing is executed at all
        assertThat(sent.all()).filteredOn(s -> s.sql().equals(sql)).containsExactlyElementsOf(
                rawSent.all().stream().filter(s -> s.sql().equals(sql)).toList());
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void batchedUpdateOfAKeyReadIsGuarded(GuardTestDb database) throws Exception {
        DataSource safe = givenAnExpiredLock(database);
        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            readLock(c, ID);
            try (PreparedStatement update = c.prepareStatement(lockSql(UPDATE_LOCK))) {
                update.setString(1, NEW_OWNER);
                update.setLong(2, NEW_EXPIRES);
                update.setString(3, TYPE);
                update.setString(4, ID);
                update.addBatch();
                update.executeBatch();
            }
            GuardTestDb.endUnitOfWork(c);
        }

        assertThat(sent.last("UPDATE", locks).sql()).startsWith(lockSql(UPDATE_LOCK) + " AND ");
        assertThat(sent.last("UPDATE", locks).parameters())
                .containsExactly(NEW_OWNER, NEW_EXPIRES, TYPE, ID, OLD_OWNER, OLD_EXPIRES);
    }

    // --- helpers ---

    private DataSource givenTables(GuardTestDb database) throws SQLException {
        db = database;
        locks = dev.safejdbc.it.TestDatabases.unique("rw_locks");
        jobs = dev.safejdbc.it.TestDatabases.unique("rw_jobs");
        database.execute(dir, String.format(LOCKS_DDL, locks), String.format(JOBS_DDL, jobs),
                "INSERT INTO " + jobs + " VALUES (" + JOB + ", '" + RUNNING + "', 0, " + VERSION + ")",
                "INSERT INTO " + jobs + " VALUES (" + OTHER_JOB + ", '" + RUNNING + "', 0, " + VERSION + ")");
        return database.recorded(dir, sent, new java.util.Properties());
    }

    private DataSource givenAnExpiredLock(GuardTestDb database) throws SQLException {
        DataSource safe = givenTables(database);
        database.execute(dir, "INSERT INTO " + locks + " VALUES ('" + TYPE + "', '" + ID + "', '" + OLD_OWNER + "', "
                + OLD_EXPIRES + ")");
        return safe;
    }

    private void assertSentAsWritten(String sql, Object... parameters) {
        String verb = sql.substring(0, sql.indexOf(' '));
        SentStatements.Sent last = sent.last(verb, sql.contains(locks) ? locks : jobs);
        assertThat(last.sql()).isEqualTo(sql);
        assertThat(last.parameters()).containsExactly(parameters);
    }

    private String lockSql(String template) {
        return String.format(template, locks);
    }

    private String jobSql(String template) {
        return String.format(template, jobs);
    }

    /** The lock row's (owner_id, expires_at) as the driver returned them, or null when absent. */
    private List<Object> readLock(Connection c, String id) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(lockSql(SELECT_LOCK))) {
            read.setString(1, TYPE);
            read.setString(2, id);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> values = new ArrayList<>();
                values.add(rs.getObject(1));
                values.add(rs.getObject(2));
                return values;
            }
        }
    }

    private void readJob(Connection c, int id) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(jobSql(SELECT_JOB))) {
            read.setInt(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private int updateLock(Connection c, String id) throws SQLException {
        return update(c, lockSql(UPDATE_LOCK), NEW_OWNER, NEW_EXPIRES, TYPE, id);
    }

    private int insertLock(Connection c, String id) throws SQLException {
        return update(c, lockSql(INSERT_LOCK), TYPE, id, NEW_OWNER, NEW_EXPIRES);
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement write = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String s) {
                    write.setString(i + 1, s);
                } else if (p instanceof Long l) {
                    write.setLong(i + 1, l);
                } else {
                    write.setInt(i + 1, (Integer) p);
                }
            }
            return write.executeUpdate();
        }
    }
}

package dev.safejdbc.guard;

import dev.safejdbc.it.NaiveLockService;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Single-threaded, nothing races, so the guard must never get in the way: the seed-001 lock
 * service and the seed-003 job updates, run many times through {@code jdbc:safe:} on PostgreSQL
 * and SQLite, in transactions and in autocommit, raise nothing and record no finding of any kind.
 */
class NoFalsePositivesTest {
    private static final int ITERATIONS = 200;
    private static final long TTL = 60_000;

    @TempDir
    Path dir;

    private CapturedFindings findings;
    private GuardTestDb db;
    private String locks;
    private String jobs;

    @BeforeEach
    void listen() {
        findings = CapturedFindings.onAnyThread();
    }

    @AfterEach
    void dropTables() throws Exception {
        findings.close();
        if (db != null) {
            db.execute(dir, "DROP TABLE IF EXISTS " + locks, "DROP TABLE IF EXISTS " + jobs);
        }
    }

    // --- seed 001: the lock service ---

    @ParameterizedTest(name = "{0}, transactional={1}")
    @CsvSource({"POSTGRESQL, true", "POSTGRESQL, false", "SQLITE, true", "SQLITE, false"})
    void lockServiceOnFreshKeysAbsentHeldExpiredNeverFails(GuardTestDb database, boolean transactional)
            throws Exception {
        givenTables(database);
        NaiveLockService service = new NaiveLockService(locks);
        try (Connection c = safe(transactional)) {
            for (int i = 0; i < ITERATIONS; i++) {
                String id = "r" + i;
                assertThat(acquire(service, c, id, "a", 1_000)).as("absent").isTrue();
                assertThat(acquire(service, c, id, "b", 2_000)).as("held").isFalse();
                assertThat(acquire(service, c, id, "b", 100_000)).as("expired").isTrue();
                assertThat(acquire(service, c, id, "c", 200_000)).as("expired again").isTrue();
            }
        }
        assertThat(count("SELECT COUNT(*) FROM " + locks + " WHERE owner_id = 'c'")).isEqualTo(ITERATIONS);
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, transactional={1}")
    @CsvSource({"POSTGRESQL, true", "POSTGRESQL, false", "SQLITE, true", "SQLITE, false"})
    void lockServiceOnOneHotKeyNeverFails(GuardTestDb database, boolean transactional) throws Exception {
        givenTables(database);
        NaiveLockService service = new NaiveLockService(locks);
        try (Connection c = safe(transactional)) {
            long now = 1_000;
            for (int i = 0; i < ITERATIONS; i++) {
                String owner = "owner-" + i;
                assertThat(acquire(service, c, "hot", owner, now)).as("acquire %d", i).isTrue();
                assertThat(acquire(service, c, "hot", "other", now + 1)).as("held %d", i).isFalse();
                now += 2 * TTL;
            }
        }
        assertThat(count("SELECT COUNT(*) FROM " + locks + " WHERE owner_id = 'owner-" + (ITERATIONS - 1) + "'"))
                .isEqualTo(1);
        assertThat(findings.all()).isEmpty();
    }

    // --- seed 003: job status and progress updates ---

    @ParameterizedTest(name = "{0}, transactional={1}")
    @CsvSource({"POSTGRESQL, true", "POSTGRESQL, false", "SQLITE, true", "SQLITE, false"})
    void jobUpdatesOfEveryStyleNeverFail(GuardTestDb database, boolean transactional) throws Exception {
        givenTables(database);
        try (Connection c = safe(transactional)) {
            for (int i = 0; i < ITERATIONS; i++) {
                int id = i % 5 + 1;
                // updateStatus(): read the status and version, then the optimistic-locking update
                int version = intOf(c, "SELECT version FROM " + jobs + " WHERE id = ?", id);
                assertThat(write(c, "UPDATE " + jobs + " SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
                        "RUNNING", id, version)).isEqualTo(1);
                end(c, transactional);
                // updateProgress(): read, compute, write by key
                int progress = intOf(c, "SELECT progress FROM " + jobs + " WHERE id = ?", id);
                assertThat(write(c, "UPDATE " + jobs + " SET progress = ? WHERE id = ?", progress + 1, id)).isEqualTo(1);
                end(c, transactional);
                // completeJob(): read the whole row, check the transition, write by key
                String status = stringOf(c, "SELECT * FROM " + jobs + " WHERE id = ?", id, "status");
                assertThat(status).isEqualTo("RUNNING");
                assertThat(write(c, "UPDATE " + jobs + " SET status = ?, result = ? WHERE id = ?", "DONE", "r" + i, id))
                        .isEqualTo(1);
                end(c, transactional);
                // cancel(): conditional on the status it expects
                assertThat(write(c, "UPDATE " + jobs + " SET status = ? WHERE id = ? AND status = ?", "CANCELLED", id,
                        "DONE")).isEqualTo(1);
                end(c, transactional);
                // a self-relative bump after a read
                intOf(c, "SELECT progress FROM " + jobs + " WHERE id = ?", id);
                assertThat(write(c, "UPDATE " + jobs + " SET progress = progress + 1 WHERE id = ?", id)).isEqualTo(1);
                end(c, transactional);
            }
        }
        assertThat(count("SELECT SUM(progress) FROM " + jobs)).isEqualTo(2 * ITERATIONS);
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void readThenWriteOfOneKeyRepeatedInAutocommitNeverConflicts(GuardTestDb database) throws Exception {
        givenTables(database);
        try (Connection c = safe(false)) {
            for (int i = 0; i < ITERATIONS; i++) {
                int progress = intOf(c, "SELECT progress FROM " + jobs + " WHERE id = ?", 1);
                assertThat(write(c, "UPDATE " + jobs + " SET progress = ? WHERE id = ?", progress + 1, 1)).isEqualTo(1);
            }
        }
        assertThat(count("SELECT progress FROM " + jobs + " WHERE id = 1")).isEqualTo(ITERATIONS);
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void readThenDeleteThenInsertOfOneKeyRepeatedInATransactionNeverConflicts(GuardTestDb database) throws Exception {
        givenTables(database);
        try (Connection c = safe(true)) {
            for (int i = 0; i < ITERATIONS; i++) {
                intOf(c, "SELECT progress FROM " + jobs + " WHERE id = ?", 1);
                assertThat(write(c, "DELETE FROM " + jobs + " WHERE id = ?", 1)).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM " + jobs + " WHERE id = ?", 1)).isZero();
                assertThat(write(c, "INSERT INTO " + jobs + " (id, status, progress, version) VALUES (?, ?, ?, ?)", 1,
                        "NEW", i, 0)).isEqualTo(1);
                c.commit();
            }
        }
        assertThat(findings.all()).isEmpty();
    }

    // --- pooled connections: one borrower's read is no part of the next borrower's write ---

    @Test
    void blindWriteOnAPooledConnectionOfSafeDataSourceIsNotGuardedByTheLastBorrowersRead() throws Exception {
        givenTables(GuardTestDb.POSTGRESQL);
        try (HikariDataSource pool = onePooledConnection(db.rawUrl(dir))) {
            assertThat(blindWriteAfterAnotherBorrowersRead(SafeDataSource.wrap(pool))).isEqualTo(1);
        }
        assertThat(findings.all()).isEmpty();
    }

    @Test
    void blindWriteOnAPooledConnectionOverTheSafeUrlIsNotGuardedByTheLastBorrowersRead() throws Exception {
        givenTables(GuardTestDb.POSTGRESQL);
        try (HikariDataSource pool = onePooledConnection(db.safeUrl(dir))) {
            assertThat(blindWriteAfterAnotherBorrowersRead(pool)).isEqualTo(1);
        }
    }

    // --- bugs found while writing these tests, fixed since ---

    @ParameterizedTest(name = "{0}, transactional={1}")
    @CsvSource({"POSTGRESQL, true", "POSTGRESQL, false", "SQLITE, true", "SQLITE, false"})
    void plainWriteAfterTheTransactionsOwnVersionedWriteIsNotAConflict(GuardTestDb database, boolean transactional)
            throws Exception {
        givenTables(database);
        try (Connection c = safe(transactional)) {
            int version = intOf(c, "SELECT version FROM " + jobs + " WHERE id = ?", 1);
            write(c, "UPDATE " + jobs + " SET status = ?, version = version + 1 WHERE id = ? AND version = ?", "DONE", 1,
                    version);
            assertThat(write(c, "UPDATE " + jobs + " SET result = ? WHERE id = ?", "r", 1)).isEqualTo(1);
            end(c, transactional);
        }
    }

    @ParameterizedTest(name = "{0}, transactional={1}")
    @CsvSource({"POSTGRESQL, true", "POSTGRESQL, false", "SQLITE, true", "SQLITE, false"})
    void plainWriteAfterTheTransactionsOwnSelfRelativeWriteIsNotAConflict(GuardTestDb database, boolean transactional)
            throws Exception {
        givenTables(database);
        try (Connection c = safe(transactional)) {
            intOf(c, "SELECT progress FROM " + jobs + " WHERE id = ?", 1);
            write(c, "UPDATE " + jobs + " SET progress = progress + 1 WHERE id = ?", 1);
            assertThat(write(c, "UPDATE " + jobs + " SET progress = ? WHERE id = ?", 10, 1)).isEqualTo(1);
            end(c, transactional);
        }
    }

    // --- helpers ---

    private static HikariDataSource onePooledConnection(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName(TestDatabases.unique("nfp-pool"));
        return new HikariDataSource(config);
    }

    /**
     * One borrower reads job 1 in autocommit and gives the connection back; the row changes; the
     * next borrower of the same physical connection updates job 1 without having read it.
     */
    private int blindWriteAfterAnotherBorrowersRead(DataSource pool) throws Exception {
        try (Connection first = pool.getConnection()) {
            intOf(first, "SELECT progress FROM " + jobs + " WHERE id = ?", 1);
        }
        db.execute(dir, "UPDATE " + jobs + " SET progress = 5 WHERE id = 1");
        try (Connection next = pool.getConnection()) {
            return write(next, "UPDATE " + jobs + " SET status = ? WHERE id = ?", "DONE", 1);
        }
    }

    private void givenTables(GuardTestDb database) throws SQLException {
        db = database;
        locks = TestDatabases.unique("nfp_locks");
        jobs = TestDatabases.unique("nfp_jobs");
        database.execute(dir, String.format(NaiveLockService.DDL, locks),
                "CREATE TABLE " + jobs + " (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, progress INT NOT NULL,"
                        + " result TEXT, version INT NOT NULL)");
        for (int id = 1; id <= 5; id++) {
            database.execute(dir, "INSERT INTO " + jobs + " VALUES (" + id + ", 'RUNNING', 0, NULL, 0)");
        }
    }

    private Connection safe(boolean transactional) throws SQLException {
        Connection c = db.safe(dir, new Properties());
        c.setAutoCommit(!transactional);
        return c;
    }

    private static boolean acquire(NaiveLockService service, Connection c, String id, String owner, long now)
            throws SQLException {
        boolean acquired = service.acquire(c, "job", id, owner, now, TTL, () -> { });
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return acquired;
    }

    private static void end(Connection c, boolean transactional) throws SQLException {
        if (transactional) {
            c.commit();
        }
    }

    private static int intOf(Connection c, String sql, int id) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(sql)) {
            read.setInt(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private static String stringOf(Connection c, String sql, int id, String column) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(sql)) {
            read.setInt(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(column);
            }
        }
    }

    private static int count(Connection c, String sql, int id) throws SQLException {
        return intOf(c, sql, id);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.raw(dir); PreparedStatement read = c.prepareStatement(sql);
                ResultSet rs = read.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static int write(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement write = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                write.setObject(i + 1, parameters[i]);
            }
            return write.executeUpdate();
        }
    }
}

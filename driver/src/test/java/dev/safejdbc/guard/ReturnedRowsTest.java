package dev.safejdbc.guard;

import static dev.safejdbc.guard.PlainStatements.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads that name no row by key in their WHERE (joins, unique-column lookups, queue claims, list reads)
 * record each row they return by the key it carries; a later write of that key is guarded. Each case
 * reads through {@code jdbc:safe:} in autocommit (which guards the same connection's autocommit writes, so
 * that SQLite's file locks let another connection write in between), changes the row on a raw connection,
 * then writes: a lost race (40001) where the read recorded the row, the write as written where it did not.
 */
class ReturnedRowsTest {
    @TempDir
    Path dir;

    private GuardTestDb db;
    private final String job = TestDatabases.unique("rr_job");
    private final String owner = TestDatabases.unique("rr_owner");
    private CapturedFindings findings;

    @BeforeEach
    void listen() {
        findings = CapturedFindings.onThisThread();
    }

    @AfterEach
    void drop() throws Exception {
        findings.close();
        if (db != null) {
            db.execute(dir, "DROP TABLE IF EXISTS " + job, "DROP TABLE IF EXISTS " + owner);
        }
    }

    private void given(GuardTestDb database) throws SQLException {
        db = database;
        db.execute(dir, "CREATE TABLE " + owner + " (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE)",
                "CREATE TABLE " + job + " (id INT PRIMARY KEY, code VARCHAR(40) NOT NULL UNIQUE, owner_id INT,"
                        + " status VARCHAR(20) NOT NULL, v INT NOT NULL, note VARCHAR(40))",
                "INSERT INTO " + owner + " VALUES (1, 'ann')");
        StringBuilder rows = new StringBuilder("INSERT INTO " + job + " VALUES ");
        for (int id = 1; id <= 100; id++) {
            rows.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'c").append(id).append("', ")
                    .append(id == 2 ? "NULL" : "1").append(", 'PENDING', 0, 'n')");
        }
        db.execute(dir, rows.toString());
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void aJoinReadRecordsEachTablesRowByTheKeyItReturns(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            // Hibernate's EAGER @ManyToOne: several columns labelled id, told apart by position
            try (PreparedStatement read = c.prepareStatement("select j1_0.id, j1_0.owner_id, o1_0.id, o1_0.name,"
                    + " j1_0.v from " + job + " j1_0 left join " + owner + " o1_0 on o1_0.id = j1_0.owner_id"
                    + " where j1_0.id = ?")) {
                read.setInt(1, 1);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong("id")).isEqualTo(1); // the first id: the job's
                    assertThat(rs.getInt(5)).isZero();
                }
            }
            db.execute(dir, "UPDATE " + job + " SET v = 7 WHERE id = 1", "UPDATE " + owner + " SET name = 'bob'");
            assertLostRace(c, "UPDATE " + job + " SET v = 1 WHERE id = 1");
            assertLostRace(c, "UPDATE " + owner + " SET name = 'cy' WHERE id = 1");
        }
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void wasNullStaysTheApplicationsWhenAWriteMakesTheGuardReadAJoinsRow(GuardTestDb database) throws Exception {
        given(database);
        db.execute(dir, "UPDATE " + job + " SET note = NULL WHERE id = 13");
        try (Connection c = db.safe(dir, GuardTestDb.options()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT j.id, j.note, o.id, o.name, j.v FROM " + job + " j JOIN " + owner
                        + " o ON o.id = j.owner_id WHERE j.id = 13")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNull();
            assertThat(update(c, "UPDATE " + owner + " SET name = 'zed' WHERE id = 1")).isEqualTo(1);
            assertThat(rs.wasNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void theNullExtendedSideOfAnOuterJoinRecordsNothing(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            readAll(c, "SELECT j.id, j.v, o.id, o.name FROM " + job + " j LEFT JOIN " + owner
                    + " o ON o.id = j.owner_id WHERE j.id = 2");
            db.execute(dir, "INSERT INTO " + owner + " VALUES (2, 'dan')");
            assertThat(update(c, "UPDATE " + owner + " SET name = 'eve' WHERE id = 2")).isEqualTo(1);
        }
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void aLookupByAUniqueColumnGuardsTheWriteByThePrimaryKey(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            readAll(c, "SELECT id, code, status FROM " + job + " WHERE code = 'c3'");
            db.execute(dir, "UPDATE " + job + " SET status = 'HELD' WHERE id = 3");
            assertLostRace(c, "UPDATE " + job + " SET status = 'MINE' WHERE id = 3");
        }
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void aQueueClaimIsGuardedOnWhatItRead(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            readAll(c, "SELECT id, status FROM " + job + " WHERE status = 'PENDING' AND v >= 0 ORDER BY id LIMIT 1");
            db.execute(dir, "UPDATE " + job + " SET status = 'DONE' WHERE id = 1");
            assertLostRace(c, "UPDATE " + job + " SET status = 'DONE' WHERE id = 1");
            // not raced: read and claimed as written, once
            readAll(c, "SELECT id, status FROM " + job + " WHERE status = 'PENDING' ORDER BY id LIMIT 1");
            assertThat(update(c, "UPDATE " + job + " SET status = 'DONE' WHERE id = 2")).isEqualTo(1);
        }
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void rowsThatAreNoTablesRowsRecordNothing(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            readAll(c, "SELECT DISTINCT id, v FROM " + job + " WHERE id = 4 OR id = 5");
            readAll(c, "SELECT id, count(*) FROM " + job + " WHERE id IN (6, 7) GROUP BY id");
            readAll(c, "SELECT id, v FROM " + job + " WHERE id = 8 UNION SELECT id, v FROM " + job + " WHERE id = 9");
            readAll(c, "SELECT id, (SELECT name FROM " + owner + " WHERE id = 1) FROM " + job + " WHERE v = 0 AND id = 10");
            db.execute(dir, "UPDATE " + job + " SET v = 5 WHERE id BETWEEN 4 AND 10");
            for (int id = 4; id <= 10; id++) {
                assertThat(update(c, "UPDATE " + job + " SET v = 6 WHERE id = " + id)).as("id %d", id).isEqualTo(1);
            }
        }
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void aListReadRecordsItsFirstRowsAndAWriteOfALaterOneIsReportedNeverFailed(GuardTestDb database)
            throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            readAll(c, "SELECT * FROM " + job + " WHERE v >= 0 ORDER BY id");
            db.execute(dir, "UPDATE " + job + " SET v = 3 WHERE id IN (10, 90)");
            assertLostRace(c, "UPDATE " + job + " SET v = 4 WHERE id = 10");
            assertThat(findings.all()).isEmpty();
            assertThat(update(c, "UPDATE " + job + " SET v = 4 WHERE id = 90")).as("past the bound").isEqualTo(1);
        }
        assertThat(findings.of(FindingKind.UNGUARDED_CHECK_THEN_ACT)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("more rows of " + job).contains("64"));
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void twoReadsOfOneRowAreComparedTogether(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            readAll(c, "SELECT id, v FROM " + job + " WHERE id = 11");
            readAll(c, "SELECT id, note FROM " + job + " WHERE id = 11");
            db.execute(dir, "UPDATE " + job + " SET v = 9 WHERE id = 11");
            assertLostRace(c, "UPDATE " + job + " SET status = 'X' WHERE id = 11");

            readAll(c, "SELECT id, v FROM " + job + " WHERE id = 12");
            readAll(c, "SELECT j.id, j.note FROM " + job + " j JOIN " + owner + " o ON o.id = j.owner_id"
                    + " WHERE o.name = 'ann' AND j.id = 12");
            assertThat(update(c, "UPDATE " + job + " SET status = 'X' WHERE id = 12")).as("nothing changed")
                    .isEqualTo(1);
        }
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void aTransactionsOwnWriteEndsWhatItReadOfTheRow(GuardTestDb database) throws Exception {
        given(database);
        try (Connection c = db.safe(dir, GuardTestDb.options())) {
            GuardTestDb.beginUnitOfWork(c); // SQLite: in autocommit, where the guard acts
            readAll(c, "SELECT id, v FROM " + job + " WHERE v >= 0 ORDER BY id LIMIT 5");
            assertThat(update(c, "UPDATE " + job + " SET v = v + 1 WHERE id = 1")).isEqualTo(1);
            assertThat(update(c, "UPDATE " + job + " SET v = 10 WHERE id = 1")).isEqualTo(1);
            assertThat(update(c, "UPDATE " + job + " SET v = 10 WHERE id = 2")).isEqualTo(1);
            GuardTestDb.endUnitOfWork(c);
        }
        assertThat(findings.all()).isEmpty();
    }

    private static void readAll(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }


    private static void assertLostRace(Connection c, String sql) {
        assertThatThrownBy(() -> update(c, sql)).as(sql).isInstanceOf(SQLException.class)
                .extracting("SQLState").isEqualTo("40001");
    }
}

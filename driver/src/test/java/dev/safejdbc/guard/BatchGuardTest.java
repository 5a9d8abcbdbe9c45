package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safejdbc.error.GuardConflictException;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JDBC batches: an entry that writes a key its transaction read is sent in its guarded form and its
 * count checked, the others go as written in the same order, as the driver's own batch. Each test
 * runs the same batch raw and through safe-jdbc and compares counts, rows and (through datasource-proxy)
 * what reached the driver. A race is forced by a second, raw connection that changes a row between the
 * read and {@code executeBatch}: on PostgreSQL, MariaDB and H2 inside the transaction; on SQLite (one
 * writer at a time) with the read and the batch in autocommit, which the guard covers on one connection.
 * Inside an SQLite transaction the guard stands aside ({@link Guard#standsAside}), so there the tests that
 * have it act run in autocommit ({@link GuardTestDb#beginUnitOfWork}).
 */
class BatchGuardTest {
    private static final String UPDATE = "UPDATE %s SET v = ? WHERE id = ?";

    /** The four databases, raw and through jdbc:safe:. */
    enum Db {
        POSTGRESQL, SQLITE, MARIADB, H2;

        String rawUrl(Path dir, String name) {
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case SQLITE -> "jdbc:sqlite:" + dir.resolve("guard.db");
                case MARIADB -> "jdbc:" + TestDatabases.mariadb();
                case H2 -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            };
        }

        /**
         * Whether a transaction's read can be raced by another connection's committed write before it writes, and
         * the guard acts there: not on SQLite, whose transactions are serializable.
         */
        boolean racesInTransaction() {
            return this != SQLITE;
        }
    }

    @TempDir
    Path dir;

    private final SentStatements sent = new SentStatements();
    private final SentStatements rawSent = new SentStatements();
    private CapturedFindings findings;
    private Db db;
    private String table;

    @BeforeEach
    void listen() {
        findings = CapturedFindings.onThisThread();
    }

    @AfterEach
    void dropTable() throws Exception {
        findings.close();
        if (db != null) {
            execute("DROP TABLE IF EXISTS " + table);
        }
    }

    // --- no race: the same counts, rows and order as raw ---

    @ParameterizedTest
    @EnumSource(Db.class)
    void aBatchMixingReadAndUnreadKeysGetsTheRawCountsAndRows(Db database) throws Exception {
        given(database);
        long[] raw = readThenBatch(raw(), new int[] {1, 2, 4}, new int[] {1, 2, 3, 4, 9});
        Map<Integer, Integer> rawRows = rows();
        reset();

        long[] safe = readThenBatch(safe(new Properties()), new int[] {1, 2, 4}, new int[] {1, 2, 3, 4, 9});

        assertThat(safe).containsExactly(raw);
        assertThat(safe).containsExactly(1, 1, 1, 1, 0);
        assertThat(rows()).isEqualTo(rawRows);
        assertThat(findings.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void guardedEntriesRunOnTheirGuardedFormAndTheOthersAsTheDriversOwnBatchInEntryOrder(GuardTestDb database)
            throws Exception {
        givenRecorded(database);
        DataSource safe = database.recorded(dir, sent, new Properties());

        try (Connection c = safe.getConnection()) {
            GuardTestDb.beginUnitOfWork(c);
            read(c, 1, 2, 4);
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                assertThat(batch(update, 1, 2, 3, 4)).containsExactly(1, 1, 1, 1);
            }
            GuardTestDb.endUnitOfWork(c);
        }

        String plain = sql(UPDATE);
        List<SentStatements.Sent> updates = sent.all().stream().filter(s -> s.sql().startsWith("UPDATE")).toList();
        assertThat(updates).extracting(s -> s.sql().equals(plain)).containsExactly(false, false, true, false);
        assertThat(updates).allSatisfy(s -> assertThat(s.sql()).startsWith(plain));
        assertThat(updates).extracting(s -> s.parameters().get(1)).containsExactly(1, 2, 3, 4);
        assertThat(updates.get(0).parameters()).containsExactly(101, 1, 10); // the value read is compared
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void aBatchedWriteWithItsOwnConditionReachesTheDriverByteForByte(GuardTestDb database) throws Exception {
        givenRecorded(database);
        String versioned = "UPDATE " + table + " SET v = ? WHERE id = ? AND v = ?"; // as Hibernate writes @Version
        try (Connection c = database.recorded(dir, sent, new Properties()).getConnection()) {
            c.setAutoCommit(false);
            read(c, 1, 2);
            try (PreparedStatement update = c.prepareStatement(versioned)) {
                for (int id : new int[] {1, 2}) {
                    update.setInt(1, id + 100);
                    update.setInt(2, id);
                    update.setInt(3, id * 10);
                    update.addBatch();
                }
                assertThat(update.executeBatch()).containsExactly(1, 1);
            }
            c.commit();
        }

        assertThat(sent.all()).filteredOn(s -> s.sql().startsWith("UPDATE")).extracting(SentStatements.Sent::sql)
                .containsExactly(versioned, versioned);
    }

    @ParameterizedTest
    @EnumSource(GuardTestDb.class)
    void reportModeAndGuardOffSendExactlyWhatTheRawDriverSends(GuardTestDb database) throws Exception {
        givenRecorded(database);
        long[] raw = readThenBatch(database.recordedRaw(dir, rawSent), new int[] {1, 2}, new int[] {1, 2, 3});
        for (String[] option : new String[][] {{"safe.mode", "report"}, {"safe.guard", "off"}}) {
            reset();
            sent.clear();
            long[] safe = readThenBatch(database.recorded(dir, sent, GuardTestDb.options(option)), new int[] {1, 2},
                    new int[] {1, 2, 3});
            assertThat(safe).as(option[0]).containsExactly(raw);
            assertThat(sent.touching(table)).as(option[0]).isEqualTo(rawSent.touching(table));
        }
        assertThat(findings.kinds()).containsExactly(FindingKind.UNGUARDED_CHECK_THEN_ACT,
                FindingKind.UNGUARDED_CHECK_THEN_ACT); // report mode records both batched writes of keys read
    }

    @org.junit.jupiter.api.Test
    void entriesSentAsWrittenKeepTheDriversBatchRewritingAndItsSuccessNoInfoCounts() throws Exception {
        given(Db.POSTGRESQL);
        String rewriting = db.rawUrl(dir, table) + "&reWriteBatchedInserts=true";
        long[] raw;
        try (Connection c = DriverManager.getConnection(rewriting)) {
            raw = insertBatch(c, new int[] {5}, 6, 7, 5, 8, 9);
        }
        reset();
        long[] safe;
        try (Connection c = DriverManager.getConnection("jdbc:safe:" + rewriting.substring("jdbc:".length()))) {
            safe = insertBatch(c, new int[] {5}, 6, 7, 5, 8, 9);
        }

        assertThat(raw).contains(Statement.SUCCESS_NO_INFO); // the driver rewrote the batch (in groups)
        // the guarded entry is counted, the runs around it are rewritten by the driver as before
        assertThat(safe).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 1,
                Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO);
    }

    /** In a transaction: reads rows {@code read}, then batches an insert of each of {@code ids}; commits. */
    private long[] insertBatch(Connection c, int[] read, int... ids) throws SQLException {
        c.setAutoCommit(false);
        read(c, read);
        long[] counts;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, v) VALUES (?, ?)")) {
            for (int id : ids) {
                insert.setInt(1, id);
                insert.setInt(2, id * 10);
                insert.addBatch();
            }
            counts = BatchPlan.widen(insert.executeBatch());
        }
        c.commit();
        return counts;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aClearedBatchRunsNothing(Db database) throws Exception {
        given(database);
        try (Connection c = safe(new Properties())) {
            c.setAutoCommit(false);
            read(c, 1, 2);
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                add(update, 1, 2);
                update.clearBatch();
                assertThat(update.executeBatch()).isEmpty();
                add(update, 2);
                assertThat(update.executeBatch()).containsExactly(1);
            }
            c.commit();
        }
        assertThat(rows()).containsEntry(1, 10).containsEntry(2, 102);
    }

    // --- a lost race ---

    @ParameterizedTest
    @EnumSource(Db.class)
    void aLostRaceFailsTheBatchWith40001AndTheCountsOfTheEntriesBeforeIt(Db database) throws Exception {
        given(database);
        BatchUpdateException failure = afterARace(new Properties(), new int[] {1, 2, 3},
                "UPDATE " + table + " SET v = 77 WHERE id = 2", c -> {
                    try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                        return catchThrowableOfType(() -> batch(update, 4, 1, 2, 3), BatchUpdateException.class);
                    }
                });

        assertThat(failure.getSQLState()).isEqualTo("40001");
        assertThat(failure.getUpdateCounts()).containsExactly(1, 1);
        assertThat((Throwable) failure.getNextException()).isInstanceOf(GuardConflictException.class);
        assertThat(failure.getCause()).isSameAs(failure.getNextException());
        assertThat(failure.getMessage()).contains(table).contains("lost its race").contains("read at")
                .contains("write at");
        assertThat(rows().get(2)).isEqualTo(77);
    }

    @ParameterizedTest
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "MARIADB"})
    void inAutocommitAPreparedBatchGoesAsWrittenWithAFindingForEachEntryItWouldHaveGuarded(Db database)
            throws Exception {
        given(database);
        long[] counts;
        try (Connection c = safe(new Properties())) { // autocommit: runs of guarded entries would commit apart
            read(c, 1, 2);
            execute("UPDATE " + table + " SET v = 77 WHERE id = 2"); // another connection, committed
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                counts = batch(update, 1, 2, 3);
            }
        }

        assertThat(counts).containsExactly(1, 1, 1);
        assertThat(rows()).containsEntry(1, 101).containsEntry(2, 102).containsEntry(3, 103);
        assertThat(findings.of(FindingKind.UNGUARDED_CHECK_THEN_ACT)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "SQLITE"})
    void rowsFoundByAListReadAreGuardedInTheBatchThatWritesThem(Db database) throws Exception {
        given(database);
        BatchUpdateException failure = afterARace(new Properties(), new int[] {}, "SELECT 1", c -> {
            List<Integer> found = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, v FROM " + table + " WHERE v < 35 ORDER BY id")) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                    rs.getInt(2);
                }
            }
            assertThat(found).containsExactly(1, 2, 3);
            execute("UPDATE " + table + " SET v = 77 WHERE id = 3"); // another connection, committed
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                return catchThrowableOfType(() -> batch(update, 1, 2, 3), BatchUpdateException.class);
            }
        });

        assertThat(failure.getSQLState()).isEqualTo("40001");
        assertThat(failure.getUpdateCounts()).containsExactly(1, 1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void withZeroRowsTheLostEntryCountsZeroAndTheBatchGoesOn(Db database) throws Exception {
        given(database);
        long[] counts = afterARace(GuardTestDb.options("safe.onConflict", "zero-rows"), new int[] {1, 2, 3},
                "UPDATE " + table + " SET v = 77 WHERE id = 2", c -> {
                    try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                        long[] ran = batch(update, 1, 2, 3, 4);
                        if (!c.getAutoCommit()) {
                            c.commit();
                        }
                        return ran;
                    }
                });

        assertThat(counts).containsExactly(1, 0, 1, 1);
        assertThat(rows()).containsEntry(1, 101).containsEntry(2, 77).containsEntry(3, 103).containsEntry(4, 104);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aBatchedDeleteOfARowChangedSinceTheReadIsALostRace(Db database) throws Exception {
        given(database);
        BatchUpdateException failure = afterARace(new Properties(), new int[] {2},
                "UPDATE " + table + " SET v = 77 WHERE id = 2", c -> {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                        for (int id : new int[] {1, 2}) {
                            delete.setInt(1, id);
                            delete.addBatch();
                        }
                        return catchThrowableOfType(delete::executeBatch, BatchUpdateException.class);
                    }
                });

        assertThat(failure.getSQLState()).isEqualTo("40001");
        assertThat(failure.getUpdateCounts()).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aBatchedInsertOfAKeyReadAsAbsentIsGuardedAndATakenKeyIsALostRace(Db database) throws Exception {
        given(database);
        BatchUpdateException failure = afterARace(new Properties(), new int[] {5},
                "INSERT INTO " + table + " VALUES (5, 55)", c -> {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, v) VALUES (?, ?)")) {
                        for (int id : new int[] {6, 5, 7}) {
                            insert.setInt(1, id);
                            insert.setInt(2, id * 10);
                            insert.addBatch();
                        }
                        return catchThrowableOfType(insert::executeBatch, BatchUpdateException.class);
                    }
                });

        assertThat(failure.getSQLState()).isEqualTo("40001");
        assertThat(failure.getUpdateCounts()).containsExactly(1);
        assertThat(failure.getMessage()).contains("appeared");
    }

    // --- plain statements, executeLargeBatch ---

    @ParameterizedTest
    @EnumSource(Db.class)
    void aPlainStatementsBatchIsGuardedEntryByEntry(Db database) throws Exception {
        given(database);
        BatchUpdateException failure;
        int[] counts;
        try (Connection c = safe(new Properties())) {
            c.setAutoCommit(!database.racesInTransaction());
            read(c, 1, 2);
            try (Statement s = c.createStatement()) {
                s.addBatch("UPDATE " + table + " SET v = 5 WHERE id = 1");
                s.addBatch("UPDATE " + table + " SET v = 6 WHERE id = 3");
                counts = s.executeBatch();
                execute("UPDATE " + table + " SET v = 77 WHERE id = 2");
                s.addBatch("UPDATE " + table + " SET v = 7 WHERE id = 4");
                s.addBatch("UPDATE " + table + " SET v = 8 WHERE id = 2");
                failure = catchThrowableOfType(s::executeBatch, BatchUpdateException.class);
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }

        assertThat(counts).containsExactly(1, 1);
        assertThat(failure.getSQLState()).isEqualTo("40001");
        assertThat(failure.getUpdateCounts()).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "H2", "MARIADB"})
    void executeLargeBatchIsGuardedToo(Db database) throws Exception {
        given(database);
        long[] counts;
        try (Connection c = safe(new Properties())) {
            c.setAutoCommit(false);
            read(c, 1, 2);
            execute("UPDATE " + table + " SET v = 77 WHERE id = 2");
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                add(update, 1, 3);
                counts = update.executeLargeBatch();
                add(update, 2);
                BatchUpdateException failure = catchThrowableOfType(update::executeLargeBatch,
                        BatchUpdateException.class);
                assertThat(failure.getSQLState()).isEqualTo("40001");
                assertThat(failure.getLargeUpdateCounts()).isEmpty();
            }
            c.rollback();
        }
        assertThat(counts).containsExactly(1, 1);
    }

    // --- soundness: what the single path leaves as written stays so, and a read made stale guards nothing ---

    @ParameterizedTest
    @EnumSource(Db.class)
    void aReadMadeStaleByAnEarlierEntryOfTheBatchGuardsNothing(Db database) throws Exception {
        given(database);
        int[] counts;
        try (Connection c = safe(new Properties())) {
            GuardTestDb.beginUnitOfWork(c);
            read(c, 1);
            try (Statement s = c.createStatement()) {
                s.addBatch("UPDATE " + table + " SET v = 99 WHERE v = 10"); // row 1, not by key: its read goes
                s.addBatch("UPDATE " + table + " SET v = 5 WHERE id = 1");
                counts = s.executeBatch();
            }
            GuardTestDb.endUnitOfWork(c);
        }

        assertThat(counts).containsExactly(1, 1);
        assertThat(rows().get(1)).isEqualTo(5);
        assertThat(findings.kinds()).containsExactly(FindingKind.UNGUARDED_CHECK_THEN_ACT); // why it went as written
    }

    @ParameterizedTest
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "SQLITE"})
    void aTriggerFiredByAnEarlierEntryEndsTheReadsOfTheLaterOnes(Db database) throws Exception {
        given(database);
        if (database == Db.POSTGRESQL) {
            execute("CREATE FUNCTION " + table + "_f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " UPDATE " + table + " SET v = v + 1000 WHERE id = 1; RETURN NULL; END $$");
            execute("CREATE TRIGGER " + table + "_t AFTER UPDATE ON " + table + " FOR EACH ROW WHEN (NEW.id = 2)"
                    + " EXECUTE FUNCTION " + table + "_f()");
        } else {
            execute("CREATE TRIGGER " + table + "_t AFTER UPDATE ON " + table + " WHEN NEW.id = 2 BEGIN"
                    + " UPDATE " + table + " SET v = v + 1000 WHERE id = 1; END");
        }
        long[] counts;
        try {
            counts = readThenBatch(safe(new Properties()), new int[] {1, 2}, new int[] {2, 1});
        } finally {
            if (database == Db.POSTGRESQL) {
                execute("DROP TABLE " + table);
                execute("DROP FUNCTION " + table + "_f()");
            }
        }

        assertThat(counts).containsExactly(1, 1); // row 1 changed by the trigger, not by a race: no 40001
    }

    @ParameterizedTest
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "SQLITE"})
    void aBatchedUpsertEndsTheReadsItMayHaveChanged(Db database) throws Exception {
        given(database);
        int updated;
        try (Connection c = safe(new Properties())) {
            c.setAutoCommit(false);
            read(c, 1);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + table + " (id, v) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET v = excluded.v")) {
                upsert.setInt(1, 1);
                upsert.setInt(2, 50);
                upsert.addBatch();
                upsert.executeBatch();
            }
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                update.setInt(1, 60);
                update.setInt(2, 1);
                updated = update.executeUpdate(); // this transaction changed the row: not a lost race
            }
            c.commit();
        }
        assertThat(updated).isEqualTo(1);
        assertThat(rows().get(1)).isEqualTo(60);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void selfRelativeAndVersionedBatchedWritesGoAsWritten(Db database) throws Exception {
        given(database);
        try (Connection c = safe(new Properties())) {
            c.setAutoCommit(false);
            read(c, 1, 2);
            try (PreparedStatement increment = c.prepareStatement("UPDATE " + table + " SET v = v + 1 WHERE id = ?");
                    PreparedStatement conditioned = c.prepareStatement(
                            "UPDATE " + table + " SET v = ? WHERE id = ? AND v = ?")) {
                increment.setInt(1, 1);
                increment.addBatch();
                assertThat(increment.executeBatch()).containsExactly(1);
                conditioned.setInt(1, 50);
                conditioned.setInt(2, 2);
                conditioned.setInt(3, 999);
                conditioned.addBatch();
                assertThat(conditioned.executeBatch()).containsExactly(0); // its own condition, its own 0
            }
            c.commit();
        }
        assertThat(rows()).containsEntry(1, 11).containsEntry(2, 20);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aConstraintFailureAfterAGuardedRunSurfacesWithTheRawBatchsCounts(Db database)
            throws Exception {
        given(database);
        SQLException raw = constraintFailure(raw(), new int[][] {{1, 2}, {2, 1}, {-1, 3}});
        reset();
        SQLException safe = constraintFailure(safe(new Properties()), new int[][] {{1, 2}, {2, 1}, {-1, 3}});

        // sqlite-jdbc reports no counts: its own exception, as it threw it; the others' a BatchUpdateException
        assertThat(safe.getClass()).isEqualTo(raw instanceof BatchUpdateException ? BatchUpdateException.class
                : raw.getClass());
        assertThat(safe.getSQLState()).isEqualTo(raw.getSQLState());
        assertThat(safe.getErrorCode()).isEqualTo(raw.getErrorCode());
        if (raw instanceof BatchUpdateException rawBatch) { // pgjdbc: every entry failed, the transaction aborted
            assertThat(((BatchUpdateException) safe).getUpdateCounts()).isEqualTo(rawBatch.getUpdateCounts());
        }
        assertThat(rows()).isEqualTo(given());
    }

    /**
     * A failure of the driver's own in a first run of guarded entries (sqlite-jdbc's SQLITE_BUSY in a race, a
     * CHECK here) fails the batch as the raw batch does: sqlite-jdbc's own exception, not a BatchUpdateException;
     * elsewhere a BatchUpdateException with the raw batch's counts (H2 goes on with the next run: [-3, 1];
     * pgjdbc counts every entry failed). A MariaDB prepared batch stops there (the README's limitation).
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aDriverFailureInAFirstRunOfGuardedEntriesFailsTheBatchAsTheRawOne(Db database) throws Exception {
        given(database);
        SQLException raw = constraintFailure(raw(), new int[][] {{-1, 1}, {5, 1}});
        reset();
        SQLException safe = constraintFailure(safe(new Properties()), new int[][] {{-1, 1}, {5, 1}});

        if (raw instanceof BatchUpdateException rawBatch) {
            assertThat((Object) safe).isInstanceOf(BatchUpdateException.class);
            if (database != Db.MARIADB) {
                assertThat(((BatchUpdateException) safe).getUpdateCounts()).isEqualTo(rawBatch.getUpdateCounts());
            }
        } else {
            assertThat(safe.getClass()).isEqualTo(raw.getClass());
        }
        assertThat(safe.getSQLState()).isEqualTo(raw.getSQLState());
        assertThat(safe.getErrorCode()).isEqualTo(raw.getErrorCode());
        assertThat(rows()).isEqualTo(given());
    }

    /** Reads row 1, then batches {@code entries} ({v, id} each), and returns how the batch failed. */
    private SQLException constraintFailure(Connection c, int[][] entries) throws SQLException {
        try (c) {
            c.setAutoCommit(false);
            read(c, 1);
            SQLException failure;
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                for (int[] entry : entries) {
                    update.setInt(1, entry[0]);
                    update.setInt(2, entry[1]);
                    update.addBatch();
                }
                failure = catchThrowableOfType(update::executeBatch, SQLException.class);
            }
            c.rollback();
            return failure;
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void ddlInABatchMakesTheGuardReadTheKeysAgain(Db database) throws Exception {
        given(database);
        String keyless = TestDatabases.unique("batch_k");
        execute("CREATE TABLE " + keyless + " (id INT NOT NULL, v INT NOT NULL)");
        execute("INSERT INTO " + keyless + " VALUES (1, 10)");
        try (Connection c = safe(new Properties()); Statement s = c.createStatement()) {
            s.executeQuery("SELECT v FROM " + keyless + " WHERE id = 1").close(); // the guard learns: no key
            s.addBatch("CREATE UNIQUE INDEX " + keyless + "_id ON " + keyless + " (id)");
            s.executeBatch();
        }

        SQLException failure = afterARace(new Properties(), new int[] {}, "SELECT 1", c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT v FROM " + keyless + " WHERE id = 1")) {
                        rs.next();
                        rs.getInt(1);
                    }
                    execute("UPDATE " + keyless + " SET v = 78 WHERE id = 1");
                    try (PreparedStatement update = c.prepareStatement("UPDATE " + keyless + " SET v = ? WHERE id = ?")) {
                        update.setInt(1, 5);
                        update.setInt(2, 1);
                        return catchThrowableOfType(update::executeUpdate, SQLException.class);
                    }
                });
        execute("DROP TABLE " + keyless);

        assertThat((Throwable) failure).isInstanceOf(GuardConflictException.class);
    }

    // --- helpers ---

    private void given(Db database) throws SQLException {
        db = database;
        table = TestDatabases.unique("batch_t");
        execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL CHECK (v >= 0))");
        reset();
    }

    private void givenRecorded(GuardTestDb database) throws SQLException {
        given(Db.valueOf(database.name()));
    }

    private void reset() throws SQLException {
        execute("DELETE FROM " + table);
        for (int id = 1; id <= 4; id++) {
            execute("INSERT INTO " + table + " VALUES (" + id + ", " + id * 10 + ")");
        }
    }

    private static Map<Integer, Integer> given() {
        return Map.of(1, 10, 2, 20, 3, 30, 4, 40);
    }

    /**
     * Reads rows {@code read} through safe-jdbc (in a transaction where the database lets another connection
     * commit a write before it writes; else in autocommit), lets another connection run {@code race}, then runs
     * {@code batch}; whatever is left uncommitted is rolled back.
     */
    private <T> T afterARace(Properties options, int[] read, String race, SqlFunction<Connection, T> batch)
            throws SQLException {
        try (Connection c = safe(options)) {
            c.setAutoCommit(!db.racesInTransaction());
            read(c, read);
            execute(race); // another connection, committed
            T result = batch.apply(c);
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return result;
        }
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection(db.rawUrl(dir, table));
    }

    private Connection safe(Properties options) throws SQLException {
        return DriverManager.getConnection("jdbc:safe:" + db.rawUrl(dir, table).substring("jdbc:".length()), options);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String sql(String format) {
        return String.format(format, table);
    }

    /** In a transaction: reads {@code read}, then batches v = 100 + id for each of {@code written}; commits. */
    private long[] readThenBatch(DataSource source, int[] read, int[] written) throws SQLException {
        try (Connection c = source.getConnection()) {
            return readThenBatch(c, read, written);
        }
    }

    private long[] readThenBatch(Connection c, int[] read, int[] written) throws SQLException {
        try (c) {
            GuardTestDb.beginUnitOfWork(c);
            read(c, read);
            long[] counts;
            try (PreparedStatement update = c.prepareStatement(sql(UPDATE))) {
                counts = batch(update, written);
            }
            GuardTestDb.endUnitOfWork(c);
            return counts;
        }
    }

    private void read(Connection c, int... ids) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT v FROM " + table + " WHERE id = ?")) {
            for (int id : ids) {
                read.setInt(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next()) {
                        rs.getInt(1);
                    }
                }
            }
        }
    }

    private static void add(PreparedStatement update, int... ids) throws SQLException {
        for (int id : ids) {
            update.setInt(1, 100 + id);
            update.setInt(2, id);
            update.addBatch();
        }
    }

    private static long[] batch(PreparedStatement update, int... ids) throws SQLException {
        add(update, ids);
        return BatchPlan.widen(update.executeBatch());
    }

    private Map<Integer, Integer> rows() throws SQLException {
        Map<Integer, Integer> rows = new TreeMap<>();
        try (Connection c = raw(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return rows;
    }
}

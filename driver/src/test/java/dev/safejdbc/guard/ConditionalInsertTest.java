package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safejdbc.error.GuardConflictException;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An INSERT of a key the transaction read as absent, on all four databases: a duplicate of that key
 * (another transaction took it since the read) is a lost race, 40001 (or 0 rows with
 * {@code zero-rows}, after which the transaction goes on), whether the database has a conditional
 * insert (PostgreSQL, SQLite: {@code ON CONFLICT (key) DO NOTHING}) or the insert goes as written and
 * its duplicate-key error is looked into (MariaDB, H2). Every other error, a duplicate of another
 * unique key among them, is the raw driver's, exactly.
 */
class ConditionalInsertTest {
    enum Db {
        POSTGRESQL, SQLITE, MARIADB, H2;

        String url(Path dir, String name) {
            return switch (this) {
                case POSTGRESQL -> TestDatabases.postgres();
                case SQLITE -> "sqlite:" + dir.resolve("inserts.db");
                case MARIADB -> TestDatabases.mariadb();
                case H2 -> "h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            };
        }
    }

    @TempDir
    Path dir;
    private Db db;
    private final String table = TestDatabases.unique("cins");

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:" + db.url(dir, table));
    }

    private Connection safe(String... options) throws SQLException {
        Properties p = new Properties();
        for (int i = 0; i < options.length; i += 2) {
            p.setProperty(options[i], options[i + 1]);
        }
        return DriverManager.getConnection("jdbc:safe:" + db.url(dir, table), p);
    }

    private void given(Db database) throws SQLException {
        db = database;
        exec("CREATE TABLE " + table + " (id INT PRIMARY KEY, code VARCHAR(20) UNIQUE, owner VARCHAR(20),"
                + " at TIMESTAMP NULL)",
                "INSERT INTO " + table + " (id, code, owner) VALUES (3, 'c3', 'seed')");
    }

    @AfterEach
    void drop() throws SQLException {
        if (db != null) {
            exec("DROP TABLE IF EXISTS " + table);
        }
    }

    private void exec(String... sql) throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    private boolean readFinds(Connection c, int id) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT id, owner FROM " + table + " WHERE id = ?")) {
            read.setInt(1, id);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next();
            }
        }
    }

    private int insert(Connection c, int id, String code, String owner) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + table + " (id, code, owner) VALUES (?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, code);
            insert.setString(3, owner);
            return insert.executeUpdate();
        }
    }

    private String ownerOf(int id) throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner FROM " + table + " WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Another connection takes {@code id} and commits. */
    private void takenByOther(int id, String code) throws SQLException {
        try (Connection other = raw()) {
            insert(other, id, code, "other");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aKeyTakenSinceTheReadIsALostRaceInATransactionAndInAutocommit(Db database) throws SQLException {
        given(database);
        for (boolean autocommit : new boolean[] {false, true}) {
            if (!autocommit && db == Db.SQLITE) {
                continue; // a SQLite transaction that read keeps its lock: no other connection commits meanwhile
            }
            int id = autocommit ? 11 : 10;
            try (Connection raw = raw(); Connection safe = safe()) {
                raw.setAutoCommit(autocommit);
                safe.setAutoCommit(autocommit);
                assertThat(readFinds(raw, id + 100)).isFalse();
                assertThat(readFinds(safe, id)).isFalse();
                takenByOther(id + 100, "r" + id);
                takenByOther(id, "s" + id);
                SQLException rawError = catchThrowableOfType(SQLException.class,
                        () -> insert(raw, id + 100, "rr" + id, "me"));
                GuardConflictException conflict = catchThrowableOfType(GuardConflictException.class,
                        () -> insert(safe, id, "ss" + id, "me"));
                assertThat((Throwable) rawError).as("raw: the database's own duplicate-key error").isNotNull()
                        .isNotInstanceOf(GuardConflictException.class);
                assertThat((Throwable) conflict).as("safe, autocommit=%s", autocommit).isNotNull();
                assertThat(conflict.getSQLState()).isEqualTo("40001");
                assertThat(conflict.getMessage()).contains("INSERT on " + table, "appeared",
                        autocommit ? "(in autocommit)" : "since this transaction read it");
                if (!autocommit) {
                    safe.rollback();
                }
            }
            assertThat(ownerOf(id)).isEqualTo("other");
        }
    }

    /** Hibernate binds an {@code Instant} with a {@code Calendar}: the key's values are what name the row. */
    @ParameterizedTest
    @EnumSource(Db.class)
    void anotherColumnBoundWithACalendarStillLetsTheKeyNameTheRow(Db database) throws SQLException {
        given(database);
        try (Connection safe = safe()) {
            safe.setAutoCommit(db == Db.SQLITE); // see above: SQLite races only in autocommit
            assertThat(readFinds(safe, 60)).isFalse();
            takenByOther(60, "c60");
            try (PreparedStatement insert = safe.prepareStatement(
                    "INSERT INTO " + table + " (id, code, owner, at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, 60);
                insert.setString(2, "m60");
                insert.setString(3, "me");
                insert.setTimestamp(4, Timestamp.valueOf("2026-12-06 12:00:00"),
                        Calendar.getInstance(TimeZone.getTimeZone("UTC")));
                GuardConflictException conflict = catchThrowableOfType(GuardConflictException.class,
                        insert::executeUpdate);
                assertThat((Throwable) conflict).isNotNull();
            }
        }
        assertThat(ownerOf(60)).isEqualTo("other");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void withZeroRowsALostInsertIsZeroAndTheTransactionGoesOn(Db database) throws SQLException {
        given(database);
        boolean transaction = db != Db.SQLITE; // see above: SQLite races only in autocommit
        try (Connection safe = safe("safe.onConflict", "zero-rows")) {
            safe.setAutoCommit(!transaction);
            assertThat(readFinds(safe, 20)).isFalse();
            takenByOther(20, "c20");
            assertThat(insert(safe, 20, "mine20", "me")).isZero();
            assertThat(readFinds(safe, 22)).isFalse();
            takenByOther(22, "c22");
            try (PreparedStatement insert = safe.prepareStatement(
                    "INSERT INTO " + table + " (id, code, owner) VALUES (22, 'mine22', 'me')")) {
                assertThat(insert.execute()).isFalse();
                assertThat(insert.getUpdateCount()).as("the count, as PostgreSQL's DO NOTHING gives it").isZero();
                assertThat(insert.getMoreResults()).isFalse();
                assertThat(insert.getUpdateCount()).as("no more results").isEqualTo(-1);
            }
            // MariaDB and H2 rolled back only the failed statement (PostgreSQL's and SQLite's did nothing)
            assertThat(insert(safe, 21, "c21", "me")).isEqualTo(1);
            if (transaction) {
                safe.commit();
            }
        }
        assertThat(ownerOf(20)).isEqualTo("other");
        assertThat(ownerOf(21)).isEqualTo("me");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aDuplicateOfAnotherKeyIsTheDriversOwnError(Db database) throws SQLException {
        given(database);
        takenByOther(30, "dup");
        SQLException rawError;
        try (Connection raw = raw()) {
            raw.setAutoCommit(false);
            assertThat(readFinds(raw, 31)).isFalse();
            rawError = catchThrowableOfType(SQLException.class, () -> insert(raw, 31, "dup", "me"));
            raw.rollback();
        }
        SQLException safeError;
        try (Connection safe = safe()) {
            safe.setAutoCommit(false);
            assertThat(readFinds(safe, 31)).isFalse();
            safeError = catchThrowableOfType(SQLException.class, () -> insert(safe, 31, "dup", "me"));
            safe.rollback();
        }
        assertSameError(safeError, rawError);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInsertMeetingTheTransactionsOwnRowMovedOntoTheKeyIsTheDriversOwnError(Db database) throws SQLException {
        given(database);
        SQLException rawError = ownRowMoved(raw(), 40);
        SQLException safeError = ownRowMoved(safe(), 41);
        assertSameError(safeError, rawError);
    }

    private SQLException ownRowMoved(Connection c, int id) throws SQLException {
        try (c; Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThat(readFinds(c, id)).isFalse();
            s.executeUpdate("UPDATE " + table + " SET id = " + id + " WHERE id = 3");
            SQLException e = catchThrowableOfType(SQLException.class, () -> insert(c, id, "n" + id, "me"));
            c.rollback();
            return e;
        }
    }

    private static void assertSameError(SQLException safe, SQLException raw) {
        assertThat((Throwable) safe).as("the raw driver's error").isNotNull().isNotInstanceOf(GuardConflictException.class);
        assertThat(safe.getClass()).isEqualTo(raw.getClass());
        assertThat(safe.getSQLState()).isEqualTo(raw.getSQLState());
        assertThat(safe.getErrorCode()).isEqualTo(raw.getErrorCode());
        assertThat(normalized(safe.getMessage())).isEqualTo(normalized(raw.getMessage()));
    }

    /** The two runs insert different ids and codes: only those may differ in the message. */
    private static String normalized(String message) {
        return message.replaceAll("\\d+", "N");
    }

    /**
     * The other transaction's insert of the key is not committed yet, so the guarded INSERT waits on its
     * lock (InnoDB, H2's MVStore); it commits (a duplicate: the lost race) or rolls back (the insert goes
     * through).
     */
    @ParameterizedTest
    @EnumSource(names = {"MARIADB", "H2"})
    void anInsertWaitingOnAnUncommittedInsertOfTheKeyLosesOrWins(Db database) throws Exception {
        given(database);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (boolean otherCommits : new boolean[] {true, false}) {
                int id = otherCommits ? 50 : 51;
                CountDownLatch read = new CountDownLatch(1);
                CountDownLatch inserted = new CountDownLatch(1);
                try (Connection other = raw(); Connection monitor = raw()) {
                    other.setAutoCommit(false);
                    Future<Integer> mine = pool.submit(() -> {
                        try (Connection safe = safe()) {
                            safe.setAutoCommit(false);
                            assertThat(readFinds(safe, id)).isFalse();
                            read.countDown();
                            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
                            try {
                                int rows = insert(safe, id, "m" + id, "me");
                                safe.commit();
                                return rows;
                            } finally {
                                safe.rollback();
                            }
                        }
                    });
                    assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
                    insert(other, id, "c" + id, "other");
                    inserted.countDown();
                    awaitLockWait(monitor);
                    if (otherCommits) {
                        other.commit();
                        Throwable lost = catchThrowableOfType(ExecutionException.class,
                                () -> mine.get(30, TimeUnit.SECONDS)).getCause();
                        assertThat(lost).isInstanceOf(GuardConflictException.class);
                        assertThat(((SQLException) lost).getSQLState()).isEqualTo("40001");
                    } else {
                        other.rollback();
                        assertThat(mine.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                    }
                }
                assertThat(ownerOf(id)).isEqualTo(otherCommits ? "other" : "me");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * MariaDB: the guarded INSERT waits on another transaction's uncommitted insert of the key, which then
     * waits on a row the guarded transaction holds: InnoDB ends the deadlock by rolling back the lighter
     * transaction, the guarded one, whose INSERT fails with 1213 (SQLState 40001) exactly as the driver
     * reports it: not a duplicate, so not the guard's conflict.
     */
    @ParameterizedTest
    @EnumSource(names = "MARIADB")
    void aDeadlockOfTheInsertIsTheDriversOwn(Db database) throws Exception {
        given(database);
        exec("INSERT INTO " + table + " (id, code, owner) VALUES (200, 'h1', 'x'), (201, 'h2', 'x'), (202, 'h3', 'x')");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch inserted = new CountDownLatch(1);
        try (Connection other = raw(); Connection monitor = raw()) {
            other.setAutoCommit(false);
            Future<Integer> mine = pool.submit(() -> {
                try (Connection safe = safe(); Statement s = safe.createStatement()) {
                    safe.setAutoCommit(false);
                    s.executeUpdate("UPDATE " + table + " SET owner = 'mine' WHERE id = 3");
                    assertThat(readFinds(safe, 70)).isFalse();
                    read.countDown();
                    assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
                    try {
                        return insert(safe, 70, "m70", "me");
                    } finally {
                        safe.rollback();
                    }
                }
            });
            assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE " + table + " SET owner = 'other' WHERE id >= 200"); // the heavier one
                insert(other, 70, "c70", "other");
                inserted.countDown();
                awaitLockWait(monitor);
                s.executeUpdate("UPDATE " + table + " SET owner = 'other' WHERE id = 3"); // waits: a deadlock
            }
            Throwable victim = catchThrowableOfType(ExecutionException.class, () -> mine.get(30, TimeUnit.SECONDS))
                    .getCause();
            assertThat(victim).isInstanceOf(SQLException.class).isNotInstanceOf(GuardConflictException.class);
            assertThat(((SQLException) victim).getErrorCode()).isEqualTo(1213);
            assertThat(((SQLException) victim).getSQLState()).isEqualTo("40001");
            other.commit();
        } finally {
            pool.shutdownNow();
        }
        assertThat(ownerOf(70)).isEqualTo("other");
    }

    /**
     * Until some transaction waits on a row lock of this table; bounded. InnoDB's view is a cache that
     * reading more often than every 100 ms keeps from being refreshed.
     */
    private void awaitLockWait(Connection monitor) throws Exception {
        String waiting = db == Db.H2 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                : "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"
                        + " AND trx_query LIKE '%" + table + "%'";
        for (int i = 0; i < 150; i++) {
            try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery(waiting)) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the guarded INSERT never waited on the other transaction's lock");
    }
}

package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incident 001's lock service with Hibernate ORM (an entity without {@code @Version}, its expiry an
 * {@code Instant}): eight workers read the lock, all decide it is free, then take it. Raw first, where the
 * anomaly must show; then through {@code jdbc:safe:}, where each round has exactly one holder and no error,
 * the losers retrying on SQLState 40001 as Hibernate users do, and finding the lock held.
 *
 * <p>Taking over an expired lock (an UPDATE) on PostgreSQL, with and without {@code hibernate.jdbc.time_zone}
 * (with it, Hibernate binds the {@code Instant} with a {@code Calendar}): raw, several holders per round. Taking
 * a lock nobody held (an INSERT) on MariaDB and H2: raw, the key stops a second holder, but every loser fails
 * with the database's duplicate-key error, which no retry idiom catches; through {@code jdbc:safe:} the
 * duplicate of the key the worker read as absent is a lost race (40001), retried.
 */
class LockRaceTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.123456Z");

    private final String name = TestDatabases.unique("locks");
    private String url;
    private String dropUrl;
    private String dropSql;

    @ParameterizedTest(name = "jdbc.time_zone={0}")
    @ValueSource(strings = {"", "UTC"})
    void takingOverAnExpiredLockOnPostgresql(String timeZone) throws Exception {
        dropUrl = "jdbc:" + TestDatabases.postgres();
        dropSql = "DROP SCHEMA IF EXISTS " + name + " CASCADE";
        execute(dropUrl, "CREATE SCHEMA " + name);
        url = "jdbc:" + TestDatabases.postgres() + "&currentSchema=" + name;
        execute(url, "CREATE TABLE job_locks (resource_id varchar(40) PRIMARY KEY, owner_id varchar(40),"
                + " expires_at timestamp(6) with time zone NOT NULL)");
        for (int round = 0; round < CounterRace.ROUNDS; round++) {
            execute(url, "INSERT INTO job_locks VALUES ('job-" + round + "', 'gone', TIMESTAMPTZ '2026-01-01 00:00Z')");
        }
        CounterRace.Rounds<Boolean> raw = race(url, timeZone);
        execute(url, "UPDATE job_locks SET owner_id = 'gone', expires_at = TIMESTAMPTZ '2026-01-01 00:00Z'");
        CounterRace.Rounds<Boolean> safe = race(safeUrl(), timeZone);

        report("PostgreSQL expired lock, jdbc.time_zone=" + timeZone, raw, safe);
        assertThat(raw.errors()).as("raw errors").isEmpty();
        assertThat(doubleHolderRounds(raw)).as("raw rounds with more than one holder").isPositive();
        assertOneHolderEachRound(safe);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MARIADB", "H2"})
    void takingALockNobodyHeldOnMariadbAndH2(String database) throws Exception {
        if (database.equals("H2")) {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            dropUrl = url;
            dropSql = "DROP ALL OBJECTS";
        } else {
            dropUrl = "jdbc:" + TestDatabases.mariadb();
            dropSql = "DROP DATABASE IF EXISTS " + name;
            execute(dropUrl, "CREATE DATABASE " + name);
            url = dropUrl.replaceFirst("/test\\?", "/" + name + "?");
        }
        execute(url, "CREATE TABLE job_locks (resource_id varchar(40) PRIMARY KEY, owner_id varchar(40),"
                + " expires_at timestamp(6) NOT NULL)");
        CounterRace.Rounds<Boolean> raw = race(url, "UTC");
        execute(url, "DELETE FROM job_locks");
        CounterRace.Rounds<Boolean> safe = race(safeUrl(), "UTC");

        report(database + " absent lock", raw, safe);
        assertThat(raw.errors()).as("raw: every loser fails with a duplicate key").isNotEmpty()
                .allSatisfy(e -> assertThat(CounterRace.lostRace(e)).isFalse());
        assertOneHolderEachRound(safe);
    }

    @AfterEach
    void drop() throws SQLException {
        if (dropUrl != null) {
            execute(dropUrl, dropSql);
        }
    }

    private String safeUrl() {
        return "jdbc:safe:" + url.substring("jdbc:".length());
    }

    /** Each round's eight workers race for lock {@code job-<round>}. */
    private static CounterRace.Rounds<Boolean> race(String jdbcUrl, String timeZone) throws Exception {
        try (HikariDataSource pool = Pools.hikari(jdbcUrl, CounterRace.RACERS, 10_000);
                SessionFactory sessions = sessions(pool, timeZone)) {
            return CounterRace.race((round, decided) -> acquire(sessions, "job-" + round, decided),
                    CounterRace::lostRace);
        }
    }

    /** The lock service: true if this worker now holds the lock. */
    private static boolean acquire(SessionFactory sessions, String resource, Runnable decided) {
        String owner = Thread.currentThread().getName();
        return sessions.fromTransaction(session -> {
            JobLock lock = session.find(JobLock.class, resource);
            decided.run();
            if (lock != null && lock.getExpiresAt().isAfter(NOW)) {
                return false; // held, and its time is not up
            }
            Instant until = NOW.plus(1, ChronoUnit.HOURS);
            if (lock == null) {
                session.persist(new JobLock(resource, owner, until));
            } else {
                lock.takeOver(owner, until);
            }
            return true;
        });
    }

    private static SessionFactory sessions(HikariDataSource pool, String timeZone) {
        Properties settings = new Properties();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        if (!timeZone.isEmpty()) {
            settings.put(AvailableSettings.JDBC_TIME_ZONE, timeZone);
        }
        return new Configuration().addAnnotatedClass(JobLock.class).addProperties(settings).buildSessionFactory();
    }

    private static long doubleHolderRounds(CounterRace.Rounds<Boolean> rounds) {
        return rounds.results().stream().filter(round -> holders(round) > 1).count();
    }

    private static long holders(List<Boolean> round) {
        return round.stream().filter(Boolean.TRUE::equals).count();
    }

    private static void assertOneHolderEachRound(CounterRace.Rounds<Boolean> safe) {
        assertThat(safe.errors()).as("errors through safe-jdbc").isEmpty();
        assertThat(safe.results()).as("holders of each round through safe-jdbc")
                .allSatisfy(round -> assertThat(holders(round)).isEqualTo(1))
                .allSatisfy(round -> assertThat(round).allMatch(Objects::nonNull));
    }

    private static void report(String what, CounterRace.Rounds<Boolean> raw, CounterRace.Rounds<Boolean> safe) {
        System.out.printf("[races] %s: raw %d of %d rounds with several holders, %d errors; jdbc:safe: %d rounds"
                + " with several holders, %d errors, %d lost races retried%n", what, doubleHolderRounds(raw),
                raw.results().size(), raw.errors().size(), doubleHolderRounds(safe), safe.errors().size(),
                safe.conflicts());
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

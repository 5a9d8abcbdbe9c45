package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incident 001's lock service with Hibernate ORM (an entity without {@code @Version}, its expiry an
 * {@code Instant}) on every {@link RaceDatabase}: eight workers read the lock, all decide it is free, then
 * take it. Raw first, where the anomaly must show; then through {@code jdbc:safe:}, where each round has
 * exactly one holder and no error, the losers retrying on SQLState 40001 as Hibernate users do, and finding
 * the lock held.
 *
 * <p>Taking over an expired lock (an UPDATE), with and without {@code hibernate.jdbc.time_zone} (with it,
 * Hibernate binds the {@code Instant} with a {@code Calendar}): raw, several holders per round. Taking a lock
 * nobody held (an INSERT): raw, the key stops a second holder, but every loser fails with the database's
 * duplicate-key error, which no retry idiom catches; through {@code jdbc:safe:} the duplicate of the key the
 * worker read as absent is a lost race (40001), retried. On SQLite the raw workers that lose fail on the
 * database's lock instead (see {@link RaceDatabase#losesRacesRaw()}).
 */
class LockRaceTest extends OnRaceDatabase {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.123456Z");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");


    private void given(RaceDatabase on) throws SQLException {
        open(on);
        db.execute("CREATE TABLE job_locks (resource_id varchar(40) PRIMARY KEY, owner_id varchar(40), expires_at "
                + (on == RaceDatabase.POSTGRESQL ? "timestamp(6) with time zone" : "timestamp(6)") + " NOT NULL)");
    }

    static Stream<Arguments> everyDatabaseWithAndWithoutJdbcTimeZone() {
        return Stream.of(RaceDatabase.values()).flatMap(on -> Stream.of(Arguments.of(on, ""), Arguments.of(on, "UTC")));
    }

    @ParameterizedTest(name = "{0} jdbc.time_zone={1}")
    @MethodSource("everyDatabaseWithAndWithoutJdbcTimeZone")
    void takingOverAnExpiredLock(RaceDatabase on, String timeZone) throws Exception {
        given(on);
        expiredLocks(timeZone);
        CounterRace.Rounds<Boolean> raw = race(db.url(), timeZone, true);
        expiredLocks(timeZone);
        CounterRace.Rounds<Boolean> safe = race(db.safeUrl(), timeZone, on.forcedThroughSafeJdbc());

        report(on + " expired lock, jdbc.time_zone=" + timeZone, raw, safe);
        on.assertErrors(raw.errors(), safe.errors());
        assertThat(doubleHolderRounds(raw)).as("raw rounds with more than one holder")
                .isEqualTo(on.losesRacesRaw() ? CounterRace.ROUNDS : 0);
        assertAtMostOneHolderEachRound(safe);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void takingALockNobodyHeld(RaceDatabase on) throws Exception {
        given(on);
        CounterRace.Rounds<Boolean> raw = race(db.url(), "UTC", true);
        db.execute("DELETE FROM job_locks");
        CounterRace.Rounds<Boolean> safe = race(db.safeUrl(), "UTC", on.forcedThroughSafeJdbc());

        report(on + " absent lock", raw, safe);
        if (on.losesRacesRaw()) {
            assertThat(raw.errors()).as("raw: every loser fails with a duplicate key").isNotEmpty()
                    .allSatisfy(e -> assertThat(CounterRace.lostRace(e)).isFalse());
            assertThat(safe.errors()).as("errors through safe-jdbc").isEmpty();
        } else {
            on.assertErrors(raw.errors(), safe.errors());
        }
        assertThat(doubleHolderRounds(raw)).as("raw rounds with more than one holder").isZero();
        assertAtMostOneHolderEachRound(safe);
    }

    /** Lock {@code job-<round>} of each round, held by nobody since long ago, written through Hibernate itself. */
    private void expiredLocks(String timeZone) throws Exception {
        db.execute("DELETE FROM job_locks");
        try (HikariDataSource pool = Pools.hikari(db.url(), 1, 10_000);
                SessionFactory sessions = sessions(pool, timeZone)) {
            sessions.inTransaction(session -> {
                for (int round = 0; round < CounterRace.ROUNDS; round++) {
                    session.persist(new JobLock("job-" + round, "gone", LONG_AGO));
                }
            });
        }
    }

    /** Each round's eight workers race for lock {@code job-<round>}. */
    private CounterRace.Rounds<Boolean> race(String jdbcUrl, String timeZone, boolean forced) throws Exception {
        try (HikariDataSource pool = Pools.hikari(jdbcUrl, CounterRace.RACERS, 10_000);
                SessionFactory sessions = sessions(pool, timeZone)) {
            return CounterRace.race((round, decided) -> acquire(sessions, "job-" + round, decided),
                    CounterRace::lostRace, forced);
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

    private SessionFactory sessions(HikariDataSource pool, String timeZone) {
        Properties settings = db.kind().hibernate();
        if (!timeZone.isEmpty()) {
            settings.put(AvailableSettings.JDBC_TIME_ZONE, timeZone);
        }
        return ClaimRaceTest.hibernate(pool, settings, JobLock.class);
    }

    private static long doubleHolderRounds(CounterRace.Rounds<Boolean> rounds) {
        return rounds.results().stream().filter(round -> holders(round) > 1).count();
    }

    private static long holders(List<Boolean> round) {
        return round.stream().filter(Boolean.TRUE::equals).count();
    }

    /** No round with two holders; where no worker failed (all but SQLite files), exactly one each round. */
    private static void assertAtMostOneHolderEachRound(CounterRace.Rounds<Boolean> safe) {
        assertThat(doubleHolderRounds(safe)).as("rounds with several holders through safe-jdbc").isZero();
        if (safe.errors().isEmpty()) {
            assertThat(safe.results()).as("holders of each round through safe-jdbc")
                    .allSatisfy(round -> assertThat(holders(round)).isEqualTo(1))
                    .allSatisfy(round -> assertThat(round).allMatch(Objects::nonNull));
        }
    }

    private static void report(String what, CounterRace.Rounds<Boolean> raw, CounterRace.Rounds<Boolean> safe) {
        System.out.printf("[races] %s: raw %d of %d rounds with several holders, errors %s; jdbc:safe: %d rounds"
                + " with several holders, errors %s, %d lost races retried%n", what, doubleHolderRounds(raw),
                raw.results().size(), RaceDatabase.kinds(raw.errors()), doubleHolderRounds(safe),
                RaceDatabase.kinds(safe.errors()), safe.conflicts());
    }
}

package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-then-act races whose read names the row by something other than the key the write uses, on every
 * {@link RaceDatabase} over a HikariCP pool of 8: incident 001's lock service as a Hibernate entity looked up
 * by its {@code @NaturalId} and written back by id, and a queue claim with Spring's {@code JdbcTemplate}
 * ({@code WHERE status = 'PENDING' ORDER BY id LIMIT 1}, then an update by id). Raw, the forced rounds have
 * several holders and claims; through {@code jdbc:safe:} the losers get 40001, retry with the library's
 * idiom, and every round has one holder, every job one claim. On SQLite the raw racers that lose fail
 * instead (see {@link RaceDatabase#losesRacesRaw()}): no round has two holders either way.
 */
class ClaimRaceTest extends OnRaceDatabase {

    private void given(RaceDatabase on) throws SQLException {
        open(on);
        db.execute("CREATE TABLE resource_locks (id BIGINT PRIMARY KEY, resource VARCHAR(40) NOT NULL UNIQUE,"
                + " owner VARCHAR(40), expiresAt BIGINT NOT NULL)");
        db.execute("CREATE TABLE queue (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, claimed_by VARCHAR(40))");
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void hibernateNaturalIdLockServiceHasOneHolderPerRound(RaceDatabase on) throws Exception {
        given(on);
        CounterRace.Rounds<Boolean> raw = lockRounds(db.url(), true);
        CounterRace.Rounds<Boolean> safe = lockRounds(db.safeUrl(), on.forcedThroughSafeJdbc());
        System.out.printf("[races] %s %s lock service by @NaturalId: rounds with several holders raw %d (errors %s),"
                + " jdbc:safe: %d (errors %s, %d lost races retried) of %d%n", on, name, severalHolders(raw),
                RaceDatabase.kinds(raw.errors()), severalHolders(safe), RaceDatabase.kinds(safe.errors()),
                safe.conflicts(), CounterRace.ROUNDS);
        on.assertErrors(raw.errors(), safe.errors());
        if (on.losesRacesRaw()) {
            assertThat(severalHolders(raw)).as("rounds with several holders, raw").isPositive();
        } else {
            assertThat(severalHolders(raw)).as("rounds with several holders, raw").isZero();
        }
        assertThat(severalHolders(safe)).as("rounds with several holders through safe-jdbc").isZero();
        if (safe.errors().isEmpty()) {
            assertThat(holders(safe)).as("holders of each round through safe-jdbc").allMatch(count -> count == 1);
        }
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void jdbcTemplateQueueClaimClaimsEachJobOnce(RaceDatabase on) throws Exception {
        given(on);
        CounterRace.Rounds<Integer> raw = claimRounds(db.url(), true);
        CounterRace.Rounds<Integer> safe = claimRounds(db.safeUrl(), on.forcedThroughSafeJdbc());
        System.out.printf("[races] %s %s queue claim: jobs claimed twice or more raw %d (errors %s), jdbc:safe: %d"
                + " (errors %s, %d lost races retried)%n", on, name, doubleClaims(raw), RaceDatabase.kinds(raw.errors()),
                doubleClaims(safe), RaceDatabase.kinds(safe.errors()), safe.conflicts());
        on.assertErrors(raw.errors(), safe.errors());
        if (on.losesRacesRaw()) {
            assertThat(doubleClaims(raw)).as("double claims, raw").isPositive();
        } else {
            assertThat(doubleClaims(raw)).as("double claims, raw").isZero();
        }
        assertThat(doubleClaims(safe)).as("double claims through safe-jdbc").isZero();
        if (safe.errors().isEmpty()) {
            assertThat(claims(safe)).as("claims through safe-jdbc").hasSize(CounterRace.RACERS * CounterRace.ROUNDS);
        }
    }

    /** Each round races for a lock of its own, free at first; true for each racer that took it. */
    private CounterRace.Rounds<Boolean> lockRounds(String jdbcUrl, boolean forced) throws Exception {
        db.execute("DELETE FROM resource_locks");
        for (int round = 0; round < CounterRace.ROUNDS; round++) {
            db.execute("INSERT INTO resource_locks VALUES (" + (round + 1) + ", 'res-" + round + "', NULL, 0)");
        }
        try (HikariDataSource pool = Pools.hikari(jdbcUrl, CounterRace.RACERS, 10_000);
                SessionFactory sessions = hibernate(pool, db.kind().hibernate(), ResourceLock.class)) {
            return CounterRace.race((round, decided) -> {
                String me = Thread.currentThread().getName();
                long now = System.currentTimeMillis();
                return sessions.fromTransaction(session -> {
                    ResourceLock lock = session.bySimpleNaturalId(ResourceLock.class).load("res-" + round);
                    decided.run();
                    return lock.takeIfFree(me, now, now + 60_000);
                });
            }, CounterRace::lostRace, forced);
        }
    }

    private static List<Long> holders(CounterRace.Rounds<Boolean> rounds) {
        return rounds.results().stream().map(round -> round.stream().filter(Boolean.TRUE::equals).count()).toList();
    }

    private static long severalHolders(CounterRace.Rounds<Boolean> rounds) {
        return holders(rounds).stream().filter(count -> count > 1).count();
    }

    /** Each racer claims one pending job per round; the job each claimed (null for one that failed). */
    private CounterRace.Rounds<Integer> claimRounds(String jdbcUrl, boolean forced) throws Exception {
        db.execute("DELETE FROM queue");
        int claims = CounterRace.RACERS * CounterRace.ROUNDS; // a job for every claim, by a hundred an INSERT
        for (int first = 1; first <= claims; first += 100) {
            StringBuilder jobs = new StringBuilder("INSERT INTO queue VALUES ");
            for (int id = first; id < first + 100 && id <= claims; id++) {
                jobs.append(id == first ? "" : ", ").append("(").append(id).append(", 'PENDING', NULL)");
            }
            db.execute(jobs.toString());
        }
        try (HikariDataSource pool = Pools.hikari(jdbcUrl, CounterRace.RACERS, 10_000)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            return CounterRace.race((round, decided) -> tx.execute(status -> {
                Integer job = jdbc.queryForObject("SELECT id, status FROM queue WHERE status = 'PENDING'"
                        + " ORDER BY id LIMIT 1", (rs, row) -> rs.getInt("id"));
                decided.run();
                jdbc.update("UPDATE queue SET status = 'DONE', claimed_by = ? WHERE id = ?",
                        Thread.currentThread().getName(), job);
                return job;
            }), e -> e instanceof ConcurrencyFailureException, forced);
        }
    }

    private static List<Integer> claims(CounterRace.Rounds<Integer> rounds) {
        return rounds.results().stream().flatMap(List::stream).filter(Objects::nonNull).toList();
    }

    /** How many claims were of a job already claimed. */
    private static int doubleClaims(CounterRace.Rounds<Integer> rounds) {
        List<Integer> claims = claims(rounds);
        return claims.size() - new HashSet<>(claims).size();
    }

    static SessionFactory hibernate(DataSource pool, Class<?>... entities) {
        return hibernate(pool, new Properties(), entities);
    }

    /** A session factory of {@code entities} over {@code pool}, with {@code settings} (a dialect). */
    static SessionFactory hibernate(DataSource pool, Properties settings, Class<?>... entities) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        return configuration.addProperties(properties).buildSessionFactory();
    }
}

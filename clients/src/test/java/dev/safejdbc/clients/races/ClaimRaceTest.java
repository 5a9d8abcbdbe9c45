package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-then-act races whose read names the row by something other than the key the write uses, on
 * PostgreSQL and MariaDB over a HikariCP pool of 8: incident 001's lock service as a Hibernate entity looked up by its
 * {@code @NaturalId} and written back by id, and a queue claim with Spring's {@code JdbcTemplate}
 * ({@code WHERE status = 'PENDING' ORDER BY id LIMIT 1}, then an update by id). Raw, the forced rounds have
 * several holders and claims; through {@code jdbc:safe:} the losers get 40001, retry with the library's
 * idiom, and every round has one holder, every job one claim.
 */
class ClaimRaceTest {
    /** Where the race runs: a schema of its own on PostgreSQL, a database of its own on MariaDB. */
    enum Database {
        POSTGRESQL {
            @Override
            String admin() {
                return "jdbc:" + TestDatabases.postgres();
            }

            @Override
            String create(String name) {
                return "CREATE SCHEMA " + name;
            }

            @Override
            String url(String name) {
                return admin() + "&currentSchema=" + name;
            }

            @Override
            String drop(String name) {
                return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
            }
        },
        MARIADB {
            @Override
            String admin() {
                return "jdbc:" + TestDatabases.mariadb();
            }

            @Override
            String create(String name) {
                return "CREATE DATABASE " + name;
            }

            @Override
            String url(String name) {
                return admin().replace("/test?", "/" + name + "?");
            }

            @Override
            String drop(String name) {
                return "DROP DATABASE IF EXISTS " + name;
            }
        };

        abstract String admin();

        abstract String create(String name);

        abstract String url(String name);

        abstract String drop(String name);
    }

    private final String name = TestDatabases.unique("claims");
    private Database database;
    private String url;

    private void given(Database on) throws SQLException {
        database = on;
        execute(database.admin(), database.create(name));
        url = database.url(name);
        execute(url, "CREATE TABLE resource_locks (id BIGINT PRIMARY KEY, resource VARCHAR(40) NOT NULL UNIQUE,"
                + " owner VARCHAR(40), expiresAt BIGINT NOT NULL)");
        execute(url, "CREATE TABLE queue (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, claimed_by VARCHAR(40))");
    }

    @AfterEach
    void drop() throws SQLException {
        if (database != null) {
            execute(database.admin(), database.drop(name));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void hibernateNaturalIdLockServiceHasOneHolderPerRound(Database on) throws Exception {
        given(on);
        int raw = doubleHolders(url);
        int safe = doubleHolders("jdbc:safe:" + url.substring("jdbc:".length()));
        System.out.printf("[races] %s %s lock service by @NaturalId: rounds with several holders raw %d,"
                + " jdbc:safe: %d of %d%n", on, name, raw, safe, CounterRace.ROUNDS);
        assertThat(raw).as("rounds with several holders, raw").isPositive();
        assertThat(safe).as("rounds with several holders through safe-jdbc").isZero();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void jdbcTemplateQueueClaimClaimsEachJobOnce(Database on) throws Exception {
        given(on);
        int raw = doubleClaims(url);
        int safe = doubleClaims("jdbc:safe:" + url.substring("jdbc:".length()));
        System.out.printf("[races] %s %s queue claim: jobs claimed twice or more raw %d, jdbc:safe: %d%n", on, name,
                raw, safe);
        assertThat(raw).as("double claims, raw").isPositive();
        assertThat(safe).as("double claims through safe-jdbc").isZero();
    }

    /** Each round races for a lock of its own, free at first; returns the rounds in which several took it. */
    private int doubleHolders(String jdbcUrl) throws Exception {
        execute(url, "DELETE FROM resource_locks");
        for (int round = 0; round < CounterRace.ROUNDS; round++) {
            execute(url, "INSERT INTO resource_locks VALUES (" + (round + 1) + ", 'res-" + round + "', NULL, 0)");
        }
        CounterRace.Rounds<Boolean> rounds;
        try (HikariDataSource pool = Pools.hikari(jdbcUrl, CounterRace.RACERS, 10_000)) {
            SessionFactory sessions = hibernate(pool, ResourceLock.class);
            rounds = CounterRace.race((round, decided) -> {
                String me = Thread.currentThread().getName();
                long now = System.currentTimeMillis();
                return sessions.fromTransaction(session -> {
                    ResourceLock lock = session.bySimpleNaturalId(ResourceLock.class).load("res-" + round);
                    decided.run();
                    return lock.takeIfFree(me, now, now + 60_000);
                });
            }, CounterRace::lostRace);
            sessions.close();
        }
        assertThat(rounds.errors()).as("errors").isEmpty();
        List<Long> holders = rounds.results().stream()
                .map(round -> round.stream().filter(Boolean.TRUE::equals).count()).toList();
        assertThat(holders).as("every round has a holder").allMatch(count -> count > 0);
        return (int) holders.stream().filter(count -> count > 1).count();
    }

    /** Each racer claims one pending job per round; returns how many jobs were claimed more than once. */
    private int doubleClaims(String jdbcUrl) throws Exception {
        execute(url, "DELETE FROM queue");
        StringBuilder jobs = new StringBuilder("INSERT INTO queue VALUES ");
        for (int id = 1; id <= 100; id++) {
            jobs.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'PENDING', NULL)");
        }
        execute(url, jobs.toString());
        CounterRace.Rounds<Integer> rounds;
        try (HikariDataSource pool = Pools.hikari(jdbcUrl, CounterRace.RACERS, 10_000)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            rounds = CounterRace.race((round, decided) -> tx.execute(status -> {
                Integer job = jdbc.queryForObject("SELECT id, status FROM queue WHERE status = 'PENDING'"
                        + " ORDER BY id LIMIT 1", (rs, row) -> rs.getInt("id"));
                decided.run();
                jdbc.update("UPDATE queue SET status = 'DONE', claimed_by = ? WHERE id = ?",
                        Thread.currentThread().getName(), job);
                return job;
            }), e -> e instanceof ConcurrencyFailureException);
        }
        assertThat(rounds.errors()).as("errors").isEmpty();
        List<Integer> claims = rounds.results().stream().flatMap(List::stream).toList();
        assertThat(claims).hasSize(CounterRace.RACERS * CounterRace.ROUNDS);
        return claims.size() - new HashSet<>(claims).size();
    }

    static SessionFactory hibernate(DataSource pool, Class<?>... entities) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        Properties properties = new Properties();
        properties.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        return configuration.addProperties(properties).buildSessionFactory();
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

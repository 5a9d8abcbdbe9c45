package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident 003's lost update with {@code JdbcTemplate} in a {@code TransactionTemplate} set to
 * {@code REPEATABLE READ}: PostgreSQL and H2 refuse the forced race themselves (PostgreSQL with 40001, H2
 * with an error of its own; both a {@code ConcurrencyFailureException} to Spring), so raw loses nothing
 * there; MariaDB's REPEATABLE READ (its default) loses 35 of 40. Through {@code jdbc:safe:} none is lost on
 * any of the three, the losers retried alike.
 */
class RepeatableReadRaceTest extends OnRaceDatabase {
    @ParameterizedTest
    @EnumSource(value = RaceDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void springJdbcTemplateUnderRepeatableRead(RaceDatabase on) throws Exception {
        open(on);
        db.execute("CREATE TABLE counters (id INT PRIMARY KEY, v INT NOT NULL, owner_id INT)");
        db.execute("INSERT INTO counters VALUES (1, 0, NULL)");
        CounterRace.Outcome raw = race(db.url());
        db.execute("UPDATE counters SET v = 0");
        CounterRace.Outcome safe = race(db.safeUrl());
        System.out.printf("[races] %s REPEATABLE READ raw: %d lost, %d refused and retried; jdbc:safe: %d lost,"
                + " %d refused and retried%n", on, raw.lost(), raw.conflicts(), safe.lost(), safe.conflicts());

        assertThat(raw.errors()).as("raw errors").isEmpty();
        if (on == RaceDatabase.MARIADB) {
            assertThat(raw.lost()).as("increments lost raw").isEqualTo((CounterRace.RACERS - 1) * CounterRace.ROUNDS);
        } else {
            assertThat(raw.lost()).as("increments lost raw: the database refuses the race").isZero();
            assertThat(raw.conflicts()).as("raw races the database refused").isPositive();
        }
        assertThat(safe.errors()).as("errors through safe-jdbc").isEmpty();
        assertThat(safe.lost()).as("increments lost through safe-jdbc").isZero();
    }

    private CounterRace.Outcome race(String url) throws Exception {
        try (HikariDataSource pool = Pools.hikari(url, CounterRace.RACERS, 10_000)) {
            return CounterRace.run(increment(pool), 1, this::counter);
        }
    }

    private static CounterRace.Increment increment(DataSource pool) {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return new CounterRace.Increment() {
            @Override
            public void increment(int id, Runnable decided) {
                tx.executeWithoutResult(status -> {
                    int v = jdbc.queryForObject("SELECT v FROM counters WHERE id = ?", Integer.class, id);
                    decided.run();
                    jdbc.update("UPDATE counters SET v = ? WHERE id = ?", v + 1, id);
                });
            }

            @Override
            public boolean lostRace(Exception e) {
                return e instanceof ConcurrencyFailureException;
            }
        };
    }

    private int counter() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM counters WHERE id = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

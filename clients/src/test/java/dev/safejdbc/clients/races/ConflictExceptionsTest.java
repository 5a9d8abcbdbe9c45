package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.error.GuardConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a Hibernate, JPA or Spring application sees when a guarded write lost its race, in each
 * {@code safe.onConflict} mode (the README's table): one thread reads counter 1 in a transaction, another
 * connection commits a change of it, then the thread writes it back plus one. (Not on SQLite: there the
 * other connection's write waits for the reader's transaction to end.)
 */
class ConflictExceptionsTest extends OnRaceDatabase {

    @ParameterizedTest
    @EnumSource(value = RaceDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void whatEachLibrarySeesForALostRace(RaceDatabase on) throws Exception {
        open(on);
        db.execute("CREATE TABLE counters (id INT PRIMARY KEY, v INT NOT NULL, owner_id INT)");
        db.execute("INSERT INTO counters VALUES (1, 0, NULL)");
        for (String mode : new String[] {"throw", "zero-rows"}) {
            Properties options = new Properties();
            options.setProperty("safe.onConflict", mode);
            try (HikariDataSource pool = Pools.hikari(db.safeUrl(), 2, 10_000, options);
                    SessionFactory sessions = ClaimRaceTest.hibernate(pool, on.hibernate(), Counter.class)) {
                Throwable hibernate = catchThrowable(() -> sessions.inTransaction(session -> {
                    Counter counter = session.find(Counter.class, 1);
                    changedMeanwhile();
                    counter.setV(counter.getV() + 1);
                }));
                Throwable jpa = catchThrowable(() -> {
                    EntityManager em = sessions.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        Counter counter = em.find(Counter.class, 1);
                        changedMeanwhile();
                        counter.setV(counter.getV() + 1);
                        em.getTransaction().commit();
                    } finally {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        em.close();
                    }
                });
                JdbcTemplate jdbc = new JdbcTemplate(pool);
                List<Integer> counts = new ArrayList<>();
                Throwable spring = catchThrowable(() -> new TransactionTemplate(new DataSourceTransactionManager(pool))
                        .executeWithoutResult(status -> {
                            int v = jdbc.queryForObject("SELECT v FROM counters WHERE id = 1", Integer.class);
                            changedMeanwhile();
                            counts.add(jdbc.update("UPDATE counters SET v = ? WHERE id = 1", v + 1));
                        }));
                System.out.printf("[conflicts] %s onConflict=%s: Hibernate %s; JPA %s; Spring %s, counts %s%n", on,
                        mode, chain(hibernate), chain(jpa), chain(spring), counts);
                if (mode.equals("throw")) {
                    // 40001: Hibernate's LockAcquisitionException, as JPA's PessimisticLockException; Spring's
                    // CannotAcquireLockException, a ConcurrencyFailureException
                    for (Throwable orm : new Throwable[] {hibernate, jpa}) {
                        assertThat(orm).isInstanceOf(PessimisticLockException.class)
                                .hasCauseInstanceOf(LockAcquisitionException.class)
                                .hasRootCauseInstanceOf(GuardConflictException.class);
                    }
                    assertThat(spring).isInstanceOf(CannotAcquireLockException.class)
                            .isInstanceOf(ConcurrencyFailureException.class)
                            .hasCauseInstanceOf(GuardConflictException.class);
                    assertThat(counts).isEmpty();
                } else {
                    // 0 rows: Hibernate's own stale-row failure, as JPA's OptimisticLockException; Spring: a count of 0
                    for (Throwable orm : new Throwable[] {hibernate, jpa}) {
                        assertThat(orm).isInstanceOf(OptimisticLockException.class)
                                .hasCauseInstanceOf(StaleObjectStateException.class);
                    }
                    assertThat(spring).isNull();
                    assertThat(counts).containsExactly(0);
                }
            }
        }
    }

    /** Another connection's committed change of counter 1. */
    private void changedMeanwhile() {
        try {
            db.execute("UPDATE counters SET v = v + 100 WHERE id = 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chain(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.add(t.getClass().getName() + (t instanceof SQLException sql ? "(" + sql.getSQLState() + ")" : ""));
        }
        return chain.toString();
    }
}

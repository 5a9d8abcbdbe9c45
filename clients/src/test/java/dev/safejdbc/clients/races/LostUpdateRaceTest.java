package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import jakarta.persistence.OptimisticLockException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident 003's lost update, written with each library as its users write it (a keyed read, a decision in
 * Java, a keyed write, in one transaction), on PostgreSQL over a HikariCP pool of 8: on the raw driver the
 * forced race loses increments; through {@code jdbc:safe:} (and {@code SafeDataSource}) it loses none, the
 * losers retrying with the library's own idiom. The batch variants read three counters and write them
 * back in one JDBC batch ({@code hibernate.jdbc.batch_size}, MyBatis's BATCH executor, Spring's
 * {@code batchUpdate}); the race is counted on the first.
 */
class LostUpdateRaceTest {
    private final String schema = TestDatabases.unique("races");
    private String url;

    @BeforeEach
    void createCounter() throws SQLException {
        String admin = "jdbc:" + TestDatabases.postgres();
        execute(admin, "CREATE SCHEMA " + schema);
        url = "jdbc:" + TestDatabases.postgres() + "&currentSchema=" + schema;
        execute(url, "CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
        execute(url, "INSERT INTO owners VALUES (1, 'ann')");
        execute(url, "CREATE TABLE counters (id INT PRIMARY KEY, v INT NOT NULL, owner_id INT)");
        execute(url, "INSERT INTO counters VALUES (1, 0, 1), (2, 0, 1), (3, 0, 1)");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("jdbc:" + TestDatabases.postgres(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void springJdbcTemplate() throws Exception {
        race(pool -> spring(pool, (jdbc, id, decided) -> {
            int v = jdbc.queryForObject("SELECT v FROM counters WHERE id = ?", Integer.class, id);
            decided.run();
            jdbc.update("UPDATE counters SET v = ? WHERE id = ?", v + 1, id);
        }));
    }

    @Test
    void jooq() throws Exception {
        race(pool -> (id, decided) -> DSL.using(pool, SQLDialect.POSTGRES).transaction(config -> {
            int v = DSL.using(config).resultQuery("SELECT v FROM counters WHERE id = ?", id).fetchOne(0, int.class);
            decided.run();
            DSL.using(config).query("UPDATE counters SET v = ? WHERE id = ?", v + 1, id).execute();
        }));
    }

    @Test
    void myBatisSimpleExecutor() throws Exception {
        race(pool -> {
            SqlSessionFactory sessions = myBatis(pool);
            return (id, decided) -> {
                try (SqlSession session = sessions.openSession(false)) {
                    CounterMapper counters = session.getMapper(CounterMapper.class);
                    int v = counters.read(id);
                    decided.run();
                    counters.write(id, v + 1);
                    session.commit();
                }
            };
        });
    }

    @Test
    void jdbiWithItsSerializableTransactionRunner() throws Exception {
        race(pool -> {
            Jdbi jdbi = Jdbi.create(pool).setTransactionHandler(new SerializableTransactionRunner());
            return (id, decided) -> jdbi.useTransaction(handle -> {
                int v = handle.createQuery("SELECT v FROM counters WHERE id = :id").bind("id", id)
                        .mapTo(Integer.class).one();
                decided.run();
                handle.createUpdate("UPDATE counters SET v = :v WHERE id = :id").bind("v", v + 1).bind("id", id)
                        .execute();
            });
        });
    }

    @Test
    void hibernateEntityWithoutVersion() throws Exception {
        race(pool -> {
            SessionFactory sessions = new Configuration().addAnnotatedClass(Counter.class)
                    .addProperties(properties(Map.of(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)))
                    .buildSessionFactory();
            return (id, decided) -> sessions.inTransaction(session -> {
                Counter counter = session.find(Counter.class, id);
                decided.run();
                counter.setV(counter.getV() + 1);
            });
        });
    }

    /** {@code find} joins the EAGER {@code @ManyToOne}: the counter's row is recorded by the key the join returns. */
    @Test
    void hibernateEntityWithAnEagerManyToOne() throws Exception {
        race(pool -> {
            SessionFactory sessions = new Configuration().addAnnotatedClass(OwnedCounter.class)
                    .addAnnotatedClass(Owner.class)
                    .addProperties(properties(Map.of(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)))
                    .buildSessionFactory();
            return (id, decided) -> sessions.inTransaction(session -> {
                OwnedCounter counter = session.find(OwnedCounter.class, id);
                decided.run();
                counter.setV(counter.getV() + 1);
            });
        });
    }

    // --- the same race written as a JDBC batch of three counters ---

    @Test
    void springJdbcTemplateBatchUpdate() throws Exception {
        race(LostUpdateRaceTest::springBatchIncrement);
    }

    @Test
    void myBatisBatchExecutor() throws Exception {
        race(LostUpdateRaceTest::myBatisBatchIncrement);
    }

    @Test
    void hibernateBatchedUpdatesOfEntitiesWithoutVersion() throws Exception {
        race(pool -> hibernateBatchIncrement(pool, CounterRace::lostRace));
    }

    /** The counters found by a query (not by key): each row is recorded by the id it returns. */
    @Test
    void hibernateQueriedEntitiesUpdatedInABatch() throws Exception {
        race(pool -> hibernateBatchIncrement(pool, CounterRace::lostRace, session -> session
                .createSelectionQuery("from Counter c where c.id <= 3 order by c.id", Counter.class).getResultList()));
    }

    /** With safe.onConflict=zero-rows the lost entry counts 0, which Hibernate itself reports as a stale row. */
    @Test
    void hibernateBatchedUpdatesWithZeroRowsGetHibernatesOwnOptimisticLockFailure() throws Exception {
        Properties zeroRows = new Properties();
        zeroRows.setProperty("safe.onConflict", "zero-rows");
        race(pool -> hibernateBatchIncrement(pool, e -> causes(e, OptimisticLockException.class)
                || causes(e, StaleStateException.class)), zeroRows);
    }

    /** Each library's batch, run by one thread through jdbc:safe:, five times: no error, no increment lost. */
    @Test
    void typicalSingleThreadedBatchesRunWithoutErrors() throws Exception {
        try (HikariDataSource pool = Pools.hikari(safeUrl(), 2, 10_000, new Properties())) {
            for (CounterRace.Increment library : List.of(hibernateBatchIncrement(pool, e -> false),
                    myBatisBatchIncrement(pool), springBatchIncrement(pool))) {
                for (int i = 0; i < 5; i++) {
                    library.increment(1, () -> { });
                }
            }
        }
        assertThat(counter()).isEqualTo(15);
    }

    /** Reads three counters with JdbcTemplate, then writes them back plus one with {@code batchUpdate}. */
    private static CounterRace.Increment springBatchIncrement(DataSource pool) {
        return spring(pool, (jdbc, id, decided) -> {
            List<Object[]> writes = new ArrayList<>();
            for (int row : BATCHED_ROWS) {
                int v = jdbc.queryForObject("SELECT v FROM counters WHERE id = ?", Integer.class, row);
                writes.add(new Object[] {v + 1, row});
            }
            decided.run();
            jdbc.batchUpdate("UPDATE counters SET v = ? WHERE id = ?", writes);
        });
    }

    /** One increment's JDBC work with Spring's JdbcTemplate. */
    private interface SpringWork {
        void run(JdbcTemplate jdbc, int id, Runnable decided);
    }

    /** {@code work} in a TransactionTemplate; a lost race is Spring's retryable family. */
    private static CounterRace.Increment spring(DataSource pool, SpringWork work) {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        return new CounterRace.Increment() {
            @Override
            public void increment(int id, Runnable decided) {
                tx.executeWithoutResult(status -> work.run(jdbc, id, decided));
            }

            @Override
            public boolean lostRace(Exception e) {
                return e instanceof ConcurrencyFailureException; // Spring's retryable family
            }
        };
    }

    /** Reads three counters through the mapper in a BATCH session, then writes them back plus one; commit flushes. */
    private static CounterRace.Increment myBatisBatchIncrement(DataSource pool) {
        SqlSessionFactory sessions = myBatis(pool);
        return (id, decided) -> {
            try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
                CounterMapper counters = session.getMapper(CounterMapper.class);
                int[] read = new int[BATCHED_ROWS.length];
                for (int i = 0; i < read.length; i++) {
                    read[i] = counters.read(BATCHED_ROWS[i]);
                }
                decided.run();
                for (int i = 0; i < read.length; i++) {
                    counters.write(BATCHED_ROWS[i], read[i] + 1);
                }
                session.commit();
            }
        };
    }

    private static final int[] BATCHED_ROWS = {1, 2, 3};

    private static SqlSessionFactory myBatis(DataSource pool) {
        org.apache.ibatis.session.Configuration configuration = new org.apache.ibatis.session.Configuration(
                new Environment("race", new JdbcTransactionFactory(), pool));
        configuration.addMapper(CounterMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    /** Finds three counters, then increments each: Hibernate flushes the three UPDATEs as one JDBC batch. */
    private static CounterRace.Increment hibernateBatchIncrement(DataSource pool, Predicate<Exception> lostRace) {
        return hibernateBatchIncrement(pool, lostRace, session -> {
            List<Counter> counters = new ArrayList<>();
            for (int row : BATCHED_ROWS) {
                counters.add(session.find(Counter.class, row));
            }
            return counters;
        });
    }

    /** Loads the counters with {@code load}, then increments each: one JDBC batch of UPDATEs at flush. */
    private static CounterRace.Increment hibernateBatchIncrement(DataSource pool, Predicate<Exception> lostRace,
            Function<Session, List<Counter>> load) {
        SessionFactory sessions = new Configuration().addAnnotatedClass(Counter.class)
                .addProperties(properties(Map.of(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool,
                        AvailableSettings.STATEMENT_BATCH_SIZE, "20")))
                .buildSessionFactory();
        return new CounterRace.Increment() {
            @Override
            public void increment(int id, Runnable decided) {
                sessions.inTransaction(session -> {
                    List<Counter> counters = load.apply(session);
                    decided.run();
                    counters.forEach(counter -> counter.setV(counter.getV() + 1));
                });
            }

            @Override
            public boolean lostRace(Exception e) {
                return lostRace.test(e);
            }
        };
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The race on the raw driver (it must lose updates), then through jdbc:safe: (none lost, losers retried). */
    private void race(Function<DataSource, CounterRace.Increment> library) throws Exception {
        race(library, new Properties());
    }

    /** The same, with safe-jdbc's {@code options} for both of its doors. */
    private void race(Function<DataSource, CounterRace.Increment> library, Properties options) throws Exception {
        CounterRace.Outcome raw;
        try (HikariDataSource pool = Pools.hikari(url, CounterRace.RACERS, 10_000)) {
            raw = CounterRace.run(library.apply(pool), 1, this::counter);
        }
        reset();
        CounterRace.Outcome safe;
        try (HikariDataSource pool = Pools.hikari(safeUrl(), CounterRace.RACERS, 10_000, options)) {
            safe = CounterRace.run(library.apply(pool), 1, this::counter);
        }
        reset();
        CounterRace.Outcome wrapped;
        try (HikariDataSource pool = Pools.hikari(url, CounterRace.RACERS, 10_000)) {
            wrapped = CounterRace.run(library.apply(SafeDataSource.wrap(pool, options)), 1, this::counter);
        }
        System.out.printf("[races] %s raw: lost %d of %d; jdbc:safe: lost %d (%d conflicts retried); SafeDataSource:"
                + " lost %d (%d conflicts retried)%n", schema, raw.lost(), raw.expected(), safe.lost(), safe.conflicts(),
                wrapped.lost(), wrapped.conflicts());
        assertThat(raw.errors()).as("raw errors").isEmpty();
        assertThat(raw.lost()).as("increments lost on the raw driver").isPositive();
        for (CounterRace.Outcome through : new CounterRace.Outcome[] {safe, wrapped}) {
            assertThat(through.errors()).as("errors through safe-jdbc").isEmpty();
            assertThat(through.lost()).as("increments lost through safe-jdbc").isZero();
        }
    }

    private String safeUrl() {
        return "jdbc:safe:" + url.substring("jdbc:".length());
    }

    private int counter() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM counters WHERE id = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void reset() throws SQLException {
        execute(url, "UPDATE counters SET v = 0");
    }

    private static java.util.Properties properties(Map<String, Object> settings) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(settings);
        return properties;
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

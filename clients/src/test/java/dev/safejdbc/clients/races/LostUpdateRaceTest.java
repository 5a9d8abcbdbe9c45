package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.Findings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident 003's lost update, written with each library as its users write it (a keyed read, a decision in
 * Java, a keyed write, in one transaction), on every {@link RaceDatabase} over a HikariCP pool of 8: on the
 * raw driver the forced race loses increments; through {@code jdbc:safe:} (and {@code SafeDataSource}) it
 * loses none, the losers retrying with the library's own idiom. The batch variants read three counters and
 * write them back in one JDBC batch ({@code hibernate.jdbc.batch_size}, MyBatis's BATCH executor, Spring's
 * {@code batchUpdate}); the race is counted on the first.
 *
 * <p>SQLite loses no update inside a transaction, raw or not: a transaction that read the row cannot write it
 * while another reader holds the file ({@code SQLITE_BUSY}) or the shared cache's table ({@code SQLITE_LOCKED}),
 * so the raw anomaly there is those errors, and the loser's increment is not made. On SQLite the race asserts
 * that: no update lost either way, and no kind of error through safe-jdbc that the raw driver did not give.
 * Through {@code jdbc:safe:} a shared in-memory database is leased to one transaction at a time, so that race
 * runs unforced (a racer waiting for the others' reads would hold the database they wait for).
 */
class LostUpdateRaceTest extends OnRaceDatabase {

    private void given(RaceDatabase on) throws SQLException {
        open(on);
        db.execute("CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
        db.execute("INSERT INTO owners VALUES (1, 'ann')");
        db.execute("CREATE TABLE counters (id INT PRIMARY KEY, v INT NOT NULL, owner_id INT)");
        db.execute("INSERT INTO counters VALUES (1, 0, 1), (2, 0, 1), (3, 0, 1)");
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void springJdbcTemplate(RaceDatabase on) throws Exception {
        given(on);
        race(LostUpdateRaceTest::springIncrement);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void jooq(RaceDatabase on) throws Exception {
        given(on);
        race(this::jooqIncrement);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void myBatisSimpleExecutor(RaceDatabase on) throws Exception {
        given(on);
        race(LostUpdateRaceTest::myBatisIncrement);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void jdbiWithItsSerializableTransactionRunner(RaceDatabase on) throws Exception {
        given(on);
        race(LostUpdateRaceTest::jdbiIncrement);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void hibernateEntityWithoutVersion(RaceDatabase on) throws Exception {
        given(on);
        race(this::hibernateIncrement);
    }

    /** {@code find} joins the EAGER {@code @ManyToOne}: the counter's row is recorded by the key the join returns. */
    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void hibernateEntityWithAnEagerManyToOne(RaceDatabase on) throws Exception {
        given(on);
        race(this::hibernateEagerIncrement);
    }

    private static CounterRace.Increment springIncrement(DataSource pool) {
        return spring(pool, (jdbc, id, decided) -> {
            int v = jdbc.queryForObject("SELECT v FROM counters WHERE id = ?", Integer.class, id);
            decided.run();
            jdbc.update("UPDATE counters SET v = ? WHERE id = ?", v + 1, id);
        });
    }

    private CounterRace.Increment jooqIncrement(DataSource pool) {
        SQLDialect dialect = db.kind().jooq();
        return (id, decided) -> DSL.using(pool, dialect).transaction(config -> {
            int v = DSL.using(config).resultQuery("SELECT v FROM counters WHERE id = ?", id).fetchOne(0, int.class);
            decided.run();
            DSL.using(config).query("UPDATE counters SET v = ? WHERE id = ?", v + 1, id).execute();
        });
    }

    private static CounterRace.Increment myBatisIncrement(DataSource pool) {
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
    }

    private static CounterRace.Increment jdbiIncrement(DataSource pool) {
        Jdbi jdbi = Jdbi.create(pool).setTransactionHandler(new SerializableTransactionRunner());
        return (id, decided) -> jdbi.useTransaction(handle -> {
            int v = handle.createQuery("SELECT v FROM counters WHERE id = :id").bind("id", id)
                    .mapTo(Integer.class).one();
            decided.run();
            handle.createUpdate("UPDATE counters SET v = :v WHERE id = :id").bind("v", v + 1).bind("id", id)
                    .execute();
        });
    }

    private CounterRace.Increment hibernateIncrement(DataSource pool) {
        SessionFactory sessions = hibernate(pool, Map.of(), Counter.class);
        return (id, decided) -> sessions.inTransaction(session -> {
            Counter counter = session.find(Counter.class, id);
            decided.run();
            counter.setV(counter.getV() + 1);
        });
    }

    private CounterRace.Increment hibernateEagerIncrement(DataSource pool) {
        SessionFactory sessions = hibernate(pool, Map.of(), OwnedCounter.class, Owner.class);
        return (id, decided) -> sessions.inTransaction(session -> {
            OwnedCounter counter = session.find(OwnedCounter.class, id);
            decided.run();
            counter.setV(counter.getV() + 1);
        });
    }

    // --- the same race written as a JDBC batch of three counters ---

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void springJdbcTemplateBatchUpdate(RaceDatabase on) throws Exception {
        given(on);
        race(LostUpdateRaceTest::springBatchIncrement);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void myBatisBatchExecutor(RaceDatabase on) throws Exception {
        given(on);
        race(LostUpdateRaceTest::myBatisBatchIncrement);
    }

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void hibernateBatchedUpdatesOfEntitiesWithoutVersion(RaceDatabase on) throws Exception {
        given(on);
        race(pool -> hibernateBatchIncrement(pool, CounterRace::lostRace));
    }

    /** The counters found by a query (not by key): each row is recorded by the id it returns. */
    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void hibernateQueriedEntitiesUpdatedInABatch(RaceDatabase on) throws Exception {
        given(on);
        race(pool -> hibernateBatchIncrement(pool, CounterRace::lostRace, session -> session
                .createSelectionQuery("from Counter c where c.id <= 3 order by c.id", Counter.class).getResultList()));
    }

    /** With safe.onConflict=zero-rows the lost entry counts 0, which Hibernate itself reports as a stale row. */
    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void hibernateBatchedUpdatesWithZeroRowsGetHibernatesOwnOptimisticLockFailure(RaceDatabase on) throws Exception {
        given(on);
        Properties zeroRows = new Properties();
        zeroRows.setProperty("safe.onConflict", "zero-rows");
        race(pool -> hibernateBatchIncrement(pool, e -> causes(e, OptimisticLockException.class)
                || causes(e, StaleStateException.class)), zeroRows);
    }

    /**
     * Each library's increment, single and batched, run by one thread through jdbc:safe:, five times: no error,
     * no finding, no increment lost.
     */
    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void typicalSingleThreadedUsageRunsWithoutErrorsOrFindings(RaceDatabase on) throws Exception {
        given(on);
        List<Finding> findings = new CopyOnWriteArrayList<>();
        List<CounterRace.Increment> libraries;
        try (AutoCloseable listening = Findings.listen(findings::add);
                HikariDataSource pool = Pools.hikari(db.safeUrl(), 2, 10_000, new Properties())) {
            libraries = List.of(springIncrement(pool), jooqIncrement(pool), myBatisIncrement(pool),
                    jdbiIncrement(pool), hibernateIncrement(pool), hibernateEagerIncrement(pool),
                    hibernateBatchIncrement(pool, e -> false), myBatisBatchIncrement(pool), springBatchIncrement(pool));
            for (CounterRace.Increment library : libraries) {
                for (int i = 0; i < 5; i++) {
                    library.increment(1, () -> { });
                }
            }
        }
        assertThat(counter()).isEqualTo(5 * libraries.size());
        assertThat(findings).isEmpty();
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
    private CounterRace.Increment hibernateBatchIncrement(DataSource pool, Predicate<Exception> lostRace) {
        return hibernateBatchIncrement(pool, lostRace, session -> {
            List<Counter> counters = new ArrayList<>();
            for (int row : BATCHED_ROWS) {
                counters.add(session.find(Counter.class, row));
            }
            return counters;
        });
    }

    /** Loads the counters with {@code load}, then increments each: one JDBC batch of UPDATEs at flush. */
    private CounterRace.Increment hibernateBatchIncrement(DataSource pool, Predicate<Exception> lostRace,
            Function<Session, List<Counter>> load) {
        SessionFactory sessions = hibernate(pool, Map.of(AvailableSettings.STATEMENT_BATCH_SIZE, "20"), Counter.class);
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

    /** A session factory of {@code entities} over {@code pool}, with this database's dialect and {@code settings}. */
    private SessionFactory hibernate(DataSource pool, Map<String, Object> settings, Class<?>... entities) {
        Properties properties = db.kind().hibernate();
        properties.putAll(settings);
        return ClaimRaceTest.hibernate(pool, properties, entities);
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

    /**
     * The same, with safe-jdbc's {@code options}. On PostgreSQL also through its second door,
     * {@code SafeDataSource.wrap(pool)}, the same guard (left out elsewhere to keep the build short).
     */
    private void race(Function<DataSource, CounterRace.Increment> library, Properties options) throws Exception {
        RaceDatabase on = db.kind();
        CounterRace.Outcome raw;
        try (HikariDataSource pool = Pools.hikari(db.url(), CounterRace.RACERS, 10_000)) {
            raw = CounterRace.run(library.apply(pool), 1, this::counter);
        }
        reset();
        List<CounterRace.Outcome> throughSafeJdbc = new ArrayList<>();
        try (HikariDataSource pool = Pools.hikari(db.safeUrl(), CounterRace.RACERS, 10_000, options)) {
            throughSafeJdbc.add(CounterRace.run(library.apply(pool), 1, this::counter, on.forcedThroughSafeJdbc()));
        }
        if (on == RaceDatabase.POSTGRESQL) {
            reset();
            try (HikariDataSource pool = Pools.hikari(db.url(), CounterRace.RACERS, 10_000)) {
                throughSafeJdbc.add(CounterRace.run(library.apply(SafeDataSource.wrap(pool, options)), 1,
                        this::counter));
            }
        }
        String test = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getMethodName)
                .filter(method -> !method.equals("race")).findFirst().orElse(""));
        System.out.printf("[races] %s %s %s raw: %d of %d committed, %d lost, errors %s; through safe-jdbc: %s%n",
                test, on, name, raw.committed(), raw.expected(), raw.lost(), RaceDatabase.kinds(raw.errors()), throughSafeJdbc.stream()
                        .map(o -> o.committed() + " committed, " + o.lost() + " lost, " + o.conflicts()
                                + " conflicts retried, errors " + RaceDatabase.kinds(o.errors())).toList());
        on.assertErrors(raw.errors(), throughSafeJdbc.stream().flatMap(o -> o.errors().stream()).toList());
        // forced, every racer of a round reads the same value: all but one of its increments are lost
        assertThat(raw.lost()).as("increments lost on the raw driver")
                .isEqualTo(on.losesRacesRaw() ? (CounterRace.RACERS - 1) * CounterRace.ROUNDS : 0);
        for (CounterRace.Outcome through : throughSafeJdbc) {
            assertThat(through.lost()).as("increments lost through safe-jdbc").isZero();
            if (!on.forcedThroughSafeJdbc()) {
                assertThat(through.committed()).as("increments made, one transaction at a time")
                        .isEqualTo(through.expected());
            }
        }
    }

    private int counter() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM counters WHERE id = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void reset() throws SQLException {
        db.execute("UPDATE counters SET v = 0");
    }
}

package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.Await;
import dev.safejdbc.it.Interleaving;
import dev.safejdbc.it.NaiveLockService;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incidents 001 (lock acquire, expired and absent), 003 (progress read-modify-write with retry on
 * 40001; double completion) and 004 (a writer and a second session that rolls back or closes on a
 * shared in-memory database), each run for 1,000 rounds on the raw driver and through
 * {@code jdbc:safe:} in the same test. Every round is forced with a barrier: all racers have read
 * before any of them writes, so the raw driver shows the anomaly on every run, never by luck.
 *
 * <p>By default 4 racers per round (001, 003 progress) and 2 workers (003 completion); the soak
 * profile runs 8 racers per round, and 10,000 rounds of 004.
 *
 * <p>SQLite runs in autocommit: {@code jdbc:safe:sqlite:file:NAME?mode=memory} against the raw
 * {@code jdbc:sqlite:file:NAME?mode=memory&cache=shared} (in a transaction, the lease would make
 * the racers take turns, and the barrier could never open). PostgreSQL runs the seeds' own
 * transactions (READ COMMITTED).
 */
class RaceRoundsTest {
    static final int ROUNDS = 1000;
    static final int RACERS = 4;
    static final int SOAK_RACERS = 8;
    static final int SESSION_ROUNDS = 1000;
    static final int SOAK_SESSION_ROUNDS = 10_000;
    /** Retries of one racer's whole transaction after 40001; far more than ever needed. */
    private static final int MAX_RETRIES = 1000;

    enum Db { SQLITE, POSTGRESQL }

    /** The seeds raced here. */
    enum Scenario {
        LOCK_EXPIRED("locks", NaiveLockService.DDL),
        LOCK_ABSENT("locks", NaiveLockService.DDL),
        PROGRESS("jobs", "CREATE TABLE %s (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, progress INT NOT NULL,"
                + " result VARCHAR(40))"),
        COMPLETION("jobs", "CREATE TABLE %s (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, progress INT NOT NULL,"
                + " result VARCHAR(40))");

        final String prefix;
        final String ddl;

        Scenario(String prefix, String ddl) {
            this.prefix = prefix;
            this.ddl = ddl;
        }
    }

    enum Outcome { WON, REFUSED, CONFLICT, ERROR }

    /** One side of a race: the URL the racers use, and whether they use transactions. */
    record Side(String label, String url, boolean transactional) {
        boolean safe() {
            return url.startsWith("jdbc:safe:");
        }
    }

    /** What one side's rounds came to. */
    static final class Tally {
        final Scenario scenario;
        final Side side;
        final int racers;
        final int rounds;
        final List<Map<Outcome, Integer>> perRound = new ArrayList<>();
        final List<List<Integer>> winners = new ArrayList<>();
        final Set<String> errors = new LinkedHashSet<>();
        final AtomicLong retries = new AtomicLong();
        long doubleHolderRounds;
        long errorRounds;
        long lostUpdates;
        long wrongWinnerRounds;
        long millis;

        Tally(Scenario scenario, Side side, int racers, int rounds) {
            this.scenario = scenario;
            this.side = side;
            this.racers = racers;
            this.rounds = rounds;
        }

        int count(int round, Outcome outcome) {
            return perRound.get(round).getOrDefault(outcome, 0);
        }

        long total(Outcome outcome) {
            return perRound.stream().mapToLong(m -> m.getOrDefault(outcome, 0)).sum();
        }

        /** The anomaly the seed is about: double holders, lost updates, double completions, crashes. */
        long anomalies() {
            return switch (scenario) {
                case LOCK_EXPIRED, COMPLETION -> doubleHolderRounds;
                case LOCK_ABSENT -> doubleHolderRounds + errorRounds;
                case PROGRESS -> lostUpdates;
            };
        }

        String line() {
            return String.format("%-12s %-6s %-10s racers=%d rounds=%d anomalies=%d (double-holder rounds=%d,"
                            + " lost updates=%d, rounds with errors=%d, wrong winner=%d) won=%d conflicts(40001)=%d"
                            + " retries=%d errors=%d %d ms%s",
                    scenario, side.label(), side.safe() ? "safe-jdbc" : "raw", racers, rounds, anomalies(),
                    doubleHolderRounds, lostUpdates, errorRounds, wrongWinnerRounds, total(Outcome.WON),
                    total(Outcome.CONFLICT), retries.get(), total(Outcome.ERROR), millis,
                    errors.isEmpty() ? "" : " first errors: " + errors);
        }
    }

    // ------------------------------------------------------------------ 001 and 003

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void lockExpired(Db db) throws Exception {
        raceBothSides(Scenario.LOCK_EXPIRED, db, RACERS, ROUNDS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void lockAbsent(Db db) throws Exception {
        raceBothSides(Scenario.LOCK_ABSENT, db, RACERS, ROUNDS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void progressReadModifyWrite(Db db) throws Exception {
        raceBothSides(Scenario.PROGRESS, db, RACERS, ROUNDS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void doubleCompletion(Db db) throws Exception {
        raceBothSides(Scenario.COMPLETION, db, 2, ROUNDS);
    }

    @Tag("soak")
    @ParameterizedTest(name = "soak {0}: {1}")
    @EnumSource(Scenario.class)
    void soakEightRacersOnSqlite(Scenario scenario) throws Exception {
        raceBothSides(scenario, Db.SQLITE, SOAK_RACERS, ROUNDS);
    }

    @Tag("soak")
    @ParameterizedTest(name = "soak {0}: {1}")
    @EnumSource(Scenario.class)
    void soakEightRacersOnPostgresql(Scenario scenario) throws Exception {
        raceBothSides(scenario, Db.POSTGRESQL, SOAK_RACERS, ROUNDS);
    }

    private void raceBothSides(Scenario scenario, Db db, int racers, int rounds) throws Exception {
        Side raw;
        Side safe;
        if (db == Db.POSTGRESQL) {
            String pg = TestDatabases.postgres();
            raw = new Side("pg", "jdbc:" + pg, true);
            safe = new Side("pg", "jdbc:safe:" + pg, true);
        } else {
            raw = new Side("sqlite", "jdbc:sqlite:file:" + TestDatabases.unique("race_raw") + "?mode=memory&cache=shared",
                    false);
            safe = new Side("sqlite", "jdbc:safe:sqlite:file:" + TestDatabases.unique("race_safe") + "?mode=memory",
                    false);
        }
        Tally rawTally = race(scenario, raw, racers, rounds);
        Tally safeTally = race(scenario, safe, racers, rounds);
        Figures.record("RaceRoundsTest", rawTally.line());
        Figures.record("RaceRoundsTest", safeTally.line());

        assertThat(rawTally.anomalies()).as("the raw driver's anomalies in the same run: " + rawTally.line())
                .isPositive();
        assertSafe(safeTally);
    }

    private static void assertSafe(Tally t) {
        assertThat(t.total(Outcome.ERROR)).as("errors other than 40001: " + t.line()).isZero();
        assertThat(t.anomalies()).as(t.line()).isZero();
        assertThat(t.wrongWinnerRounds).as("rounds whose stored owner/result is not the winner's: " + t.line())
                .isZero();
        for (int round = 0; round < t.rounds; round++) {
            if (t.scenario == Scenario.PROGRESS) {
                assertThat(t.count(round, Outcome.WON)).as("increments done in round " + round).isEqualTo(t.racers);
            } else {
                assertThat(t.count(round, Outcome.WON)).as("holders in round " + round).isEqualTo(1);
                assertThat(t.count(round, Outcome.CONFLICT)).as("40001 in round " + round).isEqualTo(t.racers - 1);
            }
        }
    }

    /** {@code rounds} rounds of {@code racers} racers on one side; the anomalies are counted from the database. */
    private Tally race(Scenario scenario, Side side, int racers, int rounds) throws Exception {
        Tally tally = new Tally(scenario, side, racers, rounds);
        String table = TestDatabases.unique(scenario.prefix);
        List<Connection> connections = new ArrayList<>();
        List<ExecutorService> threads = new ArrayList<>();
        // keeps a raw shared-cache database alive; checks and setup go through it
        try (Connection keeper = DriverManager.getConnection(side.url())) {
            Sql.exec(keeper, String.format(scenario.ddl, table));
            seed(keeper, scenario, table, rounds);
            for (int i = 0; i < racers; i++) {
                Connection c = DriverManager.getConnection(side.url());
                c.setAutoCommit(!side.transactional());
                connections.add(c);
                String name = "racer-" + i;
                threads.add(Executors.newSingleThreadExecutor(r -> new Thread(r, name)));
            }
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                playRound(tally, table, round, connections, threads);
            }
            tally.millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            count(keeper, tally, table);
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
            for (Connection c : connections) {
                c.close();
            }
            drop(side, table);
        }
        return tally;
    }

    private static void seed(Connection c, Scenario scenario, String table, int rounds) throws SQLException {
        if (scenario == Scenario.LOCK_ABSENT) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        String sql = scenario == Scenario.LOCK_EXPIRED
                ? "INSERT INTO " + table + " (resource_type, resource_id, owner_id, expires_at) VALUES ('job', ?, 'nobody', 0)"
                : "INSERT INTO " + table + " (id, status, progress, result) VALUES (?, 'RUNNING', 0, NULL)";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int round = 0; round < rounds; round++) {
                if (scenario == Scenario.LOCK_EXPIRED) {
                    insert.setString(1, "r" + round);
                } else {
                    insert.setInt(1, round);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
    }

    private void playRound(Tally tally, String table, int round, List<Connection> connections,
            List<ExecutorService> threads) throws Exception {
        int racers = connections.size();
        CyclicBarrier allRead = new CyclicBarrier(racers);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Connection c = connections.get(i);
            int racer = i;
            futures.add(threads.get(i).submit(() -> attempt(tally, c, table, round, racer, allRead)));
        }
        Map<Outcome, Integer> outcomes = new HashMap<>();
        List<Integer> won = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Outcome outcome;
            try {
                outcome = futures.get(i).get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("round " + round + ": racer " + i + " did not finish within 30 s ("
                        + tally.side + ")", e);
            }
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.WON) {
                won.add(i);
            }
        }
        tally.perRound.add(outcomes);
        tally.winners.add(won);
    }

    /** One racer's attempt, as the application makes it; the barrier opens once every racer has read. */
    private Outcome attempt(Tally tally, Connection c, String table, int round, int racer, CyclicBarrier allRead) {
        Runnable decided = () -> {
            try {
                allRead.await(Await.SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the racers never all read", e);
            }
        };
        boolean tx = tally.side.transactional();
        try {
            switch (tally.scenario) {
                case LOCK_EXPIRED, LOCK_ABSENT -> {
                    boolean acquired = new NaiveLockService(table)
                            .acquire(c, "job", "r" + round, "owner-" + racer, 1_000, 60_000, decided);
                    end(c, tx, acquired);
                    return acquired ? Outcome.WON : Outcome.REFUSED;
                }
                case PROGRESS -> {
                    increment(tally, c, table, round, decided);
                    return Outcome.WON;
                }
                case COMPLETION -> {
                    boolean completed = complete(c, table, round, "result-" + racer, decided, tx);
                    return completed ? Outcome.WON : Outcome.REFUSED;
                }
                default -> throw new IllegalStateException();
            }
        } catch (Exception e) {
            rollbackQuietly(c, tx);
            if (e instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return Outcome.CONFLICT;
            }
            synchronized (tally.errors) {
                if (tally.errors.size() < 5) {
                    tally.errors.add(e.getClass().getSimpleName() + " " + (e instanceof SQLException s
                            ? s.getSQLState() + " " : "") + firstLine(e.getMessage()));
                }
            }
            return Outcome.ERROR;
        }
    }

    /** Seed 003's progress update: read, add one, write; the whole transaction is retried on 40001. */
    private static void increment(Tally tally, Connection c, String table, int job, Runnable decided)
            throws Exception {
        boolean tx = tally.side.transactional();
        for (int attempt = 0; ; attempt++) {
            try {
                int progress;
                try (PreparedStatement read = c.prepareStatement("SELECT progress FROM " + table + " WHERE id = ?")) {
                    read.setInt(1, job);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        progress = rs.getInt(1);
                    }
                }
                if (attempt == 0) {
                    decided.run(); // only the first read waits for the others
                }
                try (PreparedStatement write = c.prepareStatement(
                        "UPDATE " + table + " SET progress = ? WHERE id = ?")) {
                    write.setInt(1, progress + 1);
                    write.setInt(2, job);
                    Sql.busyRetry(write::executeUpdate);
                }
                end(c, tx, true);
                return;
            } catch (SQLException e) {
                rollbackQuietly(c, tx);
                if (!"40001".equals(e.getSQLState()) || attempt >= MAX_RETRIES) {
                    throw e;
                }
                tally.retries.incrementAndGet();
            }
        }
    }

    /** Seed 003's completion: read the status, and if RUNNING, complete the job with this worker's result. */
    private static boolean complete(Connection c, String table, int job, String result, Runnable decided, boolean tx)
            throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT status FROM " + table + " WHERE id = ?")) {
            read.setInt(1, job);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next() || !"RUNNING".equals(rs.getString(1))) {
                    end(c, tx, false);
                    return false;
                }
            }
        }
        decided.run();
        try (PreparedStatement done = c.prepareStatement(
                "UPDATE " + table + " SET status = 'DONE', result = ? WHERE id = ?")) {
            done.setString(1, result);
            done.setInt(2, job);
            Sql.busyRetry(done::executeUpdate);
        }
        end(c, tx, true);
        return true;
    }

    private static void end(Connection c, boolean tx, boolean commit) throws SQLException {
        if (!tx) {
            return;
        }
        if (commit) {
            c.commit();
        } else {
            c.rollback();
        }
    }

    private static void rollbackQuietly(Connection c, boolean tx) {
        if (tx) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the attempt's own error is what counts
            }
        }
    }

    /** Counts the anomalies from what the database holds after all rounds. */
    private static void count(Connection c, Tally t, String table) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        String sql = switch (t.scenario) {
            case LOCK_EXPIRED, LOCK_ABSENT -> "SELECT resource_id, owner_id FROM " + table;
            case PROGRESS -> "SELECT id, progress FROM " + table;
            case COMPLETION -> "SELECT id, result FROM " + table;
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2));
            }
        }
        for (int round = 0; round < t.rounds; round++) {
            List<Integer> won = t.winners.get(round);
            if (t.count(round, Outcome.ERROR) > 0) {
                t.errorRounds++;
            }
            switch (t.scenario) {
                case LOCK_EXPIRED, LOCK_ABSENT, COMPLETION -> {
                    if (won.size() > 1) {
                        t.doubleHolderRounds++;
                    }
                    String key = t.scenario == Scenario.COMPLETION ? Integer.toString(round) : "r" + round;
                    String expected = (t.scenario == Scenario.COMPLETION ? "result-" : "owner-")
                            + (won.isEmpty() ? "?" : won.get(0));
                    if (won.size() == 1 && !expected.equals(stored.get(key))) {
                        t.wrongWinnerRounds++;
                    }
                }
                case PROGRESS -> {
                    String progress = stored.get(Integer.toString(round));
                    t.lostUpdates += won.size() - (progress == null ? 0 : Integer.parseInt(progress));
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void drop(Side side, String table) throws SQLException {
        if (side.safe() && side.url().startsWith("jdbc:safe:sqlite:")) {
            SafeJdbc.drop(side.url());
        } else if (!side.url().startsWith("jdbc:sqlite:")) {
            try (Connection c = DriverManager.getConnection(side.url())) {
                Sql.exec(c, "DROP TABLE IF EXISTS " + table);
            }
        }
    }

    // ------------------------------------------------------------------ 004 (SQLite only)

    /** How the second session ends on the shared in-memory database. */
    enum Ending { QUERY_THEN_ROLLBACK, INSERT_THEN_CLOSE, STATIC_POOL }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Ending.class)
    void sharedInMemorySessions(Ending ending) throws Exception {
        sessions(ending, SESSION_ROUNDS);
    }

    @Tag("soak")
    @ParameterizedTest(name = "soak {0}")
    @EnumSource(Ending.class)
    void soakSharedInMemorySessions(Ending ending) throws Exception {
        sessions(ending, SOAK_SESSION_ROUNDS);
    }

    private void sessions(Ending ending, int rounds) throws Exception {
        long[] raw = rawSessions(ending, rounds);
        long[] safe = safeSessions(ending, rounds);
        Figures.record("RaceRoundsTest", String.format("004 %-19s sqlite raw       rounds=%d lost writes=%d"
                + " phantom rows=%d second held back=%d %d ms", ending, rounds, raw[0], raw[1], raw[2], raw[3]));
        Figures.record("RaceRoundsTest", String.format("004 %-19s sqlite safe-jdbc rounds=%d lost writes=%d"
                + " phantom rows=%d second held back=%d %d ms", ending, rounds, safe[0], safe[1], safe[2], safe[3]));

        assertThat(raw[0]).as("writes the raw shared connection lost in the same run").isPositive();
        assertThat(safe[0]).as("writes lost through safe-jdbc").isZero();
        assertThat(safe[1]).as("rows of a session that never committed, through safe-jdbc").isZero();
        assertThat(safe[2]).as("rounds where the second session had to wait for the writer's transaction")
                .isEqualTo(rounds);
    }

    /** The incident: one physical connection shared by both sessions (a static pool); returns lost, phantom, held, ms. */
    private static long[] rawSessions(Ending ending, int rounds) throws Exception {
        long start = System.nanoTime();
        long held = 0;
        try (Connection shared = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Sql.exec(shared, "CREATE TABLE jobs (id INTEGER PRIMARY KEY)");
            for (int round = 1; round <= rounds; round++) {
                int row = round;
                held += Interleaving.run(shared, "INSERT INTO jobs(id) VALUES (" + row + ")", () -> {
                    switch (ending) {
                        case QUERY_THEN_ROLLBACK -> {
                            Sql.count(shared, "jobs", "1 = 1");
                            shared.rollback();
                        }
                        // the pool's reset-on-return (and the static pool's own rollback) on the one connection
                        case INSERT_THEN_CLOSE, STATIC_POOL -> {
                            Sql.exec(shared, "INSERT INTO jobs(id) VALUES (" + (-row) + ")");
                            shared.rollback();
                        }
                        default -> throw new IllegalStateException();
                    }
                }) ? 1 : 0;
            }
            return new long[] {rounds - Sql.count(shared, "jobs", "id > 0"), Sql.count(shared, "jobs", "id < 0"), held,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
        }
    }

    /** The same sessions through jdbc:safe:; returns lost, phantom, held, ms. */
    private static long[] safeSessions(Ending ending, int rounds) throws Exception {
        String url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("sessions") + "?mode=memory";
        long start = System.nanoTime();
        long held = 0;
        try (Connection setup = DriverManager.getConnection(url);
                Connection writer = DriverManager.getConnection(url);
                Connection second = DriverManager.getConnection(url)) {
            Sql.exec(setup, "CREATE TABLE jobs (id INTEGER PRIMARY KEY)");
            for (int round = 1; round <= rounds; round++) {
                int row = round;
                Connection writing = ending == Ending.STATIC_POOL ? setup : writer;
                held += Interleaving.run(writing, "INSERT INTO jobs(id) VALUES (" + row + ")", () -> {
                    switch (ending) {
                        case QUERY_THEN_ROLLBACK -> {
                            second.setAutoCommit(false);
                            Sql.count(second, "jobs", "1 = 1");
                            second.rollback();
                        }
                        case INSERT_THEN_CLOSE -> {
                            Connection closing = DriverManager.getConnection(url);
                            closing.setAutoCommit(false);
                            Sql.exec(closing, "INSERT INTO jobs(id) VALUES (" + (-row) + ")");
                            closing.close(); // its own insert goes, nobody else's
                        }
                        case STATIC_POOL -> { // the same logical connection, from another thread
                            setup.setAutoCommit(false);
                            Sql.exec(setup, "INSERT INTO jobs(id) VALUES (" + (-row) + ")");
                            setup.rollback();
                        }
                        default -> throw new IllegalStateException();
                    }
                }) ? 1 : 0;
            }
            return new long[] {rounds - Sql.count(setup, "jobs", "id > 0"), Sql.count(setup, "jobs", "id < 0"), held,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
        } finally {
            SafeJdbc.drop(url);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package dev.safejdbc.examples;

import dev.safejdbc.SafeJdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sqlite.SQLiteConnection;

/**
 * Incident 002: an unsynchronized "get or create" cache of in-memory database connections. Threads
 * that miss the cache together each create a connection; with a raw in-memory URL each of those
 * is a separate, empty database, and every thread that kept its own writes into a database the
 * others never see. Through {@code jdbc:safe:} the same naive cache is harmless: every connection
 * to one NAME is a connection to one database, however many the cache creates.
 */
public final class EngineCacheExample implements AutoCloseable {
    static final int THREADS = 16;

    /** The incident's code, in Java: one connection ("engine") per URL, created on first use. */
    static final class EngineCache {
        @FunctionalInterface
        interface Opener {
            Connection open(String url) throws SQLException;
        }

        private final Map<String, Connection> engines = new HashMap<>();
        private final Opener opener;

        EngineCache(Opener opener) {
            this.opener = opener;
        }

        Connection engine(String url) throws SQLException {
            Connection engine = engines.get(url);
            if (engine == null) {               // check...
                engine = opener.open(url);      // ...then act: another thread may be here as well
                engines.put(url, engine);
            }
            return engine;
        }
    }

    private final int rounds;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    private int partialViews;

    public EngineCacheExample(int rounds) {
        this.rounds = rounds;
    }

    /** Threads (in the last run) whose database lacked rows other threads wrote. */
    public int partialViews() {
        return partialViews;
    }

    /** {@code jdbc:sqlite:file:NAME?mode=memory}: each connection the cache creates is a new database. */
    public Tally raw() throws Exception {
        return run("jdbc:sqlite:file:%s?mode=memory");
    }

    /** {@code jdbc:safe:sqlite:file:NAME?mode=memory}: one database per NAME, however it is reached. */
    public Tally safe() throws Exception {
        return run("jdbc:safe:sqlite:file:%s?mode=memory");
    }

    /** @return a tally whose anomalies are the databases beyond the first, over all rounds */
    private Tally run(String urlPattern) throws Exception {
        Tally.Clock clock = Tally.start();
        int extraDatabases = 0;
        partialViews = 0;
        for (int round = 0; round < rounds; round++) {
            String url = String.format(urlPattern, Names.unique("engines"));
            List<Connection> opened = new CopyOnWriteArrayList<>();
            try {
                List<Connection> used = race(url, opened);
                extraDatabases += databases(used) - 1;
                partialViews += partialViews(used);
            } finally {
                for (Connection connection : opened) {
                    connection.close();
                }
                SafeJdbc.drop(url); // a no-op for the raw URL
            }
        }
        return clock.stop(extraDatabases, 0);
    }

    /**
     * {@value #THREADS} threads, released together by a barrier, each get the engine from the
     * cache, create the table if it is missing and insert their row.
     *
     * <p>The race window (the time {@code getConnection} takes) is held open until two threads
     * have missed the cache, so the unlucky timing happens every round instead of now and then.
     *
     * @return the engine each thread used
     */
    private List<Connection> race(String url, List<Connection> opened) throws Exception {
        CountDownLatch twoMissed = new CountDownLatch(2);
        EngineCache cache = new EngineCache(u -> {
            twoMissed.countDown();
            awaitQuietly(twoMissed);
            Connection connection = DriverManager.getConnection(u);
            opened.add(connection);
            return connection;
        });
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Connection>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int id = i;
            results.add(threads.submit(() -> {
                start.await(Bounded.SECONDS, TimeUnit.SECONDS);
                Connection engine = cache.engine(url);
                try (Statement statement = engine.createStatement()) {
                    statement.executeUpdate("CREATE TABLE IF NOT EXISTS racers (id INTEGER PRIMARY KEY)");
                }
                try (PreparedStatement insert = engine.prepareStatement("INSERT INTO racers(id) VALUES (?)")) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                }
                return engine;
            }));
        }
        List<Connection> used = new ArrayList<>();
        for (Future<Connection> result : results) {
            used.add(result.get(Bounded.SECONDS, TimeUnit.SECONDS));
        }
        return used;
    }

    private static void awaitQuietly(CountDownLatch latch) throws SQLException {
        try {
            Bounded.await(latch, "a second cache miss");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        } catch (TimeoutException e) {
            throw new SQLException(e);
        }
    }

    /** Distinct SQLite databases behind the engines (a SQLite connection is one in-memory database). */
    private static int databases(List<Connection> used) throws SQLException {
        Set<SQLiteConnection> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Connection engine : used) {
            distinct.add(engine.unwrap(SQLiteConnection.class));
        }
        return distinct.size();
    }

    private static int partialViews(List<Connection> used) throws SQLException {
        int partial = 0;
        for (Connection engine : used) {
            try (Statement statement = engine.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM racers")) {
                rows.next();
                if (rows.getInt(1) < THREADS) {
                    partial++;
                }
            }
        }
        return partial;
    }

    /** Stops the racing threads. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}

package dev.safejdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Eight threads sharing one in-memory SQLite database (issue 6, item 2), each running a short
 * read-write transaction (SELECT a counter by key, UPDATE it, commit) on a connection borrowed
 * from a HikariCP pool:
 * <ul>
 * <li>{@code safe-pool8}: a pool of 8 over {@code jdbc:safe:sqlite:file:X?mode=memory}, where
 * safe-jdbc leases its one physical connection to one transaction at a time;</li>
 * <li>{@code raw-pool1}: the usual fix without safe-jdbc, a pool of 1 over
 * {@code jdbc:sqlite:file:X?mode=memory&cache=shared}, so the pool serializes the transactions.</li>
 * </ul>
 * Both serialize the transactions; the question is which does it more cheaply.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(8)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SharedMemoryContentionBench {
    static final int KEYS = 64;

    /** The pool, shared by the benchmark's threads. */
    @State(Scope.Benchmark)
    public static class Pool {
        @Param({"raw-pool1", "safe-pool8"})
        public String variant;

        HikariDataSource pool;
        private Databases.Target target;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            target = Databases.Target.open(Databases.SQLITE, "counters");
            HikariConfig config = new HikariConfig();
            switch (variant) {
                case "raw-pool1":
                    config.setJdbcUrl(target.rawUrl);
                    config.setMaximumPoolSize(1);
                    break;
                case "safe-pool8":
                    config.setJdbcUrl(target.safeUrl);
                    config.setMaximumPoolSize(8);
                    break;
                default:
                    throw new IllegalArgumentException("variant must be raw-pool1 or safe-pool8, not " + variant);
            }
            config.setMinimumIdle(config.getMaximumPoolSize());
            config.setAutoCommit(false);
            config.setPoolName("bench-" + variant);
            pool = new HikariDataSource(config);
            StringBuilder seed = new StringBuilder("INSERT INTO counters (id, hits) VALUES ");
            for (int id = 1; id <= KEYS; id++) {
                seed.append(id == 1 ? "" : ", ").append('(').append(id).append(", 0)");
            }
            try (Connection c = pool.getConnection()) {
                Databases.execute(c, "CREATE TABLE counters (id INTEGER NOT NULL PRIMARY KEY, hits BIGINT NOT NULL)",
                        seed.toString());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            pool.close();
            target.close();
        }
    }

    /** Each thread works on its own keys, so the transactions never conflict, only queue. */
    @State(Scope.Thread)
    public static class Worker {
        private static final AtomicInteger THREADS = new AtomicInteger();
        private int next;

        @Setup(Level.Trial)
        public void setUp() {
            next = THREADS.getAndIncrement() % KEYS;
        }

        int nextKey() {
            int key = next + 1;
            next = (next + 8) % KEYS;
            return key;
        }
    }

    /** Borrow, SELECT the counter, UPDATE it to the value read + 1 (1 row), commit, return. */
    @Benchmark
    public long readWriteTransaction(Pool pool, Worker worker) throws SQLException {
        int key = worker.nextKey();
        try (Connection c = pool.pool.getConnection()) {
            long hits;
            try (PreparedStatement read = c.prepareStatement("SELECT hits FROM counters WHERE id = ?")) {
                read.setInt(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("counter " + key + " is missing");
                    }
                    hits = rs.getLong(1);
                }
            }
            try (PreparedStatement write = c.prepareStatement("UPDATE counters SET hits = ? WHERE id = ?")) {
                write.setLong(1, hits + 1);
                write.setInt(2, key);
                if (write.executeUpdate() != 1) {
                    throw new IllegalStateException("the UPDATE of counter " + key + " did not write 1 row");
                }
            }
            c.commit();
            return hits;
        }
    }
}

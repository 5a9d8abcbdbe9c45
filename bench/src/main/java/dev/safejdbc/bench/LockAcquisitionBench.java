package dev.safejdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Lock acquisition on PostgreSQL with 8 contending threads (the proof issue, item 3): incident
 * 001's naive check-then-act code through {@code jdbc:safe:} against the two correct ways of
 * writing it by hand. Each operation is one acquisition attempt, won or lost, on one of
 * {@value #LOCKS} lock rows picked at random, so threads really collide. A lock expires at the
 * instant it was taken (the clock is a shared counter), so the next attempt finds it free unless it
 * raced: acquisitions keep succeeding, and what limits them is contention, not a TTL.
 * <ul>
 * <li>{@code naive-raw}: SELECT the lock, decide in Java, UPDATE (or INSERT), commit, on the raw
 * driver. <b>Incorrect</b>: racers that read the same expired row all win. For reference only.</li>
 * <li>{@code naive-safe}: the same code through {@code jdbc:safe:}; the UPDATE is sent guarded
 * ({@code AND owner_id IS NOT DISTINCT FROM CAST(? AS varchar) AND expires_at IS NOT DISTINCT FROM
 * CAST(? AS int8)}), the INSERT with {@code ON CONFLICT (resource_id) DO NOTHING}; a lost race is
 * SQLState 40001 and rolls back.</li>
 * <li>{@code upsert}: one hand-written atomic statement in autocommit, {@code INSERT ... ON CONFLICT
 * (resource_id) DO UPDATE SET ... WHERE locks.expires_at < ?}; 1 row written is a win.</li>
 * <li>{@code for-update}: the naive code with {@code SELECT ... FOR UPDATE} on the raw driver.</li>
 * </ul>
 * Every thread has its own connection and prepares its statements once. The counters {@code won},
 * {@code held} (found unexpired) and {@code raced} (lost a race: 40001, or 23505 from an INSERT) say
 * how the attempts ended.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(8)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LockAcquisitionBench {
    static final int LOCKS = 4;
    private static final String RACE_LOST = "40001";
    private static final String DUPLICATE_KEY = "23505";

    /** The lock table, shared by the benchmark's threads; it starts empty, so the first takers INSERT. */
    @State(Scope.Benchmark)
    public static class Locks {
        @Param({"naive-raw", "naive-safe", "upsert", "for-update"})
        public String variant;

        final String[] ids = new String[LOCKS];
        final AtomicLong clock = new AtomicLong();
        final AtomicInteger workers = new AtomicInteger();
        Databases.Target target;
        String table;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            target = Databases.Target.open(Databases.POSTGRESQL, "locks");
            table = target.table("locks");
            for (int i = 0; i < LOCKS; i++) {
                ids[i] = "resource-" + i;
            }
            try (Connection c = target.connect("raw")) {
                Databases.execute(c, "CREATE TABLE " + table + " (resource_id VARCHAR(40) NOT NULL PRIMARY KEY,"
                        + " owner_id VARCHAR(40) NOT NULL, expires_at BIGINT NOT NULL)");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            target.close(table);
        }
    }

    /** How one attempt ended. */
    enum Outcome { WON, HELD, RACED }

    /** One way of acquiring a lock, on one thread's connection. */
    interface Acquirer extends AutoCloseable {
        Outcome acquire(String lock, String owner, long now) throws SQLException;
    }

    /** SELECT the lock row (plain, or FOR UPDATE), decide in Java, UPDATE or INSERT, commit. */
    static final class CheckThenAct implements Acquirer {
        private final Connection connection;
        private final PreparedStatement read;
        private final PreparedStatement update;
        private final PreparedStatement insert;

        CheckThenAct(Connection connection, String table, String readSuffix) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            read = connection.prepareStatement(
                    "SELECT owner_id, expires_at FROM " + table + " WHERE resource_id = ?" + readSuffix);
            update = connection.prepareStatement(
                    "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_id = ?");
            insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (resource_id, owner_id, expires_at) VALUES (?, ?, ?)");
        }

        @Override
        public Outcome acquire(String lock, String owner, long now) throws SQLException {
            try {
                read.setString(1, lock);
                boolean exists;
                long expiresAt = 0;
                try (ResultSet rs = read.executeQuery()) {
                    exists = rs.next();
                    if (exists) {
                        rs.getString(1); // the holder, as a lock service reads it for its log
                        expiresAt = rs.getLong(2);
                    }
                }
                if (exists && expiresAt >= now) {
                    connection.commit();
                    return Outcome.HELD;
                }
                // the lock expires at once: the next attempt finds it free unless it raced
                if (exists) {
                    update.setString(1, owner);
                    update.setLong(2, now);
                    update.setString(3, lock);
                    update.executeUpdate();
                } else {
                    insert.setString(1, lock);
                    insert.setString(2, owner);
                    insert.setLong(3, now);
                    insert.executeUpdate();
                }
                connection.commit();
                return Outcome.WON;
            } catch (SQLException e) {
                connection.rollback();
                if (RACE_LOST.equals(e.getSQLState()) || DUPLICATE_KEY.equals(e.getSQLState())) {
                    return Outcome.RACED;
                }
                throw e;
            }
        }

        @Override
        public void close() {
            Databases.closeQuietly(read, update, insert, connection);
        }
    }

    /** The hand-written atomic acquire: one conditional upsert in autocommit. */
    static final class ConditionalUpsert implements Acquirer {
        private final Connection connection;
        private final PreparedStatement upsert;

        ConditionalUpsert(Connection connection, String table) throws SQLException {
            this.connection = connection;
            upsert = connection.prepareStatement("INSERT INTO " + table
                    + " (resource_id, owner_id, expires_at) VALUES (?, ?, ?) ON CONFLICT (resource_id)"
                    + " DO UPDATE SET owner_id = EXCLUDED.owner_id, expires_at = EXCLUDED.expires_at"
                    + " WHERE " + table + ".expires_at < ?");
        }

        @Override
        public Outcome acquire(String lock, String owner, long now) throws SQLException {
            upsert.setString(1, lock);
            upsert.setString(2, owner);
            upsert.setLong(3, now);
            upsert.setLong(4, now);
            return upsert.executeUpdate() == 1 ? Outcome.WON : Outcome.HELD;
        }

        @Override
        public void close() {
            Databases.closeQuietly(upsert, connection);
        }
    }

    /** One contending thread: its own connection, statements prepared once. */
    @State(Scope.Thread)
    public static class Contender {
        Acquirer acquirer;
        String owner;

        @Setup(Level.Trial)
        public void setUp(Locks locks) throws SQLException {
            owner = "worker-" + locks.workers.incrementAndGet();
            switch (locks.variant) {
                case "naive-raw":
                    acquirer = new CheckThenAct(locks.target.connect("raw"), locks.table, "");
                    break;
                case "naive-safe":
                    acquirer = new CheckThenAct(locks.target.connect("safe"), locks.table, "");
                    break;
                case "for-update":
                    acquirer = new CheckThenAct(locks.target.connect("raw"), locks.table, " FOR UPDATE");
                    break;
                case "upsert":
                    acquirer = new ConditionalUpsert(locks.target.connect("raw"), locks.table);
                    break;
                default:
                    throw new IllegalArgumentException("variant must be naive-raw, naive-safe, upsert or for-update, not "
                            + locks.variant);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            acquirer.close();
        }
    }

    /** Per-second rates of how attempts ended, reported next to the attempts' throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes {
        public long won;
        public long held;
        public long raced;

        @Setup(Level.Iteration)
        public void reset() {
            won = 0;
            held = 0;
            raced = 0;
        }

        void count(Outcome outcome) {
            switch (outcome) {
                case WON -> won++;
                case HELD -> held++;
                case RACED -> raced++;
            }
        }
    }

    /** One acquisition attempt on a random lock, won or lost. */
    @Benchmark
    public Outcome acquire(Locks locks, Contender contender, Outcomes outcomes) throws SQLException {
        String lock = locks.ids[ThreadLocalRandom.current().nextInt(LOCKS)];
        Outcome outcome = contender.acquirer.acquire(lock, contender.owner, locks.clock.incrementAndGet());
        outcomes.count(outcome);
        return outcome;
    }
}

package dev.safejdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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
 * A guarded batch: one transaction reads {@value #ROWS} rows by key, then writes each back in one
 * JDBC batch of {@value #ROWS} UPDATEs of those keys, and commits (an ORM's flush with
 * {@code hibernate.jdbc.batch_size}). Through {@code jdbc:safe:} every entry is guarded: the batch runs
 * on the guarded form (one JDBC batch on SQLite and PostgreSQL), and each entry's count is checked
 * (every one is 1, checked here too).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class GuardedBatchBench {
    static final int ROWS = 50;

    @Param({Databases.SQLITE, Databases.POSTGRESQL})
    public String db;

    @Param({"raw", "safe"})
    public String variant;

    private Databases.Target target;
    private String table;
    private Connection connection;
    private PreparedStatement read;
    private PreparedStatement write;
    private final long[] values = new long[ROWS];
    private long round;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        target = Databases.Target.open(db, "batch");
        table = target.table("counters");
        connection = target.connect(variant);
        StringBuilder seed = new StringBuilder("INSERT INTO " + table + " (id, v) VALUES ");
        for (int id = 1; id <= ROWS; id++) {
            seed.append(id == 1 ? "" : ", ").append('(').append(id).append(", 0)");
        }
        Databases.execute(connection, "CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, v BIGINT NOT NULL)",
                seed.toString());
        connection.setAutoCommit(false);
        read = connection.prepareStatement("SELECT v FROM " + table + " WHERE id = ?");
        write = connection.prepareStatement("UPDATE " + table + " SET v = ? WHERE id = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        Databases.closeQuietly(read, write, connection);
        target.close(table);
    }

    /** One transaction: {@value #ROWS} keyed SELECTs, one batch of {@value #ROWS} UPDATEs of those keys, commit. */
    @Benchmark
    public long readThenBatchUpdate() throws SQLException {
        for (int i = 0; i < ROWS; i++) {
            read.setLong(1, i + 1);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("row " + (i + 1) + " is missing");
                }
                values[i] = rs.getLong(1);
            }
        }
        for (int i = 0; i < ROWS; i++) {
            write.setLong(1, values[i] + 1);
            write.setLong(2, i + 1);
            write.addBatch();
        }
        int[] counts = write.executeBatch();
        for (int i = 0; i < ROWS; i++) {
            if (counts[i] != 1) {
                throw new IllegalStateException("entry " + i + " of the batch wrote " + counts[i] + " rows, not 1");
            }
        }
        connection.commit();
        return ++round;
    }
}

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
 * Incident 001's lock acquisition as one transaction: read the lock row by its key, see that it
 * has expired, take it over with an UPDATE of the same key, commit. Through {@code jdbc:safe:} the
 * guard records the read and sends the UPDATE in its conditional form (compare-and-set on the
 * values read), so this is the guard's full path: analysis, capture, rewrite, verify.
 *
 * <p>Each invocation takes over the next of {@value #KEYS} locks and leaves it expired again, so
 * the guarded UPDATE always writes exactly one row (checked). The prepared statements are created
 * once per trial and reused.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class GuardedTransactionBench {
    static final int KEYS = 16;
    private static final String TYPE = "plan";

    @Param({Databases.SQLITE, Databases.POSTGRESQL})
    public String db;

    @Param({"raw", "safe"})
    public String variant;

    private Databases.Target target;
    private String table;
    private Connection connection;
    private PreparedStatement read;
    private PreparedStatement write;
    private final String[] ids = new String[KEYS];
    private final String[] owners = new String[KEYS];
    private int next;
    private long clock;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        target = Databases.Target.open(db, "locks");
        table = target.table("locks");
        connection = target.connect(variant);
        StringBuilder seed = new StringBuilder("INSERT INTO " + table
                + " (resource_type, resource_id, owner_id, expires_at) VALUES ");
        for (int i = 0; i < KEYS; i++) {
            ids[i] = "resource-" + i;
            owners[i] = "worker-" + i;
            seed.append(i == 0 ? "" : ", ").append("('").append(TYPE).append("', '").append(ids[i])
                    .append("', 'nobody', 0)");
        }
        Databases.execute(connection,
                "CREATE TABLE " + table + " (resource_type VARCHAR(40) NOT NULL, resource_id VARCHAR(40) NOT NULL,"
                        + " owner_id VARCHAR(40) NOT NULL, expires_at BIGINT NOT NULL,"
                        + " PRIMARY KEY (resource_type, resource_id))",
                seed.toString());
        connection.setAutoCommit(false);
        read = connection.prepareStatement(
                "SELECT owner_id, expires_at FROM " + table + " WHERE resource_type = ? AND resource_id = ?");
        write = connection.prepareStatement(
                "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        Databases.closeQuietly(read, write, connection);
        target.close(table);
    }

    /** One acquisition: SELECT the lock, find it expired, UPDATE it (1 row), commit. */
    @Benchmark
    public long acquireExpiredLock() throws SQLException {
        int i = next;
        next = (i + 1) % KEYS;
        long now = ++clock;
        read.setString(1, TYPE);
        read.setString(2, ids[i]);
        String holder;
        long expiresAt;
        try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("lock row " + ids[i] + " is missing");
            }
            holder = rs.getString(1);
            expiresAt = rs.getLong(2);
        }
        if (expiresAt >= now) {
            throw new IllegalStateException("lock " + ids[i] + " is still held by " + holder);
        }
        write.setString(1, owners[i]);
        write.setLong(2, now); // expires at once: the next round finds it expired again
        write.setString(3, TYPE);
        write.setString(4, ids[i]);
        int rows = write.executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("the UPDATE of " + ids[i] + " wrote " + rows + " rows, not 1");
        }
        connection.commit();
        return now;
    }
}

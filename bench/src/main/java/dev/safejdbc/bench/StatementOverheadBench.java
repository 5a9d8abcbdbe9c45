package dev.safejdbc.bench;

import java.sql.PreparedStatement;
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
 * The per-statement cost of the layer (issue 6, item 1): a prepared point SELECT by primary key
 * and a prepared single-row INSERT, in autocommit, through the raw driver, safe-jdbc with the
 * guard on and off, and two well-known JDBC proxies doing nothing (datasource-proxy without
 * listeners, p6spy with logging off). Statements are prepared once per trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class StatementOverheadBench {
    private static final long FIRST_INSERTED_ID = 1_000_000L;

    @Param({Databases.SQLITE, Databases.POSTGRESQL})
    public String db;

    @Param({"raw", "safe", "safe-guard-off", "datasource-proxy", "p6spy"})
    public String variant;

    private ItemsTrial trial;
    private PreparedStatement insert;
    private long nextId = FIRST_INSERTED_ID;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        trial = ItemsTrial.open(db, variant);
        insert = trial.prepare("INSERT INTO %s (id, name, amount) VALUES (?, ?, ?)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        trial.close(insert);
    }

    /** A point SELECT by primary key (cycling over the seeded rows), reading both columns. */
    @Benchmark
    public long pointSelect() throws SQLException {
        return trial.items.selectNext();
    }

    /** A single-row INSERT of a new key, committed (autocommit). */
    @Benchmark
    public int insert() throws SQLException {
        long id = nextId++;
        insert.setLong(1, id);
        insert.setString(2, "new");
        insert.setLong(3, id);
        int rows = insert.executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("INSERT wrote " + rows + " rows");
        }
        return rows;
    }
}

package dev.safejdbc.bench;

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
 * A list read: {@value #ROWS} rows found by a predicate that is not a key ({@code amount BETWEEN ? AND ?}),
 * every column of every row read, in autocommit. The result carries the table's primary key, so
 * safe-jdbc records each row the application reads (up to its bound), as it does for an ORM's list query.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ListReadBench {
    static final int ROWS = 100;

    @Param({Databases.SQLITE, Databases.POSTGRESQL})
    public String db;

    @Param({"raw", "safe", "safe-guard-off"})
    public String variant;

    private ItemsTrial trial;
    private PreparedStatement list;
    private int nextFirst;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        trial = ItemsTrial.open(db, variant);
        list = trial.prepare("SELECT id, name, amount FROM %s WHERE amount BETWEEN ? AND ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        trial.close(list);
    }

    /** The next window of {@value #ROWS} items by amount (each item's amount is ten times its id). */
    @Benchmark
    public long listRead() throws SQLException {
        int first = nextFirst + 1;
        nextFirst = (nextFirst + ROWS) % (ItemsTable.ROWS - ROWS);
        list.setLong(1, first * 10L);
        list.setLong(2, (first + ROWS - 1) * 10L);
        long sum = 0;
        int rows = 0;
        try (ResultSet rs = list.executeQuery()) {
            while (rs.next()) {
                sum += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3);
                rows++;
            }
        }
        if (rows != ROWS) {
            throw new IllegalStateException("the list read " + rows + " rows, not " + ROWS);
        }
        return sum;
    }
}

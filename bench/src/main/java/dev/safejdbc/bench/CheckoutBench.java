package dev.safejdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * A pool checkout and its return, nothing else: what {@link SafeDataSource} adds on its own path
 * (the nested-checkout check, the connections this thread holds, wrapping the connection) over a
 * HikariCP pool of 4 on PostgreSQL, against the pool itself ({@code raw}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class CheckoutBench {
    @Param({"raw", "safe"})
    public String variant;

    private HikariDataSource pool;
    private DataSource dataSource;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Databases.postgresUrl());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        pool = new HikariDataSource(config);
        dataSource = variant.equals("safe") ? SafeDataSource.wrap(pool) : pool;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** Take a connection from the pool and give it back. */
    @Benchmark
    public boolean checkoutAndReturn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getAutoCommit();
        }
    }
}

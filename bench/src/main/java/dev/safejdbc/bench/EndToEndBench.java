package dev.safejdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
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
 * A small application's unit of work, end to end through a HikariCP pool: take a connection,
 * read an account by its key, update its balance (the guarded write), insert a history row,
 * commit; then a keyed read-only query in autocommit; give the connection back. Each thread owns
 * its own accounts, so no update ever conflicts and every variant does the same work.
 *
 * <p>{@code db=postgresql}: a pool of 8, run with 4 threads ({@code -t 4}, the default here).
 * {@code db=sqlite-wal}: an SQLite file in WAL mode with {@code synchronous=NORMAL}, a pool of 2, run
 * with {@code -t 1}.
 * Variants: {@code raw} (the pool over the real driver), {@code safe} ({@code jdbc:safe:}),
 * {@code safe-guard-off}, {@code p6spy} ({@code jdbc:p6spy:}), {@code datasource-proxy} (its
 * {@code ProxyDataSource} over the raw pool, no listeners).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(4)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EndToEndBench {
    static final int ACCOUNTS_PER_THREAD = 16;
    private static final int MAX_THREADS = 16;

    @Param({"postgresql", "sqlite-wal"})
    public String db;

    @Param({"raw", "safe", "safe-guard-off", "p6spy", "datasource-proxy"})
    public String variant;

    private final AtomicInteger threads = new AtomicInteger();
    private String rawUrl;
    private Path sqliteFile;
    private String accounts;
    private String history;
    private HikariDataSource pool;
    private DataSource source;

    /** One benchmark thread's accounts and its turn among them. */
    @State(Scope.Thread)
    public static class Worker {
        int first;
        int next;

        @Setup(Level.Trial)
        public void pickAccounts(EndToEndBench bench) {
            first = bench.threads.getAndIncrement() % MAX_THREADS * ACCOUNTS_PER_THREAD;
        }

        int account() {
            next = (next + 1) % ACCOUNTS_PER_THREAD;
            return first + next;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException, IOException {
        boolean postgres = db.equals("postgresql");
        if (postgres) {
            rawUrl = Databases.postgresUrl();
        } else if (db.equals("sqlite-wal")) {
            sqliteFile = Files.createTempFile("safe-jdbc-e2e", ".db");
            // synchronous=NORMAL, WAL's usual setting: a commit no longer waits for the disk's flush
            // (about 1 ms here, 15 times the unit's JDBC work, and it varies from minute to minute)
            rawUrl = "jdbc:sqlite:" + sqliteFile + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=5000";
        } else {
            throw new IllegalArgumentException("db must be postgresql or sqlite-wal, not " + db);
        }
        accounts = Databases.unique("e2e_accounts");
        history = Databases.unique("e2e_history");
        try (Connection setup = DriverManager.getConnection(rawUrl)) {
            StringBuilder seed = new StringBuilder("INSERT INTO " + accounts + " (id, owner, balance) VALUES ");
            for (int id = 0; id < MAX_THREADS * ACCOUNTS_PER_THREAD; id++) {
                seed.append(id == 0 ? "" : ", ").append('(').append(id).append(", 'owner-").append(id).append("', 0)");
            }
            Databases.execute(setup,
                    "CREATE TABLE " + accounts + " (id INTEGER PRIMARY KEY, owner VARCHAR(40) NOT NULL,"
                            + " balance BIGINT NOT NULL)",
                    "CREATE TABLE " + history + " (id " + (postgres ? "BIGSERIAL" : "INTEGER") + " PRIMARY KEY,"
                            + " account_id INTEGER NOT NULL, amount BIGINT NOT NULL)",
                    seed.toString());
        }
        pool = pool(postgres ? 8 : 2, postgres);
        source = variant.equals("datasource-proxy") ? ProxyDataSourceBuilder.create(pool).name("bench").build() : pool;
    }

    /** The SQLite file, or null on PostgreSQL. */
    Path sqliteFile() {
        return sqliteFile;
    }

    /** The data source each unit of work takes its connection from. */
    DataSource source() {
        return source;
    }

    private HikariDataSource pool(int size, boolean postgres) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        if (postgres) {
            config.setConnectionInitSql("SET synchronous_commit TO off"); // the JDBC path, not this disk's flush
        }
        switch (variant) {
            case "raw", "datasource-proxy" -> config.setJdbcUrl(rawUrl);
            case "safe" -> config.setJdbcUrl(Databases.safe(rawUrl));
            case "safe-guard-off" -> {
                config.setJdbcUrl(Databases.safe(rawUrl));
                config.addDataSourceProperty("safe.guard", "off");
            }
            case "p6spy" -> config.setJdbcUrl(Databases.p6spy(rawUrl));
            default -> throw new IllegalArgumentException("unknown variant " + variant
                    + ": expected raw, safe, safe-guard-off, p6spy or datasource-proxy");
        }
        return new HikariDataSource(config);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        pool.close();
        try (Connection c = DriverManager.getConnection(rawUrl)) {
            Databases.execute(c, "DROP TABLE " + history, "DROP TABLE " + accounts);
        }
        if (sqliteFile != null) {
            Files.deleteIfExists(sqliteFile);
            Files.deleteIfExists(Path.of(sqliteFile + "-wal"));
            Files.deleteIfExists(Path.of(sqliteFile + "-shm"));
        }
    }

    /** One unit of work: the transaction, then the read-only query. */
    @Benchmark
    public long unitOfWork(Worker worker) throws SQLException {
        int id = worker.account();
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            long balance;
            try (PreparedStatement read = c.prepareStatement("SELECT owner, balance FROM " + accounts + " WHERE id = ?")) {
                read.setInt(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    balance = rs.getLong(2);
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE " + accounts + " SET balance = ? WHERE id = ?")) {
                update.setLong(1, balance + 1);
                update.setInt(2, id);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the update of account " + id + " changed no row");
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + history + " (account_id, amount) VALUES (?, ?)")) {
                insert.setInt(1, id);
                insert.setLong(2, 1);
                insert.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (PreparedStatement query = c.prepareStatement("SELECT balance FROM " + accounts + " WHERE id = ?")) {
                query.setInt(1, worker.account());
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return balance + rs.getLong(1);
                }
            }
        }
    }
}

package dev.safejdbc.bench;

import dev.safejdbc.junit.Exploration;
import dev.safejdbc.junit.Interleaver;
import dev.safejdbc.junit.Run;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * How fast the interleaving harness explores, on PostgreSQL: two callers of the README's lock service, which
 * takes a connection per call from a HikariCP pool over {@code jdbc:safe:} (read, write, commit: three steps
 * each; the pool's checkouts are its own), with the guard off (the race shows) and on; and two such transactions
 * on unrelated tables (where the reduction pays), each also with every order run. Prints, per shape, the
 * schedules run, the orders they stand for, the failing schedules and the median time per schedule over the
 * rounds. The reset runs through the same pool, as the README example's does. Not a JMH benchmark: one
 * exploration is the unit.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.safejdbc.bench.HarnessSpeed [rounds]</pre>
 */
public final class HarnessSpeed {
    private final String url = "jdbc:safe:" + Databases.postgresUrl().substring("jdbc:".length());
    /** The guard is an option of a connection, read when the pool opens it: one pool each way. */
    private final HikariDataSource guarded = pool(url, "on");
    private final HikariDataSource unguarded = pool(url, "off");
    private final String locks = Databases.unique("harness_speed_locks");
    private final String other = Databases.unique("harness_speed_other");

    private HarnessSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        HarnessSpeed bench = new HarnessSpeed();
        bench.create();
        try {
            bench.measure("lock service, guard off", rounds, bench.lockService(bench.unguarded));
            bench.measure("lock service, guard on", rounds, bench.lockService(bench.guarded));
            bench.measure("lock service, guard off, every order", rounds,
                    bench.lockService(bench.unguarded).everyOrder());
            bench.measure("unrelated tables", rounds, bench.unrelatedTables());
            bench.measure("unrelated tables, every order", rounds, bench.unrelatedTables().everyOrder());
        } finally {
            bench.drop();
            bench.guarded.close();
            bench.unguarded.close();
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String guard) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.addDataSourceProperty("safe.guard", guard);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private void measure(String shape, int rounds, Interleaver harness) throws Exception {
        List<Double> perSchedule = new ArrayList<>();
        Exploration last = null;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            last = harness.exploreAll();
            perSchedule.add((System.nanoTime() - start) / 1e6 / last.explored());
        }
        Collections.sort(perSchedule);
        System.out.printf("%-40s %4d schedules of %5s orders, %2d failing, %6.1f ms per schedule (median of %d;"
                + " %.1f-%.1f)%n", shape, last.explored(), last.orders(), last.failures().size(),
                perSchedule.get(rounds / 2), rounds, perSchedule.get(0), perSchedule.get(rounds - 1));
        System.out.println("  failing: " + last.failingSchedules());
    }

    private Interleaver lockService(DataSource pool) {
        return Interleaver.of(() -> acquire(pool, locks, "owner-a"), () -> acquire(pool, locks, "owner-b"))
                .reset(() -> execute(pool, "UPDATE " + locks + " SET owner_id = 'nobody', expires_at = 0"))
                .invariant(run -> holdersAtMostOne(run));
    }

    private Interleaver unrelatedTables() {
        return Interleaver.of(() -> acquire(guarded, locks, "owner-a"), () -> acquire(guarded, other, "owner-b"))
                .reset(() -> {
                    execute(guarded, "UPDATE " + locks + " SET owner_id = 'nobody', expires_at = 0");
                    execute(guarded, "UPDATE " + other + " SET owner_id = 'nobody', expires_at = 0");
                });
    }

    /** The naive lock service of incident 001: read the lock, decide in Java, write, commit. */
    private static boolean acquire(DataSource pool, String table, String owner) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT owner_id, expires_at FROM " + table + " WHERE name = ?")) {
                read.setString(1, "job");
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next() && rs.getLong("expires_at") > 0) {
                        c.rollback();
                        return false;
                    }
                }
            }
            try (PreparedStatement write = c.prepareStatement(
                    "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE name = ?")) {
                write.setString(1, owner);
                write.setLong(2, 1);
                write.setString(3, "job");
                write.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            if ("40001".equals(e.getSQLState())) {
                return false; // the pool rolls the transaction back on its way back
            }
            throw e;
        }
    }

    private static void holdersAtMostOne(Run run) {
        int holders = 0;
        for (char task = 'A'; task < 'A' + run.tasks(); task++) {
            holders += Boolean.TRUE.equals(run.result(task)) ? 1 : 0;
        }
        if (holders > 1) {
            throw new AssertionError(holders + " holders");
        }
    }

    private void create() throws SQLException {
        for (String table : List.of(locks, other)) {
            execute(guarded, "CREATE TABLE " + table + " (name TEXT PRIMARY KEY, owner_id TEXT NOT NULL, expires_at BIGINT NOT NULL)");
            execute(guarded, "INSERT INTO " + table + " VALUES ('job', 'nobody', 0)");
        }
    }

    private void drop() throws SQLException {
        execute(guarded, "DROP TABLE IF EXISTS " + locks + ", " + other);
    }

    /** Runs {@code sql} on a connection of {@code pool}, as the README example's reset does (no fresh connect). */
    private static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

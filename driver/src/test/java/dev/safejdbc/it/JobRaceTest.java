package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incident 003 on PostgreSQL: a job's progress updated read-modify-write by eight workers, and a
 * job completed twice by two workers that both read RUNNING. The first increment of every worker
 * waits at a barrier until all have read, so the raw driver loses updates on every run.
 */
class JobRaceTest {
    private static final int WORKERS = 8;
    /** Enough for every worker to lose and retry many times; more only lengthens the 40001 retry storm under load. */
    private static final int INCREMENTS = 50;

    private String url;
    private String table;
    private ExecutorService pool;

    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:" + TestDatabases.postgres();
        table = TestDatabases.unique("jobs");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL,"
                    + " progress INT NOT NULL, result TEXT)");
            s.execute("INSERT INTO " + table + " VALUES (1, 'RUNNING', 0, NULL)");
        }
        pool = Executors.newFixedThreadPool(WORKERS);
    }

    @AfterEach
    void tearDown() throws SQLException {
        pool.shutdownNow();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void rawLosesProgressUpdates() throws Exception {
        assertThat(incrementEverywhere(url)).isLessThan(WORKERS * INCREMENTS);
    }

    @Test
    void safeKeepsEveryProgressUpdate() throws Exception {
        assertThat(incrementEverywhere("jdbc:safe:" + url.substring(5))).isEqualTo(WORKERS * INCREMENTS);
    }

    @Test
    void rawDoubleCompletionLetsBothWorkersWin() throws Exception {
        assertThat(completeTwice(url)).containsExactly(true, true);
    }

    @Test
    void safeDoubleCompletionHasExactlyOneWinnerWhoseResultSurvives() throws Exception {
        List<Boolean> won = completeTwice("jdbc:safe:" + url.substring(5));
        assertThat(won).containsExactlyInAnyOrder(true, false);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT result FROM " + table + " WHERE id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("result-" + won.indexOf(true));
        }
    }

    /** Every worker adds INCREMENTS, retrying on 40001; returns the final progress. */
    private int incrementEverywhere(String jdbcUrl) throws Exception {
        CyclicBarrier allRead = new CyclicBarrier(WORKERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                    c.setAutoCommit(false);
                    CyclicBarrier[] firstAttempt = {allRead}; // only the very first read waits for the others
                    for (int i = 0; i < INCREMENTS; i++) {
                        retryOnConflict(c, () -> {
                            CyclicBarrier barrier = firstAttempt[0];
                            firstAttempt[0] = null;
                            increment(c, barrier);
                        });
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT progress FROM " + table + " WHERE id = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void increment(Connection c, CyclicBarrier allRead) throws Exception {
        int progress;
        try (PreparedStatement read = c.prepareStatement("SELECT progress FROM " + table + " WHERE id = ?")) {
            read.setInt(1, 1);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                progress = rs.getInt(1);
            }
        }
        if (allRead != null) {
            allRead.await(Await.SECONDS, TimeUnit.SECONDS);
        }
        try (PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET progress = ? WHERE id = ?")) {
            write.setInt(1, progress + 1);
            write.setInt(2, 1);
            write.executeUpdate();
        }
        c.commit();
    }

    /** Two workers read RUNNING, then both complete the job with their own result. */
    private List<Boolean> completeTwice(String jdbcUrl) throws Exception {
        JobCompletion jobs = new JobCompletion(table);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String result = "result-" + w;
            outcomes.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                    c.setAutoCommit(false);
                    return jobs.complete(c, 1, result, () -> {
                        try {
                            bothRead.await(Await.SECONDS, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("the workers never both read", e);
                        }
                    });
                }
            }));
        }
        List<Boolean> won = new ArrayList<>();
        for (Future<Boolean> outcome : outcomes) {
            won.add(outcome.get(Await.SECONDS, TimeUnit.SECONDS));
        }
        return won;
    }

    @FunctionalInterface
    interface Attempt {
        void run() throws Exception;
    }

    private static void retryOnConflict(Connection c, Attempt attempt) throws Exception {
        while (true) {
            try {
                attempt.run();
                return;
            } catch (SQLException e) {
                c.rollback();
                if (!"40001".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}

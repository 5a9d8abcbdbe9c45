package dev.safejdbc.examples;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Incident 003: a JPA-style repository (load the entity, change it in Java, save every column by
 * id) used by workers that report a job's progress. Two workers that load the same version of
 * the job both save it, and one increment is lost. Through {@code jdbc:safe:} the save is
 * conditional on the row as loaded; the loser gets SQLState 40001 and retries, and no update is
 * lost. The first save of every worker waits until all have loaded, so the race is real.
 */
public final class JobRepositoryExample {
    static final int WORKERS = 4;
    static final int INCREMENTS = 25;

    /** The entity, as an ORM would map it. */
    static final class Job {
        final int id;
        String status;
        int progress;

        Job(int id, String status, int progress) {
            this.id = id;
            this.status = status;
            this.progress = progress;
        }
    }

    /** findById and save, the way a repository writes them: every column, by id. */
    static final class JobRepository {
        private final Connection connection;

        JobRepository(Connection connection) {
            this.connection = connection;
        }

        Job findById(int id) throws SQLException {
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT id, status, progress FROM jobs WHERE id = ?")) {
                find.setInt(1, id);
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? new Job(row.getInt("id"), row.getString("status"), row.getInt("progress")) : null;
                }
            }
        }

        void save(Job job) throws SQLException {
            try (PreparedStatement save = connection.prepareStatement(
                    "UPDATE jobs SET status = ?, progress = ? WHERE id = ?")) {
                save.setString(1, job.status);
                save.setInt(2, job.progress);
                save.setInt(3, job.id);
                save.executeUpdate();
            }
        }
    }

    private final DemoDatabase database;

    JobRepositoryExample(DemoDatabase database) {
        this.database = database;
    }

    Tally raw() throws Exception {
        return progressReports(database.rawUrl("jobs"));
    }

    Tally safe() throws Exception {
        return progressReports(database.safeUrl("jobs"));
    }

    /** Anomalies: increments lost. Errors: saves refused with 40001 (each then retried). */
    private Tally progressReports(String url) throws Exception {
        Tally.Clock clock = Tally.start();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try (HikariDataSource pool = DemoDatabase.pool(url, WORKERS + 1)) {
            database.execute(pool, "DROP TABLE IF EXISTS jobs",
                    "CREATE TABLE jobs (id INT PRIMARY KEY, status VARCHAR(20), progress INT)",
                    "INSERT INTO jobs VALUES (1, 'RUNNING', 0)");
            CyclicBarrier allLoaded = new CyclicBarrier(WORKERS);
            List<Future<Integer>> retries = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                retries.add(workers.submit(() -> reportProgress(pool, allLoaded)));
            }
            int conflicts = 0;
            for (Future<Integer> worker : retries) {
                conflicts += worker.get(60, TimeUnit.SECONDS);
            }
            try (Connection check = pool.getConnection()) {
                int progress = new JobRepository(check).findById(1).progress;
                return clock.stop(WORKERS * INCREMENTS - progress, conflicts);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** One worker: INCREMENTS progress reports, each retried on 40001; returns how many retries. */
    private int reportProgress(DataSource pool, CyclicBarrier allLoaded) throws Exception {
        int conflicts = 0;
        CyclicBarrier firstSave = allLoaded;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(!database.transactional());
            JobRepository jobs = new JobRepository(connection);
            for (int i = 0; i < INCREMENTS; i++) {
                while (true) {
                    try {
                        Job job = jobs.findById(1);
                        job.progress++;
                        if (firstSave != null) {
                            firstSave.await(Bounded.SECONDS, TimeUnit.SECONDS);
                            firstSave = null;
                        }
                        jobs.save(job);
                        if (database.transactional()) {
                            connection.commit();
                        }
                        break;
                    } catch (SQLException e) {
                        if (database.transactional()) {
                            connection.rollback();
                        }
                        if (!LockServiceExample.CONFLICT.equals(e.getSQLState())) {
                            throw e;
                        }
                        conflicts++;
                    }
                }
            }
        }
        return conflicts;
    }

}

package dev.safejdbc.boot;

import com.example.shop.Job;
import com.example.shop.JobRepository;
import com.example.shop.JobService;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Incident 003 in a Spring Data JPA application on PostgreSQL: two workers load job 1, one saves
 * its increment, then the other saves its own. The interleaving is forced with latches, every
 * wait bounded. The subclasses start the same application raw and with the starter.
 */
abstract class JpaRace {
    /** A schema of its own, so that other test runs on the same server never see these tables. */
    private static final String SCHEMA = "safe_boot_" + ProcessHandle.current().pid();

    @Autowired
    JobService jobService;
    @Autowired
    JobRepository jobs;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void postgresIsReachable() {
        PostgresUrl.reachable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", PostgresUrl::configured);
        properties.add("spring.jpa.properties.hibernate.default_schema", () -> SCHEMA);
        properties.add("spring.jpa.properties.hibernate.hbm2ddl.create_namespaces", () -> "true");
        properties.add("spring.jpa.hibernate.ddl-auto", () -> "create-drop");
        properties.add("spring.flyway.enabled", () -> "false"); // the schema is Hibernate's here
    }

    @BeforeEach
    void jobOneAtZero() {
        jobs.deleteAll();
        jobs.save(new Job(1L, "RUNNING", 0));
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** What became of the two workers: each one's failure (null: it saved), and the job's progress after. */
    record Outcome(Throwable first, Throwable second, long progress) {
    }

    /** The first worker loads, the second loads and saves, then the first saves. */
    Outcome race() throws Exception {
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CountDownLatch firstProceeds = new CountDownLatch(1);
        Future<?> first = workers.submit(() -> {
            jobService.advance(1, firstLoaded, firstProceeds);
            return null;
        });
        await(firstLoaded);
        Future<?> second = workers.submit(() -> {
            jobService.advance(1, new CountDownLatch(1), new CountDownLatch(0));
            return null;
        });
        Throwable secondFailure = failureOf(second);
        firstProceeds.countDown();
        Throwable firstFailure = failureOf(first);
        return new Outcome(firstFailure, secondFailure, jobService.progressOf(1));
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("a worker did not get to its load within 10 s");
        }
    }

    private static Throwable failureOf(Future<?> worker) throws Exception {
        try {
            worker.get(20, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    /** The SQLState of the first SQLException in {@code failure}'s causes, or null. */
    static String sqlStateOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}

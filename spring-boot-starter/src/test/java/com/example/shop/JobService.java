package com.example.shop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a job, advances it, saves it: the lost update of incident 003 when two workers race. */
@Service
public class JobService {
    private final JobRepository jobs;

    public JobService(JobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Advances job {@code id}; between the load and the save it signals {@code loaded} and waits
     * for {@code proceed}, so that a test can let another worker run in between.
     */
    @Transactional
    public void advance(long id, CountDownLatch loaded, CountDownLatch proceed) throws InterruptedException {
        Job job = jobs.findById(id).orElseThrow();
        loaded.countDown();
        if (!proceed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let this worker proceed");
        }
        job.advance();
        jobs.saveAndFlush(job);
    }

    @Transactional(readOnly = true)
    public long progressOf(long id) {
        return jobs.findById(id).orElseThrow().getProgress();
    }
}

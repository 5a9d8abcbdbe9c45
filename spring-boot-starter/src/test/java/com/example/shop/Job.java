package com.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A job whose progress workers advance: incident 003's entity. */
@Entity
@Table(name = "jobs")
public class Job {
    @Id
    private Long id;
    private String status;
    private long progress;

    protected Job() {
    }

    public Job(Long id, String status, long progress) {
        this.id = id;
        this.status = status;
        this.progress = progress;
    }

    public Long getId() {
        return id;
    }

    public long getProgress() {
        return progress;
    }

    public void advance() {
        progress++;
    }
}

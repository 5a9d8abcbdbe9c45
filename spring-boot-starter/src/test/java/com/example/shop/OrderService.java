package com.example.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts a job and audits it: the audit line runs in its own transaction (REQUIRES_NEW). */
@Service
public class OrderService {
    private final JdbcTemplate jdbc;
    private final AuditService audit;

    public OrderService(JdbcTemplate jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void start(long job) {
        jdbc.update("UPDATE jobs SET status = 'STARTED' WHERE id = ?", job);
        audit.record("job " + job + " started");
    }
}

package com.example.shop;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a lock over when it has expired: incident 001's check-then-act, written with JdbcTemplate. */
@Service
public class LockService {
    private final JdbcTemplate jdbc;

    public LockService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public boolean acquire(String resource, String owner, long now) {
        List<Long> expiresAt = jdbc.queryForList("SELECT expires_at FROM locks WHERE resource_id = ?", Long.class,
                resource);
        if (!expiresAt.isEmpty() && expiresAt.get(0) >= now) {
            return false;
        }
        jdbc.update("UPDATE locks SET owner_id = ?, expires_at = ? WHERE resource_id = ?", owner, now + 60, resource);
        return true;
    }
}

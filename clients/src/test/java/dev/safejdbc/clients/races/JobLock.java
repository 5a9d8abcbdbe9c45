package dev.safejdbc.clients.races;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Incident 001's lock row as a JPA entity with no {@code @Version}, its expiry an {@link Instant} (which
 * Hibernate binds with {@code setTimestamp(i, ts, Calendar)} under {@code hibernate.jdbc.time_zone}).
 */
@Entity
@Table(name = "job_locks")
public class JobLock {
    @Id
    @Column(name = "resource_id", length = 40)
    private String resourceId;
    @Column(name = "owner_id", length = 40)
    private String ownerId;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected JobLock() {
    }

    public JobLock(String resourceId, String ownerId, Instant expiresAt) {
        this.resourceId = resourceId;
        this.ownerId = ownerId;
        this.expiresAt = expiresAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Takes the lock over for {@code owner} until {@code expiresAt}. */
    public void takeOver(String owner, Instant until) {
        this.ownerId = owner;
        this.expiresAt = until;
    }
}

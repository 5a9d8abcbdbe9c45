package dev.safejdbc.clients.races;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;

/**
 * Incident 001's lock row as an entity: looked up by its resource (a {@code @NaturalId}, unique), written
 * back by its id. No {@code @Version}.
 */
@Entity
@Table(name = "resource_locks")
public class ResourceLock {
    @Id
    private Long id;
    @NaturalId
    private String resource;
    private String owner;
    private long expiresAt;

    protected ResourceLock() {
    }

    public ResourceLock(Long id, String resource) {
        this.id = id;
        this.resource = resource;
    }

    /** Takes the lock for {@code owner} until {@code until} if it is free or its time is up; whether it did. */
    public boolean takeIfFree(String newOwner, long now, long until) {
        if (owner != null && expiresAt > now) {
            return false;
        }
        owner = newOwner;
        expiresAt = until;
        return true;
    }
}

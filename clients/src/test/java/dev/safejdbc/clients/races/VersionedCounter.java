package dev.safejdbc.clients.races;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A counter with {@code @Version}: Hibernate's writes carry their own condition, left as written. */
@Entity
@Table(name = "versioned_counters")
public class VersionedCounter {
    @Id
    private Integer id;
    private int v;
    @Version
    private int version;

    protected VersionedCounter() {
    }

    public VersionedCounter(Integer id) {
        this.id = id;
    }

    public int getV() {
        return v;
    }

    public void setV(int v) {
        this.v = v;
    }
}

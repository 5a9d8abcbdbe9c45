package dev.safejdbc.clients.races;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A counter with a default (EAGER) {@code @ManyToOne} and no {@code @Version}: {@code find} reads it with a
 * left join of its owner, so the read names the counter's row by no key of its own WHERE alone.
 */
@Entity
@Table(name = "counters")
public class OwnedCounter {
    @Id
    private Integer id;
    @ManyToOne
    private Owner owner;
    private int v;

    protected OwnedCounter() {
    }

    public OwnedCounter(Integer id, Owner owner) {
        this.id = id;
        this.owner = owner;
    }

    public Owner getOwner() {
        return owner;
    }

    public int getV() {
        return v;
    }

    public void setV(int v) {
        this.v = v;
    }
}

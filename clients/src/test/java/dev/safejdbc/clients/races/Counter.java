package dev.safejdbc.clients.races;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A counter row as a JPA entity with no {@code @Version}: Hibernate writes it back as read plus one. */
@Entity
@Table(name = "counters")
public class Counter {
    @Id
    private Integer id;
    private int v;

    protected Counter() {
    }

    public int getV() {
        return v;
    }

    public void setV(int v) {
        this.v = v;
    }
}

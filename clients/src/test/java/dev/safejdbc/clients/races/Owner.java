package dev.safejdbc.clients.races;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The owner a counter refers to: Hibernate joins it in when it finds the counter. */
@Entity
@Table(name = "owners")
public class Owner {
    @Id
    private Integer id;
    private String name;

    protected Owner() {
    }

    public Owner(Integer id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }
}

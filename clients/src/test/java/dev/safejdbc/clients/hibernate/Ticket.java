package dev.safejdbc.clients.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** An entity whose ids come from a table, one at a time: every persist fetches an id in isolated work. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ticket_ids")
    @TableGenerator(name = "ticket_ids", allocationSize = 1)
    private Long id;

    private String title;

    protected Ticket() {
    }

    Ticket(String title) {
        this.title = title;
    }

    Long id() {
        return id;
    }
}

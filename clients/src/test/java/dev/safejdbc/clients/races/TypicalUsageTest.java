package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One thread, nothing racing: the shapes the guard now records (Hibernate's joined {@code find}, its
 * {@code @NaturalId} lookup, list queries; a queue claim with {@code JdbcTemplate}) run through
 * {@code jdbc:safe:} on PostgreSQL with no error and no finding. (Each library's increment on every database:
 * {@code LostUpdateRaceTest}; a {@code @Version} entity's SQL: {@code VersionedStatementsTest}.)
 */
class TypicalUsageTest {
    private final String schema = TestDatabases.unique("usage");
    private String url;

    @BeforeEach
    void createTables() throws SQLException {
        execute("jdbc:" + TestDatabases.postgres(), "CREATE SCHEMA " + schema);
        url = "jdbc:" + TestDatabases.postgres() + "&currentSchema=" + schema;
        execute(url, "CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
        execute(url, "CREATE TABLE counters (id INT PRIMARY KEY, v INT NOT NULL, owner_id INT)");
        execute(url, "CREATE TABLE resource_locks (id BIGINT PRIMARY KEY, resource VARCHAR(40) NOT NULL UNIQUE,"
                + " owner VARCHAR(40), expiresAt BIGINT NOT NULL)");
        execute(url, "CREATE TABLE queue (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, claimed_by VARCHAR(40))");
        execute(url, "INSERT INTO queue SELECT g, 'PENDING', NULL FROM generate_series(1, 20) g");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("jdbc:" + TestDatabases.postgres(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void hibernateAndJdbcTemplateRunWithoutErrorOrFinding() throws Exception {
        List<Finding> findings = new CopyOnWriteArrayList<>();
        try (AutoCloseable listening = Findings.listen(findings::add);
                HikariDataSource pool = Pools.hikari("jdbc:safe:" + url.substring("jdbc:".length()), 2, 10_000)) {
            SessionFactory sessions = ClaimRaceTest.hibernate(pool, OwnedCounter.class, Owner.class,
                    ResourceLock.class);
            sessions.inTransaction(session -> {
                Owner ann = new Owner(1, "ann");
                session.persist(ann);
                for (int id = 1; id <= 10; id++) {
                    session.persist(new OwnedCounter(id, ann));
                }
                session.persist(new ResourceLock(1L, "res"));
            });
            for (int i = 0; i < 20; i++) {
                int id = 1 + i % 10;
                sessions.inTransaction(session -> {
                    OwnedCounter counter = session.find(OwnedCounter.class, id);
                    assertThat(counter.getOwner().getName()).isEqualTo("ann");
                    counter.setV(counter.getV() + 1);
                });
                sessions.inTransaction(session -> session.createSelectionQuery(
                        "from OwnedCounter c where c.v >= 0 order by c.id", OwnedCounter.class).getResultList()
                        .forEach(counter -> counter.setV(counter.getV() + 1)));
                long now = i * 1_000L;
                String me = "me" + i;
                boolean took = sessions.fromTransaction(session ->
                        session.bySimpleNaturalId(ResourceLock.class).load("res").takeIfFree(me, now, now + 500));
                assertThat(took).as("the lock's time is up each time").isTrue();
            }
            sessions.inTransaction(session -> session.remove(session.find(OwnedCounter.class, 10)));
            sessions.close();

            JdbcTemplate jdbc = new JdbcTemplate(pool);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            for (int i = 0; i < 20; i++) {
                tx.executeWithoutResult(status -> {
                    Integer job = jdbc.queryForObject("SELECT id, status FROM queue WHERE status = 'PENDING'"
                            + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", (rs, row) -> rs.getInt(1));
                    assertThat(jdbc.update("UPDATE queue SET status = 'DONE' WHERE id = ?", job)).isEqualTo(1);
                });
            }
        }
        assertThat(count("SELECT sum(v) FROM counters")).isEqualTo(20 + 20 * 10 - (2 + 20)); // less the removed one's
        assertThat(count("SELECT count(*) FROM queue WHERE status = 'PENDING'")).isZero();
        assertThat(findings).isEmpty();
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

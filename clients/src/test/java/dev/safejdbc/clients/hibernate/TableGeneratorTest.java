package dev.safejdbc.clients.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import dev.safejdbc.junit.SafeJdbcTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate 7's {@code @GeneratedValue(strategy = TABLE)} fetches each id in "isolated work": a
 * transaction of its own on a second connection, while the session's transaction is open on the
 * first. Refused by {@code safe.nested=strict} (the old rule, shown first), it must run unchanged
 * through {@code jdbc:safe:} and {@code SafeDataSource}, after other statements in the transaction.
 */
@SafeJdbcTest
class TableGeneratorTest {
    private final String url = "jdbc:" + TestDatabases.postgres();
    private final String schema = TestDatabases.unique("hibernate");

    @BeforeEach
    void createSchema() throws SQLException {
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    @SafeJdbcTest(expect = FindingKind.NESTED_SESSION)
    void theStrictRuleBreaksTableIdGeneration() throws Exception {
        Properties strict = new Properties();
        strict.setProperty("safe.nested", "strict");
        try (HikariDataSource pool = Pools.hikari(url, 4, 2000)) {
            DataSource safe = SafeDataSource.wrap(pool, strict);
            try (SessionFactory sessions = sessionFactory(settings -> settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, safe))) {
                assertThatThrownBy(() -> persistAfterAQuery(sessions)).rootCause()
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"));
            }
        }
    }

    @Test
    void tableIdsAfterOtherStatementsThroughSafeDataSource() throws Exception {
        try (HikariDataSource pool = Pools.hikari(url, 4, 2000)) {
            DataSource safe = SafeDataSource.wrap(pool);
            try (SessionFactory sessions = sessionFactory(settings -> settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, safe))) {
                assertIdsAreFetchedAndRowsWritten(sessions);
            }
        }
    }

    @Test
    void tableIdsAfterOtherStatementsThroughTheSafeUrlAndHibernatesOwnPool() throws Exception {
        try (SessionFactory sessions = sessionFactory(settings -> {
            settings.put(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:safe:" + url.substring("jdbc:".length()));
            settings.put(AvailableSettings.POOL_SIZE, "4");
        })) {
            assertIdsAreFetchedAndRowsWritten(sessions);
        }
    }

    private void assertIdsAreFetchedAndRowsWritten(SessionFactory sessions) {
        List<Long> ids = persistAfterAQuery(sessions);
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSize(3);
        long rows = sessions.fromTransaction(session ->
                session.createSelectionQuery("select count(t) from Ticket t", Long.class).getSingleResult());
        assertThat(rows).isEqualTo(3);
    }

    /** The shape that broke: a statement first, then each persist fetches its id on a second connection. */
    private static List<Long> persistAfterAQuery(SessionFactory sessions) {
        return sessions.fromTransaction(session -> {
            session.createSelectionQuery("select count(t) from Ticket t", Long.class).getSingleResult();
            List<Ticket> tickets = Stream.of("a", "b", "c").map(Ticket::new).toList();
            tickets.forEach(session::persist);
            session.flush();
            return tickets.stream().map(Ticket::id).toList();
        });
    }

    private SessionFactory sessionFactory(java.util.function.Consumer<Properties> connection) {
        Configuration configuration = new Configuration().addAnnotatedClass(Ticket.class);
        Properties settings = configuration.getProperties();
        settings.put(AvailableSettings.DEFAULT_SCHEMA, schema);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.put(AvailableSettings.SHOW_SQL, "false");
        connection.accept(settings);
        return configuration.buildSessionFactory();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.database.Database;
import dev.safejdbc.jdbc.SafeConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The guard's state is kept per {@link Database} (issue 12): the key catalog and the statement memos of
 * one database are its own, so DDL on one database leaves what another knows alone.
 */
class PerDatabaseStateTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Test
    void ddlOnOneDatabaseLeavesAnothersKeyCatalogAlone() throws SQLException {
        try (Connection a = open(); Connection b = open()) {
            KeyCatalog catalogA = catalogOf(a);
            KeyCatalog catalogB = catalogOf(b);
            assertThat(catalogA).as("each database keeps its own catalog").isNotSameAs(catalogB);
            readByKey(a);
            readByKey(b);
            long generationA = catalogA.generation();
            long generationB = catalogB.generation();

            try (Statement ddl = a.createStatement()) {
                ddl.execute("CREATE TABLE other (id INT PRIMARY KEY)");
            }

            assertThat(catalogA.generation()).as("DDL on a: a's keys are read again").isGreaterThan(generationA);
            assertThat(catalogB.generation()).as("DDL on a: b's keys stand").isEqualTo(generationB);
        }
    }

    @Test
    void statementMemosAreKeptPerDatabase() {
        Database a = Database.named("memo-a-" + NAMES.incrementAndGet(), "h2");
        Database b = Database.named("memo-b-" + NAMES.incrementAndGet(), "h2");
        String sql = "SELECT name FROM items WHERE id = ?";

        assertThat(StatementMemo.of(a, sql)).as("one text on one database: one memo").isSameAs(StatementMemo.of(a, sql))
                .as("the same text on another database: another memo").isNotSameAs(StatementMemo.of(b, sql));
    }

    @Test
    void oneIdentityIsOneDatabase() {
        String identity = "interned-" + NAMES.incrementAndGet();
        assertThat(Database.named(identity, "h2")).isSameAs(Database.named(identity, "h2"));
    }

    /** A database of its own with a keyed table {@code t}. */
    private static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:safe:h2:mem:perdb" + NAMES.incrementAndGet());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
            s.execute("INSERT INTO t VALUES (1, 'one')");
        }
        return c;
    }

    /** A keyed read: the guard reads {@code t}'s keys into its database's catalog. */
    private static void readByKey(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT name FROM t WHERE id = ?")) {
            read.setInt(1, 1);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private static KeyCatalog catalogOf(Connection c) throws SQLException {
        return c.unwrap(SafeConnection.class).database().state(KeyCatalog.OF_DATABASE);
    }
}

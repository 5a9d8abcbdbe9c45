package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safejdbc.error.GuardConflictException;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-column key is named in one order in every conflict message, sorted, not in the order the
 * table declares it or the statements write it: an UPDATE whose row changed and an INSERT whose
 * key appeared, each in a PostgreSQL transaction, both say {@code [account, zone]}.
 */
class ConflictMessageKeyOrderTest {
    @TempDir
    Path dir;

    private final String table = TestDatabases.unique("key_order");

    @BeforeEach
    void tableKeyedZoneThenAccount() throws SQLException {
        GuardTestDb.POSTGRESQL.execute(dir, "CREATE TABLE " + table + " (zone VARCHAR(10) NOT NULL,"
                        + " account VARCHAR(10) NOT NULL, balance INT NOT NULL, PRIMARY KEY (zone, account))",
                "INSERT INTO " + table + " (zone, account, balance) VALUES ('eu', 'a1', 10)");
    }

    @AfterEach
    void dropTable() throws SQLException {
        GuardTestDb.POSTGRESQL.execute(dir, "DROP TABLE IF EXISTS " + table);
    }

    @Test
    void anUpdateWhoseRowChangedNamesTheKeySorted() throws Exception {
        try (Connection c = GuardTestDb.POSTGRESQL.safe(dir, new Properties())) {
            c.setAutoCommit(false);
            assertThat(read(c, "a1")).isTrue();
            GuardTestDb.POSTGRESQL.execute(dir, "UPDATE " + table + " SET balance = 11 WHERE zone = 'eu' AND account = 'a1'");

            GuardConflictException conflict = catchThrowableOfType(() -> update(c, "a1"), GuardConflictException.class);

            assertThat(conflict.getMessage()).contains("the row with key [account, zone] changed or vanished");
            c.rollback();
        }
    }

    @Test
    void anInsertWhoseKeyAppearedNamesTheKeySorted() throws Exception {
        try (Connection c = GuardTestDb.POSTGRESQL.safe(dir, new Properties())) {
            c.setAutoCommit(false);
            assertThat(read(c, "a2")).isFalse();
            GuardTestDb.POSTGRESQL.execute(dir, "INSERT INTO " + table + " (zone, account, balance) VALUES ('eu', 'a2', 1)");

            GuardConflictException conflict = catchThrowableOfType(() -> insert(c, "a2"), GuardConflictException.class);

            assertThat(conflict.getMessage()).contains("the row with key [account, zone] appeared");
            c.rollback();
        }
    }

    /** Every statement writes the key zone first, as the table declares it: only sorting puts account first. */
    private boolean read(Connection c, String account) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT balance FROM " + table + " WHERE zone = ? AND account = ?")) {
            select.setString(1, "eu");
            select.setString(2, account);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private int update(Connection c, String account) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + table + " SET balance = 20 WHERE zone = ? AND account = ?")) {
            update.setString(1, "eu");
            update.setString(2, account);
            return update.executeUpdate();
        }
    }

    private int insert(Connection c, String account) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + table + " (balance, zone, account) VALUES (1, 'eu', ?)")) {
            insert.setString(1, account);
            return insert.executeUpdate();
        }
    }
}

package dev.safejdbc.guard;

import static dev.safejdbc.guard.PlainStatements.exec;
import static dev.safejdbc.guard.PlainStatements.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction begun and ended in SQL ({@code BEGIN} ... {@code COMMIT}) while the connection is in autocommit
 * (issue #13 class 8): reads inside it guard its writes (raw, another session's change between the read and the
 * write is lost), a read made in autocommit before it guards nothing inside it, and its reads end at its own
 * {@code COMMIT} or {@code ROLLBACK}. The other session's change comes between the steps of one thread, in order.
 * The lost race's message says it was one transaction: H2 turns autocommit off in it, pgjdbc and MariaDB
 * Connector/J report the server's transaction status. SQLite is left out: its transactions are serializable,
 * the other session could not write there.
 */
class SqlTransactionTest {
    enum Db {
        POSTGRESQL, MARIADB, H2;

        String url() {
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case MARIADB -> "jdbc:" + TestDatabases.mariadb();
                case H2 -> "jdbc:h2:mem:" + TestDatabases.unique("sqltx") + ";DB_CLOSE_DELAY=-1";
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void readsInsideATransactionBegunInSqlGuardItsWritesAndEndWithIt(Db db) throws SQLException {
        String url = db.url();
        String t = TestDatabases.unique("sqltx");
        try (Connection other = DriverManager.getConnection(url); Connection raw = DriverManager.getConnection(url);
                Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
            exec(other, "CREATE TABLE " + t + " (id INT PRIMARY KEY, v INT NOT NULL)");
            try {
                exec(other, "INSERT INTO " + t + " VALUES (1, 0), (2, 0), (3, 0), (4, 0)");

                int seen = readV(raw, "BEGIN", t, 1);
                exec(other, "UPDATE " + t + " SET v = 5 WHERE id = 1");
                assertThat(update(raw, "UPDATE " + t + " SET v = " + (seen + 1) + " WHERE id = 1")).isEqualTo(1);
                exec(raw, "COMMIT");
                assertThat(readV(other, null, t, 1)).as("raw: the other session's 5 is lost").isEqualTo(1);

                seen = readV(safe, "BEGIN", t, 2);
                exec(other, "UPDATE " + t + " SET v = 5 WHERE id = 2");
                String write = "UPDATE " + t + " SET v = " + (seen + 1) + " WHERE id = 2";
                assertThatThrownBy(() -> update(safe, write)).isInstanceOf(SQLException.class)
                        .hasMessageContaining(db == Db.H2 ? "since this transaction read it."
                                : "since this transaction read it (one transaction, begun in SQL")
                        .hasMessageContaining("Roll back").extracting("SQLState").isEqualTo("40001");
                exec(safe, "ROLLBACK");
                assertThat(readV(other, null, t, 2)).as("safe: the other session's 5 stays").isEqualTo(5);

                readV(safe, null, t, 3); // in autocommit
                exec(other, "UPDATE " + t + " SET v = 5 WHERE id = 3");
                exec(safe, "BEGIN");
                assertThat(update(safe, "UPDATE " + t + " SET v = 7 WHERE id = 3")).as("an autocommit read guards"
                        + " nothing in a later transaction").isEqualTo(1);
                exec(safe, "COMMIT");

                readV(safe, "BEGIN", t, 4);
                exec(safe, "COMMIT");
                exec(other, "UPDATE " + t + " SET v = 5 WHERE id = 4");
                assertThat(update(safe, "UPDATE " + t + " SET v = 7 WHERE id = 4")).as("a read ends at its COMMIT")
                        .isEqualTo(1);
            } finally {
                exec(other, "DROP TABLE " + t);
            }
        }
    }

    /** Runs {@code before} (unless null), then reads row {@code id}'s v through a keyed read. */
    private static int readV(Connection c, String before, String table, int id) throws SQLException {
        if (before != null) {
            exec(c, before);
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, v FROM " + table
                + " WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt("v");
        }
    }


}

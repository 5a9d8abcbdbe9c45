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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A MariaDB {@code YEAR} column is compared as a number (its driver's {@code java.sql.Date} cannot hold year 0):
 * another session's change of it between a keyed read and the write is a lost race (raw, it is lost), over the
 * text protocol and server-prepared. The row changes between the steps of one thread, in order.
 */
class MariadbYearTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "useServerPrepStmts=true"})
    void aChangedYearIsALostRace(String option) throws SQLException {
        String url = "jdbc:" + TestDatabases.mariadb();
        url += option.isEmpty() ? "" : (url.contains("?") ? "&" : "?") + option;
        String t = TestDatabases.unique("year");
        try (Connection other = DriverManager.getConnection(url); Connection raw = DriverManager.getConnection(url);
                Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
            exec(other, "CREATE TABLE " + t + " (id INT PRIMARY KEY, y YEAR, v INT NOT NULL)");
            try {
                exec(other, "INSERT INTO " + t + " VALUES (1, 2000, 0), (2, 2000, 0)");
                raw.setAutoCommit(false);
                safe.setAutoCommit(false);

                read(raw, t, 1);
                exec(other, "UPDATE " + t + " SET y = 2001 WHERE id = 1");
                assertThat(update(raw, "UPDATE " + t + " SET v = 1 WHERE id = 1")).as("raw: the change is lost")
                        .isEqualTo(1);
                raw.commit();

                read(safe, t, 2);
                exec(other, "UPDATE " + t + " SET y = 2001 WHERE id = 2");
                assertThatThrownBy(() -> update(safe, "UPDATE " + t + " SET v = 1 WHERE id = 2"))
                        .isInstanceOf(SQLException.class).extracting("SQLState").isEqualTo("40001");
                safe.rollback();
            } finally {
                exec(other, "DROP TABLE " + t);
            }
        }
    }

    private static void read(Connection c, String t, int id) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, y, v FROM " + t
                + " WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            rs.getObject("y");
        }
    }
}

package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A statement whose write went out in its guarded form still reports the right results after. */
class StatementResultsTest {

    @Test
    void countsAndResultSetsFollowEachExecution() throws Exception {
        String url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("results") + "?mode=memory";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, status TEXT)");
            s.execute("INSERT INTO jobs VALUES (1, 'RUNNING')");
            try (ResultSet rs = s.executeQuery("SELECT status FROM jobs WHERE id = 1")) {
                rs.next();
            }

            assertThat(s.execute("UPDATE jobs SET status = 'DONE' WHERE id = 1")).isFalse(); // guarded form
            assertThat(s.getUpdateCount()).isOne();

            assertThat(s.execute("SELECT count(*) FROM jobs")).isTrue();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isOne();
            }
        }
    }
}

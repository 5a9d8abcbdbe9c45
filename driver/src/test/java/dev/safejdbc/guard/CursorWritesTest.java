package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A row changed through an updatable result set is a write the guard does not parse: what the
 * transaction read before it no longer guards a later write. Each later write gets what the raw
 * driver gives; a guard that compared the stale read would call it a lost race (40001).
 */
class CursorWritesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowWrittenThroughTheCursorEndsTheReadsBeforeIt(String database) throws Exception {
        String table = TestDatabases.unique("cursor");
        String url = database.equals("h2") ? "jdbc:safe:h2:mem:" + table : "jdbc:safe:" + TestDatabases.postgres();
        try (CapturedFindings findings = CapturedFindings.onThisThread(); Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
            c.setAutoCommit(false);
            try {
                read(s, table, 1);
                throughCursor(c, table, rs -> {
                    if (rs.getInt("id") == 1) {
                        rs.updateInt("v", 5);
                        rs.updateRow();
                    }
                });
                assertThat(s.executeUpdate("UPDATE " + table + " SET v = 7 WHERE id = 1")).isEqualTo(1);
                assertThat(findings.of(FindingKind.UNGUARDED_CHECK_THEN_ACT)).as("why the write was not guarded")
                        .anySatisfy(f -> assertThat(f.detail()).contains("updatable result set"));

                read(s, table, 2);
                throughCursor(c, table, rs -> {
                    if (rs.getInt("id") == 2) {
                        rs.deleteRow();
                    }
                });
                assertThat(s.executeUpdate("UPDATE " + table + " SET v = 7 WHERE id = 2")).isZero();
                c.commit();

                read(s, table, 3);
                try (Statement updatable = c.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_UPDATABLE); ResultSet rs = updatable.executeQuery("SELECT id, v FROM "
                        + table)) {
                    rs.moveToInsertRow();
                    rs.updateInt("id", 3);
                    rs.updateInt("v", 0);
                    rs.insertRow();
                }
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + table + " (id, v) VALUES (3, 1)"))
                        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                        .isEqualTo("23505"); // the duplicate key, as raw: no guarded insert turning it into 40001
                c.rollback();
            } finally {
                c.setAutoCommit(true);
                s.execute("DROP TABLE " + table);
            }
        }
    }

    private static void read(Statement s, String table, int id) throws SQLException {
        try (ResultSet read = s.executeQuery("SELECT id, v FROM " + table + " WHERE id = " + id)) {
            while (read.next()) {
                read.getInt("v");
            }
        }
    }

    /** Hands each row of the whole table (no keyed read) to {@code change} on an updatable cursor. */
    private static void throughCursor(Connection c, String table, RowChange change) throws SQLException {
        try (Statement updatable = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
                ResultSet rs = updatable.executeQuery("SELECT id, v FROM " + table)) {
            while (rs.next()) {
                change.on(rs);
            }
        }
    }

    private interface RowChange {
        void on(ResultSet rs) throws SQLException;
    }
}

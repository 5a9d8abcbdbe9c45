package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TimeZone;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A date-time inside the JVM time zone's daylight-saving gap (02:30 on 2024-03-31 does not exist in Berlin) and a
 * time with micros still match their own row (issue #13 class 3): a keyed read, then a write of the row, writes it,
 * in a JVM whose default zone has that gap. The build's own zone (UTC) has none, so this test sets one.
 */
class DaylightSavingGapTest {
    enum Db {
        POSTGRESQL("timestamp(6)", "time(6)"), MARIADB("datetime(6)", "time(6)"), H2("timestamp(6)", "time(6)"),
        SQLITE("text", "text");

        final String timestamp;
        final String time;

        Db(String timestamp, String time) {
            this.timestamp = timestamp;
            this.time = time;
        }

        String url(Path dir) {
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case MARIADB -> "jdbc:" + TestDatabases.mariadb();
                case H2 -> "jdbc:h2:mem:" + TestDatabases.unique("gap") + ";DB_CLOSE_DELAY=-1";
                case SQLITE -> "jdbc:sqlite:" + dir.resolve("gap.db");
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTimeInTheGapMatchesItsOwnRow(Db db, @TempDir Path dir) throws SQLException {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        String url = db.url(dir);
        String table = TestDatabases.unique("gap");
        try (Connection raw = DriverManager.getConnection(url);
                Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
            exec(raw, "CREATE TABLE " + table + " (id INT PRIMARY KEY, ts " + db.timestamp + ", t " + db.time
                    + ", v INT NOT NULL)");
            try {
                exec(raw, "INSERT INTO " + table + " VALUES (1, '2024-03-31 02:30:00.123456', '12:00:00.123456', 0)");
                GuardTestDb.beginUnitOfWork(safe); // SQLite: in autocommit, where the guard acts
                try (PreparedStatement read = safe.prepareStatement("SELECT id, ts, t, v FROM " + table
                        + " WHERE id = 1"); ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    rs.getObject("ts");
                    rs.getObject("t");
                }
                try (Statement write = safe.createStatement()) {
                    assertThat(write.executeUpdate("UPDATE " + table + " SET v = 1 WHERE id = 1")).as(db.name())
                            .isEqualTo(1);
                }
                GuardTestDb.endUnitOfWork(safe);
            } finally {
                GuardTestDb.rollbackUnitOfWork(safe); // a failed write leaves the row locked: DROP would wait on it
                exec(raw, "DROP TABLE " + table);
            }
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

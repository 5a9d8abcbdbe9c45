package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch whose entry the database refuses (a CHECK constraint), raw and through {@code jdbc:safe:}, with the
 * guard acting on its entries (each row read first): every entry guarded (one run), every other entry (runs
 * of one entry), the first guarded and the rest sent as written (it assigns a unique column, which ends the
 * other reads), inserts of keys read as absent (one by one); the failing entry first, second, last or none;
 * prepared and plain; in autocommit and in a transaction. Compared: the update counts, SQLState, vendor code,
 * the exception's cause and next exception (their classes), and the rows left behind.
 *
 * <p>The differences left are the ones the README names (its limitations): on MariaDB a prepared batch split
 * into runs inside a transaction stops at the refused entry (Connector/J goes on, or stops with every count
 * failed, depending on its bulk and server-prepared options), and counts each guarded entry where bulk gives
 * {@code SUCCESS_NO_INFO}. In autocommit, PostgreSQL's batches and MariaDB's prepared ones are not split: they
 * go as written, with a finding.
 */
class BatchFailureDifferentialTest {
    private static final int N = 4;

    enum Target {
        POSTGRESQL, MARIADB, MARIADB_BULK, MARIADB_SERVER_PREPARED, H2;

        String url() {
            String maria = "jdbc:" + TestDatabases.mariadb();
            String and = maria.contains("?") ? "&" : "?";
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case MARIADB -> maria;
                case MARIADB_BULK -> maria + and + "useBulkStmts=true";
                case MARIADB_SERVER_PREPARED -> maria + and + "useServerPrepStmts=true";
                case H2 -> "jdbc:h2:mem:" + TestDatabases.unique("batchfail") + ";DB_CLOSE_DELAY=-1";
            };
        }

        /** Whether the README names the difference this shape shows (see the class comment). */
        boolean documented(boolean prepared, boolean autocommit, Shape shape, int failing) {
            return switch (this) {
                case MARIADB, MARIADB_BULK, MARIADB_SERVER_PREPARED -> prepared && !autocommit
                        && (failing >= 0 || this == MARIADB_BULK && shape != Shape.INSERTS);
                case POSTGRESQL, H2 -> false;
            };
        }
    }

    enum Shape {
        ALL_GUARDED_ONE_FORM, EVERY_OTHER_GUARDED, FIRST_GUARDED_REST_AS_WRITTEN, INSERTS
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void refusedEntryAsTheRawBatch(Target target) throws SQLException {
        String url = target.url();
        List<String> differences = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        int cases = 0;
        for (Shape shape : Shape.values()) {
            for (boolean prepared : new boolean[] {true, false}) {
                for (int failing : new int[] {0, 1, N - 1, -1}) {
                    for (boolean autocommit : new boolean[] {true, false}) {
                        cases++;
                        String raw = run(url, url, prepared, failing, autocommit, shape);
                        String safe = run(url, "jdbc:safe:" + url.substring(5), prepared, failing, autocommit, shape);
                        if (!raw.equals(safe)) {
                            String what = shape + " prepared=" + prepared + " failing=" + failing + " autocommit="
                                    + autocommit + "\n  raw:  " + raw + "\n  safe: " + safe;
                            (target.documented(prepared, autocommit, shape, failing) ? documented : differences)
                                    .add(what);
                        }
                    }
                }
            }
        }
        Figures.record("BatchFailureDifferentialTest", target + ": cases=" + cases + " differences the README names="
                + documented.size() + " others=" + differences.size());
        assertThat(differences).as("differences from the raw batch the README does not name").isEmpty();
    }

    /** The batch on a fresh table, rendered: counts or failure, then the rows left. */
    private static String run(String adminUrl, String url, boolean prepared, int failing, boolean autocommit,
            Shape shape) throws SQLException {
        String t = TestDatabases.unique("bfail");
        try (Connection admin = DriverManager.getConnection(adminUrl); Connection c = DriverManager.getConnection(url)) {
            exec(admin, "CREATE TABLE " + t + " (id INT PRIMARY KEY, v INT NOT NULL CHECK (v >= 0), w INT UNIQUE)");
            try {
                for (int i = 1; i <= N; i++) {
                    exec(admin, "INSERT INTO " + t + " VALUES (" + i + ", 0, " + i + ")");
                }
                c.setAutoCommit(autocommit);
                for (int i = 1; i <= N; i++) {
                    if (shape != Shape.EVERY_OTHER_GUARDED || i % 2 == 1) {
                        read(c, t, shape == Shape.INSERTS ? i + N : i);
                    }
                }
                StringBuilder out = new StringBuilder(batch(c, t, prepared, failing, shape));
                if (!autocommit) {
                    try {
                        c.commit();
                    } catch (SQLException e) {
                        out.append(" commit ").append(e.getSQLState());
                    }
                }
                out.append(" rows=");
                try (Statement st = admin.createStatement();
                        ResultSet rs = st.executeQuery("SELECT id, v, w FROM " + t + " ORDER BY id")) {
                    while (rs.next()) {
                        out.append(rs.getInt(1)).append(':').append(rs.getInt(2)).append(':').append(rs.getInt(3))
                                .append(' ');
                    }
                }
                return out.toString();
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                exec(admin, "DROP TABLE " + t);
            }
        }
    }

    private static String batch(Connection c, String t, boolean prepared, int failing, Shape shape)
            throws SQLException {
        boolean insert = shape == Shape.INSERTS;
        boolean moves = shape == Shape.FIRST_GUARDED_REST_AS_WRITTEN;
        String sql = insert ? "INSERT INTO " + t + " (v, w, id) VALUES (?, ?, ?)"
                : moves ? "UPDATE " + t + " SET v = ?, w = ? WHERE id = ?" : "UPDATE " + t + " SET v = ? WHERE id = ?";
        try (Statement st = prepared ? c.prepareStatement(sql) : c.createStatement()) {
            for (int i = 1; i <= N; i++) {
                int v = i == failing + 1 ? -1 : 10 + i;
                int w = 100 + i;
                int id = insert ? i + N : i;
                if (prepared) {
                    PreparedStatement ps = (PreparedStatement) st;
                    ps.setInt(1, v);
                    if (insert || moves) {
                        ps.setInt(2, w);
                    }
                    ps.setInt(insert || moves ? 3 : 2, id);
                    ps.addBatch();
                } else {
                    st.addBatch(insert ? "INSERT INTO " + t + " (v, w, id) VALUES (" + v + ", " + w + ", " + id + ")"
                            : moves ? "UPDATE " + t + " SET v = " + v + ", w = " + w + " WHERE id = " + id
                            : "UPDATE " + t + " SET v = " + v + " WHERE id = " + id);
                }
            }
            try {
                return "ok " + Arrays.toString(st.executeBatch());
            } catch (BatchUpdateException e) {
                SQLException next = e.getNextException();
                return "failed " + Arrays.toString(e.getUpdateCounts()) + " state=" + e.getSQLState() + " code="
                        + e.getErrorCode() + " cause=" + (e.getCause() == null ? null : e.getCause().getClass().getName())
                        + " next=" + (next == null ? null : next.getClass().getName() + " " + next.getSQLState());
            }
        }
    }

    private static void read(Connection c, String t, int id) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, v, w FROM " + t + " WHERE id = " + id)) {
            while (rs.next()) {
                rs.getInt(2);
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

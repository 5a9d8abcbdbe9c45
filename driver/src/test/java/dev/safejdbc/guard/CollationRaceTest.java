package dev.safejdbc.guard;

import static dev.safejdbc.guard.PlainStatements.exec;
import static dev.safejdbc.guard.PlainStatements.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change that the column's collation calls equal is still a change the application did not see (issue #13
 * class 3): MariaDB's default case- and accent-insensitive, pad-space collations, SQLite {@code NOCASE} and
 * {@code RTRIM}, H2 {@code VARCHAR_IGNORECASE}. In autocommit, a keyed read, then another connection's change of
 * the row's text, then the write: the guarded write must lose its race (raw, the write goes through). Unchanged
 * rows, non-ASCII text in another character set and trailing spaces included, must still be written.
 */
class CollationRaceTest {
    enum Db {
        POSTGRESQL("w TEXT, l TEXT"),
        MARIADB("w VARCHAR(20), l VARCHAR(20) CHARACTER SET latin1"),
        H2("w VARCHAR_IGNORECASE(20), l VARCHAR(20)"),
        SQLITE("w TEXT COLLATE NOCASE, l TEXT COLLATE RTRIM");

        final String columns;

        Db(String columns) {
            this.columns = columns;
        }

        String url(Path dir) {
            return switch (this) {
                case POSTGRESQL -> "jdbc:" + TestDatabases.postgres();
                case MARIADB -> "jdbc:" + TestDatabases.mariadb();
                case H2 -> "jdbc:h2:mem:" + TestDatabases.unique("collation") + ";DB_CLOSE_DELAY=-1";
                case SQLITE -> "jdbc:sqlite:" + dir.resolve("collation.db");
            };
        }
    }

    /** Each row's text before, and what another connection changes it to (null: nothing). */
    private record Change(String column, String before, String after) {
    }

    private static final List<Change> CHANGES = List.of(
            new Change("w", "Abc", null), new Change("w", "Abc ", null), new Change("l", "\u00dcn\u00ef ", null),
            new Change("w", "\u00e9t\u00e9", null),
            new Change("w", "Abc", "ABC"), new Change("w", "Abc", "Abc  "), new Change("w", "resume", "r\u00e9sum\u00e9"),
            new Change("l", "Abc", "aBC"), new Change("l", "Abc", "Abc "), new Change("l", "\u00fcn", "\u00dcN"));

    @ParameterizedTest
    @EnumSource(Db.class)
    void aChangeTheCollationCallsEqualIsALostRace(Db db, @TempDir Path dir) throws SQLException {
        String url = db.url(dir);
        String table = TestDatabases.unique("collation");
        try (Connection raw = DriverManager.getConnection(url);
                Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
            exec(raw, "CREATE TABLE " + table + " (id INT PRIMARY KEY, " + db.columns + ", v INT NOT NULL)");
            try {
                for (int id = 0; id < CHANGES.size(); id++) {
                    Change change = CHANGES.get(id);
                    try (PreparedStatement insert = raw.prepareStatement(
                            "INSERT INTO " + table + " (id, " + change.column() + ", v) VALUES (?, ?, 0)")) {
                        insert.setInt(1, id);
                        insert.setString(2, change.before());
                        insert.executeUpdate();
                    }
                    try (PreparedStatement read = safe.prepareStatement("SELECT id, w, l, v FROM " + table
                            + " WHERE id = ?")) {
                        read.setInt(1, id);
                        try (ResultSet rs = read.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(change.column())).isEqualTo(change.before());
                        }
                    }
                    if (change.after() != null) {
                        try (PreparedStatement other = raw.prepareStatement(
                                "UPDATE " + table + " SET " + change.column() + " = ? WHERE id = ?")) {
                            other.setString(1, change.after());
                            other.setInt(2, id);
                            assertThat(other.executeUpdate()).isEqualTo(1);
                        }
                    }
                    String write = "UPDATE " + table + " SET v = 1 WHERE id = " + id;
                    if (change.after() == null) {
                        assertThat(update(safe, write)).as(db + " unchanged " + change).isEqualTo(1);
                    } else {
                        assertThatThrownBy(() -> update(safe, write)).as(db + " " + change)
                                .isInstanceOf(SQLException.class).extracting("SQLState").isEqualTo("40001");
                    }
                }
            } finally {
                exec(raw, "DROP TABLE " + table);
            }
        }
    }

    /**
     * PostgreSQL: {@code citext}, and a nondeterministic ICU collation, call 'Ann' and 'ANN' equal, so a guarded
     * compare {@code col IS NOT DISTINCT FROM ?} lets another session's case-only change through (shown first: the
     * changed row still matches the value read). The guard compares their text under {@code "C"}: the change is a
     * lost race, of a key column too; unchanged rows, NULLs included, and the transaction's own change of case are
     * written.
     */
    @Test
    void postgresqlCaseOnlyChangeUnderCitextOrANondeterministicCollationIsALostRace() throws SQLException {
        String url = "jdbc:" + TestDatabases.postgres();
        String table = TestDatabases.unique("loose");
        try (Connection raw = DriverManager.getConnection(url);
                Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
            givenCitextAndACaseInsensitiveCollation(raw);
            exec(raw, "CREATE TABLE " + table + " (k public.citext PRIMARY KEY, w public.citext,"
                    + " l text COLLATE public.safe_jdbc_ci, v INT NOT NULL)");
            try {
                exec(raw, "INSERT INTO " + table + " VALUES ('Key-k', 'Ann', 'Ann', 0), ('Key-w', 'Ann', 'Ann', 0),"
                        + " ('Key-l', 'Ann', 'Ann', 0), ('Key-null', NULL, NULL, 0), ('Key-own', 'Ann', 'Ann', 0)");
                for (String column : List.of("k", "w", "l")) {
                    String key = "Key-" + column;
                    read(safe, table, key);
                    exec(raw, "UPDATE " + table + " SET " + column + " = upper(" + column + ") WHERE k = '" + key + "'");
                    try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                            + table + " WHERE k = '" + key + "' AND " + column + " IS NOT DISTINCT FROM '"
                            + (column.equals("k") ? key : "Ann") + "'")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).as("the column's own equality hides the change of " + column)
                                .isEqualTo(1);
                    }
                    String write = "UPDATE " + table + " SET v = 1 WHERE k = '" + key + "'";
                    assertThatThrownBy(() -> update(safe, write)).as(column).isInstanceOf(SQLException.class)
                            .extracting("SQLState").isEqualTo("40001");
                }
                read(safe, table, "Key-null");
                assertThat(update(safe, "UPDATE " + table + " SET v = 1 WHERE k = 'Key-null'")).isEqualTo(1);
                GuardTestDb.beginUnitOfWork(safe); // SQLite: in autocommit, where the guard acts
                read(safe, table, "Key-own");
                assertThat(update(safe, "UPDATE " + table + " SET w = 'ANN', l = 'aNN' WHERE k = 'Key-own'"))
                        .isEqualTo(1);
                read(safe, table, "Key-own");
                assertThat(update(safe, "UPDATE " + table + " SET v = 2 WHERE k = 'Key-own'")).isEqualTo(1);
                GuardTestDb.endUnitOfWork(safe);
            } finally {
                exec(raw, "DROP TABLE " + table);
            }
        }
    }

    /**
     * SQLite: a key column under {@code NOCASE} (a primary key, a unique constraint, a table without rowid) is
     * matched by the write's own WHERE in any case, so another connection's change of its case alone leaves the
     * write's row found (shown first). The guard compares the key column too, exactly: the change is a lost race;
     * an unchanged row, and the connection's own change of case, are written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"(k TEXT COLLATE NOCASE PRIMARY KEY, w TEXT, l TEXT, v INT NOT NULL)",
        "(id INTEGER PRIMARY KEY, k TEXT COLLATE NOCASE UNIQUE, w TEXT, l TEXT, v INT NOT NULL)",
        "(k TEXT COLLATE NOCASE PRIMARY KEY, w TEXT, l TEXT, v INT NOT NULL) WITHOUT ROWID"})
    void sqliteCaseOnlyChangeOfANocaseKeyColumnIsALostRace(String definition, @TempDir Path dir) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("nocase.db");
        String table = TestDatabases.unique("nocase");
        try (Connection raw = DriverManager.getConnection(url);
                Connection safe = DriverManager.getConnection("jdbc:safe:" + url.substring(5))) {
            exec(raw, "CREATE TABLE " + table + " " + definition);
            exec(raw, "INSERT INTO " + table + " (k, w, l, v) VALUES ('Key-k', 'Ann', 'Ann', 0),"
                    + " ('Key-u', 'Ann', 'Ann', 0), ('Key-own', 'Ann', 'Ann', 0)");
            read(safe, table, "Key-k");
            exec(raw, "UPDATE " + table + " SET k = 'KEY-K' WHERE k = 'Key-k'");
            try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table
                    + " WHERE k = 'Key-k' AND w = 'Ann' AND l = 'Ann' AND v = 0")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("the write's WHERE still finds the row, as read").isEqualTo(1);
            }
            assertThatThrownBy(() -> update(safe, "UPDATE " + table + " SET v = 1 WHERE k = 'Key-k'"))
                    .isInstanceOf(SQLException.class).extracting("SQLState").isEqualTo("40001");

            read(safe, table, "Key-u");
            assertThat(update(safe, "UPDATE " + table + " SET v = 1 WHERE k = 'Key-u'")).isEqualTo(1);

            read(safe, table, "Key-own");
            assertThat(update(safe, "UPDATE " + table + " SET k = 'KEY-OWN' WHERE k = 'Key-own'")).isEqualTo(1);
            read(safe, table, "key-own");
            assertThat(update(safe, "UPDATE " + table + " SET v = 2 WHERE k = 'key-own'")).isEqualTo(1);
        }
    }

    /** Made once on the test database, in its public schema, for every test that needs them. */
    static void givenCitextAndACaseInsensitiveCollation(Connection c) throws SQLException {
        exec(c, "CREATE EXTENSION IF NOT EXISTS citext SCHEMA public");
        exec(c, "CREATE COLLATION IF NOT EXISTS public.safe_jdbc_ci (provider = icu, locale = 'und-u-ks-level2',"
                + " deterministic = false)");
    }

    private static void read(Connection c, String table, String key) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT k, w, l, v FROM " + table + " WHERE k = ?")) {
            read.setString(1, key);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                rs.getString("w");
            }
        }
    }


}

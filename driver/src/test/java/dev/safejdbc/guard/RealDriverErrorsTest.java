package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the guard looks a table's keys up and finds no table, the application gets the real driver's error. */
class RealDriverErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"SELECT a FROM no_such_table WHERE id = 1", "UPDATE no_such_table SET a = 1 WHERE id = 1",
        "INSERT INTO no_such_table (id, a) VALUES (1, 2)", "DELETE FROM no_such_table WHERE id = 1"})
    void sqliteMissingTable(String sql) throws SQLException {
        assertSameError("jdbc:sqlite::memory:", "jdbc:safe:sqlite:file:" + TestDatabases.unique("missing") + "?mode=memory",
                sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT a FROM no_such_table WHERE id = 1", "UPDATE no_such_table SET a = 1 WHERE id = 1"})
    void postgresqlMissingTable(String sql) throws SQLException {
        String url = TestDatabases.postgres();
        assertSameError("jdbc:" + url, "jdbc:safe:" + url, sql);
    }

    private static void assertSameError(String rawUrl, String safeUrl, String sql) throws SQLException {
        SQLException raw = errorOf(rawUrl, sql);
        SQLException safe = errorOf(safeUrl, sql);
        assertThat((Throwable) safe).isNotNull().isExactlyInstanceOf(raw.getClass()).hasMessage(raw.getMessage());
        assertThat(safe.getSQLState()).isEqualTo(raw.getSQLState());
    }

    private static SQLException errorOf(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            return catchThrowableOfType(() -> s.execute(sql), SQLException.class);
        }
    }
}

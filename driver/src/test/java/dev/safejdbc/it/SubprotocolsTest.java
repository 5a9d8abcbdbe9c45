package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.jdbc.SafeConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract's sub-protocols, each through its real driver: connect, query, and refuse nesting. */
class SubprotocolsTest {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("sqlite", (UrlSupplier) () -> "sqlite:" + tempFile()),
                Arguments.of("h2", (UrlSupplier) () -> "h2:mem:" + TestDatabases.unique("sub") + ";DB_CLOSE_DELAY=-1"),
                Arguments.of("postgresql", (UrlSupplier) TestDatabases::postgres),
                Arguments.of("mariadb", (UrlSupplier) TestDatabases::mariadb),
                Arguments.of("mysql", (UrlSupplier) () -> TestDatabases.mariadb().replaceFirst("^mariadb:", "mysql:")
                        + "&permitMysqlScheme"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void opensThroughTheRealDriverAndRefusesNesting(String name, UrlSupplier rest) throws Exception {
        String url = "jdbc:safe:" + rest.get();
        String table = TestDatabases.unique("sub_" + name);
        java.util.Properties strict = new java.util.Properties();
        strict.setProperty("safe.nested", "strict"); // every nested statement refused, whether or not it would wait
        try (Connection outer = DriverManager.getConnection(url, strict);
                Connection inner = DriverManager.getConnection(url, strict)) {
            assertThat(outer.isWrapperFor(SafeConnection.class)).isTrue();
            execute(outer, "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            try {
                outer.setAutoCommit(false);
                execute(outer, "INSERT INTO " + table + " VALUES (1)");

                assertThatThrownBy(() -> execute(inner, "INSERT INTO " + table + " VALUES (2)"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25001");

                outer.commit();
                try (Statement statement = inner.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getInt(1)).isOne();
                }
            } finally {
                outer.setAutoCommit(true);
                execute(outer, "DROP TABLE " + table);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String tempFile() {
        try {
            Path file = Files.createTempFile("safe-jdbc-sub", ".db");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface UrlSupplier {
        String get();
    }
}

package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** What a pool logs for a connection (HikariCP: "Added connection ..."): the database and the real connection, no secret. */
class SafeConnectionToStringTest {
    @Test
    void namesTheDatabaseAndTheRealConnectionButNeverThePassword() throws Exception {
        String url = "jdbc:safe:" + TestDatabases.postgres() + "&password=s3cret-in-url";
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(connection.toString())
                    .startsWith("SafeConnection[jdbc:postgresql://")
                    .contains(", real org.postgresql.jdbc.PgConnection@")
                    .doesNotContain("s3cret-in-url");
        }
    }
}

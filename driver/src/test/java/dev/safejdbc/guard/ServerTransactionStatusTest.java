package dev.safejdbc.guard;

import static dev.safejdbc.guard.PlainStatements.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The server's transaction status as pgjdbc and MariaDB Connector/J last heard it: it follows a transaction
 * begun and ended in SQL while the connection reports autocommit. sqlite-jdbc and H2 cannot say.
 */
class ServerTransactionStatusTest {

    @Test
    void postgresqlAndMariadbFollowSqlBoundaries() throws SQLException {
        follows("jdbc:" + TestDatabases.postgres(), Dialect.POSTGRESQL, "BEGIN", "COMMIT");
        follows("jdbc:" + TestDatabases.mariadb(), Dialect.MARIADB, "START TRANSACTION", "ROLLBACK");
        follows("jdbc:" + TestDatabases.mariadb(), Dialect.MARIADB, "BEGIN", "COMMIT");
    }

    @Test
    void sqliteAndH2CannotSay() throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
                Connection h2 = DriverManager.getConnection("jdbc:h2:mem:")) {
            exec(sqlite, "BEGIN");
            assertThat(ServerTransactionStatus.open(sqlite, Dialect.SQLITE)).isNull();
            assertThat(ServerTransactionStatus.open(h2, Dialect.H2)).isNull();
        }
    }

    private static void follows(String url, Dialect dialect, String begin, String end) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(ServerTransactionStatus.open(c, dialect)).isFalse();
            exec(c, begin);
            assertThat(c.getAutoCommit()).as("the driver still reports autocommit").isTrue();
            assertThat(ServerTransactionStatus.open(c, dialect)).isTrue();
            exec(c, end);
            assertThat(ServerTransactionStatus.open(c, dialect)).isFalse();
        }
    }
}

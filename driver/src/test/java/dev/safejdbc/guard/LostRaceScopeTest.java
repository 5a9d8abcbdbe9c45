package dev.safejdbc.guard;

import static dev.safejdbc.guard.PlainStatements.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.guard.sql.TransactionBoundary;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Which transaction a lost race's message names: the driver's word where it has one, otherwise (sqlite-jdbc)
 * the SQL boundary that last ended the session's reads, which the read log keeps until it is cleared otherwise.
 */
class LostRaceScopeTest {

    @Test
    void theDriversWordFirst() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:" + TestDatabases.mariadb())) {
            assertThat(LostRaceScope.of(c, Dialect.MARIADB, TransactionBoundary.BEGINS))
                    .as("the server says no transaction is open").isEqualTo(LostRaceScope.AUTOCOMMIT);
            exec(c, "START TRANSACTION");
            assertThat(LostRaceScope.of(c, Dialect.MARIADB, null)).isEqualTo(LostRaceScope.SQL_TRANSACTION);
            exec(c, "COMMIT");
            c.setAutoCommit(false);
            assertThat(LostRaceScope.of(c, Dialect.MARIADB, null)).isEqualTo(LostRaceScope.TRANSACTION);
        }
    }

    @Test
    void otherwiseTheLastSqlBoundary() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertThat(LostRaceScope.of(c, Dialect.SQLITE, null)).isEqualTo(LostRaceScope.AUTOCOMMIT);
            assertThat(LostRaceScope.of(c, Dialect.SQLITE, TransactionBoundary.BEGINS))
                    .isEqualTo(LostRaceScope.SQL_TRANSACTION);
            assertThat(LostRaceScope.of(c, Dialect.SQLITE, TransactionBoundary.ENDS))
                    .isEqualTo(LostRaceScope.AUTOCOMMIT);
            assertThat(LostRaceScope.of(c, Dialect.SQLITE, TransactionBoundary.BEGINS_OR_ENDS))
                    .isEqualTo(LostRaceScope.UNKNOWN);
        }
    }

    @Test
    void theReadLogKeepsTheBoundaryUntilClearedOtherwise() {
        ReadLog log = new ReadLog();
        log.clear(TransactionBoundary.BEGINS);
        assertThat(log.sqlBoundary()).isEqualTo(TransactionBoundary.BEGINS);
        log.clear(); // commit() or rollback() through JDBC
        assertThat(log.sqlBoundary()).isNull();
    }
}

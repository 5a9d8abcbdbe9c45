package dev.safejdbc.clients.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** What every Flyway test checks: migrate, info, validate, a second migrate with nothing to do, the rows. */
final class Migrations {
    private Migrations() {
    }

    static void assertMigrates(Flyway flyway, DataSource dataSource, String ordersTable) throws SQLException {
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
        assertThat(flyway.info().pending()).isEmpty();
        flyway.validate();
        assertThat(flyway.migrate().migrationsExecuted).as("a second run finds nothing to do").isZero();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + ordersTable)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}

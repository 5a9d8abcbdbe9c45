package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.OrderService;
import com.example.shop.ShopApplication;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on PostgreSQL with the starter and the default options: Flyway migrates
 * through the wrapped DataSource (its lock in a transaction on one connection, the migration on
 * a second), and a REQUIRES_NEW audit line on a pool with room runs and is recorded at the
 * application's frame.
 */
@SpringBootTest(classes = ShopApplication.class, properties = "spring.datasource.hikari.maximum-pool-size=4")
class PostgresFlywayTest {
    private static final String SCHEMA = "safe_boot_flyway_" + ProcessHandle.current().pid();

    @Autowired
    DataSource dataSource;
    @Autowired
    Flyway flyway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderService orders;

    @BeforeAll
    static void postgresIsReachable() {
        PostgresUrl.reachable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", PostgresUrl::configured);
        properties.add("spring.datasource.hikari.schema", () -> SCHEMA);
        properties.add("spring.flyway.schemas", () -> SCHEMA);
        properties.add("spring.jpa.properties.hibernate.default_schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema(@Autowired JdbcTemplate jdbc) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void flywayMigratedThroughTheWrappedDataSource() {
        assertThat(dataSource).isInstanceOf(SafeDataSource.class);
        assertThat(flyway.getConfiguration().getDataSource()).isSameAs(dataSource);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank", String.class)).containsExactly("1", "2");
    }

    @Test
    void requiresNewOnAPoolWithRoomRunsAndIsRecordedAtTheService() {
        orders.start(1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit", Integer.class)).isEqualTo(1);
        assertThat(Findings.snapshot()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.NESTED_TRANSACTION);
            assertThat(finding.site()).startsWith("com.example.shop.AuditService.record(");
        });
    }
}

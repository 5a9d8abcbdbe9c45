package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.JobRepository;
import com.example.shop.OrderService;
import com.example.shop.ShopApplication;
import dev.safejdbc.SafeDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on PostgreSQL migrated by Liquibase instead of Flyway, with the starter and the
 * default options: Liquibase gets the wrapped DataSource, takes its lock and runs both change
 * sets through it, and the application then starts on the migrated schema.
 */
@SpringBootTest(classes = ShopApplication.class, properties = {
        "spring.flyway.enabled=false",
        "spring.liquibase.enabled=true",
        "spring.liquibase.change-log=classpath:db/changelog/shop.xml",
        "spring.datasource.hikari.maximum-pool-size=4"})
class PostgresLiquibaseTest {
    private static final String SCHEMA = "safe_boot_liquibase_" + ProcessHandle.current().pid();

    @Autowired
    DataSource dataSource;
    @Autowired
    SpringLiquibase liquibase;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRepository jobs;
    @Autowired
    OrderService orders;

    /** Liquibase migrates into an existing schema; Flyway would have created it. */
    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresUrl.reachable());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", PostgresUrl::configured);
        properties.add("spring.datasource.hikari.schema", () -> SCHEMA);
        properties.add("spring.liquibase.default-schema", () -> SCHEMA);
        properties.add("spring.jpa.properties.hibernate.default_schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema(@Autowired JdbcTemplate jdbc) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void liquibaseMigratedThroughTheWrappedDataSource() {
        assertThat(dataSource).isInstanceOf(SafeDataSource.class);
        assertThat(liquibase.getDataSource()).isSameAs(dataSource);
        assertThat(jdbc.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class))
                .containsExactly("1", "2");
        assertThat(jdbc.queryForObject("SELECT locked FROM databasechangeloglock", Boolean.class)).isFalse();
    }

    @Test
    void theApplicationRunsOnTheMigratedSchema() {
        assertThat(jobs.findById(1L)).hasValueSatisfying(job -> assertThat(job.getProgress()).isZero());

        orders.start(1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit", Integer.class)).isEqualTo(1);
    }
}

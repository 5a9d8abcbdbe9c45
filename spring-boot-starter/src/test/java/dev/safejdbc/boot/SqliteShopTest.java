package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.JobRepository;
import com.example.shop.JobService;
import com.example.shop.LockService;
import com.example.shop.ShopApplication;
import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.findings.FindingKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Spring Boot application on a SQLite file with nothing but the starter added: its
 * DataSource is wrapped, Flyway migrates through the wrapped one, JdbcTemplate and Spring Data
 * JPA run through it, and in report mode the findings name the application's services (not
 * Spring's or Hibernate's frames), one per table, at the Actuator endpoint, asked over HTTP as a
 * user would ask it.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect",
                "safe.mode=report",
                "safe.app-packages=com.example.shop",
                "management.endpoints.web.exposure.include=health,safejdbc"})
class SqliteShopTest {
    private static final Path DATABASE = temporaryDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
    }

    private static Path temporaryDatabase() {
        try {
            Path directory = Files.createTempDirectory("safe-jdbc-boot");
            directory.toFile().deleteOnExit();
            return directory.resolve("shop.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    Flyway flyway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRepository jobs;
    @Autowired
    JobService jobService;
    @Autowired
    LockService locks;
    @Value("${local.server.port}")
    int port;

    @Test
    void theAutoConfiguredDataSourceIsWrappedAndStillReachesItsPool() throws Exception {
        assertThat(dataSource).isInstanceOf(SafeDataSource.class);
        assertThat(dataSource.unwrap(HikariDataSource.class).getJdbcUrl()).isEqualTo("jdbc:sqlite:" + DATABASE);
    }

    @Test
    void flywayMigratedThroughTheWrappedDataSource() {
        assertThat(flyway.getConfiguration().getDataSource()).isSameAs(dataSource);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void jdbcTemplateAndJpaRunThroughIt() {
        assertThat(jdbc.queryForObject("SELECT status FROM jobs WHERE id = 1", String.class)).isEqualTo("RUNNING");
        assertThat(jobs.findById(1L)).isPresent();
    }

    @Test
    void findingsNameTheApplicationsServicesOnePerTableAtTheEndpoint() throws Exception {
        CountDownLatch go = new CountDownLatch(0);
        jobService.advance(1, new CountDownLatch(1), go);
        locks.acquire("nightly", "worker-a", 100);

        List<Map<String, Object>> found = findingsOf(FindingKind.UNGUARDED_CHECK_THEN_ACT);

        assertThat(found).extracting(finding -> finding.get("table")).containsExactlyInAnyOrder("jobs", "locks");
        assertThat(found).extracting(finding -> (String) finding.get("site")).allSatisfy(site ->
                assertThat(site).startsWith("com.example.shop."))
                .anySatisfy(site -> assertThat(site).startsWith("com.example.shop.JobService.advance("))
                .anySatisfy(site -> assertThat(site).startsWith("com.example.shop.LockService.acquire("));
        assertThat(found).allSatisfy(finding -> {
            assertThat(finding).containsOnlyKeys("kind", "description", "database", "table", "site", "thread",
                    "count", "firstSeen", "detail", "frames");
            assertThat(finding.get("count")).isEqualTo(1);
            assertThat((List<?>) finding.get("frames")).first().asString().startsWith("com.example.shop.");
        });
    }

    /** {@code GET /actuator/safejdbc}, filtered to this test's database and {@code kind}. */
    private List<Map<String, Object>> findingsOf(FindingKind kind) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/safejdbc")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("json"));
        String body = response.body();
        assertThat(JsonPath.<Integer>read(body, "$.dropped")).isZero();
        List<Map<String, Object>> findings = JsonPath.read(body, "$.findings");
        return findings.stream()
                .filter(finding -> kind.name().equals(finding.get("kind")))
                .filter(finding -> ((String) finding.get("database")).contains(DATABASE.getFileName().toString()))
                .toList();
    }
}

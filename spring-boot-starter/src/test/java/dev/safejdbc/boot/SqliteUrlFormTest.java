package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.JobService;
import com.example.shop.ShopApplication;
import dev.safejdbc.jdbc.SafeConnection;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The URL form, without the starter, exactly as the README gives it: a {@code jdbc:safe:} URL,
 * the driver class named, and options as the pool's data-source properties.
 */
@SpringBootTest(classes = ShopApplication.class, properties = {
        "safe-jdbc.enabled=false",
        "spring.datasource.driver-class-name=dev.safejdbc.SafeDriver",
        "spring.datasource.hikari.data-source-properties.safe.mode=report",
        "spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect"})
class SqliteUrlFormTest {
    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:safe:sqlite:" + directory.resolve("url-form.db"));
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JobService jobService;

    @Test
    void theConnectionsAreSafeAndTheOptionsReachTheDriver() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isWrapperFor(SafeConnection.class)).isTrue();
        }

        ReportModeCheck.recordedInsteadOfGuarded(jobService, "url-form.db");
    }
}

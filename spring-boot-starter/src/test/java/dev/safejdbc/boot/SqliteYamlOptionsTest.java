package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.shop.JobService;
import com.example.shop.ShopApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code safe.*} options from an {@code application-yaml.yml}, the application's packages as a
 * YAML list: they are bound with Boot's relaxed names and reach the wrapped DataSource (report
 * mode records the check-then-act instead of guarding it).
 */
@SpringBootTest(classes = ShopApplication.class,
        properties = "spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect")
@ActiveProfiles("yaml")
class SqliteYamlOptionsTest {
    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("yaml.db"));
    }

    @Autowired
    SafeJdbcProperties options;
    @Autowired
    JobService jobService;

    @Test
    void theYamlOptionsAreBoundUnderSafeJdbcsOwnKeys() {
        assertThat(options.toOptions()).containsOnly(entry("safe.mode", "report"), entry("safe.onConflict", "zero-rows"),
                entry("safe.appPackages", "com.example.shop,com.example.billing"));
    }

    @Test
    void theyReachTheWrappedDataSource() throws Exception {
        assertThat(ReportModeCheck.recordedInsteadOfGuarded(jobService, "yaml.db").site())
                .startsWith("com.example.shop.JobService.advance(");
    }
}

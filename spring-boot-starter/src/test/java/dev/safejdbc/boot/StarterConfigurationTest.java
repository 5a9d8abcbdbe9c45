package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.config.OptionKey;
import dev.safejdbc.error.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteDataSource;

/**
 * The starter's switches on the application's own DataSource beans, in small contexts, and its
 * properties against safe-jdbc's options.
 */
class StarterConfigurationTest {
    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SafeJdbcAutoConfiguration.class,
                    SafeJdbcEndpointAutoConfiguration.class))
            .withUserConfiguration(TwoDataSources.class);

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource orders() {
            return sqlite("orders");
        }

        @Bean
        DataSource reporting() {
            return sqlite("reporting");
        }

        private static DataSource sqlite(String name) {
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared");
            return dataSource;
        }
    }

    @Test
    void theApplicationsOwnDataSourceBeansAreWrapped() {
        contexts.run(context -> assertThat(context.getBeansOfType(DataSource.class).values())
                .hasSize(2).allSatisfy(bean -> assertThat(bean).isInstanceOf(SafeDataSource.class)));
    }

    @Test
    void excludedBeansAreLeftAsTheyAre() {
        contexts.withPropertyValues("safe-jdbc.excluded-beans=reporting").run(context -> {
            assertThat(context.getBean("orders")).isInstanceOf(SafeDataSource.class);
            assertThat(context.getBean("reporting")).isInstanceOf(SQLiteDataSource.class);
        });
    }

    @Test
    void theSwitchTurnsTheStarterOff() {
        contexts.withPropertyValues("safe-jdbc.enabled=false").run(context -> assertThat(
                context.getBeansOfType(DataSource.class).values()).allSatisfy(bean ->
                assertThat(bean).isInstanceOf(SQLiteDataSource.class)));
    }

    @Test
    void safeOptionsComeFromTheApplicationsPropertiesAndABadOneStopsTheStartWithSafeJdbcsMessage() {
        contexts.withPropertyValues("safe.on-conflict=maybe").run(context -> assertThat(context.getStartupFailure())
                .rootCause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'maybe' for safe.onConflict (set in connection properties)")
                .hasMessageContaining("expected one of: throw, zero-rows"));
    }

    /** A safe.* option added to safe-jdbc but not to the starter fails here. */
    @Test
    void everyOptionOfSafeJdbcIsAPropertyDescribedForIdes() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = JsonPath.read(metadata, "$.properties");

        assertThat(properties).filteredOn(property -> ((String) property.get("name")).startsWith("safe."))
                .allSatisfy(property -> assertThat((String) property.get("description")).isNotBlank())
                .extracting(property -> property.get("name"))
                .containsExactlyInAnyOrderElementsOf(optionKeys().stream().map(StarterConfigurationTest::kebab).toList());
        assertThat(properties).extracting(property -> property.get("name"))
                .contains("safe-jdbc.enabled", "safe-jdbc.excluded-beans");
    }

    @Test
    void everyOptionBoundReachesSafeJdbcUnderItsOwnKey() {
        Map<String, String> all = Map.of("safe.mode", "report", "safe.nested", "warn", "safe.guard", "on",
                "safe.on-conflict", "zero-rows", "safe.checkout-timeout-ms", "100", "safe.report", "report.json",
                "safe.app-packages", "com.example.shop,com.example.billing");

        SafeJdbcProperties bound = new Binder(new MapConfigurationPropertySource(all))
                .bind("safe", SafeJdbcProperties.class).get();

        assertThat(bound.toOptions().stringPropertyNames()).containsExactlyInAnyOrderElementsOf(optionKeys());
        assertThat(bound.toOptions().getProperty("safe.appPackages")).isEqualTo("com.example.shop,com.example.billing");
    }

    private static List<String> optionKeys() {
        return Arrays.stream(OptionKey.values()).map(OptionKey::propertyKey).toList();
    }

    /** {@code safe.onConflict} as Boot names it: {@code safe.on-conflict}. */
    private static String kebab(String key) {
        return key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    @Test
    void theFindingsEndpointIsThereWithActuatorAndExposed() {
        contexts.withPropertyValues("management.endpoints.web.exposure.include=safejdbc")
                .run(context -> assertThat(context).hasSingleBean(SafeJdbcEndpoint.class));
    }

    @Test
    void withoutActuatorThereIsNoEndpointAndTheDataSourcesAreStillWrapped() {
        contexts.withPropertyValues("management.endpoints.web.exposure.include=safejdbc")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SafeJdbcEndpoint.class);
                    assertThat(context.getBean("orders")).isInstanceOf(SafeDataSource.class);
                });
    }
}

package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeDataSource;
import dev.safejdbc.error.InvalidConfigurationException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteDataSource;

/** The starter's switches on the application's own DataSource beans, in small contexts. */
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

package dev.safejdbc.boot;

import dev.safejdbc.SafeDataSource;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Wraps every DataSource bean, the auto-configured one and the application's own, in
 * {@link SafeDataSource} once it is fully initialized (its pool settings bound), so that
 * everything that takes it from the context (JdbcTemplate, JPA, Flyway, Liquibase) gets the
 * wrapped one. The options are bound from the Environment here: a post-processor is created
 * before configuration-properties beans exist.
 */
final class SafeDataSourcePostProcessor implements BeanPostProcessor, Ordered {
    private final Environment environment;
    private volatile Settings settings;

    private record Settings(Properties options, SafeJdbcStarterProperties starter) {
    }

    SafeDataSourcePostProcessor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || bean instanceof SafeDataSource) {
            return bean;
        }
        Settings current = settings();
        if (current.starter().getExcludedBeans().contains(beanName)) {
            return bean;
        }
        try {
            return SafeDataSource.wrap(dataSource, current.options());
        } catch (SQLException e) {
            throw new BeanCreationException(beanName, "safe-jdbc could not wrap this DataSource: " + e.getMessage(), e);
        }
    }

    private Settings settings() {
        Settings known = settings;
        if (known == null) {
            Binder binder = Binder.get(environment);
            SafeJdbcProperties options = binder.bind("safe", SafeJdbcProperties.class).orElseGet(SafeJdbcProperties::new);
            SafeJdbcStarterProperties starter = binder.bind("safe-jdbc", SafeJdbcStarterProperties.class)
                    .orElseGet(SafeJdbcStarterProperties::new);
            known = new Settings(options.toOptions(), starter);
            settings = known;
        }
        return known;
    }

    /** Last: whatever else decorates a DataSource is then inside the safe layer, not around it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package dev.safejdbc.boot;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Puts every DataSource bean behind safe-jdbc. Ordered after the DataSource auto-configuration
 * and before the migration tools and JPA (Boot 4 and Boot 3 names both given): a post-processor
 * wraps each DataSource as it is created, so Flyway and Liquibase migrate through the wrapped one.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"},
        beforeName = {
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
                "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
                "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(DataSource.class)
@ConditionalOnProperty(prefix = "safe-jdbc", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({SafeJdbcProperties.class, SafeJdbcStarterProperties.class})
public class SafeJdbcAutoConfiguration {
    /** Made by Spring Boot's auto-configuration, never by the application. */
    public SafeJdbcAutoConfiguration() {
    }

    /** Static: a post-processor must not make its configuration class (and its dependencies) early. */
    @Bean
    static SafeDataSourcePostProcessor safeDataSourcePostProcessor(Environment environment) {
        return new SafeDataSourcePostProcessor(environment);
    }
}

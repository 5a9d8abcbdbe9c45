package dev.safejdbc.boot;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The findings endpoint, only where Actuator is on the class path and the endpoint is available. */
@AutoConfiguration(after = SafeJdbcAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class SafeJdbcEndpointAutoConfiguration {
    /** Made by Spring Boot's auto-configuration, never by the application. */
    public SafeJdbcEndpointAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    SafeJdbcEndpoint safeJdbcEndpoint() {
        return new SafeJdbcEndpoint();
    }
}

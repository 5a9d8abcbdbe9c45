package dev.safejdbc.boot;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own switches. They live under {@code safe-jdbc.*}, not {@code safe.*}: safe-jdbc
 * refuses unknown {@code safe.*} keys wherever it reads options (system properties included), so
 * the starter's keys must never look like options.
 */
@ConfigurationProperties(prefix = "safe-jdbc")
public class SafeJdbcStarterProperties {
    /** Whether DataSource beans are wrapped in SafeDataSource at all. */
    private boolean enabled = true;

    /** Names of DataSource beans to leave as they are. */
    private Set<String> excludedBeans = new LinkedHashSet<>();

    /** Enabled, nothing excluded, until the application's properties are bound. */
    public SafeJdbcStarterProperties() {
    }

    /**
     * Whether DataSource beans are wrapped.
     *
     * @return true unless {@code safe-jdbc.enabled=false}
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Switches the wrapping of DataSource beans.
     *
     * @param enabled false leaves every DataSource bean as it is
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The DataSource beans left as they are.
     *
     * @return their bean names
     */
    public Set<String> getExcludedBeans() {
        return excludedBeans;
    }

    /**
     * Names the DataSource beans to leave as they are.
     *
     * @param excludedBeans their bean names
     */
    public void setExcludedBeans(Set<String> excludedBeans) {
        this.excludedBeans = excludedBeans;
    }
}

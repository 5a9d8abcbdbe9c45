package dev.safejdbc.config;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class WithoutSafeKeysTest {

    @Test
    void removesEverySafeKeyAndKeepsTheRest() {
        Properties given = new Properties();
        given.setProperty("user", "sa");
        given.setProperty("password", "pw");
        given.setProperty("safe.mode", "report");
        given.setProperty("safe.unknown", "x");
        given.setProperty("Safe.Mode", "x");

        Properties forRealDriver = SafeOptions.withoutSafeKeys(given);

        assertThat(forRealDriver).containsOnlyKeys("user", "password");
        assertThat(forRealDriver.getProperty("password")).isEqualTo("pw");
    }

    @Test
    void leavesTheGivenPropertiesAlone() {
        Properties given = new Properties();
        given.setProperty("safe.mode", "report");

        SafeOptions.withoutSafeKeys(given);

        assertThat(given).containsOnlyKeys("safe.mode");
    }

    @Test
    void copiesChainedDefaults() {
        Properties defaults = new Properties();
        defaults.setProperty("user", "sa");
        defaults.setProperty("safe.guard", "off");
        Properties given = new Properties(defaults);
        given.setProperty("ssl", "true");

        Properties forRealDriver = SafeOptions.withoutSafeKeys(given);

        assertThat(forRealDriver).containsOnlyKeys("user", "ssl");
    }

    @Test
    void keepsNonStringEntriesForDriversThatReadThemWithGet() {
        Properties given = new Properties();
        given.put("loginTimeout", 5);
        given.put("safe.checkoutTimeoutMs", 500);

        Properties forRealDriver = SafeOptions.withoutSafeKeys(given);

        assertThat(forRealDriver).containsOnlyKeys("loginTimeout");
        assertThat(forRealDriver.get("loginTimeout")).isEqualTo(5);
    }

    @Test
    void nullGivesEmpty() {
        assertThat(SafeOptions.withoutSafeKeys(null)).isEmpty();
    }
}

package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * One place options can come from (connection properties, system properties, the environment,
 * {@code safe-jdbc.properties}, agent arguments). {@link SafeOptions#resolve(java.util.List)} asks
 * the sources in order and the first that sets a key wins.
 */
public interface OptionSource {
    /** Names this source in messages, e.g. {@code "system properties"}. */
    String name();

    /** The value set here for {@code key}, trimmed; empty when unset or blank. */
    Optional<OptionValue> lookup(OptionKey key);

    /**
     * Every name here that is meant as a safe-jdbc option (see {@link OptionKey#isSafeKey}), so that
     * misspelt keys are reported; empty for sources whose names cannot be listed.
     */
    default Set<String> safeKeys() {
        return Set.of();
    }

    /** Options among {@code properties} (null counts as empty), named {@code name} in messages. */
    static OptionSource ofProperties(String name, Properties properties) {
        return new PropertiesOptionSource(name, properties == null ? new Properties() : properties);
    }

    /** The JVM system properties. */
    static OptionSource systemProperties() {
        return ofProperties("system properties", System.getProperties());
    }

    /** The {@code SAFE_*} variables of {@code environment}, e.g. {@code SAFE_MODE} for {@code safe.mode}. */
    static OptionSource environment(Map<String, String> environment) {
        return new EnvironmentOptionSource(environment);
    }

    /** The process environment. */
    static OptionSource environment() {
        return environment(System.getenv());
    }

    /** The {@code safe-jdbc.properties} resource on the class path (read once); empty when there is none. */
    static OptionSource classpathFile() throws InvalidConfigurationException {
        return ClasspathOptionsFile.cached();
    }
}

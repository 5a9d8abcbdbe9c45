package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The four standard option sources, each injectable, in the contract's order. */
final class Layers {
    final Properties given = new Properties();
    final Properties system = new Properties();
    final Map<String, String> env = new HashMap<>();
    final Properties file = new Properties();

    List<OptionSource> sources() {
        return List.of(
                OptionSource.ofProperties("connection properties", given),
                OptionSource.ofProperties("system properties", system),
                OptionSource.environment(env),
                OptionSource.ofProperties("safe-jdbc.properties", file));
    }

    SafeOptions resolve() throws InvalidConfigurationException {
        return SafeOptions.resolve(sources());
    }
}

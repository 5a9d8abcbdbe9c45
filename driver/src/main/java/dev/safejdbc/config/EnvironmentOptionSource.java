package dev.safejdbc.config;

import java.util.Map;
import java.util.Optional;

/**
 * Options read from environment variables ({@link OptionKey#envNames()}). Unknown {@code SAFE_*}
 * variables are not reported: the environment belongs to many programs.
 */
final class EnvironmentOptionSource implements OptionSource {
    private final Map<String, String> environment;

    EnvironmentOptionSource(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "environment variables";
    }

    @Override
    public Optional<OptionValue> lookup(OptionKey key) {
        for (String envName : key.envNames()) {
            Optional<OptionValue> value = OptionValue.ifSet(environment.get(envName), "environment variable " + envName);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}

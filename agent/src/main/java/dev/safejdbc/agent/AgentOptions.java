package dev.safejdbc.agent;

import dev.safejdbc.config.OptionSource;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.error.InvalidConfigurationException;
import java.util.List;
import java.util.Properties;

/**
 * The options of a connection under the agent, first source wins: the {@code Properties} given to
 * {@code connect}, system properties, the agent's arguments, environment variables,
 * {@code safe-jdbc.properties}, defaults. System properties come before the agent's arguments so
 * that one JVM of many sharing a launch line can still be told otherwise with a {@code -D}.
 */
final class AgentOptions {
    private final OptionSource arguments;

    AgentOptions(Properties arguments) {
        this.arguments = OptionSource.ofProperties("agent arguments", arguments);
    }

    /** The options of a connection opened with {@code info} (null for a data source's connection). */
    SafeOptions resolve(Properties info) throws InvalidConfigurationException {
        return SafeOptions.resolve(List.of(
                OptionSource.ofProperties("connection properties", info),
                OptionSource.systemProperties(),
                arguments,
                OptionSource.environment(),
                OptionSource.classpathFile()));
    }
}

package dev.safejdbc.agent;

import dev.safejdbc.config.OptionKey;
import java.util.Properties;

/**
 * The agent's arguments, {@code -javaagent:safe-jdbc-agent.jar=mode=report,nested=warn}: {@code key=value}
 * pairs separated by commas, the keys being the option keys without {@code safe.}.
 */
final class AgentArguments {
    private AgentArguments() {
    }

    /**
     * The arguments as {@code safe.*} properties; null or blank gives none.
     *
     * @throws IllegalArgumentException naming the bad part and what is allowed
     */
    static Properties parse(String arguments) {
        Properties options = new Properties();
        if (arguments == null || arguments.isBlank()) {
            return options;
        }
        for (String pair : arguments.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw bad(arguments, "'" + pair + "' is not a key=value pair");
            }
            String name = pair.substring(0, eq).strip();
            OptionKey key = keyNamed(name);
            if (key == null) {
                throw bad(arguments, "unknown key '" + name + "'" + didYouMean(name));
            }
            if (options.containsKey(key.propertyKey())) {
                throw bad(arguments, "'" + name + "' is given twice");
            }
            options.setProperty(key.propertyKey(), pair.substring(eq + 1).strip());
        }
        return options;
    }

    /** The allowed keys and values, one per line, for messages and usage. */
    static String allowed() {
        StringBuilder out = new StringBuilder();
        for (OptionKey key : OptionKey.values()) {
            out.append("  ").append(key.agentName()).append('=').append(key.allowedValues())
                    .append(" (default ").append(key.defaultValue() == null ? "none" : key.defaultValue())
                    .append(")\n");
        }
        return out.toString();
    }

    private static OptionKey keyNamed(String name) {
        for (OptionKey key : OptionKey.values()) {
            if (key.agentName().equals(name)) {
                return key;
            }
        }
        return null;
    }

    private static String didYouMean(String name) {
        for (OptionKey key : OptionKey.values()) {
            if (key.agentName().equalsIgnoreCase(name) || key.propertyKey().equalsIgnoreCase(name)) {
                return " (did you mean " + key.agentName() + "?)";
            }
        }
        return "";
    }

    private static IllegalArgumentException bad(String arguments, String problem) {
        return new IllegalArgumentException("safe-jdbc agent: bad arguments '" + arguments + "': " + problem
                + ". Expected key=value pairs separated by commas (no spaces needed), with these keys:\n"
                + allowed());
    }
}

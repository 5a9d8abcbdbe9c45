package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads each key from the first source that sets it, parses it, and names the origin of a bad value. */
final class OptionResolver {
    /** Digits that always fit in a long, so parsing cannot overflow. */
    private static final int MAX_DIGITS = 19; // Long.MAX_VALUE has 19

    private final List<OptionSource> sources;

    OptionResolver(List<OptionSource> sources) throws InvalidConfigurationException {
        this.sources = List.copyOf(sources);
        rejectUnknownKeys();
    }

    <C extends OptionChoice> C choice(OptionKey key, C[] choices) throws InvalidConfigurationException {
        OptionValue found = valueOf(key);
        C choice = Choices.find(choices, found.value());
        if (choice == null) {
            throw invalid(key, found);
        }
        return choice;
    }

    long wholeNumber(OptionKey key) throws InvalidConfigurationException {
        OptionValue found = valueOf(key);
        String digits = found.value();
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !isAsciiDigits(digits)) {
            throw invalid(key, found);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(key, found); // 19 digits past Long.MAX_VALUE
        }
    }

    /**
     * Java package names separated by commas or semicolons (agent arguments are themselves
     * comma-separated); empty when nothing sets the key.
     */
    List<String> packageNames(OptionKey key) throws InvalidConfigurationException {
        OptionValue found = valueOf(key);
        if (found.value() == null) {
            return List.of();
        }
        List<String> names = Arrays.stream(found.value().split("[,;]")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        for (String name : names) {
            if (!isPackageName(name)) {
                throw invalid(key, found);
            }
        }
        return names;
    }

    /** The text as given, or null when neither a source nor the default sets it. */
    String text(OptionKey key) {
        return valueOf(key).value();
    }

    private OptionValue valueOf(OptionKey key) {
        for (OptionSource source : sources) {
            Optional<OptionValue> found = source.lookup(key);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new OptionValue(key.defaultValue(), "default");
    }

    private void rejectUnknownKeys() throws InvalidConfigurationException {
        for (OptionSource source : sources) {
            for (String name : source.safeKeys()) {
                if (OptionKey.forPropertyKey(name) == null) {
                    throw unknownKey(name, source);
                }
            }
        }
    }

    private static InvalidConfigurationException invalid(OptionKey key, OptionValue found) {
        return new InvalidConfigurationException("Invalid value '" + found.value() + "' for " + key.propertyKey()
                + " (set in " + found.origin() + "); expected " + key.allowedValues());
    }

    private static InvalidConfigurationException unknownKey(String name, OptionSource source) {
        StringBuilder message = new StringBuilder("Unknown option ").append(name)
                .append(" (set in ").append(source.name()).append(");");
        for (OptionKey key : OptionKey.values()) {
            if (key.propertyKey().equalsIgnoreCase(name)) {
                message.append(" did you mean ").append(key.propertyKey()).append('?');
            }
        }
        String separator = " known options: ";
        for (OptionKey key : OptionKey.values()) {
            message.append(separator).append(key.propertyKey());
            separator = ", ";
        }
        return new InvalidConfigurationException(message.toString());
    }

    /**
     * Java identifiers separated by single dots. A loop rather than a pattern: options are resolved
     * at start-up (the agent's {@code premain}, the first connection), where compiling a pattern of
     * Unicode classes costs more than every check it would ever make.
     */
    private static boolean isPackageName(String name) {
        boolean identifierStarts = true;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            boolean allowed = identifierStarts ? Character.isJavaIdentifierStart(c)
                    : c == '.' || Character.isJavaIdentifierPart(c);
            if (!allowed) {
                return false;
            }
            identifierStarts = c == '.';
            i += Character.charCount(c);
        }
        return !identifierStarts;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

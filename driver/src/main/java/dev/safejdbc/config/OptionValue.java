package dev.safejdbc.config;

import java.util.Optional;

/**
 * A value one {@link OptionSource} gives for a key, and where exactly it came from, e.g.
 * {@code "environment variable SAFE_MODE"}, so that a bad value can be traced to its origin.
 */
public record OptionValue(String value, String origin) {

    /** The trimmed value with its origin, or empty when {@code raw} is null or blank (blank counts as unset). */
    public static Optional<OptionValue> ifSet(String raw, String origin) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OptionValue(raw.strip(), origin));
    }
}

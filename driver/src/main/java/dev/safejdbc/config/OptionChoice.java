package dev.safejdbc.config;

/** An option value that users write as one fixed lower-case word, such as {@code zero-rows}. */
public interface OptionChoice {
    /** The word as written in options, e.g. {@code "enforce"}. */
    String text();
}

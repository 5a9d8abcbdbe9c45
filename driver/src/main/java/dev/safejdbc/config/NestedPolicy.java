package dev.safejdbc.config;

/**
 * {@code safe.nested}: what a nested session gets. Shared in-memory databases always fail,
 * whatever this says, because nesting there is a deadlock.
 */
public enum NestedPolicy implements OptionChoice {
    /** Throw SQLState 25001 before anything is sent. */
    FAIL("fail"),
    /** Log and record a finding, then go on. */
    WARN("warn"),
    /** Say nothing. */
    ALLOW("allow");

    private final String text;

    NestedPolicy(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}

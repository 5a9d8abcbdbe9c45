package dev.safejdbc.config;

/**
 * {@code safe.nested}: what a nested session gets. Shared in-memory databases always fail,
 * whatever this says, because nesting there is a deadlock.
 */
public enum NestedPolicy implements OptionChoice {
    /**
     * Throw SQLState 25001 when the nested session would wait for its own thread (a pool with no
     * free connection, a lock its outer transaction holds); any other nested session runs and is
     * recorded as a finding.
     */
    FAIL("fail"),
    /** Throw SQLState 25001 for every nested statement, before anything is sent. */
    STRICT("strict"),
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

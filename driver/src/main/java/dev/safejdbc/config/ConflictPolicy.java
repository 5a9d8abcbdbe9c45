package dev.safejdbc.config;

/** {@code safe.onConflict}: what a guarded write that lost its race gets. */
public enum ConflictPolicy implements OptionChoice {
    /** Throw SQLState 40001. */
    THROW("throw"),
    /** Report 0 rows changed, as the plain write would have. */
    ZERO_ROWS("zero-rows");

    private final String text;

    ConflictPolicy(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}

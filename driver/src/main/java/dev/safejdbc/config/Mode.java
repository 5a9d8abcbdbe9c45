package dev.safejdbc.config;

/** {@code safe.mode}: how much safe-jdbc intervenes. */
public enum Mode implements OptionChoice {
    /** Fail fast and rewrite. */
    ENFORCE("enforce"),
    /** Change nothing; only log and record findings. */
    REPORT("report"),
    /** Pass-through. */
    OFF("off");

    private final String text;

    Mode(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}

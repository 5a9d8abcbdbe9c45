package dev.safejdbc.config;

import java.util.List;

/** The {@code safe.*} option keys of the contract, with their environment names, defaults and allowed values. */
public enum OptionKey {
    MODE("safe.mode", Mode.ENFORCE, Mode.values(), "SAFE_MODE"),
    NESTED("safe.nested", NestedPolicy.FAIL, NestedPolicy.values(), "SAFE_NESTED"),
    GUARD("safe.guard", OnOff.ON, OnOff.values(), "SAFE_GUARD"),
    ON_CONFLICT("safe.onConflict", ConflictPolicy.THROW, ConflictPolicy.values(),
            "SAFE_ON_CONFLICT", "SAFE_ONCONFLICT"),
    CHECKOUT_TIMEOUT_MS("safe.checkoutTimeoutMs", "30000",
            "a whole number of milliseconds from 0 (do not wait) to 9223372036854775807",
            "SAFE_CHECKOUT_TIMEOUT_MS", "SAFE_CHECKOUTTIMEOUTMS"),
    REPORT("safe.report", null, "a file path", "SAFE_REPORT"),
    APP_PACKAGES("safe.appPackages", null,
            "package names separated by commas (or semicolons, as agent arguments need), such as com.example.shop",
            "SAFE_APP_PACKAGES", "SAFE_APPPACKAGES");

    /** Every option key starts with this; the agent's argument names are the keys without it. */
    static final String PREFIX = "safe.";

    private final String propertyKey;
    private final String defaultValue;
    private final String allowedValues;
    private final List<String> envNames;

    OptionKey(String propertyKey, OptionChoice defaultChoice, OptionChoice[] choices, String... envNames) {
        this(propertyKey, defaultChoice.text(), "one of: " + Choices.list(choices), envNames);
    }

    OptionKey(String propertyKey, String defaultValue, String allowedValues, String... envNames) {
        this.propertyKey = propertyKey;
        this.defaultValue = defaultValue;
        this.allowedValues = allowedValues;
        this.envNames = List.of(envNames);
    }

    /** The key in {@code Properties}, system properties and {@code safe-jdbc.properties}, e.g. {@code safe.onConflict}. */
    public String propertyKey() {
        return propertyKey;
    }

    /** The environment variables read for this key, preferred name first, e.g. {@code SAFE_ON_CONFLICT}. */
    public List<String> envNames() {
        return envNames;
    }

    /** The value used when no source sets this key, as written in options; null for "none". */
    public String defaultValue() {
        return defaultValue;
    }

    /** What a value must look like, for messages, e.g. {@code one of: enforce, report, off}. */
    public String allowedValues() {
        return allowedValues;
    }

    /** The name of this key in agent arguments: the key without {@code safe.}, e.g. {@code onConflict}. */
    public String agentName() {
        return propertyKey.substring(PREFIX.length());
    }

    /** The key named exactly {@code propertyKey}, or null when there is none. */
    public static OptionKey forPropertyKey(String propertyKey) {
        for (OptionKey key : values()) {
            if (key.propertyKey.equals(propertyKey)) {
                return key;
            }
        }
        return null;
    }

    /**
     * Whether a property name is meant as a safe-jdbc option. The prefix is matched ignoring case
     * so that a misspelt {@code Safe.mode} is reported instead of silently reaching the real driver.
     */
    public static boolean isSafeKey(String name) {
        String key = name.strip(); // " safe.mode" is a misspelt option, not something for the real driver
        return key.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}

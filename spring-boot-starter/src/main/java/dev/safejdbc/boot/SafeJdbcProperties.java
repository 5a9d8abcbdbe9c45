package dev.safejdbc.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code safe.*} options of the application's properties, handed to every wrapped
 * DataSource. They come before JVM system properties, environment variables and a
 * {@code safe-jdbc.properties} file, as the {@code Properties} of {@code SafeDataSource.wrap}
 * always do; an option left out here is read from those. Values are checked by safe-jdbc itself,
 * which names the key and what it allows.
 */
@ConfigurationProperties(prefix = "safe")
public class SafeJdbcProperties {
    /** What safe-jdbc does: enforce (fail fast and rewrite), report (only log and record findings), off. */
    private String mode;

    /** What a nested session gets: fail, strict, warn or allow. */
    private String nested;

    /** The check-then-act guard: on or off. */
    private String guard;

    /** What a guarded write that lost its race gets: throw (SQLState 40001) or zero-rows. */
    private String onConflict;

    /** Longest wait in milliseconds for a shared in-memory database's connection; 0 means do not wait. */
    private Long checkoutTimeoutMs;

    /** Where the JSON findings report is written at JVM exit. */
    private String report;

    /** The application's own packages: messages and findings name their frames first. */
    private List<String> appPackages = new ArrayList<>();

    /** Nothing set: each option is then read from safe-jdbc's other sources. */
    public SafeJdbcProperties() {
    }

    /**
     * What safe-jdbc does.
     *
     * @return {@code enforce}, {@code report}, {@code off}, or null when not set here
     */
    public String getMode() {
        return mode;
    }

    /**
     * Sets what safe-jdbc does.
     *
     * @param mode {@code enforce}, {@code report} or {@code off}
     */
    public void setMode(String mode) {
        this.mode = mode;
    }

    /**
     * What a nested session gets.
     *
     * @return {@code fail}, {@code strict}, {@code warn}, {@code allow}, or null when not set here
     */
    public String getNested() {
        return nested;
    }

    /**
     * Sets what a nested session gets.
     *
     * @param nested {@code fail}, {@code strict}, {@code warn} or {@code allow}
     */
    public void setNested(String nested) {
        this.nested = nested;
    }

    /**
     * The check-then-act guard.
     *
     * @return {@code on}, {@code off}, or null when not set here
     */
    public String getGuard() {
        return guard;
    }

    /**
     * Switches the check-then-act guard.
     *
     * @param guard {@code on} or {@code off}
     */
    public void setGuard(String guard) {
        this.guard = guard;
    }

    /**
     * What a guarded write that lost its race gets.
     *
     * @return {@code throw}, {@code zero-rows}, or null when not set here
     */
    public String getOnConflict() {
        return onConflict;
    }

    /**
     * Sets what a guarded write that lost its race gets.
     *
     * @param onConflict {@code throw} or {@code zero-rows}
     */
    public void setOnConflict(String onConflict) {
        this.onConflict = onConflict;
    }

    /**
     * Longest wait for a shared in-memory database's connection.
     *
     * @return milliseconds, or null when not set here
     */
    public Long getCheckoutTimeoutMs() {
        return checkoutTimeoutMs;
    }

    /**
     * Sets the longest wait for a shared in-memory database's connection.
     *
     * @param checkoutTimeoutMs milliseconds; 0 means do not wait
     */
    public void setCheckoutTimeoutMs(Long checkoutTimeoutMs) {
        this.checkoutTimeoutMs = checkoutTimeoutMs;
    }

    /**
     * Where the JSON findings report is written at JVM exit.
     *
     * @return a file path, or null when not set here
     */
    public String getReport() {
        return report;
    }

    /**
     * Sets where the JSON findings report is written at JVM exit.
     *
     * @param report a file path
     */
    public void setReport(String report) {
        this.report = report;
    }

    /**
     * The application's own packages.
     *
     * @return the package names; empty when not set here
     */
    public List<String> getAppPackages() {
        return appPackages;
    }

    /**
     * Names the application's own packages.
     *
     * @param appPackages the package names
     */
    public void setAppPackages(List<String> appPackages) {
        this.appPackages = appPackages;
    }

    /** The options that are set, under safe-jdbc's own keys, for {@code SafeDataSource.wrap}. */
    Properties toOptions() {
        Properties options = new Properties();
        put(options, "safe.mode", mode);
        put(options, "safe.nested", nested);
        put(options, "safe.guard", guard);
        put(options, "safe.onConflict", onConflict);
        put(options, "safe.checkoutTimeoutMs", checkoutTimeoutMs == null ? null : checkoutTimeoutMs.toString());
        put(options, "safe.report", report);
        put(options, "safe.appPackages", appPackages.isEmpty() ? null : String.join(",", appPackages));
        return options;
    }

    private static void put(Properties options, String key, String value) {
        if (value != null) {
            options.setProperty(key, value);
        }
    }
}

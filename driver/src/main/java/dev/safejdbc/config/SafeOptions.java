package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;

import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The resolved {@code safe.*} options of one connection (see CONTRACT.md, "Options").
 *
 * @param mode              {@code safe.mode}, default enforce
 * @param nested            {@code safe.nested}, default fail
 * @param guard             {@code safe.guard}, default on
 * @param onConflict        {@code safe.onConflict}, default throw
 * @param checkoutTimeoutMs {@code safe.checkoutTimeoutMs}, default 30000; 0 means do not wait
 * @param reportPath        {@code safe.report}; null when no report is to be written
 * @param appPackages       {@code safe.appPackages}: the application's own packages, whose frames
 *                          messages and findings name first; empty when none are named
 */
public record SafeOptions(Mode mode, NestedPolicy nested, boolean guard, ConflictPolicy onConflict,
                          long checkoutTimeoutMs, String reportPath, List<String> appPackages) {

    /** Options that name no application packages. */
    public SafeOptions(Mode mode, NestedPolicy nested, boolean guard, ConflictPolicy onConflict,
                       long checkoutTimeoutMs, String reportPath) {
        this(mode, nested, guard, onConflict, checkoutTimeoutMs, reportPath, List.of());
    }

    public SafeOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(nested, "nested");
        Objects.requireNonNull(onConflict, "onConflict");
        appPackages = List.copyOf(appPackages);
        if (checkoutTimeoutMs < 0) {
            throw new IllegalArgumentException("checkoutTimeoutMs must be >= 0, was " + checkoutTimeoutMs);
        }
    }

    /**
     * The options for a {@code connect(url, given)}: from {@code given}, then system properties,
     * environment variables, {@code safe-jdbc.properties}, defaults (first wins, per key).
     */
    public static SafeOptions resolve(Properties given) throws InvalidConfigurationException {
        return resolve(standardSources(given));
    }

    /** The options from {@code sources}, asked in order (first wins, per key), then the defaults. */
    public static SafeOptions resolve(List<OptionSource> sources) throws InvalidConfigurationException {
        OptionResolver options = new OptionResolver(sources);
        return new SafeOptions(
                options.choice(OptionKey.MODE, Mode.values()),
                options.choice(OptionKey.NESTED, NestedPolicy.values()),
                options.choice(OptionKey.GUARD, OnOff.values()) == OnOff.ON,
                options.choice(OptionKey.ON_CONFLICT, ConflictPolicy.values()),
                options.wholeNumber(OptionKey.CHECKOUT_TIMEOUT_MS),
                options.text(OptionKey.REPORT),
                options.packageNames(OptionKey.APP_PACKAGES));
    }

    /** The contract's sources in order, {@code given} first; a caller may put its own sources in front. */
    public static List<OptionSource> standardSources(Properties given) throws InvalidConfigurationException {
        return List.of(
                OptionSource.ofProperties("connection properties", given),
                OptionSource.systemProperties(),
                OptionSource.environment(),
                OptionSource.classpathFile());
    }

    /**
     * A copy of {@code given} for the real driver, without the {@code safe.*} keys (null gives an
     * empty copy). Defaults chained into {@code given} are copied too, and so are non-String
     * entries, which some drivers read with {@code get}.
     */
    public static Properties withoutSafeKeys(Properties given) {
        Properties forRealDriver = new Properties();
        if (given == null) {
            return forRealDriver;
        }
        for (String name : given.stringPropertyNames()) {
            if (!OptionKey.isSafeKey(name)) {
                forRealDriver.setProperty(name, given.getProperty(name));
            }
        }
        given.forEach((key, value) -> {
            if (!(key instanceof String name && OptionKey.isSafeKey(name)) && !forRealDriver.containsKey(key)) {
                forRealDriver.put(key, value);
            }
        });
        return forRealDriver;
    }
}

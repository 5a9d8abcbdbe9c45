package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeOptionsResolveTest {
    private static final SafeOptions DEFAULTS =
            new SafeOptions(Mode.ENFORCE, NestedPolicy.FAIL, true, ConflictPolicy.THROW, 30_000, null);

    private final Layers layers = new Layers();

    @Test
    void noSourceGivesTheDefaults() throws InvalidConfigurationException {
        assertThat(SafeOptions.resolve(List.of())).isEqualTo(DEFAULTS);
        assertThat(layers.resolve()).isEqualTo(DEFAULTS);
    }

    @Test
    void everyKeyIsRead() throws InvalidConfigurationException {
        layers.given.setProperty("safe.mode", "report");
        layers.given.setProperty("safe.nested", "warn");
        layers.given.setProperty("safe.guard", "off");
        layers.given.setProperty("safe.onConflict", "zero-rows");
        layers.given.setProperty("safe.checkoutTimeoutMs", "0");
        layers.given.setProperty("safe.report", "target/findings.json");

        assertThat(layers.resolve()).isEqualTo(new SafeOptions(
                Mode.REPORT, NestedPolicy.WARN, false, ConflictPolicy.ZERO_ROWS, 0, "target/findings.json"));
    }

    @Test
    void valuesAreTrimmedAndCaseInsensitive() throws InvalidConfigurationException {
        layers.given.setProperty("safe.mode", "  OFF ");
        layers.given.setProperty("safe.nested", "Allow");
        layers.given.setProperty("safe.guard", "ON\t");
        layers.given.setProperty("safe.onConflict", " Zero-Rows");
        layers.given.setProperty("safe.checkoutTimeoutMs", " 250 ");
        layers.given.setProperty("safe.report", "  /tmp/r.json  ");

        assertThat(layers.resolve()).isEqualTo(new SafeOptions(
                Mode.OFF, NestedPolicy.ALLOW, true, ConflictPolicy.ZERO_ROWS, 250, "/tmp/r.json"));
    }

    @Test
    void givenBeatsSystemBeatsEnvironmentBeatsFileBeatsDefault() throws InvalidConfigurationException {
        layers.file.setProperty("safe.mode", "off");
        assertThat(layers.resolve().mode()).isEqualTo(Mode.OFF);

        layers.env.put("SAFE_MODE", "report");
        assertThat(layers.resolve().mode()).isEqualTo(Mode.REPORT);

        layers.system.setProperty("safe.mode", "off");
        assertThat(layers.resolve().mode()).isEqualTo(Mode.OFF);

        layers.given.setProperty("safe.mode", "enforce");
        assertThat(layers.resolve().mode()).isEqualTo(Mode.ENFORCE);
    }

    @Test
    void firstWinsPerKeyNotPerSource() throws InvalidConfigurationException {
        layers.given.setProperty("safe.mode", "report");
        layers.system.setProperty("safe.nested", "warn");
        layers.env.put("SAFE_GUARD", "off");
        layers.file.setProperty("safe.checkoutTimeoutMs", "5");
        layers.file.setProperty("safe.mode", "off");

        assertThat(layers.resolve()).isEqualTo(new SafeOptions(
                Mode.REPORT, NestedPolicy.WARN, false, ConflictPolicy.THROW, 5, null));
    }

    @Test
    void sourcesPutInFrontWin() throws InvalidConfigurationException {
        layers.given.setProperty("safe.mode", "report");
        OptionSource agentArguments = new OptionSource() {
            @Override
            public String name() {
                return "agent arguments";
            }

            @Override
            public Optional<OptionValue> lookup(OptionKey key) {
                return key == OptionKey.MODE ? OptionValue.ifSet("off", "agent argument mode") : Optional.empty();
            }
        };
        List<OptionSource> sources = new java.util.ArrayList<>(layers.sources());
        sources.add(0, agentArguments);

        assertThat(SafeOptions.resolve(sources).mode()).isEqualTo(Mode.OFF);
    }

    @Test
    void nonStringValuesInTheGivenPropertiesAreReadAsText() throws InvalidConfigurationException {
        Properties given = new Properties();
        given.put("safe.checkoutTimeoutMs", 500);

        assertThat(SafeOptions.resolve(List.of(OptionSource.ofProperties("connection properties", given)))
                .checkoutTimeoutMs()).isEqualTo(500);
        given.put("safe.guard", Boolean.TRUE); // read as "true": not on/off, so refused
        assertThatThrownBy(() -> SafeOptions.resolve(List.of(OptionSource.ofProperties("connection properties", given))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("safe.guard");
    }

    @Test
    void environmentAliasesAreAccepted() throws InvalidConfigurationException {
        layers.env.put("SAFE_ONCONFLICT", "zero-rows");
        layers.env.put("SAFE_CHECKOUTTIMEOUTMS", "7");

        SafeOptions options = layers.resolve();

        assertThat(options.onConflict()).isEqualTo(ConflictPolicy.ZERO_ROWS);
        assertThat(options.checkoutTimeoutMs()).isEqualTo(7);
    }

    @Test
    void preferredEnvironmentNameBeatsTheAlias() throws InvalidConfigurationException {
        layers.env.put("SAFE_ON_CONFLICT", "throw");
        layers.env.put("SAFE_ONCONFLICT", "zero-rows");
        layers.env.put("SAFE_CHECKOUT_TIMEOUT_MS", "1");
        layers.env.put("SAFE_CHECKOUTTIMEOUTMS", "2");

        SafeOptions options = layers.resolve();

        assertThat(options.onConflict()).isEqualTo(ConflictPolicy.THROW);
        assertThat(options.checkoutTimeoutMs()).isEqualTo(1);
    }

    @Test
    void everyEnvironmentNameIsRead() throws InvalidConfigurationException {
        layers.env.put("SAFE_MODE", "off");
        layers.env.put("SAFE_NESTED", "allow");
        layers.env.put("SAFE_GUARD", "off");
        layers.env.put("SAFE_ON_CONFLICT", "zero-rows");
        layers.env.put("SAFE_CHECKOUT_TIMEOUT_MS", "9");
        layers.env.put("SAFE_REPORT", "r.json");

        assertThat(layers.resolve()).isEqualTo(new SafeOptions(
                Mode.OFF, NestedPolicy.ALLOW, false, ConflictPolicy.ZERO_ROWS, 9, "r.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", " \n "})
    void blankValuesCountAsUnset(String blank) throws InvalidConfigurationException {
        layers.given.setProperty("safe.mode", blank);
        layers.system.setProperty("safe.mode", "report");
        layers.given.setProperty("safe.checkoutTimeoutMs", blank);
        layers.env.put("SAFE_ON_CONFLICT", blank);
        layers.env.put("SAFE_ONCONFLICT", "zero-rows");
        layers.env.put("SAFE_REPORT", blank);
        layers.file.setProperty("safe.guard", blank);

        SafeOptions options = layers.resolve();

        assertThat(options.mode()).isEqualTo(Mode.REPORT);
        assertThat(options.checkoutTimeoutMs()).isEqualTo(30_000);
        assertThat(options.onConflict()).isEqualTo(ConflictPolicy.ZERO_ROWS);
        assertThat(options.reportPath()).isNull();
        assertThat(options.guard()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "given,  connection properties",
            "system, system properties",
            "file,   safe-jdbc.properties",
    })
    void badValueNamesKeyValueOriginAndWhatWasExpected(String layer, String origin) {
        layerNamed(layer).setProperty("safe.mode", "loud");

        assertThatThrownBy(layers::resolve)
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessage("Invalid value 'loud' for safe.mode (set in " + origin
                        + "); expected one of: enforce, report, off");
    }

    @ParameterizedTest
    @CsvSource({
            "SAFE_NESTED,      safe.nested,            'one of: fail, strict, warn, allow'",
            "SAFE_GUARD,       safe.guard,             'one of: on, off'",
            "SAFE_ONCONFLICT,  safe.onConflict,        'one of: throw, zero-rows'",
            "SAFE_CHECKOUTTIMEOUTMS, safe.checkoutTimeoutMs, a whole number of milliseconds from 0",
    })
    void badEnvironmentValueNamesTheVariable(String variable, String key, String expected) {
        layers.env.put(variable, "maybe");

        assertThatThrownBy(layers::resolve)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'maybe' for " + key)
                .hasMessageContaining("(set in environment variable " + variable + ")")
                .hasMessageContaining("expected " + expected);
    }

    @Test
    void badValueIsReportedEvenWhenALaterSourceIsGood() {
        layers.system.setProperty("safe.guard", "yes");
        layers.file.setProperty("safe.guard", "on");

        assertThatThrownBy(layers::resolve).hasMessageContaining("'yes' for safe.guard (set in system properties)");
    }

    @Test
    void theLargestTimeoutIsAccepted() throws InvalidConfigurationException {
        Properties given = new Properties();
        given.setProperty("safe.checkoutTimeoutMs", "9223372036854775807");
        assertThat(SafeOptions.resolve(List.of(OptionSource.ofProperties("connection properties", given)))
                .checkoutTimeoutMs()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "30s", "1e3", "0x10", "+5", "99999999999999999999", "\u0663", "1 000"})
    void checkoutTimeoutMustBeAWholeNumberAtLeastZero(String bad) {
        layers.given.setProperty("safe.checkoutTimeoutMs", bad);

        assertThatThrownBy(layers::resolve)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("safe.checkoutTimeoutMs")
                .hasMessageContaining("expected a whole number of milliseconds from 0 (do not wait) to 9223372036854775807");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "00, 0", "1, 1", "999999999999999999, 999999999999999999"})
    void checkoutTimeoutAcceptsZeroAndLargeNumbers(String text, long millis) throws InvalidConfigurationException {
        layers.given.setProperty("safe.checkoutTimeoutMs", text);

        assertThat(layers.resolve().checkoutTimeoutMs()).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({
            "given,  safe.mdoe,       connection properties",
            "system, safe.timeout,    system properties",
            "file,   safe.,           safe-jdbc.properties",
    })
    void unknownKeyIsRejectedListingTheKnownOnes(String layer, String unknown, String origin) {
        layerNamed(layer).setProperty(unknown, "x");

        assertThatThrownBy(layers::resolve)
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessage("Unknown option " + unknown + " (set in " + origin + "); known options: safe.mode, "
                        + "safe.nested, safe.guard, safe.onConflict, safe.checkoutTimeoutMs, safe.report, safe.appPackages")
                .hasMessageNotContaining("did you mean");
    }

    @ParameterizedTest
    @CsvSource({
            "safe.onconflict,        safe.onConflict",
            "safe.Mode,              safe.mode",
            "SAFE.CHECKOUTTIMEOUTMS, safe.checkoutTimeoutMs",
            "Safe.Report,            safe.report",
    })
    void keyDifferingOnlyByCaseGetsASuggestion(String misspelt, String meant) {
        layers.given.setProperty(misspelt, "x");

        assertThatThrownBy(layers::resolve).hasMessageContaining("did you mean " + meant + "?");
    }

    @Test
    void unknownKeyIsRejectedEvenWithABlankValue() {
        layers.given.setProperty("safe.mdoe", " ");

        assertThatThrownBy(layers::resolve).hasMessageContaining("Unknown option safe.mdoe");
    }

    @Test
    void otherKeysAndUnknownEnvironmentVariablesAreIgnored() throws InvalidConfigurationException {
        layers.given.setProperty("user", "sa");
        layers.system.setProperty("java.version", "17");
        layers.env.put("SAFE_WHATEVER", "x");

        assertThat(layers.resolve()).isEqualTo(DEFAULTS);
    }

    @Test
    void defaultsChainedIntoGivenPropertiesAreRead() throws InvalidConfigurationException {
        Properties defaults = new Properties();
        defaults.setProperty("safe.mode", "report");
        Properties given = new Properties(defaults);

        assertThat(SafeOptions.resolve(List.of(OptionSource.ofProperties("connection properties", given))).mode())
                .isEqualTo(Mode.REPORT);
    }

    @Test
    void nullGivenPropertiesCountAsEmpty() throws InvalidConfigurationException {
        assertThat(SafeOptions.resolve(List.of(OptionSource.ofProperties("connection properties", null))))
                .isEqualTo(DEFAULTS);
    }

    @Test
    void productionResolveReadsTheGivenProperties() throws InvalidConfigurationException {
        Properties given = new Properties();
        given.setProperty("safe.nested", "allow");

        assertThat(SafeOptions.resolve(given).nested()).isEqualTo(NestedPolicy.ALLOW);
    }

    @Test
    void appPackagesAreSeparatedByCommasOrSemicolonsAndDefaultToNone() throws InvalidConfigurationException {
        assertThat(layers.resolve().appPackages()).isEmpty();

        layers.given.setProperty("safe.appPackages", " com.shop, com.shop.billing;org.acme ,");

        assertThat(layers.resolve().appPackages()).containsExactly("com.shop", "com.shop.billing", "org.acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com..shop", "com.shop.", ".com.shop", "1com", "com.shop/billing", "com shop"})
    void appPackagesMustBePackageNames(String bad) {
        layers.given.setProperty("safe.appPackages", bad);

        assertThatThrownBy(layers::resolve).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("safe.appPackages").hasMessageContaining("com.example.shop");
    }

    @Test
    void standardSourcesAreInTheContractsOrder() throws InvalidConfigurationException {
        assertThat(SafeOptions.standardSources(null)).extracting(OptionSource::name)
                .startsWith("connection properties", "system properties", "environment variables")
                .last().asString().startsWith("safe-jdbc.properties");
    }

    @ParameterizedTest
    @EnumSource(OptionKey.class)
    void noValueEverCausesARuntimeException(OptionKey key) {
        for (String weird : new String[] {"\u0000", "null", "on;", "enforce,report", "${x}", "\uD800", "x".repeat(10_000), "-0"}) {
            layers.given.setProperty(key.propertyKey(), weird);
            try {
                layers.resolve();
            } catch (InvalidConfigurationException expected) {
                assertThat(expected.getMessage()).contains(key.propertyKey());
            }
        }
    }

    @Test
    void optionsRejectANegativeTimeoutAndMissingChoices() {
        assertThatThrownBy(() -> new SafeOptions(Mode.OFF, NestedPolicy.FAIL, true, ConflictPolicy.THROW, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SafeOptions(null, NestedPolicy.FAIL, true, ConflictPolicy.THROW, 0, null))
                .isInstanceOf(NullPointerException.class);
    }

    private Properties layerNamed(String layer) {
        return switch (layer) {
            case "given" -> layers.given;
            case "system" -> layers.system;
            case "file" -> layers.file;
            default -> throw new IllegalArgumentException(layer);
        };
    }
}

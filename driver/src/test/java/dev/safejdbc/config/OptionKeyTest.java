package dev.safejdbc.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptionKeyTest {

    @Test
    void keysAreTheContractsSeven() {
        assertThat(Arrays.stream(OptionKey.values()).map(OptionKey::propertyKey)).containsExactly(
                "safe.mode", "safe.nested", "safe.guard", "safe.onConflict", "safe.checkoutTimeoutMs", "safe.report",
                "safe.appPackages");
    }

    @Test
    void environmentNamesPreferredFirstThenAccepted() {
        assertThat(OptionKey.MODE.envNames()).containsExactly("SAFE_MODE");
        assertThat(OptionKey.NESTED.envNames()).containsExactly("SAFE_NESTED");
        assertThat(OptionKey.GUARD.envNames()).containsExactly("SAFE_GUARD");
        assertThat(OptionKey.ON_CONFLICT.envNames()).containsExactly("SAFE_ON_CONFLICT", "SAFE_ONCONFLICT");
        assertThat(OptionKey.CHECKOUT_TIMEOUT_MS.envNames()).containsExactly("SAFE_CHECKOUT_TIMEOUT_MS", "SAFE_CHECKOUTTIMEOUTMS");
        assertThat(OptionKey.REPORT.envNames()).containsExactly("SAFE_REPORT");
        assertThat(OptionKey.APP_PACKAGES.envNames()).containsExactly("SAFE_APP_PACKAGES", "SAFE_APPPACKAGES");
    }

    @Test
    void agentNamesAreTheKeysWithoutSafe() {
        assertThat(Arrays.stream(OptionKey.values()).map(OptionKey::agentName)).containsExactly(
                "mode", "nested", "guard", "onConflict", "checkoutTimeoutMs", "report", "appPackages");
    }

    @Test
    void defaultsAreTheContracts() {
        assertThat(Arrays.stream(OptionKey.values()).map(OptionKey::defaultValue)).containsExactly(
                "enforce", "fail", "on", "throw", "30000", null, null);
    }

    @Test
    void allowedValuesListTheWords() {
        assertThat(OptionKey.MODE.allowedValues()).isEqualTo("one of: enforce, report, off");
        assertThat(OptionKey.NESTED.allowedValues()).isEqualTo("one of: fail, strict, warn, allow");
        assertThat(OptionKey.GUARD.allowedValues()).isEqualTo("one of: on, off");
        assertThat(OptionKey.ON_CONFLICT.allowedValues()).isEqualTo("one of: throw, zero-rows");
        assertThat(OptionKey.CHECKOUT_TIMEOUT_MS.allowedValues()).contains("whole number", "from 0", "9223372036854775807");
    }

    @Test
    void choiceWordsAreTheContracts() {
        assertThat(texts(Mode.values())).containsExactly("enforce", "report", "off");
        assertThat(texts(NestedPolicy.values())).containsExactly("fail", "strict", "warn", "allow");
        assertThat(texts(ConflictPolicy.values())).containsExactly("throw", "zero-rows");
    }

    @Test
    void choicesAreFoundTrimmedAndIgnoringCase() {
        assertThat(Choices.find(ConflictPolicy.values(), "  Zero-ROWS\t")).isEqualTo(ConflictPolicy.ZERO_ROWS);
        assertThat(Choices.find(ConflictPolicy.values(), "zero_rows")).isNull();
    }

    @Test
    void forPropertyKeyIsExact() {
        assertThat(OptionKey.forPropertyKey("safe.onConflict")).isEqualTo(OptionKey.ON_CONFLICT);
        assertThat(OptionKey.forPropertyKey("safe.onconflict")).isNull();
        assertThat(OptionKey.forPropertyKey("mode")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"safe.mode", "safe.whatever", "Safe.mode", "SAFE.MODE", "safe."})
    void safeKeysStartWithSafeDotInAnyCase(String name) {
        assertThat(OptionKey.isSafeKey(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "password", "safe", "safemode", "unsafe.mode", ""})
    void otherNamesAreNotSafeKeys(String name) {
        assertThat(OptionKey.isSafeKey(name)).isFalse();
    }

    private static List<String> texts(OptionChoice[] choices) {
        return Arrays.stream(choices).map(OptionChoice::text).toList();
    }
}

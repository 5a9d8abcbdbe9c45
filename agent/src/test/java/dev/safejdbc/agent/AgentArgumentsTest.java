package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentArgumentsTest {
    @Test
    void keysAreTheOptionKeysWithoutSafe() {
        Properties options = AgentArguments.parse(
                "mode=report,nested=warn,guard=off,onConflict=zero-rows,checkoutTimeoutMs=500,report=/tmp/r.json");
        assertThat(options).containsOnly(
                entry("safe.mode", "report"), entry("safe.nested", "warn"), entry("safe.guard", "off"),
                entry("safe.onConflict", "zero-rows"), entry("safe.checkoutTimeoutMs", "500"),
                entry("safe.report", "/tmp/r.json"));
    }

    @Test
    void spacesAroundKeysAndValuesAreTrimmedAndValuesMayContainEquals() {
        assertThat(AgentArguments.parse(" mode = report , report=/tmp/a=b.json"))
                .containsOnly(entry("safe.mode", "report"), entry("safe.report", "/tmp/a=b.json"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noArgumentsAreNoOptions(String arguments) {
        assertThat(AgentArguments.parse(arguments)).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> AgentArguments.parse("mode=report,mood=enforce"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'mood'")
                .hasMessageContaining("mode=one of: enforce, report, off")
                .hasMessageContaining("checkoutTimeoutMs=")
                .hasMessageContaining("report=a file path");
    }

    @Test
    void aMisspeltKeyGetsAHint() {
        assertThatThrownBy(() -> AgentArguments.parse("onconflict=throw"))
                .hasMessageContaining("did you mean onConflict?");
        assertThatThrownBy(() -> AgentArguments.parse("safe.mode=report"))
                .hasMessageContaining("did you mean mode?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "mode=report,", "mode=report,,nested=warn"})
    void somethingThatIsNotAPairIsRefused(String arguments) {
        assertThatThrownBy(() -> AgentArguments.parse(arguments))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a key=value pair")
                .hasMessageContaining("key=value pairs separated by commas");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> AgentArguments.parse("mode=report,mode=enforce"))
                .hasMessageContaining("'mode' is given twice");
    }

    @Test
    void valuesAreCheckedWhereAllOptionsAreCheckedAndSystemPropertiesComeFirst() throws Exception {
        AgentOptions options = new AgentOptions(AgentArguments.parse("mode=report,nested=warn"));
        String before = System.getProperty("safe.mode");
        System.setProperty("safe.mode", "off");
        try {
            assertThat(options.resolve(null).mode().text()).isEqualTo("off");
            assertThat(options.resolve(null).nested().text()).isEqualTo("warn");
            Properties connect = new Properties();
            connect.setProperty("safe.mode", "enforce");
            assertThat(options.resolve(connect).mode().text()).isEqualTo("enforce");
        } finally {
            if (before == null) {
                System.clearProperty("safe.mode");
            } else {
                System.setProperty("safe.mode", before);
            }
        }
        assertThatThrownBy(() -> new AgentOptions(AgentArguments.parse("mode=loud")).resolve(null))
                .hasMessageContaining("Invalid value 'loud' for safe.mode (set in agent arguments)");
    }

    private static Map.Entry<Object, Object> entry(String key, String value) {
        return Map.entry(key, value);
    }
}

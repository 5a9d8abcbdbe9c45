package dev.safejdbc.findings;

import dev.safejdbc.testing.MiniJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    private static String quoted(String text) {
        return Json.string(new StringBuilder(), text).toString();
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(quoted("say \"hi\" to C:\\temp\\")).isEqualTo("\"say \\\"hi\\\" to C:\\\\temp\\\\\"");
        assertThat(quoted("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
        assertThat(quoted("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\u007f\"");
    }

    @Test
    void keepsUnicodeAsIs() {
        assertThat(quoted("héllo ✓ 😀 \u2028 /")).isEqualTo("\"héllo ✓ 😀 \u2028 /\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plain",
            "\"",
            "\\",
            "\\\"",
            "\"\\u0041\"",
            "line one\nline two\r\n\ttabbed",
            "\u0000 nul, \u0007 bell, \u001b[31m escape, \u007f delete",
            "ünïcödé, 中文, emoji 😀, separators \u2028\u2029",
            "jdbc:sqlite:file:C:\\data\\shop.db?mode=ro&x=\"y\""})
    void roundTripsThroughAStrictReader(String nasty) {
        assertThat(MiniJson.parse(quoted(nasty))).isEqualTo(nasty);
    }
}

package dev.safejdbc.guard.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public value types and identifier normalization. */
class ValueTypesTest {

    @Test
    void valueSourceFactories() {
        assertThat(ValueSource.parameter(3)).isEqualTo(new ValueSource(3, null));
        assertThat(ValueSource.parameter(3).isParameter()).isTrue();
        assertThat(ValueSource.literal("x").isParameter()).isFalse();
        assertThat(ValueSource.literal(null)).isEqualTo(new ValueSource(0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> ValueSource.parameter(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ValueSource(1, "both"));
    }

    @Test
    void recordsAreImmutableCopies() {
        List<Equality> equalities = new ArrayList<>(List.of(new Equality("id", ValueSource.parameter(1))));
        Map<String, String> labels = new HashMap<>(Map.of("a", "a"));
        KeyedSelect select = new KeyedSelect(new TableName(null, "t"), equalities, true, labels, false, 1, null);

        equalities.clear();
        labels.clear();

        assertThat(select.equalities()).hasSize(1);
        assertThat(select.columnsByLabel()).hasSize(1);
        assertThatThrownBy(() -> select.equalities().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Owner_Id        | owner_id",
            "\"Owner_Id\"    | Owner_Id",
            "\"say \"\"hi\"\"\" | say \"hi\"",
            "`Mixed`         | Mixed",
            "`a``b`          | a`b",
            "[Owner Id]      | Owner Id",
            "[a]]b]          | a]b"})
    void identifierNormalization(String raw, String normalized) {
        assertThat(Identifiers.normalize(raw)).isEqualTo(normalized);
    }
}

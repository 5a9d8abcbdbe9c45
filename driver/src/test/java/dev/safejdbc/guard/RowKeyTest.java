package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.guard.sql.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A one-column key is kept without an array: it must name the same row however it was made. */
class RowKeyTest {
    private static final TableName ITEMS = new TableName(null, "items");
    private static final List<String> ID = List.of("id");

    @Test
    void aOneColumnKeyMadeWithOrWithoutAnArrayIsTheSameKey() {
        RowKey single = RowKey.ofOne(ITEMS, ID, 7L, RowKey.baseHash(ITEMS, ID));
        RowKey fromArray = new RowKey(ITEMS, ID, new Object[] {7L});

        assertThat(single).isEqualTo(fromArray).hasSameHashCodeAs(fromArray);
        assertThat(single.value(0)).isEqualTo(7L);
        assertThat(single).hasToString(fromArray.toString()).hasToString("items[id][7]");
        assertThat(single).isNotEqualTo(RowKey.ofOne(ITEMS, ID, 8L, RowKey.baseHash(ITEMS, ID)));
    }

    @Test
    void aKeyOfSeveralColumnsKeepsEachValue() {
        List<String> columns = List.of("a", "b");
        RowKey key = new RowKey(ITEMS, columns, new Object[] {1L, "x"});

        assertThat(key.value(0)).isEqualTo(1L);
        assertThat(key.value(1)).isEqualTo("x");
        assertThat(key).isEqualTo(new RowKey(ITEMS, columns, new Object[] {1L, "x"}))
                .isNotEqualTo(new RowKey(ITEMS, columns, new Object[] {1L, "y"}));
    }
}

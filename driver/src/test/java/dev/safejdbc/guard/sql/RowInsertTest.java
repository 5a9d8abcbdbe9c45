package dev.safejdbc.guard.sql;

import static dev.safejdbc.guard.sql.Analyses.analyze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class RowInsertTest {

    @Test
    void literalsParametersAndNull() {
        String sql = "INSERT INTO app.\"Jobs\" (ID, \"Status\", progress, ratio, active, note) "
                + "VALUES (?, 'NEW', -1, 0.25, TRUE, NULL);";

        RowInsert insert = analyze(sql, RowInsert.class);

        assertThat(insert.table()).isEqualTo(new TableName("app", "Jobs"));
        assertThat(insert.columns()).containsExactly("id", "Status", "progress", "ratio", "active", "note");
        assertThat(insert.values()).containsExactly(ValueSource.parameter(1), ValueSource.literal("NEW"),
                ValueSource.literal(-1L), ValueSource.literal(new BigDecimal("0.25")), ValueSource.literal(true),
                ValueSource.literal(null));
        assertThat(insert.appendableBody()).isEqualTo(sql.substring(0, sql.length() - 1));
        assertThat(insert.parameterCount()).isEqualTo(1);
    }

    @Test
    void parameterIndexesFollowTextOrder() {
        RowInsert insert = analyze("INSERT INTO t (a, b, c) VALUES (?, 'x?', ?)", RowInsert.class);

        assertThat(insert.values()).containsExactly(ValueSource.parameter(1), ValueSource.literal("x?"),
                ValueSource.parameter(2));
        assertThat(insert.parameterCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "INSERT INTO t (a) VALUES (?) RETURNING id",
            "INSERT INTO t (a) VALUES (?) -- new row",
            "INSERT /* batch */ INTO t (a) VALUES (?)"})
    void insertThatCannotBeAppendedTo(String sql) {
        RowInsert insert = analyze(sql, RowInsert.class);

        assertThat(insert.appendableBody()).isNull();
        assertThat(insert.values().get(0)).isEqualTo(ValueSource.parameter(1));
    }


    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "INSERT INTO t (a, b) VALUES (?, now())",
            "INSERT INTO t (a, b) VALUES (?, ? + 1)",
            "INSERT INTO t (a) VALUES (DEFAULT)",
            "INSERT INTO t (a) VALUES (?), (?)",
            "INSERT INTO t VALUES (?, ?)",
            "INSERT INTO t (a, b) VALUES (?)",
            "INSERT INTO t (a) SELECT ?",
            "INSERT INTO t (a) SELECT a FROM u WHERE id = ?",
            "INSERT INTO t SET a = ?",
            "INSERT INTO t DEFAULT VALUES",
            "INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING",
            "INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a",
            "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET b = ?",
            "INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = ?",
            "INSERT OR REPLACE INTO t (a) VALUES (?)",
            "INSERT OR IGNORE INTO t (a) VALUES (?)",
            "INSERT IGNORE INTO t (a) VALUES (?)",
            "REPLACE INTO t (a) VALUES (?)",
            "INSERT INTO t (a) VALUES (:a)",
            "WITH s AS (SELECT 1) INSERT INTO t (a) VALUES (?)"})
    void notASingleRowInsert(String sql) {
        assertThat(analyze(sql)).isSameAs(Analyses.notKeyed(sql));
    }

    @Test
    void recordRejectsMismatchedColumnsAndValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RowInsert(
                new TableName(null, "t"), List.of("a", "b"), List.of(ValueSource.parameter(1)), null, 1));
    }
}

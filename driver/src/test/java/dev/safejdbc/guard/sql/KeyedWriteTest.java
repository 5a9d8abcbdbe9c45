package dev.safejdbc.guard.sql;

import static dev.safejdbc.guard.sql.Analyses.analyze;
import static dev.safejdbc.guard.sql.Analyses.literal;
import static dev.safejdbc.guard.sql.Analyses.param;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyed UPDATE and DELETE. */
class KeyedWriteTest {

    @Test
    void parametersAreNumberedAcrossSetAndWhere() {
        KeyedUpdate update = analyze("UPDATE t SET a = ? WHERE id = ?", KeyedUpdate.class);

        assertThat(update.equalities()).containsExactly(param("id", 2));
        assertThat(update.parameterCount()).isEqualTo(2);
    }

    @Test
    void parametersInsideSetExpressionsCount() {
        KeyedUpdate update = analyze("UPDATE t SET a = coalesce(?, a), b = ? WHERE id = ? AND rev = 3",
                KeyedUpdate.class);

        assertThat(update.equalities()).containsExactly(param("id", 3), literal("rev", 3L));
        assertThat(update.parameterCount()).isEqualTo(3);
        assertThat(update.selfRelative()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UPDATE t SET n = n + 1 WHERE id = ?                       | true",
            "UPDATE t SET x = coalesce(x, 0) WHERE id = ?              | true",
            "UPDATE t SET x = ?, y = upper(t.name) WHERE id = ?        | true",
            "UPDATE t SET x = (SELECT max(v) FROM u) WHERE id = ?      | true",
            "UPDATE t SET x = ?, y = 'done', z = NULL WHERE id = ?     | false",
            "UPDATE t SET x = DEFAULT WHERE id = ?                     | false",
            "UPDATE t SET x = CURRENT_TIMESTAMP, y = now() WHERE id = ?| false",
            "UPDATE t SET x = ? * 2 + 1 WHERE id = ?                   | false"})
    void selfRelative(String sql, boolean expected) {
        assertThat(analyze(sql, KeyedUpdate.class).selfRelative()).as(sql).isEqualTo(expected);
    }

    @Test
    void setColumnsAreNormalized() {
        KeyedUpdate update = analyze("UPDATE App.Jobs j SET j.Status = ?, \"Note\" = ? WHERE j.ID = ?",
                KeyedUpdate.class);

        assertThat(update.table()).isEqualTo(new TableName("app", "jobs"));
        assertThat(update.setColumns()).containsExactly("status", "Note");
        assertThat(update.equalities()).containsExactly(param("id", 3));
    }

    @Test
    void tupleAssignment() {
        KeyedUpdate update = analyze("UPDATE t SET (a, B) = (?, ?) WHERE id = ?", KeyedUpdate.class);

        assertThat(update.setColumns()).containsExactly("a", "b");
        assertThat(update.equalities()).containsExactly(param("id", 3));
        assertThat(update.selfRelative()).isFalse();
    }

    @Test
    void trailingSemicolonsAndWhitespaceAreStrippedFromTheBody() {
        assertThat(analyze("UPDATE t SET a = ? WHERE id = ? ;\n ;  ", KeyedUpdate.class).appendableBody())
                .isEqualTo("UPDATE t SET a = ? WHERE id = ?");
        assertThat(analyze("DELETE FROM t WHERE id = ?;", KeyedDelete.class).appendableBody())
                .isEqualTo("DELETE FROM t WHERE id = ?");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE t SET a = ? WHERE id = ? -- bump",
            "UPDATE t SET a = ? /* bump */ WHERE id = ?",
            "/* app:jobs */ UPDATE t SET a = ? WHERE id = ?",
            "UPDATE t SET a = ?, b = 'a--b' WHERE id = ?",
            "UPDATE t SET a = ? WHERE id = ? RETURNING a",
            "UPDATE t SET a = ? WHERE id = ? ORDER BY id LIMIT 1",
            "UPDATE t SET a = ? WHERE id = ? LIMIT 1"})
    void updateThatCannotBeAppendedTo(String sql) {
        KeyedUpdate update = analyze(sql, KeyedUpdate.class);

        assertThat(update.appendableBody()).isNull();
        assertThat(update.equalities()).containsExactly(param("id", 2));
    }

    @Test
    void deleteKeyed() {
        String sql = "DELETE FROM app.locks WHERE resource_type = ? AND resource_id = ? AND owner_id = 'me'";

        assertThat(analyze(sql)).isEqualTo(new KeyedDelete(new TableName("app", "locks"),
                List.of(param("resource_type", 1), param("resource_id", 2), literal("owner_id", "me")),
                true, sql, 2));
    }

    @Test
    void deleteWithAliasAndExtraCondition() {
        KeyedDelete delete = analyze("DELETE FROM locks l WHERE l.id = ? AND l.expires_at < ?", KeyedDelete.class);

        assertThat(delete.equalities()).containsExactly(param("id", 1));
        assertThat(delete.onlyEqualities()).isFalse();
        assertThat(delete.parameterCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DELETE FROM t WHERE id = ? RETURNING *",
            "DELETE FROM t WHERE id = ? ORDER BY id LIMIT 1",
            "DELETE FROM t WHERE id = ? -- gone"})
    void deleteThatCannotBeAppendedTo(String sql) {
        assertThat(analyze(sql, KeyedDelete.class).appendableBody()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE t SET a = 1",
            "UPDATE t SET a = 1 WHERE id > ?",
            "UPDATE t SET a = 1 WHERE id = ? OR id = ?",
            "UPDATE t SET a = 1 WHERE id IS NULL",
            "UPDATE t SET a = 1 FROM u WHERE t.id = u.id AND t.id = ?",
            "UPDATE t JOIN u ON t.id = u.tid SET t.a = 1 WHERE t.id = ?",
            "UPDATE t SET u.a = 1 WHERE id = ?",
            "WITH x AS (SELECT 1) UPDATE t SET a = 1 WHERE id = ?",
            "DELETE FROM t",
            "DELETE FROM t WHERE id < ?",
            "DELETE t FROM t JOIN u ON t.id = u.tid WHERE t.id = ?",
            "DELETE FROM t USING u WHERE t.id = u.tid AND t.id = ?",
            "UPDATE t SET a = 1 WHERE id = ?; DELETE FROM t",
            "UPDATE t SET a = :a WHERE id = :id",
            "UPDATE t SET a = ?1 WHERE id = ?2",
            "DELETE FROM t WHERE id = $1"})
    void notAKeyedWrite(String sql) {
        assertThat(analyze(sql)).isSameAs(Analyses.notKeyed(sql));
    }
}

package dev.safejdbc.guard.sql;

import static dev.safejdbc.guard.sql.Analyses.analyze;
import static dev.safejdbc.guard.sql.Analyses.literal;
import static dev.safejdbc.guard.sql.Analyses.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyedSelectTest {

    @Test
    void aliasQualifiedColumnsAndLabels() {
        KeyedSelect read = analyze("select l.owner_id as Owner, l.expires_at, upper(l.note) as note"
                + " from locks l where l.resource_type = ? and l.resource_id = ?", KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName(null, "locks"));
        assertThat(read.equalities()).containsExactly(param("resource_type", 1), param("resource_id", 2));
        assertThat(read.columnsByLabel())
                .containsOnly(entry("owner", "owner_id"), entry("expires_at", "expires_at"));
        assertThat(read.selectsAll()).isFalse();
    }

    @Test
    void aliasWithAsAndTableNameQualifier() {
        KeyedSelect read = analyze("SELECT locks.owner_id FROM app.locks AS l WHERE l.resource_id = ?",
                KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName("app", "locks"));
        assertThat(read.columnsByLabel()).containsOnly(entry("owner_id", "owner_id"));
        assertThat(read.equalities()).containsExactly(param("resource_id", 1));
    }

    @Test
    void schemaQualifiedColumnReference() {
        KeyedSelect read = analyze("SELECT app.locks.owner_id FROM app.locks WHERE app.locks.id = ?",
                KeyedSelect.class);

        assertThat(read.columnsByLabel()).containsOnly(entry("owner_id", "owner_id"));
        assertThat(read.equalities()).containsExactly(param("id", 1));
    }

    @Test
    void quotedIdentifiersKeepTheirCaseAndLoseTheirQuotes() {
        KeyedSelect read = analyze(
                "SELECT \"OwnerId\" AS \"Who\", \"Plain\" FROM \"App\".\"Locks\" WHERE \"ResourceId\" = ?",
                KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName("App", "Locks"));
        assertThat(read.equalities()).containsExactly(param("ResourceId", 1));
        // labels are lower-cased (JDBC looks labels up case-insensitively); columns keep the quoted case
        assertThat(read.columnsByLabel()).containsOnly(entry("who", "OwnerId"), entry("plain", "Plain"));
    }

    @Test
    void backtickIdentifiers() {
        KeyedSelect read = analyze("SELECT `Owner` FROM `shop`.`Orders` WHERE `Id` = ?", KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName("shop", "Orders"));
        assertThat(read.equalities()).containsExactly(param("Id", 1));
        assertThat(read.columnsByLabel()).containsOnly(entry("owner", "Owner"));
    }

    @Test
    void bracketIdentifiers() {
        KeyedSelect read = analyze("SELECT [Owner Id] FROM [dbo].[Lock Table] WHERE [Id] = ?", KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName("dbo", "Lock Table"));
        assertThat(read.equalities()).containsExactly(param("Id", 1));
        assertThat(read.columnsByLabel()).containsOnly(entry("owner id", "Owner Id"));
    }

    @Test
    void unquotedIdentifiersAreLowerCased() {
        KeyedSelect read = analyze("SELECT OWNER_ID FROM APP.LOCKS WHERE Resource_Id = ?", KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName("app", "locks"));
        assertThat(read.equalities()).containsExactly(param("resource_id", 1));
        assertThat(read.columnsByLabel()).containsOnly(entry("owner_id", "owner_id"));
    }

    @Test
    void starAndTableStarSelectAll() {
        assertThat(analyze("SELECT * FROM t WHERE id = ?", KeyedSelect.class).selectsAll()).isTrue();
        KeyedSelect tableStar = analyze("SELECT x.*, x.id AS key FROM t x WHERE x.id = ?", KeyedSelect.class);
        assertThat(tableStar.selectsAll()).isTrue();
        assertThat(tableStar.columnsByLabel()).containsOnly(entry("key", "id"));
    }

    @Test
    void literalValuesOfEachKind() {
        KeyedSelect read = analyze("SELECT a FROM t WHERE i = 42 AND neg = -7 AND big = 123456789012345678901"
                + " AND d = 1.50 AND e = -2.5e3 AND s = 'it''s' AND n = N'x' AND yes = TRUE AND no = false",
                KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(
                literal("i", 42L), literal("neg", -7L), literal("big", new BigDecimal("123456789012345678901")),
                literal("d", new BigDecimal("1.50")), literal("e", new BigDecimal("-2.5e3")),
                literal("s", "it's"), literal("n", "x"), literal("yes", true), literal("no", false));
        assertThat(read.onlyEqualities()).isTrue();
        assertThat(read.parameterCount()).isZero();
    }

    @Test
    void valueOnTheLeft() {
        KeyedSelect read = analyze("SELECT a FROM t WHERE ? = id AND 'x' = kind", KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(param("id", 1), literal("kind", "x"));
    }

    @Test
    void nullIsNotAnEquality() {
        KeyedSelect read = analyze("SELECT a FROM t WHERE id = ? AND deleted_at = NULL", KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(param("id", 1));
        assertThat(read.onlyEqualities()).isFalse();
    }

    @Test
    void otherConjunctsClearOnlyEqualities() {
        KeyedSelect read = analyze("SELECT a FROM t WHERE id = ? AND expires_at < ? AND (x = 1 OR y = 2)"
                + " AND z IN (SELECT z FROM u) AND w = v", KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(param("id", 1));
        assertThat(read.onlyEqualities()).isFalse();
        assertThat(read.parameterCount()).isEqualTo(2);
    }

    @Test
    void parenthesizedConjunctionIsFlattened() {
        KeyedSelect read = analyze("SELECT a FROM t WHERE (id = ? AND (kind = ?)) AND tenant = 3", KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(param("id", 1), param("kind", 2), literal("tenant", 3L));
        assertThat(read.onlyEqualities()).isTrue();
    }

    @Test
    void forUpdateLimitAndOrderByAreAllowed() {
        assertThat(analyze("SELECT a FROM t WHERE id = ? ORDER BY a LIMIT 1 FOR UPDATE"))
                .isInstanceOf(KeyedSelect.class);
        assertThat(analyze("SELECT a FROM t WHERE id = ? FOR UPDATE SKIP LOCKED")).isInstanceOf(KeyedSelect.class);
    }

    @Test
    void parametersAreNumberedInTextOrderAcrossClauses() {
        KeyedSelect read = analyze("SELECT a, ? AS tag FROM t WHERE id = ? AND kind = ? LIMIT ?", KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(param("id", 2), param("kind", 3));
        assertThat(read.parameterCount()).isEqualTo(4);
    }

    @Test
    void questionMarksInLiteralsAndCommentsAreNotParameters() {
        KeyedSelect read = analyze("SELECT a FROM t /* ? */ WHERE note = 'why?' AND id = ? -- and ?",
                KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(literal("note", "why?"), param("id", 1));
        assertThat(read.parameterCount()).isEqualTo(1);
    }

    @Test
    void foreignQualifierIsNotAnEqualityOrALabel() {
        KeyedSelect read = analyze("SELECT u.name, a FROM t WHERE t.id = ? AND u.id = ?", KeyedSelect.class);

        assertThat(read.equalities()).containsExactly(param("id", 1));
        assertThat(read.onlyEqualities()).isFalse();
        assertThat(read.columnsByLabel()).containsOnly(entry("a", "a"));
    }

    @Test
    void parenthesizedSelectIsUnwrapped() {
        assertThat(analyze("(SELECT a FROM t WHERE id = ?)", KeyedSelect.class).equalities())
                .containsExactly(param("id", 1));
    }

    @Test
    void duplicateLabelMapsToTheFirstColumn() {
        assertThat(analyze("SELECT a AS x, b AS x FROM t WHERE id = ?", KeyedSelect.class).columnsByLabel())
                .containsOnly(entry("x", "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT a FROM t JOIN u ON t.id = u.tid WHERE t.id = ?",
            "SELECT a FROM t, u WHERE t.id = ?",
            "SELECT a FROM t LEFT JOIN u ON t.id = u.tid WHERE t.id = ?",
            "SELECT t.a FROM t JOIN t ON t.id = t.pid WHERE t.id = ?",
            "SELECT a FROM (SELECT * FROM t) s WHERE s.id = ?",
            "SELECT s.a FROM t JOIN (SELECT * FROM u) s ON s.id = t.id",
            "SELECT t.a FROM t x JOIN (SELECT * FROM u) t ON t.id = x.id",
            "SELECT * FROM t JOIN u ON t.id = u.tid",
            "SELECT a FROM t WHERE id = ? UNION SELECT a FROM u WHERE id = ?",
            "SELECT a FROM t WHERE id = ? GROUP BY a",
            "SELECT a FROM t WHERE id = ? GROUP BY a HAVING count(*) > 1",
            "SELECT DISTINCT a FROM t WHERE id = ?",
            "SELECT count(*) FROM t WHERE id = ?",
            "SELECT max(a) AS m FROM t WHERE id = ?",
            "SELECT coalesce(sum(a), 0) FROM t WHERE id = ?",
            "SELECT a, row_number() OVER (ORDER BY a) FROM t WHERE id = ?",
            "SELECT a, (SELECT b FROM u WHERE u.id = t.id) FROM t WHERE id = ?",
            "SELECT 1",
            "SELECT a INTO backup FROM t WHERE id = ?",
            "SELECT a FROM cat.app.t WHERE id = ?",
            "SELECT a FROM t AS x(a, b) WHERE a = ?",
            "SELECT a FROM generate_series(1, 3) WHERE a = ?"})
    void recordsNothing(String sql) {
        assertThat(analyze(sql)).isSameAs(Unrelated.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT a FROM t",
            "SELECT a FROM t WHERE id > ?",
            "SELECT a FROM t WHERE id = ? OR id = ?",
            "SELECT a FROM t WHERE id = other_id",
            "SELECT a FROM t WHERE id IS NULL",
            "SELECT a FROM t WHERE id = now()",
            "SELECT a FROM t WHERE status = 'PENDING' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"})
    void readsThatNameNoRowByKeyStillReturnTheirRows(String sql) {
        Analysis read = analyze(sql);
        // an equality on a column that may be no key is a keyed select's, which keeps its rows for the other case
        ResultRows rows = read instanceof KeyedSelect keyed ? keyed.rows() : ((RowsSelect) read).rows();
        assertThat(rows.tables()).containsExactly(new TableName(null, "t"));
        assertThat(rows.items()).containsExactly(new ResultRows.Item(0, "a", false));
    }

    @Test
    void aJoinsColumnsBelongToTheAliasTheyAreQualifiedBy() {
        ResultRows rows = analyze("select j1_0.id, j1_0.owner_id, o1_0.id, o1_0.name, j1_0.v + 1 as next"
                + " from job j1_0 left join app.owner o1_0 on o1_0.id = j1_0.owner_id where j1_0.id = ?",
                RowsSelect.class).rows();
        assertThat(rows.tables()).containsExactly(new TableName(null, "job"), new TableName("app", "owner"));
        assertThat(rows.items()).containsExactly(new ResultRows.Item(0, "id", false),
                new ResultRows.Item(0, "owner_id", false), new ResultRows.Item(1, "id", false),
                new ResultRows.Item(1, "name", false), new ResultRows.Item(-1, null, false));
    }

    @Test
    void starsAndTableStars() {
        assertThat(analyze("SELECT u.*, t.a FROM t JOIN u ON u.id = t.uid WHERE t.x > 1", RowsSelect.class)
                .rows().items()).containsExactly(new ResultRows.Item(1, null, true), new ResultRows.Item(0, "a", false));
        assertThat(analyze("SELECT * FROM t WHERE x > 1", RowsSelect.class).rows().items())
                .containsExactly(new ResultRows.Item(0, null, true));
        assertThat(analyze("SELECT t.id FROM t WHERE id IN (SELECT tid FROM u)", RowsSelect.class).rows().items())
                .containsExactly(new ResultRows.Item(0, "id", false));
    }

    @Test
    void aKeyedReadKeepsItsColumnsByItemForWhenItsWhereNamesNoKey() {
        assertThat(analyze("SELECT id, name FROM t WHERE name = ?", KeyedSelect.class).rows().items())
                .containsExactly(new ResultRows.Item(0, "id", false), new ResultRows.Item(0, "name", false));
    }
}

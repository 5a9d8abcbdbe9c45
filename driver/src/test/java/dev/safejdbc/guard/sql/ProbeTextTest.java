package dev.safejdbc.guard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The look-up of a zero-row write's row, cut from the write's own text. */
class ProbeTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "UPDATE acc SET v = ? WHERE id = ?|SELECT 1 FROM acc WHERE id = ?|1",
            "update s.acc a set v = 'where' where a.id = 7|SELECT 1 FROM s.acc a WHERE a.id = 7|0",
            "UPDATE \"user\" SET \"v\" = ?, w = (?) WHERE \"id\" = ? AND k = ?"
                    + "|SELECT 1 FROM \"user\" WHERE \"id\" = ? AND k = ?|2",
            "DELETE FROM acc WHERE id = ?|SELECT 1 FROM acc WHERE id = ?|1",
            "DELETE FROM `db`.`acc` WHERE id = 'it''s ?'|SELECT 1 FROM `db`.`acc` WHERE id = 'it''s ?'|0"})
    void anUpdateOrDeleteBecomesAReadOfItsRows(String body, String query, int parameters) {
        assertThat(ProbeText.keyedWrite(body, false)).isEqualTo(new ProbeText.RowQuery(query, parameters));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE IGNORE acc SET v = 1 WHERE id = 1", "UPDATE ONLY acc SET v = 1 WHERE id = 1",
            "UPDATE acc SET v = 1", "DELETE acc WHERE id = 1", "UPDATE acc SET v = 'open WHERE id = 1",
            "SELECT 1 FROM acc WHERE id = 1", "UPDATE SET v = 1 WHERE id = 1"})
    void whatItDoesNotRecogniseGivesNothing(String body) {
        assertThat(ProbeText.keyedWrite(body, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBackslashEscapesAQuoteOnlyWhereTheDatabaseSaysSo(boolean backslashEscapes) {
        ProbeText.RowQuery query = ProbeText.keyedWrite("UPDATE t SET a = 'x\\' WHERE id = ?' WHERE id = 1",
                backslashEscapes);

        // without the escape, the second quote closes the string and the last one opens another that never closes
        assertThat(query == null ? null : query.query())
                .isEqualTo(backslashEscapes ? "SELECT 1 FROM t WHERE id = 1" : null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "INSERT INTO acc (id, v) VALUES (?, now())|acc|id,v|?,now()",
            "insert into s.\"Acc\" (\"id\", note) values (1, 'a, b')|s.\"Acc\"|\"id\",note|1,'a, b'"})
    void aOneRowInsertGivesItsTableColumnsAndValues(String body, String table, String columns, String values) {
        assertThat(ProbeText.insert(body, false)).isEqualTo(new ProbeText.InsertRow(table,
                List.of(columns.split(",")), List.of(values.split(",(?! b)"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO acc VALUES (1, 2)", "INSERT INTO acc (id) SELECT 1",
            "INSERT INTO acc (id) VALUES (1) RETURNING id", "INSERT IGNORE INTO acc (id) VALUES (1)"})
    void anInsertItDoesNotRecogniseGivesNothing(String body) {
        assertThat(ProbeText.insert(body, false)).isNull();
    }
}

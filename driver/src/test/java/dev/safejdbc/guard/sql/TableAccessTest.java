package dev.safejdbc.guard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableAccessTest {

    @Test
    void aPlainReadReadsItsTablesJoinsAndSubqueriesIncluded() {
        TableAccess access = TableAccess.of(
                "SELECT j.id, count(*) FROM jobs j JOIN public.workers w ON w.job = j.id"
                        + " WHERE j.id IN (SELECT job FROM \"Queue\") GROUP BY j.id");
        assertThat(access.reads()).containsExactlyInAnyOrder("jobs", "workers", "Queue");
        assertThat(access.writes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM jobs WHERE id = ? FOR UPDATE", "SELECT * FROM jobs FOR NO KEY UPDATE",
        "SELECT * FROM jobs WHERE id = 1 FOR SHARE", "SELECT * FROM jobs WHERE id = 1 LOCK IN SHARE MODE"})
    void aLockingReadConflictsWithAPlainReadOfItsTable(String sql) {
        TableAccess locking = TableAccess.of(sql);
        assertThat(locking.conflicts(TableAccess.of("SELECT * FROM jobs"))).isTrue();
        assertThat(locking.opaque() || locking.writes().equals(Set.of("jobs"))).as(sql).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE jobs SET status = ? WHERE id = ?", "DELETE FROM jobs WHERE id = 1",
        "INSERT INTO jobs (id, status) VALUES (?, ?)", "INSERT INTO jobs (id) VALUES (1) ON CONFLICT (id) DO NOTHING"})
    void aWriteWritesItsTable(String sql) {
        assertThat(TableAccess.of(sql).writes()).containsExactly("jobs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT next_job(?)", "CALL p(?)", "{call p(?)}", "UPDATE a SET x = 1; DELETE FROM b",
        "WITH u AS (UPDATE jobs SET s = 1 RETURNING id) SELECT * FROM u", "CREATE TABLE t (id INT)",
        "SELECT nextval('seq')", "not sql at all", "SET search_path TO x"})
    void whatTheTextCannotTellIsOpaque(String sql) {
        assertThat(TableAccess.of(sql).opaque()).isTrue();
    }

    @Test
    void knownBuiltInsAreNotOpaque() {
        assertThat(TableAccess.of("SELECT coalesce(max(v), 0), lower(name) FROM t WHERE id = ?").reads())
                .containsExactly("t");
    }

    @Test
    void conflictsNeedAWriteOnACommonTable() {
        TableAccess readT = TableAccess.of("SELECT * FROM t");
        TableAccess readT2 = TableAccess.of("SELECT * FROM t WHERE id = 2");
        TableAccess writeT = TableAccess.of("UPDATE t SET v = 1");
        TableAccess writeU = TableAccess.of("UPDATE u SET v = 1");
        assertThat(readT.conflicts(readT2)).isFalse();
        assertThat(readT.conflicts(writeT)).isTrue();
        assertThat(writeT.conflicts(readT)).isTrue();
        assertThat(writeT.conflicts(writeU)).isFalse();
        assertThat(writeU.conflicts(TableAccess.OPAQUE)).isTrue();
    }

    @Test
    void schemaQualifiersAreDroppedQuotesRespected() {
        assertThat(TableAccess.unqualified("public.t")).isEqualTo("t");
        assertThat(TableAccess.unqualified("\"a.b\"")).isEqualTo("a.b");
        assertThat(TableAccess.unqualified("s.\"T\"")).isEqualTo("T");
        assertThat(Set.of(TableAccess.unqualified("`x`.`y`"))).containsExactly("y");
    }
}

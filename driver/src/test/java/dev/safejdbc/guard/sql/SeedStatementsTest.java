package dev.safejdbc.guard.sql;

import static dev.safejdbc.guard.sql.Analyses.analyze;
import static dev.safejdbc.guard.sql.Analyses.literal;
import static dev.safejdbc.guard.sql.Analyses.param;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statements of seeds 001 (lock service TOCTOU) and 003 (job status lost updates). */
class SeedStatementsTest {
    private static final TableName LOCKS = new TableName(null, "locks");
    private static final TableName JOBS = new TableName(null, "jobs");

    @Test
    void lockServiceRead() {
        KeyedSelect read = analyze("SELECT owner_id, expires_at FROM locks WHERE resource_type = ? AND resource_id = ?",
                KeyedSelect.class);

        assertThat(read).isEqualTo(new KeyedSelect(LOCKS,
                List.of(param("resource_type", 1), param("resource_id", 2)), true,
                Map.of("owner_id", "owner_id", "expires_at", "expires_at"), false, 2,
                new ResultRows(List.of(LOCKS), List.of(new ResultRows.Item(0, "owner_id", false),
                        new ResultRows.Item(0, "expires_at", false)))));
    }

    @Test
    void lockServiceTakeover() {
        String sql = "UPDATE locks SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?";

        KeyedUpdate update = analyze(sql, KeyedUpdate.class);

        assertThat(update).isEqualTo(new KeyedUpdate(LOCKS,
                List.of(param("resource_type", 3), param("resource_id", 4)), true,
                List.of("owner_id", "expires_at"), false, sql, 4));
    }

    @Test
    void lockServiceCreate() {
        String sql = "INSERT INTO locks(resource_type, resource_id, owner_id, expires_at) VALUES (?, ?, ?, ?)";

        RowInsert insert = analyze(sql, RowInsert.class);

        assertThat(insert).isEqualTo(new RowInsert(LOCKS,
                List.of("resource_type", "resource_id", "owner_id", "expires_at"),
                List.of(ValueSource.parameter(1), ValueSource.parameter(2), ValueSource.parameter(3),
                        ValueSource.parameter(4)),
                sql, 4));
    }

    @Test
    void jobProgressUpdate() {
        String sql = "UPDATE jobs SET progress = ? WHERE id = ?";

        assertThat(analyze(sql)).isEqualTo(
                new KeyedUpdate(JOBS, List.of(param("id", 2)), true, List.of("progress"), false, sql, 2));
    }

    @Test
    void optimisticVersionUpdateIsSelfRelative() {
        // version = ? is a column = value conjunct like any other: onlyEqualities stays true by the rule
        // "true iff every conjunct is such an equality"; the guard sees that {id, version} is more than the key
        String sql = "UPDATE jobs SET status = ?, version = version + 1 WHERE id = ? AND version = ?";

        KeyedUpdate update = analyze(sql, KeyedUpdate.class);

        assertThat(update.selfRelative()).isTrue();
        assertThat(update.equalities()).containsExactly(param("id", 2), param("version", 3));
        assertThat(update.onlyEqualities()).isTrue();
        assertThat(update.setColumns()).containsExactly("status", "version");
        assertThat(update.appendableBody()).isEqualTo(sql);
        assertThat(update.parameterCount()).isEqualTo(3);
    }

    @Test
    void statusTransitionGuardIsAnEqualityOnALiteral() {
        KeyedUpdate update = analyze("UPDATE jobs SET status='DONE' WHERE id = ? AND status = 'RUNNING'",
                KeyedUpdate.class);

        assertThat(update.equalities()).containsExactly(param("id", 1), literal("status", "RUNNING"));
        assertThat(update.onlyEqualities()).isTrue();
        assertThat(update.selfRelative()).isFalse();
        assertThat(update.parameterCount()).isEqualTo(1);
    }

    @Test
    void jobRowLockRead() {
        KeyedSelect read = analyze("SELECT * FROM \"RunnerJob\" WHERE id = ? AND workspace_id = ? FOR UPDATE",
                KeyedSelect.class);

        assertThat(read.table()).isEqualTo(new TableName(null, "RunnerJob"));
        assertThat(read.selectsAll()).isTrue();
        assertThat(read.equalities()).containsExactly(param("id", 1), param("workspace_id", 2));
    }
}

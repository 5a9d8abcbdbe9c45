package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A corpus of more than 500 statements per database (DDL, DML, CTEs, upserts, window functions,
 * vendor syntax, keyed read-then-write pairs the guard acts on, and invalid SQL) runs in order on
 * the raw driver and through {@code jdbc:safe:}, each on its own fresh database (PostgreSQL: its
 * own schema through {@code search_path}). Single-threaded, the guard must change nothing
 * observable: the same result sets (every row, every column), the same update counts, the same
 * warnings, and for failures the same exception class, SQLState, vendor code and message.
 */
class DifferentialCorpusTest {

    @Test
    void sqlite() throws Exception {
        String name = TestDatabases.unique("diff");
        String safeUrl = "jdbc:safe:sqlite:file:" + name + "_safe?mode=memory";
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:file:" + name + "_raw?mode=memory");
                Connection safe = DriverManager.getConnection(safeUrl)) {
            compare("/reliability/corpus-sqlite.sql", raw, safe, Map.of());
        } finally {
            SafeJdbc.drop(safeUrl);
        }
    }

    @Test
    void postgresql() throws Exception {
        String pg = TestDatabases.postgres();
        String rawSchema = TestDatabases.unique("diff_raw");
        String safeSchema = TestDatabases.unique("diff_safe");
        try (Connection admin = DriverManager.getConnection("jdbc:" + pg)) {
            Sql.exec(admin, "CREATE SCHEMA " + rawSchema);
            Sql.exec(admin, "CREATE SCHEMA " + safeSchema);
            try (Connection raw = DriverManager.getConnection("jdbc:" + pg);
                    Connection safe = DriverManager.getConnection("jdbc:safe:" + pg)) {
                Sql.exec(raw, "SET search_path TO " + rawSchema);
                Sql.exec(safe, "SET search_path TO " + safeSchema);
                compare("/reliability/corpus-postgresql.sql", raw, safe,
                        Map.of(rawSchema, "<schema>", safeSchema, "<schema>"));
            } finally {
                Sql.exec(admin, "DROP SCHEMA " + rawSchema + " CASCADE");
                Sql.exec(admin, "DROP SCHEMA " + safeSchema + " CASCADE");
            }
        }
    }

    private static void compare(String resource, Connection raw, Connection safe, Map<String, String> normalize)
            throws Exception {
        List<Corpus.Entry> corpus = Corpus.load(resource);
        List<String> differences = new ArrayList<>();
        int errors = 0;
        boolean prepared = false;
        long start = System.nanoTime();
        for (Corpus.Entry entry : corpus) {
            if (entry.isDirective()) {
                String rawDirective = directive(raw, entry.directive());
                String safeDirective = directive(safe, entry.directive());
                prepared = "prepared".equals(entry.directive());
                if (!rawDirective.equals(safeDirective)) {
                    differences.add("line " + entry.line() + " --@" + entry.directive() + "\n  raw:  " + rawDirective
                            + "\n  safe: " + safeDirective);
                }
                continue;
            }
            String rawOutcome = normalized(Corpus.run(raw, entry.sql(), prepared), normalize);
            String safeOutcome = normalized(Corpus.run(safe, entry.sql(), prepared), normalize);
            prepared = false;
            if (rawOutcome.startsWith("ERROR")) {
                errors++;
            }
            if (!rawOutcome.equals(safeOutcome)) {
                differences.add("line " + entry.line() + ": " + entry.sql() + "\n  raw:  " + rawOutcome.replace("\n", "\n        ")
                        + "\n  safe: " + safeOutcome.replace("\n", "\n        "));
            }
        }
        long statements = Corpus.statements(corpus);
        Figures.record("DifferentialCorpusTest", resource + ": statements=" + statements + " failing on the raw driver="
                + errors + " differences=" + differences.size() + " "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        java.nio.file.Path report = java.nio.file.Path.of("target", "reliability-differences"
                + resource.replace('/', '-') + ".txt");
        java.nio.file.Files.createDirectories(report.getParent());
        java.nio.file.Files.writeString(report, String.join("\n\n", differences));
        assertThat(statements).isGreaterThanOrEqualTo(500);
        assertThat(errors).as("invalid statements in the corpus").isGreaterThanOrEqualTo(30);
        assertThat(differences).as("statements whose outcome differs through safe-jdbc").isEmpty();
    }

    private static String directive(Connection c, String directive) {
        try {
            Corpus.apply(c, directive);
            return "ok";
        } catch (SQLException e) {
            return "ERROR " + Corpus.error(e);
        }
    }

    private static String normalized(String outcome, Map<String, String> replacements) {
        String result = outcome;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            result = result.replace(r.getKey(), r.getValue());
        }
        return result;
    }
}

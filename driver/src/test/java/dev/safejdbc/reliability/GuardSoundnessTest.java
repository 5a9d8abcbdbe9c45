package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The guard's soundness on shapes real applications send, single-threaded, where no race can happen: the
 * transaction's own unseen writes (schema-qualified names, RETURNING through a query, data-modifying CTEs,
 * functions, procedures, several statements in one, triggers, foreign-key cascades, upserts on another key,
 * savepoints), zero-row results that are not races (triggers and rules that skip the write), values that do not
 * compare equal to themselves, and guarded SQL the database would reject. Each corpus runs on the raw driver and
 * through {@code jdbc:safe:} in four configurations, each on a fresh database; every statement's outcome must be
 * the raw one. Without a race, any {@code 40001} is a false positive.
 *
 * <p>Report mode and the guard switched off must never differ. What enforce mode (and {@code zero-rows}) still
 * gets wrong is listed, case by case, in {@code reliability/soundness-known.txt}, which the run must match
 * exactly: a new difference fails, and so does a listed one that is gone (take it off the list).
 */
class GuardSoundnessTest {
    private static final String KNOWN = "/reliability/soundness-known.txt";

    /** The configurations compared with the raw driver. */
    private enum Setting {
        ENFORCE(), REPORT("safe.mode", "report"), ZERO_ROWS("safe.onConflict", "zero-rows"), OFF("safe.guard", "off");

        final Properties options = new Properties();

        Setting(String... keyValue) {
            for (int i = 0; i < keyValue.length; i += 2) {
                options.setProperty(keyValue[i], keyValue[i + 1]);
            }
        }
    }

    /** Opens a connection to a fresh database (or schema) named {@code name}; drops it on close. */
    private interface Target {
        Connection open(String url, String name, Properties options) throws SQLException;

        /** Another session on the open database {@code name}, through the raw driver; null where there is none. */
        Connection other(String name) throws SQLException;

        void drop(String name) throws SQLException;
    }

    /** A schema (PostgreSQL) or database (MariaDB) of its own on a server, made current on the connection. */
    private record OnServer(String adminUrl, String create, String use, String drop) implements Target {
        @Override
        public Connection open(String url, String name, Properties options) throws SQLException {
            try (Connection admin = DriverManager.getConnection(adminUrl)) {
                Sql.exec(admin, String.format(create, name));
            }
            Connection c = DriverManager.getConnection(url, options);
            Sql.exec(c, String.format(use, name));
            return c;
        }

        @Override
        public Connection other(String name) throws SQLException {
            Connection c = DriverManager.getConnection(adminUrl);
            Sql.exec(c, String.format(use, name));
            return c;
        }

        @Override
        public void drop(String name) throws SQLException {
            try (Connection admin = DriverManager.getConnection(adminUrl)) {
                Sql.exec(admin, String.format(drop, name));
            }
        }
    }

    @Test
    void postgresql() throws Exception {
        String pg = TestDatabases.postgres();
        try (Connection admin = DriverManager.getConnection("jdbc:" + pg)) {
            Sql.exec(admin, "CREATE EXTENSION IF NOT EXISTS citext SCHEMA public"); // the collation cases' type
        }
        check("postgresql", "jdbc:" + pg, "jdbc:safe:" + pg, new OnServer("jdbc:" + pg, "CREATE SCHEMA %s",
                "SET search_path TO %s", "DROP SCHEMA IF EXISTS %s CASCADE"));
    }

    @Test
    void mariadb() throws Exception {
        String maria = TestDatabases.mariadb();
        check("mariadb", "jdbc:" + maria, "jdbc:safe:" + maria, new OnServer("jdbc:" + maria, "CREATE DATABASE %s",
                "USE %s", "DROP DATABASE IF EXISTS %s"));
    }

    /**
     * MariaDB's corpus again, every statement prepared on the server ({@code useServerPrepStmts}): values come back
     * in the binary protocol, not as text.
     */
    @Test
    void mariadbServerPrepared() throws Exception {
        String maria = TestDatabases.mariadb();
        maria += (maria.contains("?") ? "&" : "?") + "useServerPrepStmts=true";
        check("mariadb-server-prepared", "mariadb", true, "jdbc:" + maria, "jdbc:safe:" + maria,
                new OnServer("jdbc:" + maria, "CREATE DATABASE %s", "USE %s", "DROP DATABASE IF EXISTS %s"));
    }

    /** MariaDB counting rows changed rather than rows matched: an UPDATE to the same values counts 0. */
    @Test
    void mariadbCountingAffectedRows() throws Exception {
        String maria = TestDatabases.mariadb();
        maria += (maria.contains("?") ? "&" : "?") + "useAffectedRows=true";
        check("mariadb-affected-rows", "jdbc:" + maria, "jdbc:safe:" + maria, new OnServer("jdbc:" + maria,
                "CREATE DATABASE %s", "USE %s", "DROP DATABASE IF EXISTS %s"));
    }

    @Test
    void h2() throws Exception {
        check("h2", "jdbc:h2:mem:", "jdbc:safe:h2:mem:", new Target() {
            @Override
            public Connection open(String url, String name, Properties options) throws SQLException {
                return DriverManager.getConnection(url + name, options);
            }

            @Override
            public Connection other(String name) throws SQLException {
                return DriverManager.getConnection("jdbc:h2:mem:" + name);
            }

            @Override
            public void drop(String name) {
                // an in-memory database goes with its last connection
            }
        });
    }

    @Test
    void sqlite() throws Exception {
        check("sqlite", "jdbc:sqlite:", "jdbc:safe:sqlite:", new Target() {
            @Override
            public Connection open(String url, String name, Properties options) throws SQLException {
                return DriverManager.getConnection(url + "file:" + name + "?mode=memory", options);
            }

            @Override
            public Connection other(String name) {
                return null; // the shared in-memory database is safe-jdbc's own: a raw session would not see it
            }

            @Override
            public void drop(String name) throws SQLException {
                SafeJdbc.drop("jdbc:safe:sqlite:file:" + name + "?mode=memory");
            }
        });
    }

    private static void check(String database, String rawUrl, String safeUrl, Target target) throws Exception {
        check(database, database, false, rawUrl, safeUrl, target);
    }

    /** Runs {@code soundness-<corpusName>.sql}, every statement prepared when {@code prepareAll}. */
    private static void check(String database, String corpusName, boolean prepareAll, String rawUrl, String safeUrl,
            Target target) throws Exception {
        List<Corpus.Entry> corpus = Corpus.load("/reliability/soundness-" + corpusName + ".sql");
        if (!corpusName.equals("mariadb-affected-rows")) { // that one is about update counts alone
            corpus.addAll(Corpus.threeWays(Corpus.load("/reliability/soundness-shapes.sql")));
        }
        List<String> raw = outcomes(target, rawUrl, new Properties(), corpus, prepareAll);
        List<String> differences = new ArrayList<>();
        Set<String> differing = new TreeSet<>();
        for (Setting setting : Setting.values()) {
            List<String> safe = outcomes(target, safeUrl, setting.options, corpus, prepareAll);
            for (int i = 0; i < corpus.size(); i++) {
                if (!raw.get(i).equals(safe.get(i))) {
                    Corpus.Entry entry = corpus.get(i);
                    differing.add(database + " " + setting + " " + entry.caseName());
                    differences.add(setting + " line " + entry.line() + " (case " + entry.caseName() + "): "
                            + (entry.isDirective() ? "--@" + entry.directive() : entry.sql())
                            + "\n  raw:  " + raw.get(i).replace("\n", "\n        ")
                            + "\n  safe: " + safe.get(i).replace("\n", "\n        "));
                }
            }
        }
        List<String> rawErrors = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (raw.get(i).startsWith("ERROR")) {
                rawErrors.add("line " + corpus.get(i).line() + ": " + raw.get(i));
            }
        }
        Path report = Path.of("target", "soundness-differences-" + database + ".txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n\n", differences) + "\n\nfailing on the raw driver:\n"
                + String.join("\n", rawErrors));
        long cases = corpus.stream().map(Corpus.Entry::caseName).distinct().count();
        Figures.record("GuardSoundnessTest", database + ": cases=" + cases + " statements=" + Corpus.statements(corpus)
                + " failing on the raw driver=" + rawErrors.size() + " differing (setting, case)=" + differing.size()
                + " (details: " + report + ")");
        assertThat(differing).as("report mode and the guard off change nothing")
                .noneMatch(d -> d.contains(" REPORT ") || d.contains(" OFF "));
        assertThat(differing).as("differences from the raw driver, against " + KNOWN + "; see " + report)
                .containsExactlyElementsOf(known(database));
    }

    private static List<String> outcomes(Target target, String url, Properties options, List<Corpus.Entry> corpus,
            boolean prepareAll) throws SQLException {
        String name = TestDatabases.unique("sound");
        try (Connection c = target.open(url, name, options); Connection other = target.other(name)) {
            return Corpus.outcomes(c, corpus, name, other, prepareAll);
        } finally {
            target.drop(name);
        }
    }

    private static Set<String> known(String database) throws IOException {
        Set<String> known = new TreeSet<>();
        try (InputStream in = GuardSoundnessTest.class.getResourceAsStream(KNOWN)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (entry.startsWith(database + " ")) {
                    known.add(entry.replaceAll("\\s+#.*$", ""));
                }
            }
        }
        return known;
    }
}

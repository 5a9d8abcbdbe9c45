package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.ProgressHandler;

/**
 * Random and mutated SQL (seeded): corpus statements with characters deleted, inserted and swapped,
 * truncated, with clauses duplicated, spliced with each other, plus keyword soup and random bytes
 * and unicode. Each statement runs on the raw driver and through {@code jdbc:safe:} side by side,
 * on databases prepared the same way: the outcomes must be identical (both succeed with the same
 * results, or both fail with the same class, SQLState, vendor code and message), safe-jdbc never
 * throws a RuntimeException of its own, and no statement may hang (each pair is bounded to 10 s).
 *
 * <p>Statements that run away (longer than 2 s: a mutated recursive CTE) are interrupted on both
 * sides (SQLite progress handler, PostgreSQL {@code statement_timeout}) and not compared, because
 * where the cut falls is timing. Statements that would touch anything outside the test's own
 * databases (files, schemas, roles, session resets) are not generated.
 */
class SqlFuzzTest {
    static final long SEED = Long.getLong("reliability.fuzzSeed", 0x5AFE_F022L);
    static final int SQLITE_STATEMENTS = 3000;
    static final int POSTGRES_STATEMENTS = 2000;
    static final int SOAK_FACTOR = 10;
    private static final long RUNAWAY_MILLIS = 2000;
    private static final long BOUND_SECONDS = 10;

    private static final String[] KEYWORDS = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "INSERT", "INTO",
        "VALUES", "UPDATE", "SET", "DELETE", "JOIN", "LEFT", "ON", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET",
        "UNION", "ALL", "WITH", "AS", "CASE", "WHEN", "THEN", "ELSE", "END", "IN", "EXISTS", "BETWEEN", "LIKE", "IS",
        "DISTINCT", "RETURNING", "ON CONFLICT", "DO NOTHING", "DO UPDATE", "OVER", "PARTITION", "CREATE", "TABLE", "DROP",
        "INDEX", "PRIMARY KEY", "UNIQUE", "CAST", "COALESCE", "count(*)", "*", "(", ")", ",", ";", "=", "<>", "?", "'",
        "\"", "--", "/*", "*/", "items", "pairs", "accounts", "id", "qty", "name", "val", "1", "0", "-1", "'x'", "NULL",
        "9223372036854775808", "1e999", "X'00'", "$$", "::int", "[", "]", "`", "\\", "%", "||"};
    private static final String INSERTABLE = "'\"()[],;=<>?*-+/%|&!~:$@#`\\ \t\n\r\u0000\u00A0\u200B\u202E\uFEFF\u00E9\u4E2D"
            + "\uD83D\uDE00aZ09_.";

    @Test
    void sqlite() throws Exception {
        fuzz(Db.SQLITE, SQLITE_STATEMENTS, SEED);
    }

    @Test
    void postgresql() throws Exception {
        fuzz(Db.POSTGRESQL, POSTGRES_STATEMENTS, SEED + 1);
    }

    @Tag("soak")
    @Test
    void soakSqlite() throws Exception {
        fuzz(Db.SQLITE, SQLITE_STATEMENTS * SOAK_FACTOR, SEED + 2);
    }

    @Tag("soak")
    @Test
    void soakPostgresql() throws Exception {
        fuzz(Db.POSTGRESQL, POSTGRES_STATEMENTS * SOAK_FACTOR, SEED + 3);
    }

    enum Db { SQLITE, POSTGRESQL }

    private void fuzz(Db db, int count, long seed) throws Exception {
        String resource = db == Db.SQLITE ? "/reliability/corpus-sqlite.sql" : "/reliability/corpus-postgresql.sql";
        List<Corpus.Entry> corpus = Corpus.load(resource);
        List<String> sources = corpus.stream().filter(e -> !e.isDirective()).map(Corpus.Entry::sql).toList();
        List<String> setup = setup(corpus);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz-" + db));
        String name = TestDatabases.unique("fuzz");
        String safeSqlite = "jdbc:safe:sqlite:file:" + name + "_safe?mode=memory";
        String pg = db == Db.POSTGRESQL ? TestDatabases.postgres() : null;
        String rawSchema = TestDatabases.unique("fuzz_raw");
        String safeSchema = TestDatabases.unique("fuzz_safe");
        Map<String, String> normalize = Map.of(rawSchema, "<schema>", safeSchema, "<schema>");
        Connection raw = null;
        Connection safe = null;
        try {
            if (db == Db.SQLITE) {
                raw = DriverManager.getConnection("jdbc:sqlite:file:" + name + "_raw?mode=memory");
                safe = DriverManager.getConnection(safeSqlite);
            } else {
                try (Connection admin = DriverManager.getConnection("jdbc:" + pg)) {
                    Sql.exec(admin, "CREATE SCHEMA " + rawSchema);
                    Sql.exec(admin, "CREATE SCHEMA " + safeSchema);
                }
                raw = DriverManager.getConnection("jdbc:" + pg);
                safe = DriverManager.getConnection("jdbc:safe:" + pg);
                Sql.exec(raw, "SET search_path TO " + rawSchema);
                Sql.exec(safe, "SET search_path TO " + safeSchema);
                Sql.exec(raw, "SET statement_timeout = '" + RUNAWAY_MILLIS + "ms'");
                Sql.exec(safe, "SET statement_timeout = '" + RUNAWAY_MILLIS + "ms'");
            }
            Connection r = raw;
            Connection s = safe;
            worker.submit(() -> {
                if (db == Db.SQLITE) {
                    cutRunaways(r);
                    cutRunaways(s.unwrap(org.sqlite.SQLiteConnection.class));
                }
                for (String sql : setup) {
                    Corpus.run(r, sql, false);
                    Corpus.run(s, sql, false);
                }
                return null;
            }).get(60, TimeUnit.SECONDS);

            Random random = new Random(seed);
            List<String> differences = new ArrayList<>();
            int errors = 0;
            int runaways = 0;
            int skipped = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String sql = next(random, sources);
                if (!harmless(db, sql)) {
                    skipped++;
                    i--;
                    continue;
                }
                Future<String[]> pair = worker.submit(() -> new String[] {
                    normalized(timed(r, sql), normalize), normalized(timed(s, sql), normalize)});
                String[] outcome;
                try {
                    outcome = pair.get(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("statement " + i + " did not finish within " + BOUND_SECONDS + " s: "
                            + printable(sql));
                }
                if (runaway(outcome[0]) || runaway(outcome[1])) {
                    runaways++;
                    continue;
                }
                if (outcome[0].startsWith("ERROR")) {
                    errors++;
                }
                assertThat(outcome[1]).as("a RuntimeException from safe-jdbc for: " + printable(sql))
                        .satisfiesAnyOf(o -> assertThat(o).doesNotStartWith("RUNTIME"),
                                o -> assertThat(o).isEqualTo(outcome[0]));
                if (!outcome[0].equals(outcome[1])) {
                    differences.add("#" + i + " " + printable(sql) + "\n  raw:  " + outcome[0] + "\n  safe: " + outcome[1]);
                }
            }
            Figures.record("SqlFuzzTest", db + " seed=" + seed + " statements=" + count + " failing on the raw driver="
                    + errors + " succeeding=" + (count - errors - runaways) + " runaways cut on both sides=" + runaways
                    + " not generated (outside the test's databases)=" + skipped + " differences=" + differences.size()
                    + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            assertThat(differences).as("statements whose outcome differs through safe-jdbc (seed " + seed + ")")
                    .isEmpty();
        } finally {
            worker.shutdownNow();
            if (raw != null) {
                raw.close();
            }
            if (safe != null) {
                safe.close();
            }
            if (db == Db.SQLITE) {
                SafeJdbc.drop(safeSqlite);
            } else {
                try (Connection admin = DriverManager.getConnection("jdbc:" + pg)) {
                    Sql.exec(admin, "DROP SCHEMA IF EXISTS " + rawSchema + " CASCADE");
                    Sql.exec(admin, "DROP SCHEMA IF EXISTS " + safeSchema + " CASCADE");
                }
            }
        }
    }

    /** The corpus's DDL and data: every statement before its first query section. */
    private static List<String> setup(List<Corpus.Entry> corpus) {
        List<String> setup = new ArrayList<>();
        for (Corpus.Entry e : corpus) {
            if (e.isDirective()) {
                continue;
            }
            if (e.sql().startsWith("SELECT * FROM items ORDER BY id")) {
                break;
            }
            setup.add(e.sql());
        }
        return setup;
    }

    // ------------------------------------------------------------------ generation

    static String next(Random r, List<String> sources) {
        int kind = r.nextInt(20);
        if (kind < 14) {
            return mutate(sources.get(r.nextInt(sources.size())), r, sources);
        }
        if (kind < 17) {
            return soup(r);
        }
        return kind < 19 ? randomUnicode(r) : randomBytes(r);
    }

    static String mutate(String sql, Random r, List<String> sources) {
        StringBuilder s = new StringBuilder(sql);
        int operations = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1;
        for (int op = 0; op < operations && s.length() > 0; op++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(12)) {
                case 9, 10 -> { // a number changed: mostly still valid SQL, so mostly a successful statement
                    int digit = indexOfDigit(s, at);
                    if (digit >= 0) {
                        s.setCharAt(digit, (char) ('0' + r.nextInt(10)));
                    }
                }
                case 11 -> s.insert(at, ' '); // whitespace: still the same statement, unless inside a word or literal
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, INSERTABLE.charAt(r.nextInt(INSERTABLE.length())));
                case 2 -> {
                    if (at + 1 < s.length()) {
                        char c = s.charAt(at);
                        s.setCharAt(at, s.charAt(at + 1));
                        s.setCharAt(at + 1, c);
                    }
                }
                case 3 -> s.setLength(at);
                case 4 -> { // duplicate a clause (a span of the text)
                    int end = Math.min(s.length(), at + 1 + r.nextInt(30));
                    s.insert(end, " " + s.substring(at, end));
                }
                case 5 -> { // a word replaced by a keyword
                    int end = at;
                    while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
                        end++;
                    }
                    s.replace(at, end, KEYWORDS[r.nextInt(KEYWORDS.length)]);
                }
                case 6 -> s.insert(at, new String(Character.toChars(randomCodePoint(r))));
                case 7 -> { // spliced with another statement
                    String other = sources.get(r.nextInt(sources.size()));
                    s.setLength(at);
                    s.append(other.substring(r.nextInt(other.length())));
                }
                default -> { // case flipped
                    char c = s.charAt(at);
                    s.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
        }
        return s.toString();
    }

    private static int indexOfDigit(CharSequence s, int from) {
        for (int i = 0; i < s.length(); i++) {
            int at = (from + i) % s.length();
            if (Character.isDigit(s.charAt(at)) && s.charAt(at) < 128) {
                return at;
            }
        }
        return -1;
    }

    private static String soup(Random r) {
        StringBuilder s = new StringBuilder();
        int tokens = 2 + r.nextInt(12);
        for (int i = 0; i < tokens; i++) {
            s.append(i == 0 ? "" : " ").append(KEYWORDS[r.nextInt(KEYWORDS.length)]);
        }
        return s.toString();
    }

    private static String randomUnicode(Random r) {
        StringBuilder s = new StringBuilder();
        int length = 1 + r.nextInt(60);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(randomCodePoint(r));
        }
        return s.toString();
    }

    private static String randomBytes(Random r) {
        byte[] bytes = new byte[1 + r.nextInt(80)];
        r.nextBytes(bytes);
        return new String(bytes, r.nextBoolean() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static int randomCodePoint(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextInt(0x20); // control characters, NUL included
            case 1 -> 0x20 + r.nextInt(0x5F); // printable ASCII
            case 2 -> 0x300 + r.nextInt(0x70); // combining marks
            case 3 -> 0x4E00 + r.nextInt(0x5000); // CJK
            case 4 -> 0x1F300 + r.nextInt(0x300); // emoji (surrogate pairs)
            default -> 0xA0 + r.nextInt(0xD7FF - 0xA0); // anything else in the BMP below the surrogates
        };
    }

    /** Never generated: statements that would reach outside the test's own databases. */
    private static boolean harmless(Db db, String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        for (String word : db == Db.SQLITE ? new String[] {"ATTACH", "VACUUM", "LOAD_EXTENSION", "BACKUP", "RESTORE"}
                : new String[] {"SEARCH_PATH", "SCHEMA", "ROLE", "DATABASE", "TABLESPACE", "SESSION", "DISCARD", "RESET",
                    "COPY", "PG_TERMINATE", "PG_CANCEL", "LISTEN", "NOTIFY", "EXTENSION", "SYSTEM", "LO_", "PG_READ",
                    "STATEMENT_TIMEOUT", "PREPARE TRANSACTION"}) {
            if (upper.contains(word)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ running

    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    /** SQLite has no statement timeout for a running statement: a progress handler cuts runaways. */
    private static void cutRunaways(Connection sqlite) throws SQLException {
        ProgressHandler.setHandler(sqlite, 10_000, new ProgressHandler() {
            @Override
            protected int progress() {
                Long started = STARTED.get();
                return started != null && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(RUNAWAY_MILLIS) ? 1 : 0;
            }
        });
    }

    private static String timed(Connection c, String sql) {
        STARTED.set(System.nanoTime());
        try {
            return Corpus.run(c, sql, false);
        } finally {
            STARTED.remove();
        }
    }


    private static boolean runaway(String outcome) {
        return outcome.contains("SQLITE_INTERRUPT") || outcome.contains("state=57014");
    }

    private static String normalized(String outcome, Map<String, String> replacements) {
        String result = outcome;
        for (Map.Entry<String, String> e : replacements.entrySet()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        return result;
    }

    private static String printable(String sql) {
        StringBuilder s = new StringBuilder();
        sql.codePoints().limit(300).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                s.append(String.format("\\u%04x", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }
}

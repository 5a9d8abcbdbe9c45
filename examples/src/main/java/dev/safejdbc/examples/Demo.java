package dev.safejdbc.examples;

import dev.safejdbc.examples.SessionSharingExample.Ending;
import java.io.PrintStream;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every example on the raw driver, then through {@code jdbc:safe:}, then (in a child JVM, see
 * {@link UnderAgent}) the raw side again under the agent; progress goes to stderr, the table to
 * stdout. Exit status 1 if any safe-jdbc row or any row under the agent shows an anomaly.
 */
public final class Demo {
    static final int SESSION_ROUNDS = 50;
    static final int ENGINE_ROUNDS = 20;
    static final int NESTED_CALLS = 3;

    static final String SESSIONS_ROLLBACK = "004 shared session, 2nd rolls back (writes lost /" + SESSION_ROUNDS + ")";
    static final String SESSIONS_CLOSE = "004 shared session, 2nd closes, pool resets (writes lost /" + SESSION_ROUNDS + ")";
    static final String SESSIONS_STATIC_POOL = "004 same, safe keeps the static pool (writes lost /" + SESSION_ROUNDS + ")";
    static final String ENGINE_CACHE = "002 engine cache race, " + EngineCacheExample.THREADS + " threads (extra DBs /"
            + ENGINE_ROUNDS + " rounds)";
    static final String NESTED = "nested session, HikariCP (hangs cut short /" + NESTED_CALLS + " calls)";
    static final int LOCK_ROUNDS = 20;
    static final String LOCKS = "001 lock takeover, " + LockServiceExample.RACERS + " racers (extra holders /"
            + LOCK_ROUNDS + " rounds)";
    static final String JOBS = "003 job progress, JPA-style repository (lost updates /"
            + JobRepositoryExample.WORKERS * JobRepositoryExample.INCREMENTS + ")";

    /** The demo's output fits a terminal this wide; the full table does not try to. */
    static final int WIDTH = 100;
    /** The argument that prints the full table, with times. */
    static final String FULL = "--full";

    private Demo() {
    }

    /**
     * {@code --db postgresql://host:5432/db?user=...} (or the environment variable SAFE_DEMO_DB)
     * runs the check-then-act incidents on PostgreSQL; the in-memory incidents always use SQLite.
     * {@code --raw-only} runs only the raw side and prints one {@code row} line per scenario: what
     * the demo runs in a child JVM under the agent. {@value #FULL} prints the full table, with times.
     */
    public static void main(String[] args) {
        int status;
        try {
            if (List.of(args).contains(UnderAgent.RAW_ONLY)) {
                runRawOnly(database(args), System.out, System.err);
                status = 0;
            } else {
                status = run(args, System.out, System.err);
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    static DemoDatabase database(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--db")) {
                return DemoDatabase.postgres(args[i + 1].replaceFirst("^jdbc:", ""));
            }
        }
        String fromEnvironment = System.getenv("SAFE_DEMO_DB");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DemoDatabase.sqlite()
                : DemoDatabase.postgres(fromEnvironment.replaceFirst("^jdbc:", ""));
    }

    /** What {@code main} does: runs everything here, then the raw side under the agent; prints the table. */
    static int run(String[] args, PrintStream out, PrintStream progress) throws Exception {
        DemoDatabase database = database(args);
        List<Outcome> outcomes = runAll(database, progress);
        List<String> demoArgs = List.of(args).stream().filter(arg -> !arg.equals(FULL)).toList();
        return report(outcomes, UnderAgent.run(demoArgs.toArray(String[]::new), progress), database,
                List.of(args).contains(FULL), out);
    }

    /**
     * Prints the heading and the table (the full one, with times, when {@code full}); returns the
     * exit status: 1 if a safe-jdbc row or a row under the agent shows an anomaly, or the run
     * under the agent failed.
     */
    static int report(List<Outcome> outcomes, UnderAgent.Result agent, DemoDatabase database, boolean full,
            PrintStream out) {
        printWrapped("The four incidents and a nested session: anomalies on the raw driver, through jdbc:safe:"
                + " and under the agent, then the errors safe-jdbc raised instead (001 and 003 on "
                + database.describe() + ").", out);
        if (agent.problem() != null) {
            printWrapped(agent.problem(), out);
        }
        if (full) {
            printFullTable(outcomes, agent, out);
        } else {
            printTable(outcomes, agent, out);
            out.println("Times, and the columns named in full: " + FULL + ".");
        }
        boolean safeAnomaly = outcomes.stream().anyMatch(o -> o.anomaliesSafe() > 0);
        boolean agentAnomaly = outcomes.stream()
                .anyMatch(o -> agent.row(o.scenario()).map(t -> t.anomalies() > 0).orElse(agent.failed()));
        return safeAnomaly || agentAnomaly ? 1 : 0;
    }

    /** A row of the table: how to run its raw side and its safe-jdbc side (each prints its progress line). */
    record Scenario(String name, Side raw, Side safe) {
    }

    @FunctionalInterface
    interface Side {
        Tally run() throws Exception;
    }

    /** Every scenario, raw then safe. */
    static List<Outcome> runAll(DemoDatabase database, PrintStream progress) throws Exception {
        warmUp();
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios(database, progress)) {
            outcomes.add(Outcome.of(scenario.name(), scenario.raw().run(), scenario.safe().run()));
        }
        return outcomes;
    }

    /** {@code --raw-only}: the raw side of every scenario, one {@link UnderAgent#line} each. */
    static void runRawOnly(DemoDatabase database, PrintStream out, PrintStream progress) throws Exception {
        warmUp();
        for (Scenario scenario : scenarios(database, progress)) {
            out.println(UnderAgent.line(scenario.name(), scenario.raw().run()));
        }
    }

    /** Loads SQLite's native library before any clock runs. */
    private static void warmUp() throws Exception {
        DriverManager.getConnection("jdbc:sqlite::memory:").close();
    }

    static List<Scenario> scenarios(DemoDatabase database, PrintStream progress) {
        return List.of(
                sessions(SESSIONS_ROLLBACK, Ending.ROLLBACK, false, progress),
                sessions(SESSIONS_CLOSE, Ending.CLOSE_WITHOUT_COMMIT, false, progress),
                sessions(SESSIONS_STATIC_POOL, Ending.ROLLBACK, true, progress),
                new Scenario(ENGINE_CACHE, () -> engines(false, progress), () -> engines(true, progress)),
                new Scenario(NESTED, () -> {
                    Tally raw = new NestedSessionExample(NESTED_CALLS).raw();
                    progress.printf("[demo] nested raw:  %d calls hung until the pool's %d ms timeout, "
                            + "%d refused with SQLState 25001 (%s)%n", raw.anomalies(),
                            NestedSessionExample.POOL_TIMEOUT_MS, raw.errors(), format(raw.time()));
                    return raw;
                }, () -> {
                    Tally safe = new NestedSessionExample(NESTED_CALLS).safe();
                    progress.printf("[demo] nested safe: %d calls refused with SQLState 25001, %d hung or ran "
                            + "outside the transaction (%s)%n", safe.errors(), safe.anomalies(), format(safe.time()));
                    return safe;
                }),
                checkThenAct(LOCKS, "001", new LockServiceExample(LOCK_ROUNDS, database)::raw,
                        new LockServiceExample(LOCK_ROUNDS, database)::safe, "extra lock holders", progress),
                checkThenAct(JOBS, "003", new JobRepositoryExample(database)::raw,
                        new JobRepositoryExample(database)::safe, "lost progress updates", progress));
    }

    private static Tally engines(boolean safe, PrintStream progress) throws Exception {
        try (EngineCacheExample engines = new EngineCacheExample(ENGINE_ROUNDS)) {
            Tally tally = safe ? engines.safe() : engines.raw();
            progress.printf("[demo] 002 %s %d extra databases, %d threads saw only part of the table (%s)%n",
                    safe ? "safe:" : "raw: ", tally.anomalies(), engines.partialViews(), format(tally.time()));
            return tally;
        }
    }

    private static Scenario checkThenAct(String scenario, String incident, Side raw, Side safe, String anomaly,
            PrintStream progress) {
        return new Scenario(scenario, () -> {
            Tally rawTally = raw.run();
            progress.printf("[demo] %s raw:  %d %s, %d refused with SQLState 40001 (%s)%n", incident,
                    rawTally.anomalies(), anomaly, rawTally.errors(), format(rawTally.time()));
            return rawTally;
        }, () -> {
            Tally safeTally = safe.run();
            progress.printf("[demo] %s safe: %d %s, %d lost races refused with SQLState 40001 (%s)%n", incident,
                    safeTally.anomalies(), anomaly, safeTally.errors(), format(safeTally.time()));
            return safeTally;
        });
    }

    private static Scenario sessions(String scenario, Ending ending, boolean staticPoolWhenSafe,
            PrintStream progress) {
        SessionSharingExample example = new SessionSharingExample(SESSION_ROUNDS);
        return new Scenario(scenario, () -> {
            Tally raw = example.raw(ending);
            progress.printf("[demo] 004 %s raw:  %d of %d writes lost (%s)%n", ending, raw.anomalies(),
                    SESSION_ROUNDS, format(raw.time()));
            return raw;
        }, () -> {
            Tally safe = staticPoolWhenSafe ? example.safeStaticPool(ending) : example.safe(ending);
            progress.printf("[demo] 004 %s safe%s: %d of %d writes lost, second session waited in %d rounds (%s)%n",
                    ending, staticPoolWhenSafe ? " (static pool)" : "", safe.anomalies(), SESSION_ROUNDS,
                    example.heldBack(), format(safe.time()));
            return safe;
        });
    }

    /** The table that fits {@value #WIDTH} columns: the counts, no times. */
    static void printTable(List<Outcome> outcomes, UnderAgent.Result agent, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario (what counts as an anomaly)", "raw", "safe", "agent", "safe err",
            "agent err"});
        for (Outcome o : outcomes) {
            Optional<Tally> underAgent = agent.row(o.scenario());
            rows.add(new String[] {o.scenario(), String.valueOf(o.anomaliesRaw()), String.valueOf(o.anomaliesSafe()),
                underAgent.map(t -> String.valueOf(t.anomalies())).orElse("-"), String.valueOf(o.errorsSafe()),
                underAgent.map(t -> String.valueOf(t.errors())).orElse("-")});
        }
        print(rows, "  ", out);
    }

    /** {@value #FULL}: every column named in full, and the times. */
    static void printFullTable(List<Outcome> outcomes, UnderAgent.Result agent, PrintStream out) {
        String[] header = {"scenario", "anomalies raw", "anomalies safe-jdbc", "errors safe-jdbc raised instead",
            "anomalies under the agent", "errors under the agent", "time raw", "time safe", "time agent"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (Outcome o : outcomes) {
            Optional<Tally> underAgent = agent.row(o.scenario());
            rows.add(new String[] {o.scenario(), String.valueOf(o.anomaliesRaw()), String.valueOf(o.anomaliesSafe()),
                String.valueOf(o.errorsSafe()), underAgent.map(t -> String.valueOf(t.anomalies())).orElse("-"),
                underAgent.map(t -> String.valueOf(t.errors())).orElse("-"), format(o.timeRaw()),
                format(o.timeSafe()), underAgent.map(t -> format(t.time())).orElse("-")});
        }
        print(rows, " | ", out);
    }

    /** The rows (the first is the header, ruled below) in columns as wide as their widest cell. */
    private static void print(List<String[]> rows, String separator, PrintStream out) {
        String[] header = rows.get(0);
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths, separator));
            if (r == 0) {
                String[] rule = new String[header.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths, separator).replace(' ', '-'));
            }
        }
    }

    private static String line(String[] cells, int[] widths, String separator) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(separator);
            }
            String format = i == 0 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
            line.append(String.format(format, cells[i]));
        }
        return line.toString();
    }

    /** {@code text} in lines of at most {@value #WIDTH} columns, broken between words. */
    static void printWrapped(String text, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.println(line);
    }

    static String format(Duration time) {
        long ms = time.toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.2f s", ms / 1000.0);
    }
}

package dev.safejdbc.examples;

import dev.safejdbc.examples.SessionSharingExample.Ending;
import java.io.PrintStream;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every example on the raw driver, then through {@code jdbc:safe:}; progress goes to stderr,
 * the table to stdout. Exit status 1 if any safe-jdbc row shows an anomaly.
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

    private Demo() {
    }

    /**
     * {@code --db postgresql://host:5432/db?user=...} (or the environment variable SAFE_DEMO_DB)
     * runs the check-then-act incidents on PostgreSQL; the in-memory incidents always use SQLite.
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(database(args), System.out, System.err);
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

    /** What {@code main} does: runs everything, prints the table; returns the exit status. */
    static int run(DemoDatabase database, PrintStream out, PrintStream progress) throws Exception {
        return report(runAll(database, progress), database, out);
    }

    /** Prints the heading line and the table; returns the exit status: 1 if a safe-jdbc row shows an anomaly. */
    static int report(List<Outcome> outcomes, DemoDatabase database, PrintStream out) {
        out.println("The four incidents and a nested session, raw driver then jdbc:safe: (001 and 003 on "
                + database.describe() + ").");
        printTable(outcomes, out);
        return outcomes.stream().anyMatch(o -> o.anomaliesSafe() > 0) ? 1 : 0;
    }

    /** Every scenario, raw then safe. */
    static List<Outcome> runAll(DemoDatabase database, PrintStream progress) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        DriverManager.getConnection("jdbc:sqlite::memory:").close(); // loads SQLite's native library before any clock runs
        SessionSharingExample sessions = new SessionSharingExample(SESSION_ROUNDS);
        outcomes.add(sessions(sessions, SESSIONS_ROLLBACK, Ending.ROLLBACK, false, progress));
        outcomes.add(sessions(sessions, SESSIONS_CLOSE, Ending.CLOSE_WITHOUT_COMMIT, false, progress));
        outcomes.add(sessions(sessions, SESSIONS_STATIC_POOL, Ending.ROLLBACK, true, progress));

        try (EngineCacheExample engines = new EngineCacheExample(ENGINE_ROUNDS)) {
            Tally raw = engines.raw();
            progress.printf("[demo] 002 raw:  %d extra databases, %d threads saw only part of the table (%s)%n",
                    raw.anomalies(), engines.partialViews(), format(raw.time()));
            Tally safe = engines.safe();
            progress.printf("[demo] 002 safe: %d extra databases, %d threads saw only part of the table (%s)%n",
                    safe.anomalies(), engines.partialViews(), format(safe.time()));
            outcomes.add(Outcome.of(ENGINE_CACHE, raw, safe));
        }

        NestedSessionExample nested = new NestedSessionExample(NESTED_CALLS);
        Tally raw = nested.raw();
        progress.printf("[demo] nested raw:  %d calls hung until the pool's %d ms timeout (%s)%n",
                raw.anomalies(), NestedSessionExample.POOL_TIMEOUT_MS, format(raw.time()));
        Tally safe = nested.safe();
        progress.printf("[demo] nested safe: %d calls refused with SQLState 25001, %d hung or ran outside the transaction (%s)%n",
                safe.errors(), safe.anomalies(), format(safe.time()));
        outcomes.add(Outcome.of(NESTED, raw, safe));

        outcomes.add(checkThenAct(LOCKS, "001", new LockServiceExample(LOCK_ROUNDS, database)::raw,
                new LockServiceExample(LOCK_ROUNDS, database)::safe, "extra lock holders", progress));
        outcomes.add(checkThenAct(JOBS, "003", new JobRepositoryExample(database)::raw,
                new JobRepositoryExample(database)::safe, "lost progress updates", progress));
        return outcomes;
    }

    @FunctionalInterface
    interface Side {
        Tally run() throws Exception;
    }

    private static Outcome checkThenAct(String scenario, String incident, Side raw, Side safe, String anomaly,
            PrintStream progress) throws Exception {
        Tally rawTally = raw.run();
        progress.printf("[demo] %s raw:  %d %s (%s)%n", incident, rawTally.anomalies(), anomaly, format(rawTally.time()));
        Tally safeTally = safe.run();
        progress.printf("[demo] %s safe: %d %s, %d lost races refused with SQLState 40001 (%s)%n", incident,
                safeTally.anomalies(), anomaly, safeTally.errors(), format(safeTally.time()));
        return Outcome.of(scenario, rawTally, safeTally);
    }

    private static Outcome sessions(SessionSharingExample example, String scenario, Ending ending,
            boolean staticPoolWhenSafe, PrintStream progress) throws Exception {
        Tally raw = example.raw(ending);
        progress.printf("[demo] 004 %s raw:  %d of %d writes lost (%s)%n", ending, raw.anomalies(),
                SESSION_ROUNDS, format(raw.time()));
        Tally safe = staticPoolWhenSafe ? example.safeStaticPool(ending) : example.safe(ending);
        progress.printf("[demo] 004 %s safe%s: %d of %d writes lost, second session waited in %d rounds (%s)%n",
                ending, staticPoolWhenSafe ? " (static pool)" : "", safe.anomalies(), SESSION_ROUNDS,
                example.heldBack(), format(safe.time()));
        return Outcome.of(scenario, raw, safe);
    }

    static void printTable(List<Outcome> outcomes, PrintStream out) {
        String[] header = {"scenario", "anomalies raw", "anomalies safe-jdbc", "errors safe-jdbc raised instead",
            "time raw", "time safe"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (Outcome o : outcomes) {
            rows.add(new String[] {o.scenario(), String.valueOf(o.anomaliesRaw()), String.valueOf(o.anomaliesSafe()),
                String.valueOf(o.errorsSafe()), format(o.timeRaw()), format(o.timeSafe())});
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[header.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths).replace(' ', '-'));
            }
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(" | ");
            }
            String format = i == 0 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
            line.append(String.format(format, cells[i]));
        }
        return line.toString();
    }

    static String format(Duration time) {
        long ms = time.toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.2f s", ms / 1000.0);
    }
}

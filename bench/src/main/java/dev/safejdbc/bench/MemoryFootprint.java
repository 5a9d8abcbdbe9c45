package dev.safejdbc.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * What safe-jdbc keeps on the heap (the proof issue, item 4). Not JMH: the question is how much
 * stays reachable, not how fast. Run without arguments, it runs every scenario below in a fresh
 * child JVM of its own (so that one scenario's caches and JIT state do not count against the
 * next) and prints Markdown tables:
 * <ul>
 * <li>{@code statements <raw|safe> <per-sql|reused> <count> <every>}: {@code count} distinct literal
 * SQL strings through plain {@link Statement}s on one in-memory SQLite connection, a new statement
 * per SQL text or one statement reused for all; the heap used after a full GC every {@code every}
 * statements;</li>
 * <li>{@code connections <sqlite|sqlite-memory|postgresql> <raw|safe> <count> [histogram]}: the heap
 * retained by {@code count} open connections, each having run one keyed read, over the heap before
 * ({@code sqlite} a file database, {@code sqlite-memory} a shared in-memory one); with
 * {@code histogram}, also the classes that make up the difference, in bytes per connection.</li>
 * </ul>
 * {@code java -cp bench/target/benchmarks.jar dev.safejdbc.bench.MemoryFootprint [statements [connections]]}
 * sets the counts of the full run (default 1,000,000 statements and 1,000 SQLite connections;
 * PostgreSQL gets as many as its {@code max_connections} leaves room for, at most 80).
 */
public final class MemoryFootprint {
    /** Room for the reused-statement scenario, whose heap grows with every guarded write. */
    private static final String CHILD_HEAP = "-Xmx2g";
    private static final int PG_MAX_CONNECTIONS = 80;
    /** Connections PostgreSQL keeps free for everyone else on the server (other sessions, superuser). */
    private static final int PG_HEADROOM = 15;

    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("statements")) {
            LiteralStatements.run(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length > 0 && args[0].equals("connections")) {
            OpenConnections.run(args[1], args[2], Integer.parseInt(args[3]),
                    args.length > 4 && args[4].equals("histogram"));
        } else {
            int statements = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
            int connections = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
            runAll(statements, connections);
        }
    }

    private static void runAll(int statements, int connections) throws Exception {
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", children run with " + CHILD_HEAP + "; load average at start: " + loadAverage());
        System.out.println();
        System.out.println("| driver | statements | distinct SQL texts executed | used heap after GC (MB) | elapsed (s) |");
        System.out.println("|---|---|---:|---:|---:|");
        int every = Math.max(1, statements / 10);
        for (String pattern : new String[] {"per-sql", "reused"}) {
            for (String driver : new String[] {"raw", "safe"}) {
                child("statements", driver, pattern, String.valueOf(statements), String.valueOf(every));
            }
        }
        System.out.println();
        System.out.println("| database | driver | open connections | retained heap (MB) | per connection (KB) |");
        System.out.println("|---|---|---:|---:|---:|");
        int pg = Math.min(PG_MAX_CONNECTIONS, OpenConnections.postgresRoom() - PG_HEADROOM);
        for (String db : new String[] {Databases.SQLITE, OpenConnections.SQLITE_MEMORY}) {
            for (String driver : new String[] {"raw", "safe"}) {
                child("connections", db, driver, String.valueOf(connections));
            }
        }
        for (String driver : new String[] {"raw", "safe"}) {
            child("connections", Databases.POSTGRESQL, driver, String.valueOf(pg));
        }
        System.out.println();
        System.out.println("load average at end: " + loadAverage());
    }

    /** Runs one scenario in a new JVM with this one's class path; its table rows go to our stdout. */
    private static void child(String... scenario) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), CHILD_HEAP,
                "-cp", System.getProperty("java.class.path"), MemoryFootprint.class.getName()));
        command.addAll(List.of(scenario));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("scenario " + String.join(" ", scenario) + " exited with " + exit);
        }
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Heap in use once everything unreachable is gone: full GCs until two readings agree. */
    static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            memory.gc();
            Thread.sleep(50); // lets reference processing and finalization-driven cleanup run
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /**
     * Distinct literal SQL texts of the kinds an application sends through plain statements. For
     * key {@code n}, in this order: a keyed existence check that finds nothing, the INSERT it decides
     * on (guarded: ON CONFLICT DO NOTHING), a keyed read of that row, an UPDATE of it (guarded: it was
     * read), a keyed read of a row that never exists (it stays in the read log until crowded out), a
     * DELETE of the row (so the table stays small), an aggregate read (parsed, not keyed) and a
     * PRAGMA (not SQL the guard parses).
     */
    static final class LiteralStatements {
        static final int KINDS = 8;
        private static final long ABSENT = 1_000_000_000L;

        private LiteralStatements() {
        }

        static String sql(long i) {
            long n = i / KINDS + 1;
            return switch ((int) (i % KINDS)) {
                case 0 -> "SELECT id FROM items WHERE id = " + n;
                case 1 -> "INSERT INTO items (id, name, amount) VALUES (" + n + ", 'item-" + n + "', " + n + ")";
                case 2 -> "SELECT name, amount FROM items WHERE id = " + n;
                case 3 -> "UPDATE items SET name = 'item-" + n + "-taken', amount = " + (n + 1) + " WHERE id = " + n;
                case 4 -> "SELECT name FROM items WHERE id = " + (ABSENT + n);
                case 5 -> "DELETE FROM items WHERE id = " + n;
                case 6 -> "SELECT count(*) FROM items WHERE amount > " + n;
                default -> "PRAGMA user_version = " + n;
            };
        }

        static void run(String driver, String pattern, int count, int every) throws Exception {
            try (Databases.Target target = Databases.Target.open(Databases.SQLITE, "footprint");
                    Connection c = target.connect(driver)) {
                Databases.execute(c, "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                        + " amount BIGINT NOT NULL)");
                boolean reused = pattern.equals("reused");
                Statement shared = reused ? c.createStatement() : null;
                long started = System.nanoTime();
                report(driver, pattern, 0, usedHeapAfterGc(), started);
                for (int i = 0; i < count; i++) {
                    if (reused) {
                        execute(shared, sql(i));
                    } else {
                        try (Statement s = c.createStatement()) {
                            execute(s, sql(i));
                        }
                    }
                    if ((i + 1) % every == 0) {
                        long paused = System.nanoTime();
                        long used = usedHeapAfterGc();
                        started += System.nanoTime() - paused; // the GCs are not the statements' time
                        report(driver, pattern, i + 1, used, started);
                    }
                }
                if (shared != null) {
                    shared.close();
                }
            }
        }

        /** As an application does: runs it, and reads a query's first row (which the guard records). */
        private static void execute(Statement s, String sql) throws SQLException {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    rs.next();
                }
            }
        }

        private static void report(String driver, String pattern, int done, long used, long started) {
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %.1f |%n", driver,
                    pattern.equals("reused") ? "one, reused" : "one per SQL", done, megabytes(used),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Many connections held open at once: what each costs on the heap. */
    static final class OpenConnections {
        private OpenConnections() {
        }

        /** A shared in-memory SQLite database: safe-jdbc's logical connections share one physical one. */
        static final String SQLITE_MEMORY = "sqlite-memory";

        static void run(String db, String driver, int count, boolean histogram) throws Exception {
            if (db.equals(Databases.POSTGRESQL) || db.equals(SQLITE_MEMORY)) {
                Databases.Target target = Databases.Target.open(db.equals(SQLITE_MEMORY) ? Databases.SQLITE : db,
                        "footprint");
                String table = target.table("items");
                try {
                    measure(db, driver, count, table, () -> target.connect(driver), histogram);
                } finally {
                    target.close(table);
                }
            } else {
                Path dir = Files.createTempDirectory("safe-jdbc-footprint");
                String raw = "jdbc:sqlite:" + dir.resolve("footprint.db");
                String url = driver.equals("safe") ? Databases.safe(raw) : raw;
                try {
                    measure(db, driver, count, "items", () -> DriverManager.getConnection(url), histogram);
                } finally {
                    for (File f : dir.toFile().listFiles()) {
                        Files.delete(f.toPath());
                    }
                    Files.delete(dir);
                }
            }
        }

        @FunctionalInterface
        interface Opener {
            Connection open() throws SQLException;
        }

        /** Opens {@code count} connections, each runs one keyed read; retained heap over the heap before. */
        private static void measure(String db, String driver, int count, String table, Opener opener,
                boolean histogram) throws Exception {
            try (Connection first = opener.open()) {
                Databases.execute(first, "CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY,"
                        + " name VARCHAR(40) NOT NULL)", "INSERT INTO " + table + " (id, name) VALUES (1, 'one')");
                readOne(first, table); // loads the driver's and the guard's classes before the baseline
            }
            long before = usedHeapAfterGc();
            Map<String, Long> classesBefore = histogram ? ClassHistogram.take() : null;
            List<Connection> open = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    Connection c = opener.open();
                    open.add(c);
                    readOne(c, table);
                }
                long retained = usedHeapAfterGc() - before;
                System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %.1f |%n", db, driver, count, megabytes(retained),
                        retained / 1024.0 / count);
                if (histogram) {
                    ClassHistogram.printDifference(classesBefore, ClassHistogram.take(), count);
                }
            } finally {
                Databases.closeQuietly(open.toArray(new AutoCloseable[0]));
            }
        }

        private static void readOne(Connection c, String table) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM " + table + " WHERE id = 1")) {
                rs.next();
            }
        }

        /** Connections the server still accepts: {@code max_connections} less those in use. */
        static int postgresRoom() throws SQLException {
            try (Connection c = DriverManager.getConnection(Databases.postgresUrl());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int"
                            + " - (SELECT count(*) FROM pg_stat_activity)")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

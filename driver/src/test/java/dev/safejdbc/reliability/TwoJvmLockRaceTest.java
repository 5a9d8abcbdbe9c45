package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.it.NaiveLockService;
import dev.safejdbc.it.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two child JVMs race incident 001's naive lock service for the same lock rows on PostgreSQL.
 * Rounds are coordinated through the database (each JVM reads the lock row, then waits until the
 * other has read too), so every round is a real race. Even rounds race for an expired lock, odd
 * rounds for an absent one. Raw, both JVMs hold the expired locks; through {@code jdbc:safe:}
 * exactly one JVM holds each lock and the other gets 40001: the guard relies on the database, not
 * on anything shared inside one JVM.
 */
class TwoJvmLockRaceTest {
    private static final int JVMS = 2;
    private static final int RAW_ROUNDS = 100;
    private static final int SAFE_ROUNDS = 1000;
    private static final int SOAK_ROUNDS = 5000;

    @TempDir
    Path directory;

    /** What the JVMs reported for one run. */
    record Run(int rounds, Map<Integer, List<String>> outcomes, Map<String, String> owners, long millis) {
        long doubleHolders() {
            return outcomes.values().stream().filter(o -> o.stream().filter("WON"::equals).count() > 1).count();
        }

        long count(String outcome) {
            return outcomes.values().stream().flatMap(List::stream).filter(o -> o.startsWith(outcome)).count();
        }
    }

    @Test
    void twoJvmsNeverBothHoldALock() throws Exception {
        String pg = TestDatabases.postgres();
        Run raw = race("jdbc:" + pg, RAW_ROUNDS);
        Run safe = race("jdbc:safe:" + pg, SAFE_ROUNDS);
        Figures.record("TwoJvmLockRaceTest", "raw       " + describe(raw));
        Figures.record("TwoJvmLockRaceTest", "safe-jdbc " + describe(safe));

        assertThat(raw.doubleHolders()).as("rounds where both raw JVMs held the lock").isPositive();
        assertExactlyOneHolderPerRound(safe);
    }

    @Tag("soak")
    @Test
    void soakTwoJvmsNeverBothHoldALock() throws Exception {
        Run safe = race("jdbc:safe:" + TestDatabases.postgres(), SOAK_ROUNDS);
        Figures.record("TwoJvmLockRaceTest", "soak safe-jdbc " + describe(safe));
        assertExactlyOneHolderPerRound(safe);
    }

    private static String describe(Run run) {
        return "JVMs=" + JVMS + " rounds=" + run.rounds() + " double holders=" + run.doubleHolders() + " won="
                + run.count("WON") + " conflicts(40001)=" + run.count("CONFLICT") + " errors=" + run.count("ERROR")
                + " " + run.millis() + " ms";
    }

    private static void assertExactlyOneHolderPerRound(Run safe) {
        assertThat(safe.outcomes()).hasSize(safe.rounds());
        assertThat(safe.count("ERROR")).as("errors other than 40001: " + safe.outcomes()).isZero();
        safe.outcomes().forEach((round, outcomes) -> {
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("WON", "CONFLICT");
        });
        assertThat(safe.doubleHolders()).isZero();
    }

    private Run race(String url, int rounds) throws Exception {
        String pg = "jdbc:" + TestDatabases.postgres();
        String locks = TestDatabases.unique("jvm_locks");
        String barrier = TestDatabases.unique("jvm_barrier");
        String results = TestDatabases.unique("jvm_results");
        try (Connection c = DriverManager.getConnection(pg)) {
            Sql.exec(c, String.format(NaiveLockService.DDL, locks));
            Sql.exec(c, "CREATE TABLE " + barrier + " (round INT NOT NULL, jvm INT NOT NULL, PRIMARY KEY (round, jvm))");
            Sql.exec(c, "CREATE TABLE " + results + " (round INT NOT NULL, jvm INT NOT NULL, outcome TEXT NOT NULL,"
                    + " PRIMARY KEY (round, jvm))");
            try (PreparedStatement expired = c.prepareStatement(
                    "INSERT INTO " + locks + " VALUES ('job', ?, 'nobody', 0)")) {
                for (int round = 0; round < rounds; round += 2) { // odd rounds race for an absent lock
                    expired.setString(1, "r" + round);
                    expired.addBatch();
                }
                expired.executeBatch();
            }
        }
        try {
            long start = System.nanoTime();
            runChildren(url, pg, locks, barrier, results, rounds);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return collect(pg, locks, results, rounds, millis);
        } finally {
            try (Connection c = DriverManager.getConnection(pg)) {
                for (String table : List.of(locks, barrier, results)) {
                    Sql.exec(c, "DROP TABLE IF EXISTS " + table);
                }
            }
        }
    }

    private void runChildren(String url, String pg, String locks, String barrier, String results, int rounds)
            throws Exception {
        List<Process> children = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        long timeoutSeconds = 60 + rounds / 10;
        try {
            for (int jvm = 0; jvm < JVMS; jvm++) {
                Path log = directory.resolve("jvm-" + jvm + "-" + System.nanoTime() + ".log");
                logs.add(log);
                ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"),
                        TwoJvmLockRacer.class.getName(), url, pg, locks, barrier, results,
                        Integer.toString(jvm), Integer.toString(JVMS), Integer.toString(rounds))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().keySet().removeIf(name -> name.startsWith("SAFE_"));
                children.add(builder.start());
            }
            for (int jvm = 0; jvm < JVMS; jvm++) {
                Process child = children.get(jvm);
                if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new AssertionError("JVM " + jvm + " did not finish within " + timeoutSeconds + " s:\n"
                            + Files.readString(logs.get(jvm), StandardCharsets.UTF_8));
                }
                assertThat(child.exitValue()).as("JVM " + jvm + " exit code; its output:\n"
                        + Files.readString(logs.get(jvm), StandardCharsets.UTF_8)).isZero();
            }
        } finally {
            for (Process child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Run collect(String pg, String locks, String results, int rounds, long millis) throws SQLException {
        Map<Integer, List<String>> outcomes = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT round, jvm, outcome FROM " + results + " ORDER BY round, jvm")) {
                while (rs.next()) {
                    outcomes.computeIfAbsent(rs.getInt(1), r -> new ArrayList<>()).add(rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT resource_id, owner_id FROM " + locks)) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
            // the stored owner is the one JVM that won (checked for every round with a single winner)
            try (ResultSet rs = s.executeQuery("SELECT r.round, r.jvm, l.owner_id FROM " + results + " r JOIN " + locks
                    + " l ON l.resource_id = 'r' || r.round WHERE r.outcome = 'WON'")) {
                while (rs.next()) {
                    List<String> round = outcomes.get(rs.getInt(1));
                    if (round.stream().filter("WON"::equals).count() == 1) {
                        assertThat(rs.getString(3)).as("owner of round " + rs.getInt(1)).isEqualTo("jvm-" + rs.getInt(2));
                    }
                }
            }
        }
        return new Run(rounds, outcomes, owners, millis);
    }
}

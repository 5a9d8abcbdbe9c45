package dev.safejdbc.reliability;

import dev.safejdbc.it.NaiveLockService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One child JVM of {@link TwoJvmLockRaceTest}: races incident 001's naive lock service for the same
 * lock rows as its sibling JVM. Each round it reads the lock row inside its transaction, then waits
 * at a barrier kept in PostgreSQL (a row per JVM and round, written on a second, plain connection)
 * until every JVM has read; only then does it write and commit, and it records its outcome.
 *
 * <p>Arguments: racer URL, plain barrier URL, lock table, barrier table, results table, this JVM's
 * index, number of JVMs, rounds.
 */
public final class TwoJvmLockRacer {
    private static final long BARRIER_SECONDS = 30;

    private TwoJvmLockRacer() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String barrierUrl = args[1];
        String locks = args[2];
        String barrier = args[3];
        String results = args[4];
        int jvm = Integer.parseInt(args[5]);
        int jvms = Integer.parseInt(args[6]);
        int rounds = Integer.parseInt(args[7]);
        NaiveLockService service = new NaiveLockService(locks);
        try (Connection racer = DriverManager.getConnection(url);
                Connection coordination = DriverManager.getConnection(barrierUrl)) {
            racer.setAutoCommit(false);
            for (int round = 0; round < rounds; round++) {
                int r = round;
                String outcome;
                try {
                    boolean acquired = service.acquire(racer, "job", "r" + round, "jvm-" + jvm, 1_000, 60_000,
                            () -> await(coordination, barrier, r, jvm, jvms));
                    if (acquired) {
                        racer.commit();
                    } else {
                        racer.rollback();
                    }
                    outcome = acquired ? "WON" : "REFUSED";
                } catch (SQLException e) {
                    racer.rollback();
                    outcome = "40001".equals(e.getSQLState()) ? "CONFLICT"
                            : "ERROR " + e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse("");
                }
                try (PreparedStatement record = coordination.prepareStatement(
                        "INSERT INTO " + results + " (round, jvm, outcome) VALUES (?, ?, ?)")) {
                    record.setInt(1, round);
                    record.setInt(2, jvm);
                    record.setString(3, outcome.length() > 200 ? outcome.substring(0, 200) : outcome);
                    record.executeUpdate();
                }
            }
        }
        System.exit(0);
    }

    /** Arrives at round {@code round}'s barrier and waits (bounded) until all {@code jvms} have. */
    private static void await(Connection coordination, String barrier, int round, int jvm, int jvms) {
        try {
            try (PreparedStatement arrive = coordination.prepareStatement(
                    "INSERT INTO " + barrier + " (round, jvm) VALUES (?, ?)")) {
                arrive.setInt(1, round);
                arrive.setInt(2, jvm);
                arrive.executeUpdate();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BARRIER_SECONDS);
            try (PreparedStatement arrived = coordination.prepareStatement(
                    "SELECT count(*) FROM " + barrier + " WHERE round = ?")) {
                arrived.setInt(1, round);
                while (true) {
                    try (ResultSet rs = arrived.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) >= jvms) {
                            return;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("JVM " + jvm + ": the other JVMs never reached round "
                                + round + " within " + BARRIER_SECONDS + " s");
                    }
                    LockSupport.parkNanos(200_000);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("barrier of round " + round + " failed", e);
        }
    }
}

package dev.safejdbc.findings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide record of what safe-jdbc detected. One per JVM on purpose: findings come from
 * every connection, pool and thread, and the report at exit must see them all.
 *
 * <p>A finding is one kind of problem on one table (if it concerns one) at one application site:
 * two problems never merge, and one problem at one site never splits. Each is logged once and then only counted, so a problem in a
 * loop does not flood the log. At most {@value #MAX_DISTINCT} distinct findings are kept, so a
 * pathological application cannot grow this without bound; the rest are only counted.
 */
public final class Findings {
    static final int MAX_DISTINCT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Findings.class);
    private static final String FIRST_SEEN = "safe-jdbc finding {} ({}) on {} in thread '{}': {}\n  application frames:\n{}";

    private record Key(FindingKind kind, String database, String table, String site) {
    }

    // Repeats (the common case) are a lock-free lookup; a first occurrence takes LOCK so that the
    // cap and the first-seen order stay exact.
    private static final Map<Key, Finding> BY_KEY = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    private static final List<Finding> IN_ORDER = new ArrayList<>(); // guarded by LOCK
    private static long dropped; // guarded by LOCK
    private static boolean capLogged; // guarded by LOCK

    // Copy-on-write: with no listeners, dispatch is one read of an empty array.
    private static final List<Consumer<Finding>> LISTENERS = new CopyOnWriteArrayList<>();
    private static final Set<Path> REPORTS = ConcurrentHashMap.newKeySet();

    private Findings() {
    }

    /**
     * Records one occurrence of a finding that concerns no one table; see {@link #record(FindingKind, String, String, AppFrames, String)}.
     *
     * @param kind     what was detected
     * @param database the database key, already sanitized (never a password)
     * @param frames   where in the application it happened
     * @param detail   what happened, in words, for the person reading a report
     * @return the finding, with its count including this occurrence
     */
    public static Finding record(FindingKind kind, String database, AppFrames frames, String detail) {
        return record(kind, database, null, frames, detail);
    }

    /**
     * Records one occurrence: the first of a distinct (kind, database, table,
     * {@code frames.site()}) is logged (WARN; INFO for an informational kind) and kept, later
     * ones only counted. Every occurrence goes to the listeners.
     *
     * @param kind     what was detected
     * @param database the database key, already sanitized (never a password)
     * @param table    the table the problem concerns, or null when it concerns none
     * @param frames   where in the application it happened; its site is part of the finding's identity
     * @param detail   what happened, in words; kept only from the first occurrence
     * @return the finding, with its count including this occurrence; past the cap, a finding
     *         that is not kept (counted in {@link #dropped()})
     */
    public static Finding record(FindingKind kind, String database, String table, AppFrames frames,
            String detail) {
        Key key = new Key(kind, database, table, frames.site());
        Finding finding = BY_KEY.get(key);
        if (finding != null) {
            finding.occurredAgain();
        } else {
            finding = firstOccurrence(key, frames, detail);
        }
        for (Consumer<Finding> listener : LISTENERS) {
            notify(listener, finding);
        }
        return finding;
    }

    private static Finding firstOccurrence(Key key, AppFrames frames, String detail) {
        Finding candidate = new Finding(key.kind(), key.database(), key.table(), frames,
                Thread.currentThread().getName(), detail, Instant.now());
        boolean kept;
        boolean capJustReached = false;
        synchronized (LOCK) {
            Finding raced = BY_KEY.get(key);
            if (raced != null) {
                raced.occurredAgain();
                return raced;
            }
            kept = IN_ORDER.size() < MAX_DISTINCT;
            if (kept) {
                BY_KEY.put(key, candidate);
                IN_ORDER.add(candidate);
            } else {
                dropped++;
                capJustReached = !capLogged;
                capLogged = true;
            }
        }
        // Logged outside the lock: a slow appender must not hold up other recording threads.
        if (kept && candidate.kind().informational()) {
            LOG.info(FIRST_SEEN, candidate.kind(), candidate.kind().description(), candidate.database(),
                    candidate.thread(), candidate.detail(), frames.format("    "));
        } else if (kept) {
            LOG.warn(FIRST_SEEN, candidate.kind(), candidate.kind().description(), candidate.database(),
                    candidate.thread(), candidate.detail(), frames.format("    "));
        } else if (capJustReached) {
            LOG.warn("safe-jdbc keeps at most {} distinct findings; further new ones are only"
                    + " counted as dropped", MAX_DISTINCT);
        }
        return candidate;
    }

    // A faulty listener must not break the application's JDBC call, nor keep others from hearing.
    private static void notify(Consumer<Finding> listener, Finding finding) {
        try {
            listener.accept(finding);
        } catch (RuntimeException e) {
            LOG.error("safe-jdbc findings listener {} failed", listener, e);
        }
    }

    /**
     * The kept findings, in the order they were first seen.
     *
     * @return a copy; later occurrences still raise the findings' counts
     */
    public static List<Finding> snapshot() {
        synchronized (LOCK) {
            return List.copyOf(IN_ORDER);
        }
    }

    /**
     * Occurrences of new findings that were not kept because the cap was reached.
     *
     * @return the number dropped, 0 below the cap
     */
    public static long dropped() {
        synchronized (LOCK) {
            return dropped;
        }
    }

    /**
     * Calls {@code listener} on every occurrence, on the thread that recorded it (so
     * {@link Thread#currentThread()} is that thread), until the returned handle is closed.
     * A listener's {@link RuntimeException} is logged and otherwise ignored.
     *
     * @param listener called with the finding, its count already including the occurrence
     * @return closing it stops the calls
     */
    public static AutoCloseable listen(Consumer<Finding> listener) {
        Objects.requireNonNull(listener, "listener");
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /**
     * Writes the report (see {@link ReportFile}) to {@code path} at JVM exit. Calling it again
     * with the same absolute path changes nothing.
     *
     * @param path the report file, relative to the working directory unless absolute
     */
    public static void reportAtExit(Path path) {
        Path target = path.toAbsolutePath().normalize();
        if (!REPORTS.add(target)) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> writeReport(target),
                    "safe-jdbc-report"));
        } catch (IllegalStateException shuttingDown) {
            LOG.warn("the JVM is already shutting down; no safe-jdbc findings report will be"
                    + " written to {}", target);
        }
    }

    /** The shutdown hook's work: it logs a failure and never throws (nothing could catch it). */
    static void writeReport(Path target) {
        try {
            List<Finding> findings = snapshot();
            ReportFile.write(target, findings, dropped());
            LOG.info("safe-jdbc findings report ({} findings) written to {}", findings.size(), target);
        } catch (IOException | RuntimeException e) {
            LOG.error("could not write the safe-jdbc findings report to {}", target, e);
        }
    }

    /**
     * Forgets all findings and the dropped count (not listeners or report hooks). Only for this
     * package's tests, which share the one JVM-wide registry and need a known starting point.
     */
    static void clearForTests() {
        synchronized (LOCK) {
            BY_KEY.clear();
            IN_ORDER.clear();
            dropped = 0;
            capLogged = false;
        }
    }
}

package dev.safejdbc.findings;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of problem at one database, on one table when it concerns one, and at one application
 * site, with how often it happened. Identity is (kind, database, table, site); the thread, frames, detail and time are those of the first
 * occurrence, because the first is what a reader needs to reproduce it.
 */
public final class Finding {
    private final FindingKind kind;
    private final String database;
    private final String table;
    private final String site;
    private final String thread;
    private final AppFrames frames;
    private final String detail;
    private final Instant firstSeen;
    private final AtomicLong count = new AtomicLong(1);

    /**
     * The first occurrence; {@code database} is already sanitized (never a password), {@code table}
     * is null when the problem concerns no one table.
     */
    Finding(FindingKind kind, String database, String table, AppFrames frames, String thread, String detail,
            Instant firstSeen) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.database = Objects.requireNonNull(database, "database");
        this.table = table;
        this.frames = Objects.requireNonNull(frames, "frames");
        this.site = frames.site();
        this.thread = Objects.requireNonNull(thread, "thread");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.firstSeen = Objects.requireNonNull(firstSeen, "firstSeen");
    }

    void occurredAgain() {
        count.incrementAndGet();
    }

    /**
     * What was detected.
     *
     * @return the finding's kind
     */
    public FindingKind kind() {
        return kind;
    }

    /**
     * The database key, sanitized by whoever recorded it.
     *
     * @return the database the problem happened at, never with a password
     */
    public String database() {
        return database;
    }

    /**
     * The table the problem concerns, or null when it concerns no one table.
     *
     * @return the table's name, or null
     */
    public String table() {
        return table;
    }

    /**
     * The innermost application frame, as in {@link AppFrames#site()}.
     *
     * @return the application site the problem happened at
     */
    public String site() {
        return site;
    }

    /**
     * The name of the thread of the first occurrence.
     *
     * @return the thread's name
     */
    public String thread() {
        return thread;
    }

    /**
     * The application frames of the first occurrence, to find the code that caused it.
     *
     * @return the frames, innermost first
     */
    public AppFrames frames() {
        return frames;
    }

    /**
     * What happened at the first occurrence, in words, such as where the outer transaction or the
     * earlier read began.
     *
     * @return the detail, written for the person reading a report
     */
    public String detail() {
        return detail;
    }

    /**
     * When the first occurrence was recorded.
     *
     * @return the time of the first occurrence
     */
    public Instant firstSeen() {
        return firstSeen;
    }

    /**
     * How many times it happened so far (it may still grow).
     *
     * @return the number of occurrences, at least 1
     */
    public long count() {
        return count.get();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that
                && kind == that.kind
                && database.equals(that.database)
                && Objects.equals(table, that.table)
                && site.equals(that.site);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, database, table, site);
    }

    @Override
    public String toString() {
        return kind + " on " + database + (table == null ? "" : " table " + table) + " at " + site
                + " (x" + count() + ")";
    }
}

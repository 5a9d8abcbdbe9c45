package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.TableName;
import dev.safejdbc.guard.sql.TransactionBoundary;
import dev.safejdbc.session.Attachment;
import dev.safejdbc.session.TransactionState;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The keyed reads of one session's transaction (in autocommit: of the session, until the key is
 * written). Bounded: a long autocommit session that reads many keys keeps only the latest.
 *
 * <p>A ring of the latest reads rather than a map: every keyed read records one, most are never
 * looked up (an autocommit point read that no write follows), and recording is a few array
 * stores, with no allocation once the ring has grown. Only a write looks reads up, scanning the
 * slots used since the last {@link #clear}: one or two in a short transaction, at most
 * {@value #CAPACITY}, by hash first.
 *
 * <p>A read pushed out of the full ring, or a row past the first {@link ReturnedRowsCapture#MAX_ROWS}
 * a statement returned, is dropped: a later write of its key finds no read and goes as written, never
 * conditional on a read the log no longer has. The log remembers that it dropped reads (the hashes of
 * the latest {@value #PUSHED_OUT_KEPT} keys pushed out, the tables of rows never recorded), so that such a
 * write is reported.
 */
public final class ReadLog implements TransactionState {
    /** Each session's read log, kept with the session for its transaction. */
    public static final Attachment<ReadLog> OF_SESSION = new Attachment<>(ReadLog::new);
    private static final int CAPACITY = 256;
    /**
     * Most sessions read a few keys per transaction, and an idle connection keeps its last autocommit
     * reads: the ring starts at two slots (an array of one costs as much heap) and doubles to its capacity.
     */
    private static final int INITIAL = 2;
    /** How many pushed-out reads are remembered (by hash) for a finding: a power of two. */
    private static final int PUSHED_OUT_KEPT = 1024;

    // lengths are powers of two: slots wrap with a mask
    private RowKey[] keys = new RowKey[INITIAL];
    private int[] hashes = new int[INITIAL];
    private Observation[] reads = new Observation[INITIAL];
    /**
     * Why a read no longer holds, or null while it does. A read that a statement may have made stale is kept
     * (it guards nothing any more) so that a later write of its row can say why it was sent as written.
     */
    private String[] staleBecause = new String[INITIAL];
    /** The stale read the last {@link #claim} met instead of a holding one; null if none. */
    private Observation lastStale;
    private String lastStaleBecause;
    /** The slot the next read goes to: it holds the oldest read, if the ring is full. */
    private int next;
    /** Slots written since the last clear (at most all of them): the only ones a lookup scans. */
    private int used;
    /** Slots holding a read. */
    private int live;
    /** The hashes of the latest holding reads pushed out of the full ring (made when the first is). */
    private int[] pushedOut;
    private int pushedOutCount;
    private int pushedOutNext;
    /** Whether a read was pushed out or left unrecorded since the last {@link #clear}. */
    private boolean droppedAny;
    /** Tables of which a statement returned more rows than are recorded, and where the first was read. */
    private TableName[] unrecordedTables;
    private AppFrames[] unrecordedAt;
    private int unrecorded;
    /** See {@link #sqlBoundary()}. */
    private TransactionBoundary sqlBoundary;

    synchronized void record(RowKey key, Observation observation) {
        if (used == keys.length && used < CAPACITY) {
            grow();
        }
        if (keys[next] == null) {
            live++;
        } else if (staleBecause[next] == null) {
            pushOut(hashes[next]);
        }
        keys[next] = key;
        hashes[next] = key.hashCode();
        reads[next] = observation;
        staleBecause[next] = null;
        next = (next + 1) & (keys.length - 1);
        used = Math.min(used + 1, keys.length);
    }

    private void pushOut(int hash) {
        if (pushedOut == null) {
            pushedOut = new int[PUSHED_OUT_KEPT];
        }
        pushedOut[pushedOutNext] = hash;
        pushedOutNext = (pushedOutNext + 1) & (PUSHED_OUT_KEPT - 1);
        pushedOutCount = Math.min(pushedOutCount + 1, PUSHED_OUT_KEPT);
        droppedAny = true;
    }

    /** A statement returned more rows of {@code table} than are recorded: the rest were read at {@code readAt}. */
    synchronized void dropped(TableName table, AppFrames readAt) {
        droppedAny = true;
        for (int i = 0; i < unrecorded; i++) {
            if (unrecordedTables[i].name().equals(table.name())) {
                return;
            }
        }
        if (unrecordedTables == null) {
            unrecordedTables = new TableName[4];
            unrecordedAt = new AppFrames[4];
        } else if (unrecorded == unrecordedTables.length) {
            unrecordedTables = Arrays.copyOf(unrecordedTables, unrecorded * 2);
            unrecordedAt = Arrays.copyOf(unrecordedAt, unrecorded * 2);
        }
        unrecordedTables[unrecorded] = table;
        unrecordedAt[unrecorded++] = readAt;
    }

    /**
     * Why a write of {@code key}, which found no read, may yet be a check-then-act the log dropped;
     * null when it dropped none that could be this row's.
     */
    synchronized String dropped(RowKey key) {
        if (!droppedAny) {
            return null;
        }
        for (int i = 0; i < unrecorded; i++) {
            if (unrecordedTables[i].name().equals(key.table().name())) {
                return "a read at " + unrecordedAt[i].site() + " returned more rows of " + key.table().name()
                        + " than safe-jdbc records per statement (" + ReturnedRowsCapture.MAX_ROWS + "); if this row"
                        + " was among them, this write is not guarded: sent as written";
            }
        }
        int hash = key.hashCode();
        for (int i = 0; i < pushedOutCount; i++) {
            if (pushedOut[i] == hash) {
                return "this transaction read more rows than safe-jdbc keeps (" + CAPACITY + "), and a read of this"
                        + " row was dropped to make room: sent as written";
            }
        }
        return null;
    }

    /** Doubles the ring, which has not gone round yet (it is full only now): its slots are in order. */
    private void grow() {
        keys = Arrays.copyOf(keys, keys.length * 2);
        hashes = Arrays.copyOf(hashes, hashes.length * 2);
        reads = Arrays.copyOf(reads, reads.length * 2);
        staleBecause = Arrays.copyOf(staleBecause, staleBecause.length * 2);
        next = used;
    }

    /** Whether no read is remembered: no write can be guarded (or reported), so none is looked at. */
    synchronized boolean isEmpty() {
        return live == 0;
    }

    /**
     * The latest read of {@code key} that still holds, which the write is about to consume (with any older
     * one), merged with the older reads of it that still hold: each column any of them read, with the value
     * the latest of them saw; null when there is none, or when the latest was made stale ({@link #staleClaim} then tells by
     * what). The reads of the same table that may be of the same row under another name go stale: by another
     * key, or with the table spelt otherwise ({@code public.t} and {@code t} may be one table).
     */
    synchronized Observation claim(RowKey key) {
        int hash = key.hashCode();
        Observation latest = null;
        String latestStale = null;
        boolean found = false;
        boolean merging = false;
        for (int step = 1; step <= used; step++) {
            int slot = (next - step) & (keys.length - 1);
            RowKey read = keys[slot];
            if (read == null) {
                continue;
            }
            if (hashes[slot] == hash && read.equals(key)) {
                if (!found) {
                    found = true;
                    latest = reads[slot];
                    latestStale = staleBecause[slot];
                    merging = latestStale == null && latest.present();
                } else if (merging) {
                    // an older read of the row that still holds: its columns are compared too (a stale one, or
                    // "no row", ends what the row is known to have been: nothing before it is added)
                    merging = staleBecause[slot] == null && reads[slot].present();
                    latest = merging ? latest.mergedWith(reads[slot]) : latest;
                }
                empty(slot);
            } else if (read.table().name().equals(key.table().name()) && staleBecause[slot] == null
                    && (!read.table().equals(key.table()) || !read.columns().equals(key.columns()))) {
                staleBecause[slot] = "a write of " + key.table().name() + " by another key or under another"
                        + " name, which may have changed this row, ran between the read and this write";
            }
        }
        lastStale = latestStale == null ? null : latest;
        lastStaleBecause = latestStale;
        return latestStale == null ? latest : null;
    }

    /** The read the last {@link #claim} found stale instead of holding; null when it found none such. */
    synchronized Observation staleClaim() {
        return lastStale;
    }

    /** Why the read of {@link #staleClaim()} no longer held. */
    synchronized String staleBecause() {
        return lastStaleBecause;
    }

    /** The latest read of {@code table} that {@code matches}, which the write is about to consume. */
    synchronized Observation claim(TableName table, Predicate<RowKey> matches) {
        for (int step = 1; step <= used; step++) {
            RowKey key = keys[(next - step) & (keys.length - 1)];
            if (key != null && key.table().equals(table) && matches.test(key)) {
                return claim(key);
            }
        }
        return null;
    }

    /**
     * A write changed rows of {@code table} it does not name by key: none of their reads holds, whatever
     * schema named the table.
     */
    synchronized void forget(TableName table) {
        forget(table, "a write of " + table.name() + " that names no row by key ran between the read and this write");
    }

    /** None of {@code table}'s reads holds any more, for the reason {@code why}. */
    synchronized void forget(TableName table, String why) {
        for (int step = 1; step <= used; step++) {
            int slot = (next - step) & (keys.length - 1);
            if (keys[slot] != null && staleBecause[slot] == null && keys[slot].table().name().equals(table.name())) {
                staleBecause[slot] = why;
            }
        }
    }

    /** A statement that may have changed any row read ran: no read holds any more, {@code why} says why. */
    public synchronized void invalidate(String why) {
        for (int step = 1; step <= used; step++) {
            int slot = (next - step) & (keys.length - 1);
            if (keys[slot] != null && staleBecause[slot] == null) {
                staleBecause[slot] = why;
            }
        }
    }

    /**
     * A transaction began or ended in SQL: as {@link #clear()}, and the boundary is kept (until the next clear) to
     * say which transaction a later lost race was in, where the driver cannot say.
     */
    synchronized void clear(TransactionBoundary boundary) {
        clear();
        sqlBoundary = boundary;
    }

    /** The SQL boundary statement the log was last cleared by; null if none, or cleared otherwise since. */
    synchronized TransactionBoundary sqlBoundary() {
        return sqlBoundary;
    }

    /** The transaction ended: what it read no longer says anything about the next one. */
    public synchronized void clear() {
        sqlBoundary = null;
        lastStale = null;
        lastStaleBecause = null;
        if (used > 0) {
            // the slots used since the last clear are 0..used-1 (all of them once the ring went round)
            Arrays.fill(keys, 0, used, null);
            Arrays.fill(reads, 0, used, null);
            Arrays.fill(staleBecause, 0, used, null);
            next = 0;
            used = 0;
            live = 0;
        }
        if (droppedAny) {
            pushedOut = null;
            pushedOutCount = 0;
            pushedOutNext = 0;
            unrecorded = 0;
            unrecordedTables = null;
            unrecordedAt = null;
            droppedAny = false;
        }
    }

    private void empty(int slot) {
        keys[slot] = null;
        reads[slot] = null;
        staleBecause[slot] = null;
        live--;
    }
}

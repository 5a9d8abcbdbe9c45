package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.TableName;
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
 */
public final class ReadLog implements TransactionState {
    /** Each session's read log, kept with the session for its transaction. */
    public static final Attachment<ReadLog> OF_SESSION = new Attachment<>(ReadLog::new);
    private static final int CAPACITY = 256;
    /** Most sessions read a few keys per transaction: the ring starts small and grows to its capacity. */
    private static final int INITIAL = 8;

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

    synchronized void record(RowKey key, Observation observation) {
        if (used == keys.length && used < CAPACITY) {
            grow();
        }
        if (keys[next] == null) {
            live++;
        }
        keys[next] = key;
        hashes[next] = key.hashCode();
        reads[next] = observation;
        staleBecause[next] = null;
        next = (next + 1) & (keys.length - 1);
        used = Math.min(used + 1, keys.length);
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
     * one); null when there is none, or when the latest was made stale ({@link #staleClaim} then tells by
     * what). The reads of the same table that may be of the same row under another name go stale: by another
     * key, or with the table spelt otherwise ({@code public.t} and {@code t} may be one table).
     */
    synchronized Observation claim(RowKey key) {
        int hash = key.hashCode();
        Observation latest = null;
        String latestStale = null;
        boolean found = false;
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

    /** The transaction ended: what it read no longer says anything about the next one. */
    public synchronized void clear() {
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
    }

    private void empty(int slot) {
        keys[slot] = null;
        reads[slot] = null;
        staleBecause[slot] = null;
        live--;
    }
}

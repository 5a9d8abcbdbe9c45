package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.TableName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The keyed reads of one session's transaction (in autocommit: of the session, until the key is
 * written). Bounded: a long autocommit session that reads many keys keeps only the latest.
 */
public final class ReadLog {
    private static final int CAPACITY = 256;

    private final Map<RowKey, Observation> reads = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RowKey, Observation> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void record(RowKey key, Observation observation) {
        reads.put(key, observation);
    }

    /** Whether no read is remembered: no write can be guarded (or reported), so none is looked at. */
    synchronized boolean isEmpty() {
        return reads.isEmpty();
    }

    /** The read of {@code key}, which the write is about to consume. */
    synchronized Observation take(RowKey key) {
        return reads.remove(key);
    }

    /** The first read of {@code table} that {@code matches}, which the write is about to consume. */
    synchronized Observation take(TableName table, Predicate<RowKey> matches) {
        for (var entry : reads.entrySet()) {
            if (entry.getKey().table().equals(table) && matches.test(entry.getKey())) {
                return reads.remove(entry.getKey());
            }
        }
        return null;
    }

    /** A write changed rows of {@code table} it does not name by key: none of their reads holds. */
    synchronized void forget(TableName table) {
        reads.keySet().removeIf(key -> key.table().equals(table));
    }

    /** The transaction ended: what it read no longer says anything about the next one. */
    public synchronized void clear() {
        if (!reads.isEmpty()) {
            reads.clear();
        }
    }
}

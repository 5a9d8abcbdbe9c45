package dev.safejdbc.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read log's bookkeeping (pure logic): which read a write finds, and what the log forgets. */
class ReadLogTest {
    private static final int CAPACITY = 256;
    private static final TableName LOCKS = new TableName(null, "locks");
    private static final TableName JOBS = new TableName(null, "jobs");

    private final ReadLog log = new ReadLog();

    @Test
    void aWriteTakesTheLatestReadOfItsKeyAndOlderReadsOfItGoWithIt() {
        Observation older = read();
        Observation latest = read();
        log.record(key(LOCKS, 1), older);
        log.record(key(LOCKS, 2), read());
        log.record(key(LOCKS, 1), latest);

        assertThat(log.claim(key(LOCKS, 1))).isSameAs(latest);
        assertThat(log.claim(key(LOCKS, 1))).isNull();
        assertThat(log.claim(key(LOCKS, 2))).isNotNull();
        assertThat(log.isEmpty()).isTrue();
    }

    @Test
    void readsOfTheSameKeyValuesInAnotherTableAreOtherRows() {
        log.record(key(LOCKS, 1), read());

        assertThat(log.claim(key(JOBS, 1))).isNull();
        assertThat(log.isEmpty()).isFalse();
    }

    @Test
    void theOldestReadIsCrowdedOutByAFullRingOfNewerOnes() {
        Observation first = read();
        log.record(key(LOCKS, 0), first);
        for (int id = 1; id < CAPACITY; id++) {
            log.record(key(JOBS, id), read());
        }
        assertThat(log.claim(key(LOCKS, 0))).as("%d reads fit", CAPACITY).isSameAs(first);

        log.record(key(LOCKS, 0), first);
        for (int id = 1; id <= CAPACITY; id++) {
            log.record(key(JOBS, 1_000 + id), read());
        }
        assertThat(log.claim(key(LOCKS, 0))).as("one more crowds the oldest out").isNull();
        assertThat(log.claim(key(JOBS, 1_000 + CAPACITY))).isNotNull();
    }

    @Test
    void aWriteOfARowWhoseReadWasDroppedIsToldSoAndOfAnyOtherNot() {
        log.record(key(LOCKS, 0), read());
        for (int id = 1; id <= CAPACITY; id++) {
            log.record(key(JOBS, id), read());
        }
        assertThat(log.claim(key(LOCKS, 0))).isNull();
        assertThat(log.dropped(key(LOCKS, 0))).contains("dropped to make room");
        assertThat(log.dropped(key(LOCKS, 1))).as("never read").isNull();

        log.dropped(JOBS, AppFrames.none());
        assertThat(log.dropped(key(JOBS, 5_000))).contains("more rows of jobs than safe-jdbc records");
        assertThat(log.dropped(key(LOCKS, 1))).isNull();

        log.clear();
        assertThat(log.dropped(key(LOCKS, 0))).isNull();
        assertThat(log.dropped(key(JOBS, 5_000))).isNull();
    }

    @Test
    void forgettingATableLeavesTheOtherTablesReads() {
        log.record(key(LOCKS, 1), read());
        log.record(key(JOBS, 1), read());
        log.record(key(LOCKS, 2), read());

        log.forget(LOCKS);

        assertThat(log.claim(key(LOCKS, 1))).isNull();
        assertThat(log.claim(key(LOCKS, 2))).isNull();
        assertThat(log.claim(key(JOBS, 1))).isNotNull();
    }

    @Test
    void forgettingATableForgetsItUnderEverySchema() {
        log.record(key(new TableName("app", "locks"), 1), read());
        log.record(key(LOCKS, 2), read());

        log.forget(LOCKS);

        assertThat(log.claim(key(new TableName("app", "locks"), 1))).isNull();
        assertThat(log.claim(key(LOCKS, 2))).isNull();
        assertThat(log.staleBecause()).contains("names no row by key");
    }

    @Test
    void aReadMadeStaleIsNoReadButSaysWhy() {
        Observation stale = read();
        log.record(key(LOCKS, 1), stale);
        log.invalidate("a call of f()");
        Observation fresh = read();
        log.record(key(LOCKS, 2), fresh);

        assertThat(log.claim(key(LOCKS, 1))).isNull();
        assertThat(log.staleClaim()).isSameAs(stale);
        assertThat(log.staleBecause()).isEqualTo("a call of f()");
        assertThat(log.claim(key(LOCKS, 1))).as("claimed once").isNull();
        assertThat(log.staleClaim()).isNull();
        assertThat(log.claim(key(LOCKS, 2))).as("read after the call").isSameAs(fresh);
        assertThat(log.staleClaim()).isNull();
    }

    @Test
    void aWriteOfARowEndsTheReadsOfItsTableUnderAnotherSpellingOrAnotherKey() {
        Observation mine = read();
        log.record(key(new TableName("app", "locks"), 1), read());
        log.record(new RowKey(LOCKS, List.of("code"), new Object[] {"a"}), read());
        log.record(key(LOCKS, 1), mine);
        log.record(key(LOCKS, 2), read());
        log.record(key(JOBS, 1), read());

        assertThat(log.claim(key(LOCKS, 1))).isSameAs(mine);
        assertThat(log.claim(key(LOCKS, 2))).as("another row by the same key").isNotNull();
        assertThat(log.claim(key(JOBS, 1))).isNotNull();
        assertThat(log.claim(key(new TableName("app", "locks"), 1))).as("app.locks and locks may be one table")
                .isNull();
        assertThat(log.staleBecause()).contains("another key or under another name");
        assertThat(log.claim(new RowKey(LOCKS, List.of("code"), new Object[] {"a"})))
                .as("the row read by code may be this one").isNull();
        assertThat(log.staleClaim()).isNotNull();
    }

    @Test
    void takingByTableFindsTheLatestMatchingRead() {
        Observation one = read();
        Observation two = read();
        log.record(key(LOCKS, 1), one);
        log.record(key(LOCKS, 2), two);

        assertThat(log.claim(LOCKS, key -> key.value(0).equals(1L))).isSameAs(one);
        assertThat(log.claim(LOCKS, key -> true)).isSameAs(two);
        assertThat(log.claim(LOCKS, key -> true)).isNull();
    }

    @Test
    void clearingForgetsEverythingAndTheRingStartsOverEvenAfterGoingRound() {
        for (int id = 0; id < CAPACITY + 10; id++) {
            log.record(key(LOCKS, id), read());
        }
        log.clear();
        assertThat(log.isEmpty()).isTrue();
        assertThat(log.claim(key(LOCKS, CAPACITY + 9))).isNull();

        Observation after = read();
        log.record(key(LOCKS, 5), after);
        assertThat(log.claim(key(LOCKS, 5))).isSameAs(after);
        assertThat(log.isEmpty()).isTrue();
    }

    private static RowKey key(TableName table, long id) {
        return new RowKey(table, List.of("id"), new Object[] {id});
    }

    private static Observation read() {
        return new Observation(true, AppFrames.none()); // a read that found no row
    }
}

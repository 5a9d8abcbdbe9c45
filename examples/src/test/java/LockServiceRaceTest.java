import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.junit.Interleaver;
import dev.safejdbc.junit.Run;
import dev.safejdbc.junit.SafeJdbcTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SafeJdbcTest
class LockServiceRaceTest {
    final LockService locks = new LockService("jdbc:safe:postgresql://127.0.0.1:5432/test?user=postgres");

    @BeforeEach
    void lockTable() throws Exception {
        locks.createTable();
    }

    /** Two workers try to take the same expired lock; at most one may hold it afterwards. */
    Interleaver twoWorkers() {
        return Interleaver.of(() -> locks.acquire("job-1", "worker-a"), () -> locks.acquire("job-1", "worker-b"))
                .reset(() -> locks.expire("job-1"))
                .invariant(run -> assertThat(holders(run)).isLessThanOrEqualTo(1));
    }

    static long holders(Run run) {
        return Stream.of(run.result('A'), run.result('B')).filter(Boolean.TRUE::equals).count();
    }

    @Test
    void exactlyOneWorkerGetsAnExpiredLock() throws Exception {
        twoWorkers().exploreAll().assertNoFailures();
    }

    @Test
    void withoutTheGuardTheRaceIsRealAndEachFailingScheduleHasOneHolderWithIt() throws Exception {
        List<String> failing = twoWorkers().option("safe.guard", "off").exploreAll().failingSchedules();

        assertThat(failing).isNotEmpty();
        for (String schedule : failing) {
            twoWorkers().schedule(schedule); // the same interleaving, guarded: it passes
        }
    }
}

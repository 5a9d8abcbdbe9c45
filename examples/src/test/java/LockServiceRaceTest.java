import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.junit.Interleaver;
import dev.safejdbc.junit.Run;
import dev.safejdbc.junit.SafeJdbcTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SafeJdbcTest
class LockServiceRaceTest {
    static final HikariDataSource guarded = pool("on");
    static final HikariDataSource unguarded = pool("off");

    /** A pool over a jdbc:safe: URL; safe.* options are connection properties like any other. */
    static HikariDataSource pool(String guard) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:safe:postgresql://127.0.0.1:5432/test?user=postgres");
        config.addDataSourceProperty("safe.guard", guard);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    @BeforeAll
    static void lockTable() throws Exception {
        new LockService(guarded).createTable();
    }

    @AfterAll
    static void closePools() {
        guarded.close();
        unguarded.close();
    }

    /** Two workers try to take the same expired lock; at most one may hold it afterwards. */
    static Interleaver twoWorkers(LockService locks) {
        return Interleaver.of(() -> locks.acquire("job-1", "worker-a"), () -> locks.acquire("job-1", "worker-b"))
                .reset(() -> locks.expire("job-1"))
                .invariant(run -> assertThat(holders(run)).isLessThanOrEqualTo(1));
    }

    static long holders(Run run) {
        return Stream.of(run.result('A'), run.result('B')).filter(Boolean.TRUE::equals).count();
    }

    @Test
    void exactlyOneWorkerGetsAnExpiredLock() throws Exception {
        twoWorkers(new LockService(guarded)).exploreAll().assertNoFailures();
    }

    @Test
    void withoutTheGuardTheRaceIsRealAndEachFailingScheduleHasOneHolderWithIt() throws Exception {
        List<String> failing = twoWorkers(new LockService(unguarded)).exploreAll().failingSchedules();

        assertThat(failing).isNotEmpty();
        for (String schedule : failing) {
            twoWorkers(new LockService(guarded)).schedule(schedule); // the same interleaving, guarded: it passes
        }
    }
}

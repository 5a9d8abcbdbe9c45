package dev.safejdbc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code --db postgresql://...}: the check-then-act incidents on a real server, in transactions. */
class DemoOnPostgresTest {

    @Test
    void checkThenActIncidentsOnPostgres() throws Exception {
        String url = System.getenv().getOrDefault("SAFE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        requireReachable(url);
        DemoDatabase postgres = Demo.database(new String[] {"--db", url});
        assertThat(postgres.transactional()).isTrue();

        List<Outcome> outcomes = List.of(
                Outcome.of(Demo.LOCKS, new LockServiceExample(Demo.LOCK_ROUNDS, postgres).raw(),
                        new LockServiceExample(Demo.LOCK_ROUNDS, postgres).safe()),
                Outcome.of(Demo.JOBS, new JobRepositoryExample(postgres).raw(), new JobRepositoryExample(postgres).safe()));

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.anomaliesRaw()).as(o.scenario() + " raw").isPositive();
            assertThat(o.anomaliesSafe()).as(o.scenario() + " safe").isZero();
            assertThat(o.errorsSafe()).as(o.scenario() + " 40001 raised").isPositive();
        });
    }

    private static void requireReachable(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = "\n!!!!! SAFE_PG_URL is not reachable (" + e.getMessage() + "): the PostgreSQL demo test is "
                    + ("true".equalsIgnoreCase(System.getenv("CI")) ? "FAILING (CI=true)" : "SKIPPED") + "\n";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }
}

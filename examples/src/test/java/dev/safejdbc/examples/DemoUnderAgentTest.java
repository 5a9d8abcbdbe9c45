package dev.safejdbc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's third column: the raw scenarios, raw URLs and all, in a child JVM under the agent jar
 * ({@code agent/target}, built before this module by {@code mvn -B verify}). Every anomaly is gone.
 */
class DemoUnderAgentTest {
    private static UnderAgent.Result agent;

    @BeforeAll
    static void runTheRawSideUnderTheAgent() throws Exception {
        if (UnderAgent.agentJar().isEmpty()) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            String message = "\n!!!!! no agent jar in agent/target (build it with `mvn -B -q -DskipTests package`): "
                    + "the demo's agent test is " + (ci ? "FAILING (CI=true)" : "SKIPPED") + "\n";
            System.err.println(message);
            if (ci) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        agent = UnderAgent.run(new String[0], System.err);
    }

    @Test
    void everyScenarioRanUnderTheAgent() {
        assertThat(agent.problem()).isNull();
        assertThat(agent.failed()).isFalse();
        assertThat(agent.rows().keySet()).containsExactly(Demo.SESSIONS_ROLLBACK, Demo.SESSIONS_CLOSE,
                Demo.SESSIONS_STATIC_POOL, Demo.ENGINE_CACHE, Demo.NESTED, Demo.LOCKS, Demo.JOBS);
    }

    @Test
    void theAgentShowsNoAnomaly() {
        assertThat(agent.rows()).allSatisfy((scenario, tally) -> assertThat(tally.anomalies()).as(scenario).isZero());
    }

    @Test
    void theAgentRaisesErrorsInstead() {
        assertThat(agent.rows().get(Demo.NESTED).errors()).as("SQLState 25001 instead of hangs")
                .isEqualTo(Demo.NESTED_CALLS);
        assertThat(agent.rows().get(Demo.NESTED).time()).as("refused at once, not after a timeout")
                .isLessThan(Duration.ofMillis(NestedSessionExample.POOL_TIMEOUT_MS));
        assertThat(agent.rows().get(Demo.LOCKS).errors()).as("racers refused with 40001")
                .isEqualTo(Demo.LOCK_ROUNDS * (LockServiceExample.RACERS - 1));
        assertThat(agent.rows().get(Demo.JOBS).errors()).as("saves refused with 40001, then retried").isPositive();
    }

    @Test
    void theTableShowsTheAgentsColumn() {
        List<Outcome> zeros = agent.rows().keySet().stream()
                .map(s -> Outcome.of(s, new Tally(1, 0, Duration.ZERO), new Tally(0, 0, Duration.ZERO))).toList();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Demo.report(zeros, agent, DemoDatabase.sqlite(), true,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("skipped")
                .containsPattern("(?m)^nested session.*\\| +0 \\| +" + Demo.NESTED_CALLS + " \\|");
    }
}

package dev.safejdbc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the demo's scenarios in this JVM (the code {@code main} runs) and checks what the table would say. */
class DemoTest {
    private static List<Outcome> outcomes;

    @BeforeAll
    static void runTheDemo() throws Exception {
        outcomes = Demo.runAll(DemoDatabase.sqlite(), System.err);
    }

    @Test
    void everyScenarioRan() {
        assertThat(outcomes).extracting(Outcome::scenario).containsExactly(Demo.SESSIONS_ROLLBACK,
                Demo.SESSIONS_CLOSE, Demo.SESSIONS_STATIC_POOL, Demo.ENGINE_CACHE, Demo.NESTED, Demo.LOCKS, Demo.JOBS);
    }

    @Test
    void safeJdbcShowsNoAnomaly() {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.anomaliesSafe()).as(o.scenario()).isZero());
    }

    @Test
    void theRawDriverShowsEveryIncident() {
        assertThat(row(Demo.SESSIONS_ROLLBACK).anomaliesRaw()).as("writes lost").isPositive();
        assertThat(row(Demo.SESSIONS_CLOSE).anomaliesRaw()).as("writes lost").isPositive();
        assertThat(row(Demo.SESSIONS_STATIC_POOL).anomaliesRaw()).as("writes lost").isPositive();
        assertThat(row(Demo.ENGINE_CACHE).anomaliesRaw()).as("databases beyond the first").isPositive();
        assertThat(row(Demo.NESTED).anomaliesRaw()).as("hangs cut short").isGreaterThanOrEqualTo(1);
        assertThat(row(Demo.LOCKS).anomaliesRaw()).as("extra lock holders").isPositive();
        assertThat(row(Demo.JOBS).anomaliesRaw()).as("lost progress updates").isPositive();
    }

    @Test
    void lostRacesAreRefusedWith40001Instead() {
        assertThat(row(Demo.LOCKS).errorsSafe()).as("racers refused")
                .isEqualTo(Demo.LOCK_ROUNDS * (LockServiceExample.RACERS - 1));
        assertThat(row(Demo.JOBS).errorsSafe()).as("saves refused, then retried").isPositive();
    }

    @Test
    void theNestedSessionIsRefusedInstead() {
        assertThat(row(Demo.NESTED).errorsSafe()).as("SQLState 25001 raised").isGreaterThanOrEqualTo(1);
        assertThat(row(Demo.NESTED).timeSafe()).as("refused at once, not after a timeout")
                .isLessThan(Duration.ofMillis(NestedSessionExample.POOL_TIMEOUT_MS));
    }

    @Test
    void mainWouldExitWithZeroAndPrintATableThatFitsAHundredColumns() {
        String printed = reported(agentRows(0), false);

        assertThat(printed).contains("001 and 003 on SQLite")
                .containsPattern("(?m)^scenario \\(what counts as an anomaly\\) +raw  safe  agent  safe err  agent err$")
                .contains("Times, and the columns named in full: --full.");
        assertThat(printed.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(Demo.WIDTH));
    }

    @Test
    void theFullTableNamesEveryColumnAndTheTimes() {
        assertThat(reported(agentRows(0), true))
                .containsPattern("(?m)^scenario +\\| anomalies raw \\| anomalies safe-jdbc \\| "
                        + "errors safe-jdbc raised instead \\| anomalies under the agent \\| errors under the agent \\| "
                        + "+time raw \\| +time safe \\| +time agent$");
    }

    private static String reported(UnderAgent.Result agent, boolean full) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Demo.report(outcomes, agent, DemoDatabase.sqlite(), full,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAnomalyUnderTheAgentFailsTheDemo() {
        int status = Demo.report(outcomes, agentRows(1), DemoDatabase.sqlite(), false,
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(1);
    }

    @Test
    void withoutTheAgentJarTheColumnIsSkippedAndTheDemoStillPasses() {
        assertThat(reported(UnderAgent.Result.skipped("(The agent's column is skipped.)"), false))
                .contains("(The agent's column is skipped.)")
                .containsPattern("(?m)^004 shared session, 2nd rolls back .* +- +\\d+ +-$");
    }

    @Test
    void aFailedRunUnderTheAgentFailsTheDemo() {
        int status = Demo.report(outcomes, UnderAgent.Result.failed("(timed out)"), DemoDatabase.sqlite(), false,
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(1);
    }

    /** What {@code --raw-only} would print under the agent if each scenario showed {@code anomalies}, parsed back. */
    private static UnderAgent.Result agentRows(int anomalies) {
        List<String> lines = outcomes.stream()
                .map(o -> UnderAgent.line(o.scenario(), new Tally(anomalies, 0, Duration.ofMillis(5)))).toList();
        return new UnderAgent.Result(UnderAgent.parse(lines), null, false);
    }

    private static Outcome row(String scenario) {
        return outcomes.stream().filter(o -> o.scenario().equals(scenario)).findFirst().orElseThrow();
    }
}

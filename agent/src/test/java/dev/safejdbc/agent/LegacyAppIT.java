package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.agent.ChildJvm.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy application (incidents 001 and 004 and a nested session, raw URLs, no safe-jdbc in
 * its code) in child JVMs: without the agent the incidents happen, with it they do not, and in
 * report mode they happen as before and are written down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyAppIT {
    private static final String START_LINE = "safe-jdbc agent " + ChildJvm.VERSION + " active, mode=";
    private static final int RACERS = 8;

    @TempDir
    static Path files;

    private Optional<String> postgres;
    private Path report;
    private Run without;
    private Run with;
    private Run withOwnCopy;
    private Run reporting;

    @BeforeAll
    void runTheApplication() {
        postgres = TestEnvironment.postgres();
        without = ChildJvm.ofThisJdk().runLegacyApp(scenarios("raw")).completed();
        with = ChildJvm.ofThisJdk().withAgent(null).runLegacyApp(scenarios("agent")).completed();
        withOwnCopy = ChildJvm.ofThisJdk().withAgent(null).withOwnSafeJdbc()
                .runLegacyApp("wrapping=" + files.resolve("own-copy-wrapping.db"), "visibility").completed();
        report = files.resolve("reports/findings.json");
        reporting = ChildJvm.ofThisJdk().withAgent("mode=report,report=" + report)
                .runLegacyApp(scenarios("report")).completed();
    }

    private String[] scenarios(String run) {
        List<String> scenarios = new ArrayList<>(List.of("static-memory", "nested=" + files.resolve(run + "-nested.db"),
                "wrapping=" + files.resolve(run + "-wrapping.db"), "visibility"));
        postgres.ifPresent(url -> scenarios.add("locks=" + url));
        return scenarios.toArray(new String[0]);
    }

    @Test
    void withoutTheAgentTheIncidentsHappen() {
        assertThat(without.err()).doesNotContain("safe-jdbc agent");
        assertThat(Integer.parseInt(without.result("static.lostWrites"))).as("writes lost to another session's rollback")
                .isPositive();
        assertThat(without.result("nested.sqlstate")).as("the pool of one's time-out").isNotEqualTo("25001");
        assertThat(Long.parseLong(without.result("nested.waitedMs"))).as("waited for itself").isGreaterThanOrEqualTo(900);
        assertThat(without.result("nested.withRoom.sqlstate")).isEqualTo("none");
        assertThat(without.result("nested.autocommit.sqlstate")).isNotIn("25001", "none");
        assertThat(Long.parseLong(without.result("nested.autocommit.waitedMs"))).isGreaterThanOrEqualTo(900);
        assertThat(without.results("wrapping.")).isNotEmpty().allSatisfy((key, depth) -> assertThat(depth).isEqualTo("0"));
    }

    @Test
    void withoutTheAgentTheLockHasSeveralHolders() {
        TestEnvironment.requirePostgres(postgres);
        assertThat(Integer.parseInt(without.result("locks.overbookedRounds"))).as("rounds with several holders")
                .isPositive();
    }

    @Test
    void theAgentSaysOnceThatItIsActive() {
        assertThat(with.err()).containsOnlyOnce(START_LINE + "enforce (nested=fail, guard=on, onConflict=throw,"
                + " checkoutTimeoutMs=30000, report=none)");
    }

    /** In report mode nothing fails, is rewritten or leased: the line names only what applies. */
    @Test
    void inReportModeTheStartLineNamesOnlyTheOptionsThatApply() {
        assertThat(reporting.err()).containsOnlyOnce(START_LINE + "report (nested=fail, guard=on, report=" + report + ")");
    }

    /**
     * The application sees none of the agent's classes: not safe-jdbc, not Byte Buddy, not
     * JSqlParser, and its own SLF4J, relocated or not; only the hook.
     */
    @Test
    void theApplicationSeesNothingOfTheAgentButItsHook() {
        Map<String, String> visible = with.results("visible.");
        assertThat(visible).hasEntrySatisfying("visible.dev.safejdbc.agent.ConnectionHook",
                        jar -> assertThat(jar).startsWith("safe-jdbc-agent-"))
                .hasEntrySatisfying("visible.org.slf4j.LoggerFactory", jar -> assertThat(jar).startsWith("slf4j-api-"));
        assertThat(visible).allSatisfy((name, where) -> {
            if (!name.endsWith("ConnectionHook") && !name.endsWith("org.slf4j.LoggerFactory")) {
                assertThat(where).as(name).isEqualTo("absent");
            }
        });
        assertThat(without.results("visible.")).allSatisfy((name, where) -> {
            if (!name.endsWith("org.slf4j.LoggerFactory")) {
                assertThat(where).as(name).isEqualTo("absent");
            }
        });
    }

    /** An application with safe-jdbc of its own sees its own copy, never the agent's. */
    @Test
    void anApplicationWithItsOwnSafeJdbcSeesItsOwnCopy() {
        assertThat(withOwnCopy.result("visible.dev.safejdbc.jdbc.SafeConnection")).doesNotContain("agent");
        assertThat(withOwnCopy.result("visible.dev.safejdbc.agent.Protector")).isEqualTo("absent");
        assertThat(withOwnCopy.result("visible.net.bytebuddy.ByteBuddy")).isEqualTo("absent");
    }

    /** The findings reach the application's own SLF4J binding (slf4j-simple here). */
    @Test
    void findingsAreLoggedThroughTheApplicationsSlf4j() {
        assertThat(reporting.err()).containsPattern("(INFO|WARN) dev.safejdbc.findings.Findings - safe-jdbc finding NESTED_")
                .contains("WARN dev.safejdbc.findings.Findings - safe-jdbc finding SHARED_CONNECTION");
        assertThat(with.err()).doesNotContain("SLF4J");
    }

    @Test
    void withTheAgentNoWriteIsLostAndTheNestedSessionThatWouldWaitForItselfFailsAtOnce() {
        assertThat(with.results("static.round.")).hasSize(3).allSatisfy((round, outcome) -> assertThat(outcome).isEqualTo("kept"));
        assertThat(with.result("static.lostWrites")).isEqualTo("0");
        assertThat(with.result("nested.sqlstate")).isEqualTo("25001");
        assertThat(Long.parseLong(with.result("nested.waitedMs"))).as("failed at once").isLessThan(1000);
        assertThat(with.result("nested.withRoom.sqlstate")).as("a pool with room cannot wait for itself").isEqualTo("none");
        assertThat(with.result("nested.autocommit.sqlstate")).as("holding a connection outside a transaction")
                .isEqualTo("25001");
        assertThat(Long.parseLong(with.result("nested.autocommit.waitedMs"))).isLessThan(1000);
    }

    @Test
    void withTheAgentEachRoundHasOneHolderAndTheOthersAConflict() {
        TestEnvironment.requirePostgres(postgres);
        assertThat(with.results("locks.round.")).hasSize(10).allSatisfy((round, outcome) ->
                assertThat(outcome).isEqualTo("holders:1,conflicts:" + (RACERS - 1) + ",errors:0"));
        assertThat(with.result("locks.overbookedRounds")).isEqualTo("0");
    }

    /** Raw URLs, DriverManager, a DataSource and HikariCP: exactly one wrapper each. */
    @Test
    void withTheAgentEveryConnectionIsWrappedExactlyOnce() {
        assertThat(with.results("wrapping.")).containsOnlyKeys("wrapping.raw", "wrapping.memory",
                "wrapping.dataSource", "wrapping.hikariDataSource", "wrapping.hikariRaw")
                .allSatisfy((key, depth) -> assertThat(depth).as(key).isEqualTo("1"));
    }

    /**
     * The application has safe-jdbc of its own and uses jdbc:safe: URLs too: its own wrapper is
     * the only one, directly and under HikariCP, and its raw URLs get the agent's.
     */
    @Test
    void aConnectionOfTheApplicationsOwnSafeJdbcIsNeverWrappedAgain() {
        assertThat(withOwnCopy.results("wrapping.")).containsOnlyKeys("wrapping.raw", "wrapping.memory",
                "wrapping.safeUrl", "wrapping.safeMemory", "wrapping.dataSource", "wrapping.hikariDataSource",
                "wrapping.hikariRaw", "wrapping.hikariSafeUrl")
                .allSatisfy((key, depth) -> assertThat(depth).as(key).isEqualTo("1"));
    }

    @Test
    void reportModeChangesNothing() {
        assertThat(reporting.err()).contains(START_LINE + "report");
        assertThat(Integer.parseInt(reporting.result("static.lostWrites"))).isPositive();
        assertThat(reporting.result("nested.sqlstate")).isNotEqualTo("25001");
        assertThat(reporting.result("nested.withRoom.sqlstate")).isEqualTo("none");
        assertThat(reporting.result("nested.autocommit.sqlstate")).isNotIn("25001", "none");
        postgres.ifPresent(url -> assertThat(reporting.results("locks.round.")).allSatisfy((round, outcome) ->
                assertThat(outcome).endsWith(",conflicts:0,errors:0").doesNotStartWith("holders:1,")));
    }

    @Test
    void reportModeWritesEachFindingWithItsApplicationFrame() throws IOException {
        assertThat(report).exists();
        Map<String, String> findings = Findings.byKind(Files.readString(report));
        assertThat(findings.get("SHARED_CONNECTION")).contains("\"legacy.StaticConnection.rollBack(StaticConnection.java:");
        assertThat(findings.get("NESTED_TRANSACTION")).contains("\"site\":\"legacy.NestedSession.nestedAudit(NestedSession.java:");
        assertThat(findings.get("NESTED_SESSION")).as("the full-pool checkout enforce mode would refuse")
                .contains("\"site\":\"legacy.NestedSession.");
        if (postgres.isPresent()) {
            assertThat(findings.get("UNGUARDED_CHECK_THEN_ACT"))
                    .contains("\"site\":\"legacy.LockService.acquire(LockService.java:");
        }
    }

    @Test
    void theSameOnAnotherJdk() {
        Path java = TestEnvironment.otherJdk();
        Run other = ChildJvm.of(java).withAgent(null).runLegacyApp(scenarios("other-jdk")).completed();
        assertThat(other.err()).contains(START_LINE + "enforce");
        assertThat(other.result("static.lostWrites")).isEqualTo("0");
        assertThat(other.result("nested.sqlstate")).isEqualTo("25001");
        assertThat(other.result("nested.withRoom.sqlstate")).isEqualTo("none");
        assertThat(other.result("nested.autocommit.sqlstate")).isEqualTo("25001");
        assertThat(other.results("wrapping.")).hasSize(5).allSatisfy((key, depth) -> assertThat(depth).as(key).isEqualTo("1"));
        assertThat(other.result("visible.dev.safejdbc.jdbc.SafeConnection")).isEqualTo("absent");
        postgres.ifPresent(url -> assertThat(other.result("locks.overbookedRounds")).isEqualTo("0"));
    }

    /** The report's findings as JSON text, by kind; the report renderer writes one object per finding. */
    private static final class Findings {
        static Map<String, String> byKind(String json) {
            Map<String, String> byKind = new HashMap<>();
            String[] parts = json.split("\\{\"kind\":\"");
            for (int i = 1; i < parts.length; i++) {
                String kind = parts[i].substring(0, parts[i].indexOf('"'));
                byKind.merge(kind, parts[i], String::concat);
            }
            return byKind;
        }
    }
}

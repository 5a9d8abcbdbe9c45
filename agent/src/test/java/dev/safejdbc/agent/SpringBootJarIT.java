package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.agent.ChildJvm.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot 4 executable jar, as {@code spring-boot-maven-plugin} builds it (Logback, HikariCP
 * with one connection, a raw SQLite URL), started with {@code java -jar}: Boot's launcher loads the
 * application's libraries from the jar itself, after the system class path that holds the agent.
 * Without the agent a nested checkout waits for the pool's time-out; under it Boot still starts on
 * Logback, the checkout is refused with 25001, and report-mode findings reach Logback.
 * ({@code theSameOnAnotherJdk} runs it on the JDK under /usr/lib/jvm of another major version.)
 */
class SpringBootJarIT {
    private static final Path BOOT_JAR = Path.of(System.getProperty("safejdbc.boot.jar",
            "../agent-boot-app/target/safe-jdbc-agent-boot-app-" + ChildJvm.VERSION + ".jar"));
    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    @TempDir
    static Path files;

    private static Run start(ChildJvm jvm, String name, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--spring.datasource.url=jdbc:sqlite:" + files.resolve(name + ".db");
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return jvm.runJar(BOOT_JAR, all).completed();
    }

    @Test
    void withoutTheAgentTheNestedCheckoutWaitsForItsOwnThread() {
        Run raw = start(ChildJvm.ofThisJdk(), "raw");
        assertThat(raw.result("logging")).isEqualTo(LOGBACK);
        assertThat(raw.result("wrappers")).isEqualTo("0");
        assertThat(raw.result("nested.sqlstate")).as("the pool's time-out").isNotIn("25001", "none");
    }

    @Test
    void underTheAgentBootStartsOnLogbackAndTheNestedCheckoutIsRefused() {
        assertProtected(start(ChildJvm.ofThisJdk().withAgent(null), "agent"));
    }

    @Test
    void theSameOnAnotherJdk() {
        assertProtected(start(ChildJvm.of(TestEnvironment.otherJdk()).withAgent(null), "other-jdk"));
    }

    /** With a second connection in the pool the nested session runs, and report mode writes it down. */
    @Test
    void inReportModeFindingsGoToTheApplicationsLogback() {
        Run reporting = start(ChildJvm.ofThisJdk().withAgent("mode=report"), "report",
                "--spring.datasource.hikari.maximum-pool-size=2");
        assertThat(reporting.result("logging")).isEqualTo(LOGBACK);
        assertThat(reporting.result("nested.sqlstate")).isEqualTo("none");
        // Logback's console appender writes to standard output; the agent's own fallback would use stderr
        assertThat(reporting.out()).containsPattern(" (INFO|WARN) .*safe-jdbc finding NESTED_")
                .contains("bootapp.NestedCheckout.run(NestedCheckout.java:");
        assertThat(reporting.err()).doesNotContain("safe-jdbc finding").doesNotContain("SLF4J");
    }

    private static void assertProtected(Run run) {
        assertThat(run.err()).containsOnlyOnce("safe-jdbc agent " + ChildJvm.VERSION + " active, mode=enforce")
                .doesNotContain("LoggerFactory is not a Logback LoggerContext", "SLF4J", "Sharing is only supported");
        assertThat(run.result("logging")).isEqualTo(LOGBACK);
        assertThat(run.result("wrappers")).isEqualTo("1");
        assertThat(run.result("nested.sqlstate")).isEqualTo("25001");
    }
}

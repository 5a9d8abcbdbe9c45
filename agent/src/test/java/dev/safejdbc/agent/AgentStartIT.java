package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.agent.ChildJvm.Run;
import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's jar, how it starts, its arguments and where options come from. */
class AgentStartIT {
    private static final String ACTIVE = "safe-jdbc agent " + ChildJvm.VERSION + " active, mode=";
    private static final String SAFE_CONNECTION = "dev.safejdbc.jdbc.SafeConnection";

    @ParameterizedTest
    @ValueSource(strings = {"mood=report", "mode=loud", "mode", "mode=report,mode=off", "checkoutTimeoutMs=soon"})
    void aBadArgumentStopsTheJvmAndSaysWhatIsAllowed(String arguments) {
        Run run = ChildJvm.ofThisJdk().withAgent(arguments).runLegacyApp("hello=jdbc:sqlite::memory:");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.results()).as("the application never started").isEmpty();
        assertThat(run.err()).contains("safe-jdbc agent: ").contains("'" + arguments + "'")
                .contains("mode=one of: enforce, report, off", "nested=one of: fail, strict, warn, allow",
                        "checkoutTimeoutMs=a whole number", "report=a file path")
                .doesNotContain("FATAL ERROR", "Exception in thread");
    }

    @Test
    void aBadSystemPropertyStopsTheJvmToo() {
        Run run = ChildJvm.ofThisJdk().option("-Dsafe.nested=sometimes").withAgent(null)
                .runLegacyApp("hello=jdbc:sqlite::memory:");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Invalid value 'sometimes' for safe.nested (set in system properties)");
    }

    @Test
    void systemPropertiesOverrideAgentArguments() {
        Run run = ChildJvm.ofThisJdk().option("-Dsafe.mode=off").withAgent("mode=report,nested=warn")
                .runLegacyApp("hello=jdbc:sqlite::memory:").completed();
        assertThat(run.err()).contains(ACTIVE + "off (nested=warn,");
        assertThat(run.result("hello.connection")).isEqualTo("org.sqlite.jdbc4.JDBC4Connection");
    }

    @Test
    void agentArgumentsOverrideTheEnvironment() {
        Run run = ChildJvm.ofThisJdk().environment("SAFE_MODE", "off").environment("SAFE_GUARD", "off")
                .withAgent("mode=report").runLegacyApp("hello=jdbc:sqlite::memory:").completed();
        assertThat(run.err()).contains(ACTIVE + "report (nested=fail, guard=off,");
        assertThat(run.result("hello.connection")).isEqualTo(SAFE_CONNECTION);
    }

    @Test
    void attachedToARunningJvmItProtectsTheDriversLoadedBefore() {
        Run run = ChildJvm.ofThisJdk().option("-Djdk.attach.allowAttachSelf=true")
                .runLegacyApp("attach=" + ChildJvm.AGENT_JAR.toAbsolutePath()).completed();
        assertThat(run.result("attach.before")).isEqualTo("org.sqlite.jdbc4.JDBC4Connection");
        assertThat(run.result("attach.after")).isEqualTo(SAFE_CONNECTION);
        assertThat(run.err()).containsOnlyOnce(ACTIVE + "enforce");
    }

    /** {@code Launcher-Agent-Class}: started before the jar's main class, which says how to attach it. */
    @Test
    void runAsAJarItStartsAsALauncherAgentAndShowsItsUsage() {
        Run run = ChildJvm.ofThisJdk().run(List.of("-jar", ChildJvm.AGENT_JAR.toString()));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains(ACTIVE + "enforce");
        assertThat(run.out()).contains("-javaagent:safe-jdbc-agent-" + ChildJvm.VERSION + ".jar", "onConflict=");
    }

    @Test
    void theJarIsSelfContainedWithItsLibrariesRelocated() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo(SafeJdbcAgent.class.getName());
            assertThat(manifest.getValue("Agent-Class")).isEqualTo(SafeJdbcAgent.class.getName());
            assertThat(manifest.getValue("Launcher-Agent-Class")).isEqualTo(SafeJdbcAgent.class.getName());
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Implementation-Version")).isEqualTo(ChildJvm.VERSION);
            List<String> entries = jar.stream().map(entry -> entry.getName()).toList();
            assertThat(entries).contains("dev/safejdbc/SafeDriver.class", "META-INF/services/java.sql.Driver",
                    "dev/safejdbc/agent/shaded/net/bytebuddy/agent/builder/AgentBuilder.class",
                    "dev/safejdbc/agent/shaded/net/sf/jsqlparser/parser/CCJSqlParser.class",
                    "org/slf4j/LoggerFactory.class");
            assertThat(entries).noneMatch(name -> name.startsWith("net/bytebuddy/") || name.startsWith("net/sf/")
                    || name.startsWith("org/slf4j/simple/") || name.startsWith("org/sqlite/"));
        }
    }
}

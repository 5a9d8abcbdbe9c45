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
        assertThat(run.err()).contains(ACTIVE + "off (connections pass through unchanged)");
        assertThat(run.result("hello.connection")).isEqualTo("org.sqlite.jdbc4.JDBC4Connection");
    }

    @Test
    void agentArgumentsOverrideTheEnvironment() {
        Run run = ChildJvm.ofThisJdk().environment("SAFE_MODE", "off").environment("SAFE_GUARD", "off")
                .withAgent("mode=report").runLegacyApp("hello=jdbc:sqlite::memory:").completed();
        assertThat(run.err()).contains(ACTIVE + "report (nested=fail, guard=off, report=none)");
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

    /** {@code java -jar} only says how to attach it: the agent does not start. */
    @Test
    void runAsAJarItShowsItsUsageWithoutStarting() {
        Run run = ChildJvm.ofThisJdk().run(List.of("-jar", ChildJvm.AGENT_JAR.toString()));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain("active");
        assertThat(run.out()).contains("not started", "-javaagent:safe-jdbc-agent-" + ChildJvm.VERSION + ".jar",
                "onConflict=").doesNotContain("active");
    }

    /**
     * Self-contained, and out of the application's way: at the root only the entry point, its
     * class loader and the hook; everything else, relocated, under {@code inst/} as
     * {@code .classdata}, which no application class loader finds.
     */
    @Test
    void theJarHoldsEverythingButShowsOnlyItsEntryPointAndHook() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo(SafeJdbcAgent.class.getName());
            assertThat(manifest.getValue("Agent-Class")).isEqualTo(SafeJdbcAgent.class.getName());
            assertThat(manifest.getValue("Main-Class")).isEqualTo(SafeJdbcAgent.class.getName());
            assertThat(manifest.getValue("Launcher-Agent-Class")).isNull();
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Implementation-Version")).isEqualTo(ChildJvm.VERSION);
            assertThat(manifest.getValue("Automatic-Module-Name")).isEqualTo("dev.safejdbc.agent");
            List<String> entries = jar.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName()).toList();
            assertThat(entries.stream().filter(name -> !name.startsWith(AgentClassLoader.FOLDER)))
                    .containsExactlyInAnyOrder("META-INF/MANIFEST.MF", "META-INF/LICENSE", "META-INF/NOTICE",
                            "dev/safejdbc/agent/SafeJdbcAgent.class", "dev/safejdbc/agent/AgentClassLoader.class",
                            "dev/safejdbc/agent/ConnectionHook.class");
            assertThat(entries).contains("inst/dev/safejdbc/SafeDriver.classdata",
                    "inst/dev/safejdbc/agent/shaded/net/bytebuddy/jar/asm/ClassReader.classdata",
                    "inst/dev/safejdbc/shaded/net/sf/jsqlparser/parser/CCJSqlParser.classdata",
                    "inst/dev/safejdbc/agent/shaded/org/slf4j/LoggerFactory.classdata",
                    "inst/META-INF/services/dev.safejdbc.agent.shaded.org.slf4j.spi.SLF4JServiceProvider");
            assertThat(entries).filteredOn(name -> name.startsWith("inst/dev/safejdbc/agent/shaded/net/bytebuddy/"))
                    .allMatch(name -> name.startsWith("inst/dev/safejdbc/agent/shaded/net/bytebuddy/jar/asm/"),
                            "of Byte Buddy, only its ASM");
            assertThat(entries).filteredOn(name -> name.startsWith(AgentClassLoader.FOLDER))
                    .allMatch(name -> name.startsWith("inst/dev/safejdbc/") || name.startsWith("inst/META-INF/"),
                            "every library relocated under dev/safejdbc");
            assertThat(entries).noneMatch(name -> name.endsWith(".class") && name.startsWith(AgentClassLoader.FOLDER));
        }
    }
}

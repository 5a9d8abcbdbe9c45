package dev.safejdbc.agent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM running the legacy application (package {@code legacy}), with or without the agent.
 * Its class path holds the application, its drivers, HikariCP and SLF4J, and nothing of safe-jdbc
 * unless asked: with the agent, safe-jdbc comes from the agent's jar alone.
 */
final class ChildJvm {
    /** The shaded jar, built by {@code package} before the integration tests run. */
    static final Path AGENT_JAR = Path.of(System.getProperty("safejdbc.agent.jar", "target/safe-jdbc-agent.jar"));
    static final String VERSION = System.getProperty("safejdbc.version", "");

    /** What the application needs: its own classes (this module's test classes) and its libraries. */
    private static final List<String> APPLICATION_JARS =
            List.of("sqlite-jdbc-", "postgresql-", "HikariCP-", "slf4j-api-", "slf4j-simple-");
    private static final long TIMEOUT_SECONDS = 180;

    /** safe-jdbc's own artifact, for an application that has it besides the agent. */
    private static final List<String> SAFE_JDBC_JARS = List.of("safe-jdbc-0", "jsqlparser-");

    private final Path java;
    private final List<String> options = new ArrayList<>();
    private boolean ownSafeJdbc;
    private final Map<String, String> environment = new HashMap<>();

    private ChildJvm(Path java) {
        this.java = java;
    }

    /** A child of the JDK the tests run on. */
    static ChildJvm ofThisJdk() {
        return new ChildJvm(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    static ChildJvm of(Path java) {
        return new ChildJvm(java);
    }

    /** Attaches the agent; {@code arguments} as after {@code =}, or null for none. */
    ChildJvm withAgent(String arguments) {
        options.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + (arguments == null ? "" : "=" + arguments));
        return this;
    }

    /** Puts safe-jdbc itself on the application's class path too, as an application that uses {@code jdbc:safe:} has it. */
    ChildJvm withOwnSafeJdbc() {
        ownSafeJdbc = true;
        return this;
    }

    ChildJvm option(String option) {
        options.add(option);
        return this;
    }

    ChildJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code legacy.LegacyApp} with the given scenarios. */
    Run runLegacyApp(String... scenarios) {
        List<String> arguments = new ArrayList<>(List.of("-cp", applicationClassPath(ownSafeJdbc), "legacy.LegacyApp"));
        arguments.addAll(Arrays.asList(scenarios));
        return run(arguments);
    }

    /** Runs the JVM with its options, then {@code arguments}. */
    Run run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(arguments);
        try {
            Path out = Files.createTempFile("legacy-app", ".out");
            Path err = Files.createTempFile("legacy-app", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the child JVM did not finish within " + TIMEOUT_SECONDS + " s: " + command
                            + "\n" + Files.readString(out) + Files.readString(err));
                }
                return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code java -jar jar arguments...}. */
    Run runJar(Path jar, String... arguments) {
        List<String> all = new ArrayList<>(List.of("-jar", jar.toString()));
        all.addAll(Arrays.asList(arguments));
        return run(all);
    }

    /**
     * From the test class path: this module's test classes and the application's libraries, and
     * with {@code ownSafeJdbc} safe-jdbc's artifact (its jar, or its classes in a build that did
     * not package it) with JSqlParser.
     */
    static String applicationClassPath(boolean ownSafeJdbc) {
        List<String> entries = new ArrayList<>();
        int safeJdbc = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entries.contains(entry)) {
                continue; // some reactor subsets list the test classes twice
            }
            if (entry.endsWith("test-classes") || APPLICATION_JARS.stream().anyMatch(name::startsWith)) {
                entries.add(entry);
            } else if (ownSafeJdbc && (SAFE_JDBC_JARS.stream().anyMatch(name::startsWith)
                    || entry.endsWith(File.separator + "driver" + File.separator + "target" + File.separator + "classes"))) {
                entries.add(entry);
                safeJdbc++;
            }
        }
        if (ownSafeJdbc && safeJdbc == 0) {
            throw new AssertionError("safe-jdbc is not on the class path " + System.getProperty("java.class.path"));
        }
        if (entries.size() != APPLICATION_JARS.size() + 1 + safeJdbc) {
            throw new AssertionError("expected the test classes and " + APPLICATION_JARS + " on the class path, found "
                    + entries + " in " + System.getProperty("java.class.path"));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** What one child JVM did. */
    record Run(List<String> command, int exitCode, String out, String err) {
        /** The {@code RESULT key=value} lines, in order. */
        Map<String, String> results() {
            return out.lines().filter(line -> line.startsWith("RESULT "))
                    .map(line -> line.substring("RESULT ".length()).split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b, LinkedHashMap::new));
        }

        /** The results whose key starts with {@code prefix}. */
        Map<String, String> results(String prefix) {
            return results().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, LinkedHashMap::new));
        }

        String result(String key) {
            String value = results().get(key);
            if (value == null) {
                throw new AssertionError("no RESULT " + key + " in the child's output:\n" + this);
            }
            return value;
        }

        /** A completed run of the application, or an assertion error showing what went wrong. */
        Run completed() {
            if (exitCode != 0 || !"true".equals(results().get("done"))) {
                throw new AssertionError("the child JVM failed:\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + "\n--- stdout\n" + out
                    + "--- stderr\n" + err;
        }
    }
}

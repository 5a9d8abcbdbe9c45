package dev.safejdbc.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The raw code with its raw URLs, run again under the agent: a child JVM started with
 * {@code -javaagent:safe-jdbc-agent-<version>.jar} runs {@code Demo --raw-only}, which prints one
 * line per scenario: {@code row<TAB>scenario<TAB>anomalies<TAB>errors<TAB>millis}.
 *
 * <p>The agent jar is {@code -Dsafe.demo.agent=/path}, or else {@code agent/target/safe-jdbc-agent-*.jar}
 * next to this module ({@code examples/target/../../agent/target}). The child's class path is this
 * JVM's; it holds safe-jdbc's classes too, which the agent never touches: its own copy lives in a
 * class loader of its own.
 */
final class UnderAgent {
    static final String RAW_ONLY = "--raw-only";
    static final String AGENT_PROPERTY = "safe.demo.agent";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ROW = "row";

    /**
     * What the child JVM reported.
     *
     * @param rows    a tally per scenario (empty if it did not run)
     * @param problem why there are no rows, as one line for the table's heading, or null
     * @param failed  the child ran and failed (a timeout, a crash, a scenario missing): the demo fails
     */
    record Result(Map<String, Tally> rows, String problem, boolean failed) {
        static Result skipped(String why) {
            return new Result(Map.of(), why, false);
        }

        static Result failed(String why) {
            return new Result(Map.of(), why, true);
        }

        Optional<Tally> row(String scenario) {
            return Optional.ofNullable(rows.get(scenario));
        }
    }

    private UnderAgent() {
    }

    /** One machine-readable line of {@code --raw-only}. */
    static String line(String scenario, Tally tally) {
        return String.join("\t", ROW, scenario, String.valueOf(tally.anomalies()), String.valueOf(tally.errors()),
                String.valueOf(tally.time().toMillis()));
    }

    /** The {@code row} lines among {@code lines}, by scenario; other lines are ignored. */
    static Map<String, Tally> parse(List<String> lines) {
        Map<String, Tally> rows = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\t");
            if (cells.length == 5 && cells[0].equals(ROW)) {
                rows.put(cells[1], new Tally(Integer.parseInt(cells[2]), Integer.parseInt(cells[3]),
                        Duration.ofMillis(Long.parseLong(cells[4]))));
            }
        }
        return rows;
    }

    /** {@code -Dsafe.demo.agent}, or the agent module's jar next to this one; empty if there is none. */
    static Optional<Path> agentJar() {
        String named = System.getProperty(AGENT_PROPERTY);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isRegularFile);
        }
        try {
            // examples/target/safe-jdbc-demo.jar or examples/target/classes: up to the reactor, then agent/target
            Path here = Path.of(UnderAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path reactor = here.toAbsolutePath().getParent().getParent().getParent();
            Path target = reactor == null ? null : reactor.resolve("agent").resolve("target");
            if (target == null || !Files.isDirectory(target)) {
                return Optional.empty();
            }
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "safe-jdbc-agent-*.jar")) {
                found.forEach(jars::add);
            }
            jars.removeIf(jar -> jar.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"));
            return jars.stream().sorted().reduce((first, second) -> second);
        } catch (URISyntaxException | IOException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code Demo --raw-only} (with the demo's own arguments) in a child JVM under the agent. */
    static Result run(String[] demoArgs, PrintStream progress) throws IOException, InterruptedException {
        Optional<Path> jar = agentJar();
        if (jar.isEmpty()) {
            return Result.skipped("(The agent's column is skipped: no agent jar found. Build it with "
                    + "`mvn -B -q -DskipTests package`, or name it with -D" + AGENT_PROPERTY + "=/path/to/agent.jar.)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + jar.get(), "-cp", System.getProperty("java.class.path"),
                Demo.class.getName(), RAW_ONLY));
        command.addAll(List.of(demoArgs));
        progress.println("[demo] the raw side again, in a child JVM under the agent: -javaagent:" + jar.get());

        Path stdout = Files.createTempFile("safe-jdbc-demo-agent", ".txt");
        try {
            Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
            Thread forward = new Thread(() -> forward(child, progress), "child-stderr");
            forward.setDaemon(true);
            forward.start();
            if (!child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return Result.failed("(The run under the agent did not finish within " + TIMEOUT.toSeconds()
                        + " s and was stopped.)");
            }
            forward.join(TimeUnit.SECONDS.toMillis(5));
            Map<String, Tally> rows = parse(Files.readAllLines(stdout, StandardCharsets.UTF_8));
            if (child.exitValue() != 0) {
                return new Result(rows, "(The run under the agent failed with exit status " + child.exitValue()
                        + "; its errors are above, on stderr.)", true);
            }
            List<String> missing = Demo.scenarios(DemoDatabase.sqlite(), progress).stream().map(Demo.Scenario::name)
                    .filter(name -> !rows.containsKey(name)).toList();
            return missing.isEmpty() ? new Result(rows, null, false)
                    : new Result(rows, "(The run under the agent reported no row for: " + missing + ".)", true);
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    /** The child's stderr (its progress, the agent's start-up line), line by line, marked as the child's. */
    private static void forward(Process child, PrintStream progress) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                progress.println("[under the agent] " + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

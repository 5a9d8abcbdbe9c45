package dev.safejdbc.it;

import dev.safejdbc.testing.MiniJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code safe.report}: a child JVM makes one nested session with {@code safe.nested=warn} and
 * exits; the report written at exit is valid JSON naming the finding and the child's code, and
 * the connection password appears nowhere (report, stdout, stderr).
 */
class ReportAtExitTest {
    private static final String PASSWORD = "s3cr3t-pw";
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final String CHILD = NestedSessionReportMain.class.getName();

    @TempDir
    static Path directory;

    private static Path report;
    private static int exitCode;
    private static String stdout;
    private static String stderr;

    @BeforeAll
    static void runChild() throws Exception {
        report = directory.resolve("out").resolve("report.json");
        Path out = directory.resolve("child.out");
        Path err = directory.resolve("child.err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CHILD, report.toString(), TestDatabases.unique("report_child"), PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // the child must not inherit SAFE_* settings from whoever runs the build
        builder.environment().keySet().removeIf(name -> name.startsWith("SAFE_"));
        Process child = builder.start();
        try {
            if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the child JVM did not exit within " + CHILD_TIMEOUT_SECONDS + " s");
            }
            exitCode = child.exitValue();
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        stdout = Files.readString(out, StandardCharsets.UTF_8);
        stderr = Files.readString(err, StandardCharsets.UTF_8);
    }

    @Test
    void childExitsNormally() {
        assertThat(exitCode).as("exit code; stderr:\n" + stderr).isZero();
    }

    @Test
    void reportIsWrittenAtExit() {
        assertThat(report).as("stderr:\n" + stderr).isRegularFile();
    }

    @Test
    void reportIsValidJson() throws IOException {
        assertThat(MiniJson.parse(reportText())).isInstanceOf(Map.class);
    }

    @Test
    void reportHasTheNestedSessionFinding() throws IOException {
        assertThat(nestedSessionFindings()).hasSize(1);
    }

    @Test
    void findingNamesTheChildsCode() throws IOException {
        Map<?, ?> finding = nestedSessionFindings().get(0);

        assertThat((String) finding.get("site")).startsWith(CHILD + ".");
        assertThat((List<?>) finding.get("frames"))
                .anySatisfy(frame -> assertThat((String) frame).startsWith(CHILD + ".nestedInsert("))
                .anySatisfy(frame -> assertThat((String) frame).startsWith(CHILD + ".main("));
    }

    @Test
    void passwordAppearsNowhere() throws IOException {
        assertThat(reportText()).doesNotContain(PASSWORD);
        assertThat(stdout).doesNotContain(PASSWORD);
        assertThat(stderr).doesNotContain(PASSWORD);
    }

    @Test
    void noTemporaryFileIsLeftNextToTheReport() throws IOException {
        try (var files = Files.list(report.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("report.json");
        }
    }

    private static String reportText() throws IOException {
        return Files.readString(report, StandardCharsets.UTF_8);
    }

    private static List<Map<?, ?>> nestedSessionFindings() throws IOException {
        Map<?, ?> document = (Map<?, ?>) MiniJson.parse(reportText());
        List<Map<?, ?>> nested = new ArrayList<>();
        for (Object finding : (List<?>) document.get("findings")) {
            Map<?, ?> members = (Map<?, ?>) finding;
            if ("NESTED_SESSION".equals(members.get("kind"))) {
                nested.add(members);
            }
        }
        return nested;
    }
}

package dev.safejdbc.findings;

import dev.safejdbc.testing.MiniJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
    private static final Instant FIRST_SEEN = Instant.parse("2024-05-01T10:15:30.123Z");
    private static final Instant GENERATED = Instant.parse("2024-05-01T11:00:00Z");

    @TempDir
    Path directory;

    private static Finding finding(FindingKind kind, String database, String thread, String detail,
            StackTraceElement... frames) {
        return new Finding(kind, database, null, new AppFrames(List.of(frames)), thread, detail, FIRST_SEEN);
    }

    private static StackTraceElement frame(String className, String method, int line) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1)
                + ".java", line);
    }

    @Test
    void rendersTheDocument() {
        Finding nested = finding(FindingKind.NESTED_SESSION, "sqlite:shop.db", "main", "nested \"here\"",
                frame("com.example.Shop", "buy", 42), frame("com.example.Main", "main", 7));
        nested.occurredAgain();

        assertThat(ReportFile.render(List.of(nested), 3, GENERATED)).isEqualTo("{\"version\":1,"
                + "\"generated\":\"2024-05-01T11:00:00Z\",\"dropped\":3,\"findings\":[{"
                + "\"kind\":\"NESTED_SESSION\","
                + "\"description\":\"a second connection to the same database was used or asked for"
                + " while this thread's transaction was open, or while it held a connection of a pool with"
                + " none free\","
                + "\"database\":\"sqlite:shop.db\","
                + "\"site\":\"com.example.Shop.buy(Shop.java:42)\","
                + "\"thread\":\"main\","
                + "\"count\":2,"
                + "\"firstSeen\":\"2024-05-01T10:15:30.123Z\","
                + "\"detail\":\"nested \\\"here\\\"\","
                + "\"frames\":[\"com.example.Shop.buy(Shop.java:42)\",\"com.example.Main.main(Main.java:7)\"]}]}");
    }

    @Test
    void namesTheTableOfAFindingThatConcernsOne() {
        Finding unguarded = new Finding(FindingKind.UNGUARDED_CHECK_THEN_ACT, "postgresql://db/shop", "orders",
                new AppFrames(List.of(frame("com.example.Shop", "buy", 42))), "main", "UPDATE on orders", FIRST_SEEN);

        assertThat(ReportFile.render(List.of(unguarded), 0, GENERATED))
                .contains("\"database\":\"postgresql://db/shop\",\"table\":\"orders\",\"site\":");
    }

    @Test
    void rendersAnEmptyReport() {
        assertThat(ReportFile.render(List.of(), 0, GENERATED))
                .isEqualTo("{\"version\":1,\"generated\":\"2024-05-01T11:00:00Z\",\"dropped\":0,\"findings\":[]}");
    }

    @Test
    void nastyStringsSurviveTheRoundTrip() throws IOException {
        String database = "jdbc:sqlite:file:C:\\data\\\"shop\".db?mode=memory&cache=shared";
        String thread = "pool-1 \"worker\"\t\u0001 ✓";
        String detail = "line one\nline two\r\n\ttab, \\ backslash, \"quotes\", \u0000 nul, \u001b esc, "
                + "ünïcödé 中文 😀 \u2028";
        Finding nasty = finding(FindingKind.SHARED_CONNECTION, database, thread, detail,
                new StackTraceElement("com.example.$Weird\"Name", "lambda$run$0", "W\\e.java", 3));
        Path report = directory.resolve("report.json");

        ReportFile.write(report, List.of(nasty), 0);

        Map<String, Object> document = MiniJson.parseObject(Files.readString(report));
        assertThat(document).containsOnlyKeys("version", "generated", "dropped", "findings")
                .containsEntry("version", 1L)
                .containsEntry("dropped", 0L);
        assertThat(Instant.parse((String) document.get("generated"))).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> read = ((List<Map<String, Object>>) document.get("findings")).get(0);
        assertThat(read).isEqualTo(Map.of(
                        "kind", "SHARED_CONNECTION",
                        "description", FindingKind.SHARED_CONNECTION.description(),
                        "database", database,
                        "site", nasty.site(),
                        "thread", thread,
                        "count", 1L,
                        "firstSeen", FIRST_SEEN.toString(),
                        "detail", detail,
                        "frames", List.of("com.example.$Weird\"Name.lambda$run$0(W\\e.java:3)")));
    }

    @Test
    void createsParentDirectoriesAndReplacesAnOlderReport() throws IOException {
        Path report = directory.resolve("a").resolve("b").resolve("report.json");

        ReportFile.write(report, List.of(), 1);
        ReportFile.write(report, List.of(), 2);

        assertThat(MiniJson.parseObject(Files.readString(report))).containsEntry("dropped", 2L);
    }

    @Test
    void aReaderNeverSeesAPartialReport() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StackTraceElement[] frames = new StackTraceElement[AppFrames.MAX_FRAMES];
            for (int f = 0; f < frames.length; f++) {
                frames[f] = frame("com.example.deep.package.name.Service" + f, "handle" + i, i + f);
            }
            findings.add(finding(FindingKind.values()[i % 4], "sqlite:db-" + i, "worker-" + i, "detail " + i, frames));
        }
        Path report = directory.resolve("report.json");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger completeReads = new AtomicInteger();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && problem.get() == null) {
                try {
                    String text = Files.readString(report);
                    if (!text.endsWith("}")
                            || ((List<?>) MiniJson.parseObject(text).get("findings")).size() != findings.size()) {
                        problem.set("incomplete report of " + text.length() + " chars");
                    }
                    completeReads.incrementAndGet();
                } catch (NoSuchFileException notYet) {
                    // before the first write: absent is fine, partial is not
                } catch (IOException | RuntimeException e) {
                    problem.set(e.toString());
                }
            }
        }, "report-reader");
        reader.start();
        try {
            for (int round = 0; round < 20; round++) {
                ReportFile.write(report, findings, round);
            }
        } finally {
            writing.set(false);
            reader.join();
        }

        assertThat(problem.get()).isNull();
        assertThat(completeReads.get()).isPositive();
        assertThat(Files.size(report)).isGreaterThan(1_000_000);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(report); // no temporary file left behind
        }
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path occupied = Files.createDirectories(directory.resolve("report.json"));
        Files.writeString(occupied.resolve("keep"), "a directory is in the way");

        assertThatThrownBy(() -> ReportFile.write(occupied, List.of(), 0)).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(occupied);
        }
    }
}

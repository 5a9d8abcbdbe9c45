package dev.safejdbc.findings;

import dev.safejdbc.testing.MiniJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsTest {
    @BeforeEach
    void startEmpty() {
        Findings.clearForTests();
    }

    private static AppFrames at(String className, int line) {
        return new AppFrames(List.of(
                new StackTraceElement(className, "run", className + ".java", line),
                new StackTraceElement("com.example.Main", "main", "Main.java", 1)));
    }

    @Test
    void aggregatesByKindDatabaseAndSite() {
        Finding first = Findings.record(FindingKind.NESTED_SESSION, "sqlite:a", at("com.example.A", 1), "one");
        Finding again = Findings.record(FindingKind.NESTED_SESSION, "sqlite:a", at("com.example.A", 1), "two");
        Findings.record(FindingKind.NESTED_SESSION, "sqlite:b", at("com.example.A", 1), "other database");
        Findings.record(FindingKind.NESTED_SESSION, "sqlite:a", at("com.example.A", 2), "other site");
        Findings.record(FindingKind.LEASE_TIMEOUT, "sqlite:a", at("com.example.A", 1), "other kind");

        assertThat(again).isSameAs(first);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.detail()).isEqualTo("one");
        assertThat(Findings.snapshot()).extracting(Finding::detail)
                .containsExactly("one", "other database", "other site", "other kind");
    }

    @Test
    void theSiteIsTheIdentityNotTheDeeperFrames() {
        AppFrames viaMain = at("com.example.A", 1);
        AppFrames viaWorker = new AppFrames(List.of(viaMain.frames().get(0),
                new StackTraceElement("com.example.Worker", "run", "Worker.java", 9)));

        Findings.record(FindingKind.SHARED_CONNECTION, "h2:mem:x", viaMain, "first");
        Finding finding = Findings.record(FindingKind.SHARED_CONNECTION, "h2:mem:x", viaWorker, "second");

        assertThat(Findings.snapshot()).containsExactly(finding);
        assertThat(finding.count()).isEqualTo(2);
        assertThat(finding.frames()).isEqualTo(viaMain);
        assertThat(finding.site()).isEqualTo("com.example.A.run(com.example.A.java:1)");
    }

    @Test
    void keepsTheFirstOccurrencesThreadAndTime() throws Exception {
        Thread worker = new Thread(() -> Findings.record(FindingKind.ABANDONED_LEASE, "sqlite:w",
                at("com.example.W", 1), "from the worker"), "worker-7");
        worker.start();
        worker.join();

        Finding finding = Findings.record(FindingKind.ABANDONED_LEASE, "sqlite:w", at("com.example.W", 1), "later");

        assertThat(finding.thread()).isEqualTo("worker-7");
        assertThat(finding.detail()).isEqualTo("from the worker");
        assertThat(finding.firstSeen()).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void countsEveryOccurrenceAcrossThreads() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        AtomicInteger heard = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        try (AutoCloseable listening = Findings.listen(finding -> heard.incrementAndGet())) {
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < perThread; i++) {
                        Findings.record(FindingKind.SHARED_CONNECTION, "sqlite:race", at("com.example.R", i % 4), "race");
                    }
                });
                worker.start();
                workers.add(worker);
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
        }

        assertThat(Findings.snapshot()).hasSize(4)
                .allSatisfy(finding -> assertThat(finding.count()).isEqualTo(threads * perThread / 4));
        assertThat(heard).hasValue(threads * perThread);
    }

    @Test
    void listenersHearEveryOccurrenceOnTheRecordingThread() throws Exception {
        ConcurrentLinkedQueue<String> heard = new ConcurrentLinkedQueue<>();
        try (AutoCloseable listening = Findings.listen(finding ->
                heard.add(Thread.currentThread().getName() + " x" + finding.count()))) {
            for (String name : List.of("t1", "t2", "t3")) {
                Thread thread = new Thread(() -> Findings.record(FindingKind.LEASE_TIMEOUT, "sqlite:l",
                        at("com.example.L", 1), "waited"), name);
                thread.start();
                thread.join();
            }
        }

        assertThat(heard).containsExactly("t1 x1", "t2 x2", "t3 x3");
    }

    @Test
    void aClosedListenerHearsNothingMore() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        AutoCloseable listening = Findings.listen(finding -> heard.incrementAndGet());
        Findings.record(FindingKind.LEASE_TIMEOUT, "sqlite:c", at("com.example.C", 1), "heard");
        listening.close();
        Findings.record(FindingKind.LEASE_TIMEOUT, "sqlite:c", at("com.example.C", 1), "not heard");

        assertThat(heard).hasValue(1);
    }

    @Test
    void aFailingListenerBreaksNeitherTheRecordingNorOtherListeners() throws Exception {
        AtomicReference<Finding> heard = new AtomicReference<>();
        try (AutoCloseable failing = Findings.listen(finding -> {
                    throw new IllegalStateException("listener bug");
                });
                AutoCloseable working = Findings.listen(heard::set)) {
            String[] finding = new String[1];
            String log = stderrOf(() -> finding[0] = Findings.record(FindingKind.NESTED_SESSION, "sqlite:f",
                    at("com.example.F", 1), "still recorded").detail());

            assertThat(finding[0]).isEqualTo("still recorded");
            assertThat(log).contains("listener bug");
        }
        assertThat(heard.get()).isNotNull();
        assertThat(Findings.snapshot()).hasSize(1);
    }

    @Test
    void logsOnlyTheFirstOccurrenceOfEachFinding() {
        String log = stderrOf(() -> {
            for (int i = 0; i < 3; i++) {
                Findings.record(FindingKind.NESTED_SESSION, "sqlite:logged-once", at("com.example.Once", 5),
                        "second connection used");
            }
            Findings.record(FindingKind.NESTED_SESSION, "sqlite:logged-once", at("com.example.Once", 6),
                    "second connection used");
        });

        assertThat(log.split("sqlite:logged-once", -1)).hasSize(3); // two distinct sites, once each
        assertThat(log).contains("WARN", "NESTED_SESSION", FindingKind.NESTED_SESSION.description(),
                "thread '" + Thread.currentThread().getName() + "'", "second connection used",
                "    at com.example.Once.run(com.example.Once.java:5)",
                "    at com.example.Main.main(Main.java:1)");
    }

    @Test
    void keepsAtMostTheCapAndCountsTheRestAsDropped() throws Exception {
        AppFrames frames = at("com.example.Cap", 1);
        stderrOf(() -> {
            for (int i = 0; i < Findings.MAX_DISTINCT; i++) {
                Findings.record(FindingKind.LEASE_TIMEOUT, "db-" + i, frames, "filling");
            }
        });
        List<Finding> overflow = new ArrayList<>();
        AtomicInteger heard = new AtomicInteger();
        String log;
        try (AutoCloseable listening = Findings.listen(finding -> heard.incrementAndGet())) {
            log = stderrOf(() -> {
                for (int i = 0; i < 5; i++) {
                    overflow.add(Findings.record(FindingKind.LEASE_TIMEOUT, "past-the-cap-" + i, frames, "over"));
                }
                Findings.record(FindingKind.LEASE_TIMEOUT, "db-0", frames, "still counted");
            });
        }

        assertThat(Findings.snapshot()).hasSize(Findings.MAX_DISTINCT);
        assertThat(Findings.snapshot().get(0).count()).isEqualTo(2);
        assertThat(Findings.dropped()).isEqualTo(5);
        assertThat(overflow).allSatisfy(finding -> assertThat(finding.count()).isEqualTo(1));
        assertThat(heard).hasValue(6);
        assertThat(log.split("keeps at most", -1)).hasSize(2);
        assertThat(log).doesNotContain("past-the-cap-");
    }

    @Test
    void theShutdownHooksWorkLogsAFailureInsteadOfThrowing(@TempDir Path directory) throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        Findings.record(FindingKind.NESTED_SESSION, "sqlite:r", at("com.example.R", 1), "reported");

        String[] log = new String[1];
        assertThatCode(() -> log[0] = stderrOf(() -> Findings.writeReport(notADirectory.resolve("report.json"))))
                .doesNotThrowAnyException();
        assertThat(log[0]).contains("could not write the safe-jdbc findings report");
    }

    @Test
    void theShutdownHookWritesTheReportOnce(@TempDir Path directory) throws Exception {
        Path report = directory.resolve("reports").resolve("findings.json");
        String classPath = String.join(java.io.File.pathSeparator,
                codeSource(Findings.class), codeSource(ReportAtExitMain.class),
                codeSource(org.slf4j.LoggerFactory.class),
                codeSource(org.slf4j.LoggerFactory.getILoggerFactory().getClass()));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ReportAtExitMain.class.getName(), report.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output.split("findings report \\(1 findings\\) written to", -1)).as(output).hasSize(2);
        Map<String, Object> document = MiniJson.parseObject(Files.readString(report));
        assertThat(document).containsEntry("dropped", 0L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) document.get("findings");
        assertThat(findings).singleElement().satisfies(finding -> assertThat(finding)
                .containsEntry("kind", "LEASE_TIMEOUT")
                .containsEntry("count", 2L)
                .containsEntry("detail", ReportAtExitMain.DETAIL));
        try (var files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report);
        }
    }

    private static String codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** What the code logs (slf4j-simple writes to the current System.err). */
    static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

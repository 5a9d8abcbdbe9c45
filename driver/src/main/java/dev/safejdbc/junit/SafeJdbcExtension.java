package dev.safejdbc.junit;

import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SafeJdbcTest}: listens to every finding while a test runs (any
 * thread: findings are attributed to the test that is running, so run such tests one at a time)
 * and judges them when it ends. An informational kind (a nested session that could not wait for
 * its own thread, such as Flyway's migration connection or Spring's REQUIRES_NEW) fails a test
 * only when the test expects it (and then must occur): deliberate code must not fail a suite.
 */
public final class SafeJdbcExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SafeJdbcExtension.class);

    /** One occurrence, with the thread it happened on. */
    private record Seen(Finding finding, String thread) {
        @Override
        public String toString() {
            return finding.kind() + " on " + finding.database() + " in thread '" + thread + "': "
                    + finding.detail().lines().findFirst().orElse("") + "\n" + finding.frames().format("      ");
        }
    }

    private static final class Recording {
        final List<Seen> seen = new ArrayList<>();
        final AutoCloseable listening = Findings.listen(this::add);

        private synchronized void add(Finding finding) {
            seen.add(new Seen(finding, Thread.currentThread().getName()));
        }

        synchronized List<Seen> seen() {
            return List.copyOf(seen);
        }

        void stop() throws Exception {
            listening.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Recording.class, new Recording());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Recording recording = context.getStore(NAMESPACE).remove(Recording.class, Recording.class);
        if (recording == null) {
            return;
        }
        recording.stop();
        Set<FindingKind> expected = expectedKinds(context);
        List<Seen> unexpected = new ArrayList<>();
        Set<FindingKind> missing = expected.isEmpty() ? EnumSet.noneOf(FindingKind.class) : EnumSet.copyOf(expected);
        for (Seen seen : recording.seen()) {
            FindingKind kind = seen.finding().kind();
            missing.remove(kind);
            if (!expected.contains(kind) && !kind.informational()) {
                unexpected.add(seen);
            }
        }
        if (!unexpected.isEmpty() || !missing.isEmpty()) {
            throw new AssertionError(report(context, unexpected, missing));
        }
    }

    private static Set<FindingKind> expectedKinds(ExtensionContext context) {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, SafeJdbcTest.class))
                .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, SafeJdbcTest.class)))
                .ifPresent(annotation -> kinds.addAll(Arrays.asList(annotation.expect())));
        return kinds;
    }

    private static String report(ExtensionContext context, List<Seen> unexpected, Set<FindingKind> missing) {
        StringBuilder text = new StringBuilder("safe-jdbc findings in " + context.getDisplayName() + ":");
        for (Seen seen : unexpected) {
            text.append("\n  - ").append(seen);
        }
        if (!missing.isEmpty()) {
            text.append("\n  expected but not found: ").append(missing);
        }
        return text.toString();
    }
}

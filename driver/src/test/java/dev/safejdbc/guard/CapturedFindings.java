package dev.safejdbc.guard;

import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every occurrence of a finding recorded while open (by any thread, or only by the thread that
 * opened it). Findings are kept per (kind, database, application site): a repeat occurrence
 * hands the listener the first occurrence's {@link Finding}, with that one's detail. Test code in
 * {@code dev.safejdbc.guard} is library code to {@code AppFrames}, so the site of a statement run
 * directly by these tests is a JUnit frame, shared by all of them: assert kinds per occurrence,
 * and details only where every candidate first occurrence would say the same.
 */
final class CapturedFindings implements AutoCloseable {
    private final List<Finding> occurrences = new CopyOnWriteArrayList<>();
    private final AutoCloseable listening;

    private CapturedFindings(Thread only) {
        listening = Findings.listen(finding -> {
            if (only == null || Thread.currentThread() == only) {
                occurrences.add(finding);
            }
        });
    }

    /** Occurrences recorded by the calling thread. */
    static CapturedFindings onThisThread() {
        return new CapturedFindings(Thread.currentThread());
    }

    /** Occurrences recorded by any thread. */
    static CapturedFindings onAnyThread() {
        return new CapturedFindings(null);
    }

    List<Finding> all() {
        return List.copyOf(occurrences);
    }

    List<Finding> of(FindingKind kind) {
        return occurrences.stream().filter(f -> f.kind() == kind).toList();
    }

    List<FindingKind> kinds() {
        return occurrences.stream().map(Finding::kind).toList();
    }

    @Override
    public void close() throws Exception {
        listening.close();
    }
}

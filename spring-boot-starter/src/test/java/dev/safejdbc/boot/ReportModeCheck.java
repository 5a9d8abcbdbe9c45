package dev.safejdbc.boot;

import com.example.shop.JobService;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.util.concurrent.CountDownLatch;

/** Whether report mode reached the DataSource an application runs on, seen through one check-then-act. */
final class ReportModeCheck {
    private ReportModeCheck() {
    }

    /**
     * Advances job 1 once (a load, then a save of the same row) and returns the finding report mode
     * recorded for it on the database whose URL contains {@code databaseFile}, instead of guarding it.
     */
    static Finding recordedInsteadOfGuarded(JobService jobService, String databaseFile) throws InterruptedException {
        jobService.advance(1, new CountDownLatch(1), new CountDownLatch(0));
        return Findings.snapshot().stream()
                .filter(finding -> finding.kind() == FindingKind.UNGUARDED_CHECK_THEN_ACT)
                .filter(finding -> finding.database().contains(databaseFile))
                .findFirst()
                .orElseThrow(() -> new AssertionError("report mode recorded no check-then-act on " + databaseFile));
    }
}

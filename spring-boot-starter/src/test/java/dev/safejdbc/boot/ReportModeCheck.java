package dev.safejdbc.boot;

import com.example.shop.LegacyJdbc;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.sql.SQLException;

/** Whether report mode reached the DataSource an application runs on, seen through one check-then-act. */
final class ReportModeCheck {
    private ReportModeCheck() {
    }

    /**
     * Saves job 1's status once (a keyed read, then a write of the same row, in autocommit: on SQLite the guard
     * stands aside inside a transaction) and returns the finding report mode recorded for it on the database
     * whose URL contains {@code databaseFile}, instead of guarding it.
     */
    static Finding recordedInsteadOfGuarded(LegacyJdbc legacy, String databaseFile) throws SQLException {
        legacy.saveJobStatus(1);
        return Findings.snapshot().stream()
                .filter(finding -> finding.kind() == FindingKind.UNGUARDED_CHECK_THEN_ACT)
                .filter(finding -> finding.database().contains(databaseFile))
                .findFirst()
                .orElseThrow(() -> new AssertionError("report mode recorded no check-then-act on " + databaseFile));
    }
}

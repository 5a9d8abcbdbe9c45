package dev.safejdbc.findings;

import java.nio.file.Path;

/** A separate JVM for the shutdown-hook test: asks for one report twice, records, and exits. */
public final class ReportAtExitMain {
    static final String DETAIL = "waited \"5000 ms\"\nfor C:\\lease";

    private ReportAtExitMain() {
    }

    public static void main(String[] args) {
        Path report = Path.of(args[0]);
        Findings.reportAtExit(report);
        Findings.reportAtExit(report.getParent().resolve("..").resolve(report.getParent().getFileName())
                .resolve(report.getFileName())); // the same file, spelled differently
        for (int i = 0; i < 2; i++) {
            Findings.record(FindingKind.LEASE_TIMEOUT, "sqlite:memory:child", AppFrames.none(), DETAIL);
        }
    }
}

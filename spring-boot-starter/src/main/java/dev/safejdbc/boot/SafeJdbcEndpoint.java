package dev.safejdbc.boot;

import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.Findings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/safejdbc}: what safe-jdbc found in this JVM, in the shape of the JSON report
 * ({@code safe.report}): the findings in the order first seen, and how many were dropped past the cap.
 */
@Endpoint(id = "safejdbc")
public class SafeJdbcEndpoint {
    /** The endpoint; it reads {@link Findings} whenever it is asked. */
    public SafeJdbcEndpoint() {
    }

    /**
     * The findings recorded so far in this JVM.
     *
     * @return {@code dropped}, the number of findings past the cap, and {@code findings}, each one's kind,
     *         description, database, table (when it concerns one), site, thread, count, first time seen,
     *         detail and application frames
     */
    @ReadOperation
    public Map<String, Object> findings() {
        List<Map<String, Object>> findings = Findings.snapshot().stream().map(SafeJdbcEndpoint::describe).toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dropped", Findings.dropped());
        report.put("findings", findings);
        return report;
    }

    private static Map<String, Object> describe(Finding finding) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("kind", finding.kind().name());
        described.put("description", finding.kind().description());
        described.put("database", finding.database());
        if (finding.table() != null) {
            described.put("table", finding.table());
        }
        described.put("site", finding.site());
        described.put("thread", finding.thread());
        described.put("count", finding.count());
        described.put("firstSeen", finding.firstSeen().toString());
        described.put("detail", finding.detail());
        described.put("frames", finding.frames().frames().stream().map(StackTraceElement::toString).toList());
        return described;
    }
}

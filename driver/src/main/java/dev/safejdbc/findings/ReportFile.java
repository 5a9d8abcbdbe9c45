package dev.safejdbc.findings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The findings report: one JSON document, replaced atomically. Incident 004 was a CI job reading
 * a half-written report, so the document is written to a temporary file next to the target,
 * forced to disk, and only then moved over the target: a reader sees the old report, the new one,
 * or none, never a part.
 */
public final class ReportFile {
    /** Bumped when a field changes meaning or goes away (adding fields keeps the version). */
    static final int VERSION = 1;

    private ReportFile() {
    }

    /** Writes the report to {@code path} atomically, creating its parent directories. */
    public static void write(Path path, List<Finding> findings, long dropped) throws IOException {
        byte[] json = render(findings, dropped, Instant.now()).getBytes(StandardCharsets.UTF_8);
        Path target = path.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        // Same directory: a move across file systems could not be atomic.
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before it becomes visible, so a crash cannot leave a renamed empty file.
                channel.force(true);
            }
            moveOver(temporary, target);
        } finally {
            Files.deleteIfExists(temporary); // only still there if something failed
        }
    }

    private static void moveOver(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String render(List<Finding> findings, long dropped, Instant generated) {
        StringBuilder out = new StringBuilder(256 + findings.size() * 1024);
        out.append("{\"version\":").append(VERSION)
                .append(",\"generated\":");
        Json.string(out, generated.toString()).append(",\"dropped\":").append(dropped)
                .append(",\"findings\":[");
        for (int i = 0; i < findings.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            finding(out, findings.get(i));
        }
        return out.append("]}").toString();
    }

    private static void finding(StringBuilder out, Finding finding) {
        out.append("{\"kind\":");
        Json.string(out, finding.kind().name()).append(",\"description\":");
        Json.string(out, finding.kind().description()).append(",\"database\":");
        Json.string(out, finding.database());
        if (finding.table() != null) { // only a finding that concerns one table has the field
            Json.string(out.append(",\"table\":"), finding.table());
        }
        out.append(",\"site\":");
        Json.string(out, finding.site()).append(",\"thread\":");
        Json.string(out, finding.thread()).append(",\"count\":").append(finding.count())
                .append(",\"firstSeen\":");
        Json.string(out, finding.firstSeen().toString()).append(",\"detail\":");
        Json.string(out, finding.detail()).append(",\"frames\":[");
        List<StackTraceElement> frames = finding.frames().frames();
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Json.string(out, AppFrames.describe(frames.get(i)));
        }
        out.append("]}");
    }
}

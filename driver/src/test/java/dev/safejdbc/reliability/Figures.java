package dev.safejdbc.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures a reliability run produced (rounds, anomalies raw vs safe, corpus and fuzz sizes):
 * printed, and appended to {@code target/reliability-figures.txt} so that docs/RELIABILITY.md can
 * quote the run it came from.
 */
final class Figures {
    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {
    }

    static synchronized void record(String test, String line) {
        String text = Instant.now() + "  " + test + "  " + line;
        System.out.println("[reliability] " + test + "  " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[reliability] could not append to " + FILE.toAbsolutePath() + ": " + e);
        }
    }
}

package dev.safejdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which package of the driver uses which, read from its compiled classes (every class name in each
 * class file's constant pool: references, signatures, descriptors), not from import lines: there is
 * no cycle, the rules of issue 12 hold, and the "Packages" table of docs/ARCHITECTURE.md says exactly
 * what each package uses.
 */
class PackageDependencyTest {
    private static final Pattern TYPE_NAME = Pattern.compile("dev/safejdbc/((?:[a-z][a-z0-9_]*/)*)[A-Z]");
    private static final Path ARCHITECTURE = Path.of("..", "docs", "ARCHITECTURE.md");
    private static final String ROOT = "root";

    /** Package (relative to dev.safejdbc, {@value #ROOT} for it) to the packages its classes use. */
    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(Protection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String from = packageOf(classes.relativize(file.getParent()).toString().replace('\\', '/') + "/");
                Set<String> used = uses.computeIfAbsent(from, p -> new TreeSet<>());
                for (String name : classNames(file)) {
                    Matcher m = TYPE_NAME.matcher(name);
                    while (m.find()) {
                        used.add(packageOf(m.group(1)));
                    }
                }
                used.remove(from);
            }
        }
    }

    /** {@code "guard/sql/"} is {@code guard.sql}; the path of dev.safejdbc's own classes is the root. */
    private static String packageOf(String path) {
        String relative = path.startsWith("dev/safejdbc/") ? path.substring("dev/safejdbc/".length()) : path;
        return relative.isEmpty() ? ROOT : relative.substring(0, relative.length() - 1).replace('/', '.');
    }

    @Test
    void noPackageUsesOneThatUsesItBack() {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> path = cycleThrough(start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                cycles.add(path);
            }
        }
        assertThat(cycles).as("package cycles (each from a package back to it)").isEmpty();
    }

    private static List<String> cycleThrough(String start, String at, List<String> path, Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return path;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleThrough(start, next, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    @Test
    void sessionsKnowNothingOfTheGuardAndWrappersNothingOfSqlAnalysis() {
        assertThat(uses.get("session")).as("session uses").doesNotContain("guard", "guard.sql", "jdbc");
        assertThat(uses.get("jdbc")).as("jdbc uses").doesNotContain("guard.sql");
    }

    @Test
    void theArchitectureTableSaysWhatEachPackageUses() throws IOException {
        Map<String, Set<String>> documented = documentedUses();
        assertThat(documented.keySet()).as("packages in docs/ARCHITECTURE.md").isEqualTo(uses.keySet());
        for (Map.Entry<String, Set<String>> entry : documented.entrySet()) {
            assertThat(uses.get(entry.getKey())).as("what %s uses (docs/ARCHITECTURE.md, Packages)", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    /**
     * The "Packages" table: a row's first cell names packages in backquotes (root as
     * {@code dev.safejdbc}), its last what they use: backquoted packages (none: "nothing of
     * safe-jdbc"); any other words are remarks. The agent module's row is not the driver's.
     */
    private static Map<String, Set<String>> documentedUses() throws IOException {
        String text = Files.readString(ARCHITECTURE);
        String table = text.substring(text.indexOf("## Packages"), text.indexOf("\n## ", text.indexOf("## Packages") + 1));
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| ") || cells.length < 4 || cells[1].contains("package") || cells[1].contains("agent")) {
                continue;
            }
            Set<String> used = quoted(cells[3]);
            used.removeIf(p -> p.contains(" ")); // a remark in backquotes
            for (String p : quoted(cells[1])) {
                String name = p.equals("dev.safejdbc") ? ROOT : p;
                documented.put(name, used);
            }
        }
        return documented;
    }

    private static Set<String> quoted(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every text of the class file's constant pool (class names, descriptors, signatures among them). */
    private static List<String> classNames(Path classFile) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.skipBytes(8); // magic, minor, major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IOException(classFile + ": constant pool tag " + tag);
                }
            }
        }
        return texts;
    }
}

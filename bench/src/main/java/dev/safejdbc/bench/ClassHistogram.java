package dev.safejdbc.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The live heap by class, as {@code jcmd PID GC.class_histogram} prints it (a full GC first), taken
 * from inside the JVM through the diagnostic command MBean: what {@link MemoryFootprint} uses to
 * say which objects make up a connection's retained heap.
 */
final class ClassHistogram {
    private static final int SHOWN = 30;

    private ClassHistogram() {
    }

    /** Bytes of live instances per class name. */
    static Map<String, Long> take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            // " num: #instances #bytes class name (module)"
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
            }
        }
        return bytes;
    }

    /** The classes that grew most from {@code before} to {@code after}, in bytes per one of {@code count}. */
    static void printDifference(Map<String, Long> before, Map<String, Long> after, int count) {
        Map<String, Long> grown = new HashMap<>();
        after.forEach((name, bytes) -> grown.put(name, bytes - before.getOrDefault(name, 0L)));
        long total = grown.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "  histogram, bytes per connection: %.0f in all%n", total / (double) count);
        grown.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(SHOWN)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %8.1f  %s%n", e.getValue() / (double) count,
                        e.getKey()));
    }
}

package dev.safejdbc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The second method beside JMH's alternating forks: one JVM holds a connection of every variant
 * and runs the point SELECT on each in short slices, in a shuffled order every round, so that
 * each variant meets the same JIT, heap and machine minute. Each round gives every variant's time
 * per SELECT; the figure is the median over the rounds of its ratio to the first variant's.
 * A variant named twice ({@code raw,raw}) measures the method's own bias: two identical
 * connections should come out at 1.00.
 *
 * <p>{@code clock=cpu} times each slice by the calling thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}) instead of the wall clock: other processes on a
 * shared machine then take nothing from a slice's figure (only what they do to caches and the JIT's
 * threads remains), so ratios stay comparable across loads. The default is {@code clock=wall}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.safejdbc.bench.InterleavedHarness \
 *     [db=sqlite] [variants=raw-private,safe,safe-guard-off,raw-private,safe] [rounds=60] [slice=20000]
 *     [warmup=20] [clock=wall|cpu] [out=FILE.json]
 * </pre>
 *
 * It prints one line per variant: median nanoseconds per SELECT, the median ratio to the first
 * variant, and the middle half and extremes of the rounds' ratios; {@code out} writes the same,
 * with every round's ratio, as JSON (for {@code bench/standing.py}).
 */
public final class InterleavedHarness {
    private InterleavedHarness() {
    }

    /** One variant's connection, table and times, one per round. */
    private record Lane(String label, ItemsTrial trial, double[] nanosPerOp) {
    }

    public static void main(String[] args) throws SQLException, IOException {
        Arguments arguments = new Arguments(args);
        String db = arguments.get("db", Databases.SQLITE);
        // raw-private: SQLite's raw database without the shared cache, as safe-jdbc's own physical connection opens it
        List<String> variants = List.of(arguments.get("variants",
                "raw-private,safe,safe-guard-off,raw-private,safe").split(","));
        int rounds = Integer.parseInt(arguments.get("rounds", "60"));
        int slice = Integer.parseInt(arguments.get("slice", "20000"));
        int warmup = Integer.parseInt(arguments.get("warmup", "20"));
        Clock clock = Clock.of(arguments.get("clock", "wall"));

        List<Lane> lanes = new ArrayList<>();
        try {
            for (int i = 0; i < variants.size(); i++) {
                lanes.add(new Lane(variants.get(i) + "#" + (i + 1), ItemsTrial.open(db, variants.get(i)),
                        new double[rounds]));
            }
            Random order = new Random(42);
            long sink = 0;
            for (int round = -warmup; round < rounds; round++) {
                List<Lane> shuffled = new ArrayList<>(lanes);
                Collections.shuffle(shuffled, order);
                for (Lane lane : shuffled) {
                    long start = clock.nanos();
                    for (int op = 0; op < slice; op++) {
                        sink += lane.trial().items.selectNext();
                    }
                    if (round >= 0) {
                        lane.nanosPerOp()[round] = (clock.nanos() - start) / (double) slice;
                    }
                }
            }
            String json = report(db, rounds, slice, clock, lanes, sink);
            String out = arguments.get("out", null);
            if (out != null) {
                Files.writeString(Path.of(out), json);
            }
        } finally {
            for (Lane lane : lanes) {
                lane.trial().close();
            }
        }
    }

    /** Prints the figures; returns them as JSON. */
    private static String report(String db, int rounds, int slice, Clock clock, List<Lane> lanes, long sink) {
        Lane baseline = lanes.get(0);
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"db\": \"%s\", \"rounds\": %d, \"slice\": %d, \"clock\": \"%s\", \"baseline\": \"%s\","
                + " \"variants\": [", db, rounds, slice, clock.label, baseline.label()));
        System.out.printf(Locale.ROOT, "point SELECT on %s, %d rounds of %d SELECTs per connection, order shuffled"
                + " each round, %s time (checksum %d)%n", db, rounds, slice, clock.label, sink);
        for (Lane lane : lanes) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = lane.nanosPerOp()[round] / baseline.nanosPerOp()[round];
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "  %-20s median %8.0f ns/op   time ratio to %s: median %.3f"
                    + " (middle half %.3f to %.3f; rounds %.3f to %.3f)%n", lane.label(), median(lane.nanosPerOp()),
                    baseline.label(), median(ratios), ratios[rounds / 4], ratios[(3 * rounds) / 4],
                    ratios[0], ratios[rounds - 1]);
            json.append(lane == baseline ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"label\": \"%s\", \"medianNanos\": %.1f, \"ratios\": %s}", lane.label(),
                    median(lane.nanosPerOp()), Arrays.toString(ratios)));
        }
        return json.append("]}\n").toString();
    }

    /** What a slice is timed by. */
    private enum Clock {
        WALL("wall"),
        CPU("cpu");

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        final String label;

        Clock(String label) {
            this.label = label;
        }

        static Clock of(String name) {
            for (Clock clock : values()) {
                if (clock.label.equals(name)) {
                    if (clock == CPU && !THREADS.isCurrentThreadCpuTimeSupported()) {
                        throw new IllegalArgumentException("this JVM cannot measure a thread's CPU time");
                    }
                    return clock;
                }
            }
            throw new IllegalArgumentException("clock=" + name + ": wall or cpu");
        }

        long nanos() {
            return this == CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code name=value} arguments. */
    private static final class Arguments {
        private final List<String> given;

        Arguments(String[] args) {
            given = List.of(args);
        }

        String get(String name, String otherwise) {
            for (String argument : given) {
                if (argument.startsWith(name + "=")) {
                    return argument.substring(name.length() + 1);
                }
            }
            return otherwise;
        }
    }
}

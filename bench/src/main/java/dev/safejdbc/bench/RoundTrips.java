package dev.safejdbc.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What reaches PostgreSQL per {@link EndToEndBench} unit of work, counted from the PostgreSQL
 * driver's own protocol log (java.util.logging at FINEST): round trips (ReadyForQuery), Parse
 * and Bind messages, simple queries, and each statement text sent.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.safejdbc.bench.RoundTrips [raw,safe,safe-guard-off] [units=200] [warm-up]</pre>
 */
public final class RoundTrips {
    private RoundTrips() {
    }

    /** Counts the driver's protocol messages while {@link #on} is set. */
    static final class Counter extends Handler {
        volatile boolean on;
        final Map<String, Integer> counts = new TreeMap<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (!on || record.getMessage() == null) {
                return;
            }
            String message = record.getMessage().trim();
            Object[] parameters = record.getParameters();
            String key;
            if (message.startsWith("<=BE ReadyForQuery")) {
                key = "round trips (ReadyForQuery)";
            } else if (message.startsWith("FE=> Parse")) {
                key = "Parse: " + (parameters != null && parameters.length > 1 ? parameters[1] : message);
            } else if (message.startsWith("FE=> SimpleQuery")) {
                key = "SimpleQuery: " + (parameters != null && parameters.length > 0 ? parameters[0] : message);
            } else if (message.startsWith("FE=> Bind")) {
                key = "Bind";
            } else if (message.startsWith("FE=> Execute")) {
                key = "Execute";
            } else if (message.startsWith("FE=> Describe")) {
                key = "Describe";
            } else {
                return;
            }
            counts.merge(key.replaceAll("e2e_(accounts|history)_\\w+", "e2e_$1"), 1, Integer::sum);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    public static void main(String[] args) throws Exception {
        String[] variants = (args.length > 0 ? args[0] : "raw,safe,safe-guard-off").split(",");
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Logger driverLog = Logger.getLogger("org.postgresql");
        driverLog.setLevel(Level.FINEST);
        driverLog.setUseParentHandlers(false);
        for (String variant : variants) {
            Counter counter = new Counter();
            counter.setLevel(Level.ALL);
            driverLog.addHandler(counter);
            EndToEndBench bench = new EndToEndBench();
            bench.db = "postgresql";
            bench.variant = variant;
            bench.setUp();
            EndToEndBench.Worker worker = new EndToEndBench.Worker();
            worker.pickAccounts(bench);
            counter.on = args.length > 2; // "warm-up": count the first units too, to see each statement's Parse
            for (int i = 0; i < 50; i++) {
                bench.unitOfWork(worker); // the pool's connections and the statement caches warm
            }
            counter.on = true;
            for (int i = 0; i < units; i++) {
                bench.unitOfWork(worker);
            }
            counter.on = false;
            bench.tearDown();
            driverLog.removeHandler(counter);
            System.out.println("== " + variant + ": per unit of work, over " + units + " units");
            counter.counts.forEach((key, count) -> System.out.printf("  %7.2f  %s%n", count / (double) units, key));
        }
    }
}

package dev.safejdbc.bench;

/**
 * How long an {@link EndToEndBench} unit of work takes while the JVM is new: the first unit, then
 * units 2-10, 11-100, 101-1,000 and 1,001-5,000 (one thread; the pool is filled first).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.safejdbc.bench.FirstUnits raw|safe|safe-guard-off [postgresql|sqlite-wal]</pre>
 */
public final class FirstUnits {
    private FirstUnits() {
    }

    public static void main(String[] args) throws Exception {
        EndToEndBench bench = new EndToEndBench();
        bench.variant = args[0];
        bench.db = args.length > 1 ? args[1] : "postgresql";
        bench.setUp();
        EndToEndBench.Worker worker = new EndToEndBench.Worker();
        worker.pickAccounts(bench);
        StringBuilder out = new StringBuilder(bench.variant + ":");
        int done = 0;
        for (int upTo : new int[] {1, 10, 100, 1_000, 5_000}) {
            long start = System.nanoTime();
            int from = done;
            while (done < upTo) {
                bench.unitOfWork(worker);
                done++;
            }
            out.append(String.format(" units %d-%d %.0f us each;", from + 1, upTo, (System.nanoTime() - start) / 1e3 / (upTo - from)));
        }
        bench.tearDown();
        System.out.println(out);
    }
}

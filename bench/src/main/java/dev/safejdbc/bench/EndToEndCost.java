package dev.safejdbc.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CPU an {@link EndToEndBench} unit of work costs, which a loaded machine does not distort the
 * way it distorts throughput: the JVM's process CPU time (worker threads, JIT, GC), the worker
 * threads' own CPU and allocation, and on PostgreSQL the CPU of the pool's backends (read from
 * /proc), each divided by the units done. The worker threads' CPU includes SQLite's own work (it
 * runs in the calling thread), not the time a commit waits for the disk.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.safejdbc.bench.EndToEndCost VARIANT [seconds=20] [warm-up seconds=15] [db=postgresql|sqlite-wal]</pre>
 *
 * VARIANT is one of {@link EndToEndBench}'s; PostgreSQL runs 4 threads, SQLite 1, as the benchmark does.
 */
public final class EndToEndCost {
    private EndToEndCost() {
    }

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        long warmUp = args.length > 2 ? Long.parseLong(args[2]) : 15;
        String db = args.length > 3 ? args[3] : "postgresql";
        boolean postgres = db.equals("postgresql");
        int threads = postgres ? 4 : 1;
        EndToEndBench bench = new EndToEndBench();
        bench.db = db;
        bench.variant = variant;
        bench.setUp();
        List<Integer> backends = postgres ? backends(bench) : List.of();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long[] units = new long[threads];
        Thread[] workers = new Thread[threads];
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        for (int t = 0; t < threads; t++) {
            int index = t;
            EndToEndBench.Worker worker = new EndToEndBench.Worker();
            worker.pickAccounts(bench);
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        bench.unitOfWork(worker);
                        if (measuring.get()) {
                            units[index]++;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "worker-" + t);
            workers[t].start();
        }
        start.await();
        Thread.sleep(warmUp * 1000); // 0: measure from the first unit, compilation included
        ThreadMXBean threadBean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] ids = new long[threads];
        for (int t = 0; t < threads; t++) {
            ids[t] = workers[t].getId();
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jit0 = jit.getTotalCompilationTime();
        long process0 = os.getProcessCpuTime();
        long[] cpu0 = threadBean.getThreadCpuTime(ids);
        long[] user0 = threadBean.getThreadUserTime(ids);
        long[] bytes0 = threadBean.getThreadAllocatedBytes(ids);
        long server0 = serverTicks(backends);
        long wall0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000);
        measuring.set(false);
        long wall = System.nanoTime() - wall0;
        long process = os.getProcessCpuTime() - process0;
        long jitMillis = jit.getTotalCompilationTime() - jit0;
        long[] cpu1 = threadBean.getThreadCpuTime(ids);
        long[] user1 = threadBean.getThreadUserTime(ids);
        long[] bytes1 = threadBean.getThreadAllocatedBytes(ids);
        long server = serverTicks(backends) - server0;
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        String files = postgres ? "" : String.format(" database file %d KB, WAL %d KB;",
                Files.size(bench.sqliteFile()) / 1024, Files.size(Path.of(bench.sqliteFile() + "-wal")) / 1024);
        bench.tearDown();
        long done = 0;
        long workerCpu = 0;
        long allocated = 0;
        long workerUser = 0;
        for (int t = 0; t < threads; t++) {
            done += units[t];
            workerCpu += cpu1[t] - cpu0[t];
            workerUser += user1[t] - user0[t];
            allocated += bytes1[t] - bytes0[t];
        }
        double ticksToMicros = 1_000_000.0 / 100; // USER_HZ
        System.out.printf("%s %s: %d units in %.1f s (%.0f/s); per unit: process CPU %.1f us, worker threads %.1f us (user %.1f us),"
                        + "%s allocated %d B; JIT compiling %d ms in the window;%s load %s%n",
                db, variant, done, wall / 1e9, done / (wall / 1e9), process / 1e3 / done, workerCpu / 1e3 / done,
                workerUser / 1e3 / done,
                postgres ? String.format(" PostgreSQL backends %.1f us,", server * ticksToMicros / done) : "",
                allocated / done, jitMillis, files, Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** The PostgreSQL backend process ids behind the pool's connections, all taken at once. */
    private static List<Integer> backends(EndToEndBench bench) throws Exception {
        List<Connection> held = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Connection c = bench.source().getConnection();
                held.add(c);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pids.add(rs.getInt(1));
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        return pids;
    }

    /** The backends' user and system CPU, in clock ticks. */
    private static long serverTicks(List<Integer> pids) throws Exception {
        long ticks = 0;
        for (int pid : pids) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        }
        return ticks;
    }
}

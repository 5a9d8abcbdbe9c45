package dev.safejdbc.bench;

import dev.safejdbc.findings.AppFrames;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one captured site costs on its own: {@link AppFrames#here()} called {@code depth} frames
 * below the benchmark method. JMH runs that method some 13 frames below its thread's start, about
 * as deep as the end-to-end workload takes its sites, so depth 0 is that workload's case; a web
 * request under Spring adds 100 or more. The frames are turned into text only when a message or
 * finding reads them, so this is the whole cost a transaction's start or a keyed read pays. It is
 * a floor: in an application the JVM looks each frame up in a larger, colder code cache (timed in
 * place in the end-to-end workload, a site costs about three times as much; docs/PERFORMANCE.md).
 * Three forks, because the JIT inlines the recursion differently from one JVM to the next.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SiteCaptureBench {
    @Param({"0", "25", "150"})
    public int depth;

    /** One site, taken {@code depth} frames down. */
    @Benchmark
    public AppFrames capture() {
        return below(depth);
    }

    private static AppFrames below(int frames) {
        return frames == 0 ? AppFrames.here() : below(frames - 1);
    }
}

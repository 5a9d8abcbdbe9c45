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
 * below the benchmark method, as a statement's execution is below the application's stack (the
 * end-to-end workload runs at about 25 frames, a web request under Spring at 100 to 150). The
 * frames are turned into text only when a message or finding reads them, so this is the whole
 * cost a transaction's start or a keyed read pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SiteCaptureBench {
    @Param({"5", "25", "60", "150"})
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

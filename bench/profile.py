#!/usr/bin/env python3
"""Where a guarded point SELECT's extra time goes: runs InterleavedHarness with only safe-jdbc
connections under async-profiler (itimer sampling: no perf_events needed) and splits the
samples of ItemsTable.selectNext into the real driver's work and each part of safe-jdbc's.

    mvn -B -q -pl driver,bench -am -DskipTests package
    python3 bench/profile.py /path/to/libasyncProfiler.so [variants=safe,safe] [rounds=40]

libasyncProfiler.so comes in the Maven Central artifact tools.profiler:async-profiler (its
linux-x64/ folder). Sampling shares are steadier than times on a busy machine, but a part below
one percent is within the sampling noise.
"""

import collections
import subprocess
import sys

JAR = "bench/target/benchmarks.jar"
OUT = "bench/target/profile.collapsed"

# (part, the first frame below SafeStatement/SafeResultSet that belongs to it); first match wins
PARTS = [
    ("real driver", ("org/sqlite/", "org/postgresql/")),
    ("session entry and lease", ("SafeStatement.begin", "session/ThreadSession.enter", "SessionScope.close",
                                 "ThreadSession.leave", "ConnectionLease")),
    ("cursor pin", ("session/CursorPin", "ThreadSession.pin", "ThreadSession.unpin")),
    ("guard: before the query (analysis, row naming, key)", ("StatementGuard.beforeQuery",)),
    ("guard: first row recorded (column plan, observation, read log)", ("ReadCapture.firstRow",)),
    ("guard: values taken from getters", ("SafeResultSet.seen", "ReadCapture.read")),
    ("guard: row completed when the cursor leaves it", ("SafeResultSet.leaveRow", "ReadCapture.leaveRow")),
    ("parameter recording", ("BoundValues", "SafePreparedStatement.set")),
]


def part_of(frames):
    inside = False
    for frame in frames:
        if "selectNext" in frame:
            inside = True
            continue
        if not inside:
            continue
        for name, markers in PARTS:
            if any(marker in frame for marker in markers):
                return name
    return "wrappers and the rest of safe-jdbc" if inside else None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    agent = "-agentpath:%s=start,event=itimer,interval=200us,file=%s,collapsed" % (sys.argv[1], OUT)
    options = sys.argv[2:] or ["variants=safe,safe", "rounds=40"]
    subprocess.run(["java", agent, "-cp", JAR, "dev.safejdbc.bench.InterleavedHarness"] + options, check=True)
    parts, total = collections.Counter(), 0
    with open(OUT) as f:
        for line in f:
            stack, count = line.rsplit(" ", 1)
            part = part_of(stack.split(";"))
            if part is not None:
                parts[part] += int(count)
                total += int(count)
    print("\n%d samples in ItemsTable.selectNext" % total)
    for name, count in parts.most_common():
        print("  %5.1f%%  %s" % (100.0 * count / total, name))


if __name__ == "__main__":
    main()

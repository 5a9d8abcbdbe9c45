#!/usr/bin/env python3
"""The end-to-end workload's CPU per unit of work, every variant in the same minute: each round
starts one EndToEndCost process per variant at the same time, all pinned to one CPU, so that they
share whatever else the machine runs; the figure is each variant's worker-thread CPU per unit as a
ratio to the first variant's in the same round (median and range over the rounds). Standard
library only.

    mvn -B -q -pl driver,bench -am -DskipTests package
    python3 bench/cost_rounds.py                       # SQLite WAL file, 5 variants, 4 rounds
    python3 bench/cost_rounds.py --rounds 6 --warmup 90 -v raw,safe

Why not throughput: on a loaded 2-core machine a process's throughput follows the scheduler, and
separate processes' CPU per unit follows it too (a thread preempted often pays for cold caches:
raw alone ranged 56-77 us per unit in three processes a minute apart). Processes running side by
side on one CPU are preempted alike. The warm-up must outlast the JIT with five JVMs sharing one
CPU (the output gives each process's compilation time inside the measured window: a variant still
compiling there is not at its steady state).
"""

import argparse
import re
import shutil
import statistics
import subprocess

FIGURE = re.compile(r"worker threads ([\d.]+) us .*allocated (\d+) B; JIT compiling (\d+) ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--variants", default="raw,safe,safe-guard-off,p6spy,datasource-proxy",
                        help="comma-separated; the first is the baseline")
    parser.add_argument("--db", default="sqlite-wal")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=10, help="measured window")
    parser.add_argument("--warmup", type=int, default=60, help="seconds before the window")
    parser.add_argument("--cpu", default="1", help="the CPU every process is pinned to")
    parser.add_argument("--jar", default="bench/target/benchmarks.jar")
    args = parser.parse_args()

    variants = args.variants.split(",")
    pin = ["taskset", "-c", args.cpu] if shutil.which("taskset") else []
    ratios = {v: [] for v in variants[1:]}
    for round_number in range(1, args.rounds + 1):
        processes = {v: subprocess.Popen(pin + ["java", "-cp", args.jar, "dev.safejdbc.bench.EndToEndCost", v,
                                                str(args.seconds), str(args.warmup), args.db],
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                     for v in variants}
        figures = {}
        for v, process in processes.items():
            output = process.communicate()[0]
            found = FIGURE.search(output)
            if process.returncode != 0 or not found:
                raise SystemExit("%s failed:\n%s" % (v, output))
            figures[v] = (float(found.group(1)), int(found.group(2)), int(found.group(3)))
            print("round %d %s" % (round_number, output.strip().splitlines()[-1]), flush=True)
        base = figures[variants[0]][0]
        for v in variants[1:]:
            ratios[v].append(figures[v][0] / base)
    print("worker CPU per unit, ratio to %s (lower is better): median (range) over %d rounds"
          % (variants[0], args.rounds))
    for v, r in ratios.items():
        print("  %-18s %.3f (%.3f to %.3f)" % (v, statistics.median(r), min(r), max(r)))


if __name__ == "__main__":
    main()

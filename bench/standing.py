#!/usr/bin/env python3
"""The standing benchmark: one command that measures safe-jdbc against the raw drivers with both
methods and rewrites the table and the chart in docs/PERFORMANCE.md, standard library only.

    mvn -B -q -pl driver,bench -am -DskipTests package
    python3 bench/standing.py              # everything, about 40 minutes on 2 cores
    python3 bench/standing.py --quick      # 1 short round each: checks the script, not a result
    python3 bench/standing.py --rounds 4   # at most 4 rounds per workload: a shorter, wider result
    python3 bench/standing.py --only 'ps-|il-'   # only the workloads whose name matches

Method 1 is bench/alternate.py (short JMH forks of each variant back to back, round after round);
method 2 is InterleavedHarness (one JVM, every variant's connection in short slices, order
shuffled per round, the same variant twice to show the method's own bias). Each figure is the
median of the per-round ratios to raw, with the middle half and the extremes of the rounds.

The table goes between the "standing:begin" and "standing:end" markers of docs/PERFORMANCE.md,
with the commit, the time and the load average before and after; the chart is docs/performance.svg.
A load average above 1.5 at the start is reported in the table: such a run is not a result.
"""

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys

JAR = "bench/target/benchmarks.jar"
OUT = "bench/target/standing"
DOC = "docs/PERFORMANCE.md"
CHART = "docs/performance.svg"

# (name, what, db, JMH pattern, variants, rounds, extra JMH options, target on the ratio)
ALTERNATING = [
    ("ps-sqlite", "point SELECT by key, autocommit", "sqlite", "StatementOverheadBench.pointSelect$",
     "raw-private,safe,safe-guard-off,datasource-proxy,p6spy", 8, "", ">= 0.95 guard on, >= 0.98 off"),
    ("ps-pg", "point SELECT by key, autocommit", "postgresql", "StatementOverheadBench.pointSelect$",
     "raw,safe,safe-guard-off", 6, "", ">= 0.98"),
    ("gtx-sqlite", "guarded read-then-write transaction", "sqlite", "GuardedTransactionBench.acquireExpiredLock",
     "raw-private,safe", 8, "", ">= 0.92"),
    ("gtx-pg", "guarded read-then-write transaction", "postgresql", "GuardedTransactionBench.acquireExpiredLock",
     "raw,safe", 6, "", ">= 0.97"),
    ("e2e-pg", "end to end, HikariCP pool of 8, 4 threads", "postgresql", "EndToEndBench.unitOfWork",
     "raw,safe,safe-guard-off,p6spy,datasource-proxy", 6, "-t 4", ">= 0.97"),
    # the same with 10 s of warm-up per fork: the short forks above measure mostly the JIT compiling
    # safe-jdbc's hot path (docs/PERFORMANCE.md, "End to end on PostgreSQL"); this one the steady state
    ("e2e-pg-steady", "end to end, HikariCP pool of 8, 4 threads, after 10 s of warm-up", "postgresql",
     "EndToEndBench.unitOfWork", "raw,safe,safe-guard-off", 4, "-t 4 -wi 10", ">= 0.97"),
    ("e2e-sqlite", "end to end, SQLite WAL file (synchronous=NORMAL since session 9), 1 thread", "sqlite-wal", "EndToEndBench.unitOfWork",
     "raw,safe,safe-guard-off,p6spy,datasource-proxy", 6, "-t 1", ">= 0.97"),
    ("list-sqlite", "list read, 100 rows by a non-key predicate", "sqlite", "ListReadBench.listRead",
     "raw-private,safe,safe-guard-off", 6, "", "side by side"),
    ("list-pg", "list read, 100 rows by a non-key predicate", "postgresql", "ListReadBench.listRead",
     "raw,safe,safe-guard-off", 4, "", "side by side"),
    ("batch-sqlite", "guarded batch of 50 (50 keyed reads, one batch of 50 updates)", "sqlite",
     "GuardedBatchBench.readThenBatchUpdate", "raw-private,safe", 6, "", "side by side"),
    ("batch-pg", "guarded batch of 50 (50 keyed reads, one batch of 50 updates)", "postgresql",
     "GuardedBatchBench.readThenBatchUpdate", "raw,safe", 4, "", "side by side"),
]

# (name, db, rounds, JVM options, method). il-sqlite-deflated: JDK 17 leaves a monitor of sqlite-jdbc
# inflated when the JIT throws away the driver's code while a connection holds it, and deflates it
# only every 60 s when idle, which a 30 s run never reaches; the second row shows the figure with
# deflation every 0.5 s (PERFORMANCE.md, "The guard-on point SELECT, profiled again")
DEFLATE = ["-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedAsyncDeflationInterval=500"]
INTERLEAVED = [("il-sqlite", "sqlite", 60, [], "one JVM, interleaved"),
               ("il-sqlite-deflated", "sqlite", 60, DEFLATE, "one JVM, interleaved, monitors deflated every 0.5 s"),
               ("il-pg", "postgresql", 30, [], "one JVM, interleaved")]

JMH = "-wi 3 -w 1s -i 3 -r 1s"
QUICK_JMH = "-wi 1 -w 1s -i 1 -r 1s"


def load():
    return os.getloadavg()[0]


def run(command):
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True)


def jmh_options(defaults, extra):
    """The default JMH options with the entry's own: an option the entry gives replaces the default's value."""
    options = dict(zip(defaults.split()[::2], defaults.split()[1::2]))
    options.update(zip(extra.split()[::2], extra.split()[1::2]))
    return " ".join(flag + " " + value for flag, value in options.items())


def alternating(entry, quick, cap):
    name, _, db, pattern, variants, rounds, extra, _ = entry
    path = os.path.join(OUT, name + ".json")
    run([sys.executable, "bench/alternate.py", pattern, "-p", "db=" + db, "-v", variants,
         "--rounds", "1" if quick else str(min(rounds, cap)), "--jmh", jmh_options(QUICK_JMH if quick else JMH, extra),
         "--jar", JAR, "-o", path])
    with open(path) as f:
        summary = json.load(f)["summary"]
    return path, [(variant, figures["ratios"]) for variant, figures in summary.items() if "ratios" in figures]


def interleaved(name, db, rounds, jvm, quick, cap):
    path = os.path.join(OUT, name + ".json")
    run(["java"] + jvm + ["-cp", JAR, "dev.safejdbc.bench.InterleavedHarness", "db=" + db, "out=" + path]
        + (["rounds=4", "warmup=2", "slice=2000"] if quick else ["rounds=" + str(min(rounds, 10 * cap))]))
    with open(path) as f:
        figures = json.load(f)
    return [(v["label"], v["ratios"]) for v in figures["variants"] if v["label"] != figures["baseline"]]


def row(what, db, method, variant, ratios, target):
    ratios = sorted(ratios)
    n = len(ratios)
    return "| %s | %s | %s | %s | **%.3f** | %.3f to %.3f | %.3f to %.3f | %d | %s |" % (
        what, db, method, variant, statistics.median(ratios), ratios[n // 4], ratios[(3 * n) // 4],
        ratios[0], ratios[-1], n, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one short round each: checks the script, not a result")
    parser.add_argument("--rounds", type=int, default=1000,
                        help="at most this many alternating rounds per workload (ten times as many interleaved)")
    parser.add_argument("--only", help="a regular expression: run only the workloads whose name matches (the table"
                        " then holds only those)")
    args = parser.parse_args()
    picked = re.compile(args.only or ".")
    os.makedirs(OUT, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    started, load_before = datetime.datetime.now(datetime.timezone.utc), load()

    rows, charts = [], []
    for entry in (e for e in ALTERNATING if picked.search(e[0])):
        path, results = alternating(entry, args.quick, args.rounds)
        charts.append(path)
        for variant, ratios in results:
            rows.append(row(entry[1], entry[2], "alternating forks", variant, ratios, entry[7]))
    for name, db, rounds, jvm, method in (e for e in INTERLEAVED if picked.search(e[0])):
        for label, ratios in interleaved(name, db, rounds, jvm, args.quick, args.rounds):
            control = label.startswith("raw")
            rows.append(row("point SELECT by key, autocommit" + (" (control: the same variant twice)" if control else ""),
                            db, method, label, ratios, "1.00" if control else "time <= 1.05 (SQLite), 1.02 (PostgreSQL)"))

    finished, load_after = datetime.datetime.now(datetime.timezone.utc), load()
    verdict = "" if load_before <= 1.5 else (" **Not a result: the load average was %.1f at the start (above 1.5).**"
                                             % load_before)
    table = "\n".join([
        "Commit `%s`, %s to %s UTC, load average %.2f before and %.2f after%s%s" % (
            commit, started.strftime("%Y-%m-%d %H:%M"), finished.strftime("%H:%M"), load_before, load_after,
            " (`--quick`: one short round each, not a result)." if args.quick else ".", verdict),
        "Alternating forks give throughput ratios to raw (higher is better); the interleaved harness gives",
        "time ratios (lower is better).",
        "",
        "| workload | database | method | variant | median ratio to raw | middle half | rounds' extremes | rounds | target |",
        "|---|---|---|---|---:|---|---|---:|---|",
    ] + rows)
    with open(DOC) as f:
        doc = f.read()
    marked = re.compile(r"(<!-- standing:begin -->\n).*?(\n<!-- standing:end -->)", re.S)
    if not marked.search(doc):
        sys.exit(DOC + " has no <!-- standing:begin --> ... <!-- standing:end --> section")
    with open(DOC, "w") as f:
        f.write(marked.sub(lambda m: m.group(1) + table + m.group(2), doc))
    run([sys.executable, "bench/chart.py"] + charts + ["-o", CHART])
    print("\n" + table)


if __name__ == "__main__":
    main()

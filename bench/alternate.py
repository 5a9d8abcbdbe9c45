#!/usr/bin/env python3
"""Runs one benchmark's variants in alternating short JMH forks and reports each variant's
ratio to the first one (the baseline, normally "raw"), standard library only.

    python3 bench/alternate.py 'StatementOverheadBench.pointSelect$' -p db=sqlite \\
        -v raw,safe,safe-guard-off --rounds 8 -o bench/target/alternate-pointSelect.json

On a shared machine a whole fork can run 30% slower or faster than the next, which JMH's
in-fork error bars do not show, and JMH runs all of one variant's forks before the next
variant's. Here every round runs one fork of each variant back to back, so each ratio compares
forks that ran a few seconds apart; the median over the rounds is the figure, the spread over
the rounds says how far to trust it. The JMH JSON of every fork is kept in the output file.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def run_fork(args, variant, jmh_options):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    try:
        name, _, jar = variant.partition("@")  # "safe@other/benchmarks.jar": the same variant, another build
        command = ["java", "-jar", jar or args.jar, args.benchmark, "-p", "variant=" + name]
        for param in args.param:
            command += ["-p", param]
        command += ["-f", "1", "-rf", "json", "-rff", path] + jmh_options
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        with open(path) as f:
            results = json.load(f)
    finally:
        os.unlink(path)
    if len(results) != 1:
        sys.exit("expected one benchmark result per fork, got %d: narrow the benchmark pattern" % len(results))
    return results[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", help="JMH benchmark pattern matching exactly one method")
    parser.add_argument("-v", "--variants", required=True,
                        help="comma-separated; the first is the baseline; VARIANT@JAR runs it from another build's jar")
    parser.add_argument("-p", "--param", action="append", default=[], help="other JMH parameters, name=value")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--jmh", default="-wi 3 -w 1s -i 3 -r 1s", help="JMH options for each fork")
    parser.add_argument("--jar", default="bench/target/benchmarks.jar")
    parser.add_argument("-o", "--output", help="where to write every fork's JMH result and the ratios (JSON)")
    args = parser.parse_args()

    variants = args.variants.split(",")
    scores = {v: [] for v in variants}
    forks = []
    for round_number in range(1, args.rounds + 1):
        for variant in variants:
            result = run_fork(args, variant, args.jmh.split())
            forks.append(result)
            scores[variant].append(result["primaryMetric"]["score"])
        line = ", ".join("%s %.0f" % (v, scores[v][-1]) for v in variants)
        print("round %d: %s" % (round_number, line), flush=True)

    baseline = variants[0]
    unit = forks[0]["primaryMetric"]["scoreUnit"]
    summary = {}
    print("\n%s, %d rounds, forks alternating (%s):" % (args.benchmark, args.rounds, " ".join(args.param)))
    for variant in variants:
        median = statistics.median(scores[variant])
        line = "  %-18s median %12.0f %s" % (variant, median, unit)
        summary[variant] = {"median": median, "scores": scores[variant]}
        if variant != baseline:
            ratios = sorted(s / b for s, b in zip(scores[variant], scores[baseline]))
            summary[variant]["ratios"] = ratios
            line += "   ratio to %s: median %.3f (rounds: %.3f to %.3f)" % (
                baseline, statistics.median(ratios), ratios[0], ratios[-1])
        print(line)
    if args.output:
        with open(args.output, "w") as f:
            json.dump({"benchmark": args.benchmark, "params": args.param, "jmh": args.jmh,
                       "summary": summary, "forks": forks}, f, indent=1)


if __name__ == "__main__":
    main()

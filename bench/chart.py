#!/usr/bin/env python3
"""Draws JMH results (-rf json) as an SVG bar chart, standard library only.

    python3 bench/chart.py bench/target/results-*.json -o docs/performance.svg

It also reads bench/alternate.py's output: there each variant's bar is the median of its forks,
and its whisker half the forks' interquartile range.

One panel per benchmark method and database; one bar per variant (throughput, with JMH's 99.9%
error as a whisker), labelled with its score and its ratio to the panel's baseline (the variant
named "raw", else "upsert", else the first whose name starts with "raw"). Each panel has its own
scale: SQLite and PostgreSQL differ by orders of magnitude.
"""

import argparse
import glob
import json
import statistics
import sys
from collections import OrderedDict
from xml.sax.saxutils import escape

WIDTH = 860
LABEL_W = 150
BAR_W = 430
ROW_H = 22
BAR_H = 15
TITLE_H = 26
PANEL_GAP = 14
MARGIN = 16

COLORS = {
    "raw": "#7f7f7f",
    "raw-private": "#b0b0b0",
    "raw-pool1": "#7f7f7f",
    "safe": "#1f77b4",
    "safe-pool8": "#1f77b4",
    "safe-guard-off": "#6baed6",
    "datasource-proxy": "#ff7f0e",
    "p6spy": "#2ca02c",
    "upsert": "#7f7f7f",
    "naive-raw": "#b0b0b0",
    "naive-safe": "#1f77b4",
    "for-update": "#ff7f0e",
}
VARIANT_ORDER = ["raw", "raw-private", "raw-pool1", "safe", "safe-pool8", "safe-guard-off",
                 "datasource-proxy", "p6spy", "upsert", "naive-safe", "naive-raw", "for-update"]
# what ratios are taken to, in order of preference: the raw driver, LockAcquisitionBench's hand-written upsert
BASELINES = ["raw", "upsert"]
# benchmarks without a "db" parameter run on one database only
SINGLE_DB = {"SharedMemoryContentionBench": "sqlite", "LockAcquisitionBench": "postgresql"}


def load(paths):
    rows = []
    forks = []  # bench/alternate.py's, pooled over its runs
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict) and "forks" in data:
            forks.extend(data["forks"])
        elif isinstance(data, list):
            rows.extend(row(r, r["primaryMetric"]["score"], r["primaryMetric"].get("scoreError")) for r in data)
        else:
            print(f"skipping {path}: neither a JMH result list nor bench/alternate.py output", file=sys.stderr)
    return rows + alternated(forks)


def row(result, score, error):
    params = result.get("params") or {}
    bench_class = result["benchmark"].split(".")[-2]
    return {
        "benchmark": ".".join(result["benchmark"].split(".")[-2:]),
        "db": params.get("db", SINGLE_DB.get(bench_class, "sqlite")),
        "variant": params.get("variant", "default"),
        "score": float(score),
        "error": float(error) if isinstance(error, (int, float)) and error == error else 0.0,
        "unit": result["primaryMetric"].get("scoreUnit", ""),
        "threads": result.get("threads", 1),
    }


def alternated(forks):
    """bench/alternate.py's forks: per benchmark, database and variant, the median fork, whiskers half
    the forks' interquartile range."""
    by_variant = OrderedDict()
    for fork in forks:
        params = fork.get("params") or {}
        by_variant.setdefault((fork["benchmark"], params.get("db"), params.get("variant")), []).append(fork)
    rows = []
    for variant_forks in by_variant.values():
        scores = sorted(f["primaryMetric"]["score"] for f in variant_forks)
        q1, q3 = scores[len(scores) // 4], scores[(3 * len(scores)) // 4]
        rows.append(row(variant_forks[0], statistics.median(scores), (q3 - q1) / 2))
    return rows


def panels(rows):
    grouped = OrderedDict()
    for r in rows:
        grouped.setdefault((r["benchmark"], r["db"]), []).append(r)
    for key, items in grouped.items():
        items.sort(key=lambda r: (VARIANT_ORDER.index(r["variant"]) if r["variant"] in VARIANT_ORDER
                                  else len(VARIANT_ORDER), r["variant"]))
    return grouped


def baseline(items):
    for name in BASELINES:
        for r in items:
            if r["variant"] == name:
                return r
    for r in items:
        if r["variant"].startswith("raw"):
            return r
    return None


def fmt(score):
    if score >= 100:
        return f"{score:,.0f}"
    return f"{score:,.1f}"


def nice_max(value):
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def render(grouped, title, note=None):
    out = []
    y = MARGIN
    out.append(f'<text x="{MARGIN}" y="{y + 14}" font-size="16" font-weight="bold">{escape(title)}</text>')
    y += 30
    if note:
        out.append(f'<text x="{MARGIN}" y="{y + 4}" font-size="11" fill="#555">{escape(note)}</text>')
        y += 20
    for (bench, db), items in grouped.items():
        base = baseline(items)
        unit = items[0]["unit"]
        threads = items[0]["threads"]
        scale_max = nice_max(max(r["score"] + r["error"] for r in items))
        head = f"{bench} — {db}" + (f" — {threads} threads" if threads and threads > 1 else "")
        out.append(f'<text x="{MARGIN}" y="{y + 16}" font-size="13" font-weight="bold">{escape(head)}</text>')
        out.append(f'<text x="{WIDTH - MARGIN}" y="{y + 16}" font-size="11" text-anchor="end" '
                   f'fill="#555">{escape(unit)} (higher is better), axis 0–{fmt(scale_max)}</text>')
        y += TITLE_H
        x0 = MARGIN + LABEL_W
        out.append(f'<line x1="{x0}" y1="{y}" x2="{x0}" y2="{y + ROW_H * len(items)}" stroke="#333"/>')
        for r in items:
            w = BAR_W * r["score"] / scale_max
            e = BAR_W * r["error"] / scale_max
            color = COLORS.get(r["variant"], "#9467bd")
            cy = y + (ROW_H - BAR_H) / 2
            out.append(f'<text x="{x0 - 6}" y="{y + 15}" font-size="12" text-anchor="end">'
                       f'{escape(r["variant"])}</text>')
            out.append(f'<rect x="{x0}" y="{cy:.1f}" width="{w:.1f}" height="{BAR_H}" fill="{color}"/>')
            if e > 0.5:
                mid = y + ROW_H / 2
                lo, hi = max(x0, x0 + w - e), min(x0 + BAR_W, x0 + w + e)  # clipped to the axis
                out.append(f'<line x1="{lo:.1f}" y1="{mid:.1f}" x2="{hi:.1f}" y2="{mid:.1f}" '
                           f'stroke="#000" stroke-width="1"/>')
                for xe in (lo, hi):
                    out.append(f'<line x1="{xe:.1f}" y1="{mid - 4:.1f}" x2="{xe:.1f}" y2="{mid + 4:.1f}" '
                               f'stroke="#000" stroke-width="1"/>')
            label = fmt(r["score"])
            if base is not None and r is not base and base["score"] > 0:
                label += f"   ×{r['score'] / base['score']:.2f} of {base['variant']}"
            out.append(f'<text x="{x0 + BAR_W + 10}" y="{y + 15}" font-size="11">{escape(label)}</text>')
            y += ROW_H
        y += PANEL_GAP
    height = y + MARGIN
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Arial, sans-serif">',
           f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>']
    svg.extend(out)
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="JMH JSON result files (default: bench/target/results-*.json)")
    parser.add_argument("-o", "--output", default="docs/performance.svg")
    parser.add_argument("-t", "--title", default="safe-jdbc vs the raw drivers and peer proxies (JMH throughput)")
    parser.add_argument("-n", "--note", help="one line under the title (machine, caveats)")
    args = parser.parse_args(argv)
    files = args.files or sorted(glob.glob("bench/target/results-*.json"))
    if not files:
        parser.error("no JMH JSON files given or found under bench/target/")
    rows = load(files)
    if not rows:
        parser.error("no results in " + ", ".join(files))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(render(panels(rows), args.title, args.note))
    print(f"wrote {args.output}: {len(rows)} results from {len(files)} file(s)")


if __name__ == "__main__":
    main(sys.argv[1:])

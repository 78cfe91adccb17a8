#!/usr/bin/env python3
"""Turns one JMH JSON result (scripts/bench) into docs/benchmarks.md and docs/benchmarks.svg.

Usage: report.py RESULT.json MACHINE_DESCRIPTION JDK_DESCRIPTION DATE
Benchmark methods are named <workload>_<peer>; time per op comes from the primary metric,
bytes per op from -prof gc's gc.alloc.rate.norm.
"""
import json
import math
import sys

PEERS = ["weft", "weftAwait", "virtualThreads", "forkJoin", "completableFuture", "kotlin"]
PEER_NAMES = {
    "weft": "weft",
    "weftAwait": "weft (await, woven)",
    "virtualThreads": "virtual threads",
    "forkJoin": "ForkJoinPool",
    "completableFuture": "CompletableFuture",
    "kotlin": "Kotlin coroutines",
}
COLORS = {
    "weft": "#d62728",
    "weftAwait": "#e377c2",
    "virtualThreads": "#1f77b4",
    "forkJoin": "#2ca02c",
    "completableFuture": "#9467bd",
    "kotlin": "#ff7f0e",
}
# workload -> (title, units of work per op, unit name)
WORKLOADS = {
    "skynet": ("skynet (1,111,111 tasks)", 1_111_111, "task"),
    "spawnManyFromWorker": ("spawn_many from a worker (10,000 tasks)", 10_000, "task"),
    "spawnManyFromOutside": ("spawn_many from outside (10,000 tasks)", 10_000, "task"),
    "chainedSpawn": ("chained_spawn (chain of 1,000)", 1_000, "spawn"),
    "yieldMany": ("yield_many (200 tasks x 1,000 yields)", 200_000, "yield"),
}
TO_NS = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}


def load(path):
    rows = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        workload, peer = name.rsplit("_", 1)
        m = r["primaryMetric"]
        ns = m["score"] * TO_NS[m["scoreUnit"]]
        err = m.get("scoreError")
        err_ns = err * TO_NS[m["scoreUnit"]] if isinstance(err, (int, float)) and not math.isnan(err) else None
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows[(workload, peer)] = {"ns": ns, "err": err_ns, "bytes": alloc}
    return rows


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def table(rows):
    out = []
    head = "| workload | " + " | ".join(PEER_NAMES[p] for p in PEERS) + " |"
    out.append(head)
    out.append("|---" * (len(PEERS) + 1) + "|")
    for w, (title, units, unit) in WORKLOADS.items():
        cells = []
        base = rows.get((w, "weft"))
        for p in PEERS:
            r = rows.get((w, p))
            if r is None:
                cells.append("—")
                continue
            per = r["ns"] / units
            c = f"{fmt_time(r['ns'])}/op<br>{per:.0f} ns/{unit}"
            if r["bytes"] is not None:
                c += f"<br>{r['bytes'] / units:.0f} B/{unit}"
            if base is not None and p != "weft":
                c += f"<br>**{r['ns'] / base['ns']:.2f}×** weft"
            cells.append(c)
        out.append(f"| {title} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def goals(rows):
    def get(w, p):
        return rows.get((w, p))

    lines = []
    sky, kt, vt = get("skynet", "weft"), get("skynet", "kotlin"), get("skynet", "virtualThreads")
    if sky and kt:
        r = kt["ns"] / sky["ns"]
        lines.append(f"| skynet ≥ 3× faster than Kotlin coroutines | {r:.2f}× | {'met' if r >= 3 else 'not met'} |")
    if sky and vt:
        r = vt["ns"] / sky["ns"]
        lines.append(f"| skynet ≥ 5× faster than virtual threads | {r:.2f}× | {'met' if r >= 5 else 'not met'} |")
    if sky and sky["bytes"] is not None:
        b = sky["bytes"] / 1_111_111
        lines.append(f"| skynet ≤ 128 bytes allocated per task | {b:.0f} B | {'met' if b <= 128 else 'not met'} |")
    ch = get("chainedSpawn", "weft")
    if ch:
        n = ch["ns"] / 1_000
        lines.append(f"| chained_spawn ≤ 100 ns per spawn | {n:.0f} ns | {'met' if n <= 100 else 'not met'} |")
    y = get("yieldMany", "weft")
    if y:
        n = y["ns"] / 200_000
        lines.append(f"| yield_many ≤ 50 ns per yield | {n:.1f} ns | {'met' if n <= 50 else 'not met'} |")
    return "| goal (issue 5) | measured | |\n|---|---|---|\n" + "\n".join(lines)


def svg(rows):
    """Grouped horizontal bars: per workload, each peer's time relative to the slowest (log scale)."""
    bar_h, gap, group_gap, left, width = 14, 3, 26, 250, 520
    present = [w for w in WORKLOADS if any((w, p) in rows for p in PEERS)]
    height = 60 + sum(group_gap + len([p for p in PEERS if (w, p) in rows]) * (bar_h + gap) for w in present) + 40
    all_ns = [r["ns"] for r in rows.values()]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 160}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<text x="10" y="20" font-size="15" font-weight="bold">Time per operation, lower is better '
        f'(log scale within each workload)</text>',
    ]
    y = 40
    for w in present:
        title = WORKLOADS[w][0]
        y += group_gap
        parts.append(f'<text x="10" y="{y - 8}" font-weight="bold">{title}</text>')
        vals = [rows[(w, p)]["ns"] for p in PEERS if (w, p) in rows]
        lo, hi = min(vals) / 2, max(vals)
        for p in PEERS:
            r = rows.get((w, p))
            if r is None:
                continue
            frac = (math.log(r["ns"]) - math.log(lo)) / (math.log(hi) - math.log(lo)) if hi > lo else 1
            bw = max(2, frac * width)
            parts.append(f'<text x="{left - 8}" y="{y + bar_h - 3}" text-anchor="end">{PEER_NAMES[p]}</text>')
            parts.append(f'<rect x="{left}" y="{y}" width="{bw:.1f}" height="{bar_h}" fill="{COLORS[p]}"/>')
            parts.append(f'<text x="{left + bw + 6:.1f}" y="{y + bar_h - 3}">{fmt_time(r["ns"])}</text>')
            y += bar_h + gap
    parts.append("</svg>")
    return "\n".join(parts)


def main():
    path, machine, jdk, date, raw = sys.argv[1:6]
    rows = load(path)
    with open("docs/benchmarks.svg", "w") as f:
        f.write(svg(rows))
    md = f"""# Scheduler benchmarks

Generated by `scripts/bench` on {date}. Machine: {machine}. JDK: {jdk}.
Raw JMH output: `{raw}` (JSON) and the `.txt` next to it.

Tokio's scheduler benchmarks (`benches/rt_multi_threaded.rs`), weft side by side with the
executors a Java user would otherwise pick, **in one JMH run** (`-f 1 -wi 3 -i 5`, 1 s
iterations, `-prof gc`). Every executor runs one thread per core. The machine is shared with
other builds while this runs: absolute numbers are noisy, compare the ratios within a row.
The "weft" column is hand-written futures (the shape the weaver generates), so it measures the
scheduler; "weft (await, woven)" is the same workload written with `await` and woven at load
time by `-javaagent:agent/target/weft-agent.jar` (skynet and yield_many only). Goals are read
from the hand-written column.

![benchmark chart](benchmarks.svg)

Each cell: time per JMH operation, time per unit of work, bytes allocated per unit of work
(`gc.alloc.rate.norm` / units), and the peer's time relative to weft's (> 1: weft is faster).

{table(rows)}

Notes on the peers: pools have no "yield", so yield_many on ForkJoinPool re-submits the task and
on CompletableFuture chains one more async stage per yield; virtual threads call `Thread.yield()`
and Kotlin `yield()`. chained_spawn on CompletableFuture is a `thenCompose` chain of
`supplyAsync` stages.

## Goals (issue 5)

{goals(rows)}
"""
    try:
        # hand-written analysis (where the time goes), kept next to the benchmarks
        md += "\n" + open("benchmarks/notes.md").read()
    except FileNotFoundError:
        pass
    with open("docs/benchmarks.md", "w") as f:
        f.write(md)


if __name__ == "__main__":
    main()

"""The scheduler workloads (issue 5: dev.weft.bench.SchedulerBench/AwaitingBench) and the
coordination primitives (issue 7: dev.weft.bench.sync.*), from benchmarks/results/<stamp>.json.

scripts/bench runs both groups in one JMH run; a run of one group leaves the other to the newest
file that has it. Benchmark methods are <workload>_<peer>; a JMH @Param (mpsc's capacity) is kept
as <workload>@<value>. Fills in prose/header.md, scheduler.md and sync.md, draws
docs/benchmarks.svg.
"""
import glob
import math
import os
import re

import jmh

PEERS = {
    "weft": "weft",
    "weftAwait": "weft (await, woven)",
    "virtualThreads": "virtual threads",
    "forkJoin": "ForkJoinPool",
    "completableFuture": "CompletableFuture",
    "kotlin": "Kotlin coroutines",
}
SYNC_PEERS = {
    "weft": "weft",
    "weftCurrentThread": "weft (current-thread runtime)",
    "kotlin": "Kotlin coroutines",
    "virtualThreads": "virtual threads",
}
COLORS = {
    "weft": "#d62728",
    "weftAwait": "#e377c2",
    "virtualThreads": "#1f77b4",
    "forkJoin": "#2ca02c",
    "completableFuture": "#9467bd",
    "kotlin": "#ff7f0e",
    "weftCurrentThread": "#8c564b",
}
# workload -> (title, units of work per op, unit name)
WORKLOADS = {
    "skynet": ("skynet (1,111,111 tasks)", 1_111_111, "task"),
    "spawnManyFromWorker": ("spawn_many from a worker (10,000 tasks)", 10_000, "task"),
    "spawnManyFromOutside": ("spawn_many from outside (10,000 tasks)", 10_000, "task"),
    "chainedSpawn": ("chained_spawn (chain of 1,000)", 1_000, "spawn"),
    "yieldMany": ("yield_many (200 tasks x 1,000 yields)", 200_000, "yield"),
}
SYNC_WORKLOADS = {
    "pingPong": ("ping_pong (1,000 tasks, each exchanging two oneshot messages with a child)", 1_000, "exchange"),
    "requestReply": ("request_reply (1,000 requests, each carrying a oneshot, over a channel of 10)", 1_000, "exchange"),
    "mpsc@1": ("mpsc, capacity 1 (5 producers x 1,000 messages, one consumer)", 5_000, "message"),
    "mpsc@100": ("mpsc, capacity 100 (5 producers x 1,000 messages, one consumer)", 5_000, "message"),
    "mpsc@0": ("mpsc, unbounded (5 producers x 1,000 messages, one consumer)", 5_000, "message"),
}
# goal rows: (issue, goal, workload, what is measured, bound, format); "kotlin" and
# "virtualThreads" are that peer's time over weft's (at least the bound), "ns" and "bytes" weft's
# own per unit of work (at most the bound)
GOALS = [
    ("5", "skynet ≥ 3× faster than Kotlin coroutines", "skynet", "kotlin", 3, "{:.2f}×"),
    ("5", "skynet ≥ 5× faster than virtual threads", "skynet", "virtualThreads", 5, "{:.2f}×"),
    ("5", "skynet ≤ 128 bytes allocated per task", "skynet", "bytes", 128, "{:.0f} B"),
    ("5", "chained_spawn ≤ 100 ns per spawn", "chainedSpawn", "ns", 100, "{:.0f} ns"),
    ("5", "yield_many ≤ 50 ns per yield", "yieldMany", "ns", 50, "{:.1f} ns"),
    ("7", "ping_pong ≥ 1.5× faster than Kotlin coroutines", "pingPong", "kotlin", 1.5, "{:.2f}×"),
    ("7", "request_reply ≥ 1.5× faster than Kotlin coroutines", "requestReply", "kotlin", 1.5, "{:.2f}×"),
]


def _group(benchmark):
    return "sync" if ".bench.sync." in benchmark else "scheduler"


def _load(path):
    """{group: {(workload, peer): row}} for one JMH JSON file."""
    groups = {}
    for r in jmh.load(path):
        if "_" not in r["method"]:
            continue  # not a <workload>_<peer> comparison (e.g. the waiter micro-costs)
        workload, peer = r["method"].rsplit("_", 1)
        for value in r["params"].values():
            workload += f"@{value}"
        groups.setdefault(_group(r["benchmark"]), {})[(workload, peer)] = r
    return groups


def _groups(result, results_dir):
    """{group: (rows, file)}: the run just made first, then the newest file that has the group."""
    files = sorted(glob.glob(os.path.join(results_dir, "*.json")), reverse=True)
    out = {}
    for path in ([result] if result else []) + files:
        try:
            groups = _load(path)
        except (ValueError, KeyError):
            continue
        for g, rows in groups.items():
            out.setdefault(g, (rows, path))
    return out


def _stamp(path):
    """2026-11-25T223158Z.json -> 2026-11-25 22:31 UTC (the run's start)."""
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d)(\d\d)", os.path.basename(path))
    return f"{m[1]} {m[2]}:{m[3]} UTC" if m else "unknown date"


def _table(rows):
    out = ["| workload | " + " | ".join(PEERS.values()) + " |", "|---" * (len(PEERS) + 1) + "|"]
    for w, (title, units, unit) in WORKLOADS.items():
        cells = []
        base = rows.get((w, "weft"))
        for p in PEERS:
            r = rows.get((w, p))
            if r is None:
                cells.append("—")
                continue
            c = f"{jmh.fmt_time(r['ns'])}/op<br>{r['ns'] / units:.0f} ns/{unit}"
            if r["bytes"] is not None:
                c += f"<br>{r['bytes'] / units:.0f} B/{unit}"
            if base is not None and p != "weft":
                c += f"<br>**{r['ns'] / base['ns']:.2f}×** weft"
            cells.append(c)
        out.append(f"| {title} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def _sync_tables(rows):
    """One table per workload: a row per peer."""
    out = []
    for w, (title, units, unit) in SYNC_WORKLOADS.items():
        if not any((w, p) in rows for p in SYNC_PEERS):
            continue
        base = rows.get((w, "weft"))
        out.append(f"**{title}**\n")
        out.append(f"| peer | time per op (± JMH error) | time per {unit} | bytes per op | bytes per {unit} | time vs weft |")
        out.append("|---|---|---|---|---|---|")
        for p, name in SYNC_PEERS.items():
            r = rows.get((w, p))
            if r is None:
                continue
            err = f" ± {jmh.fmt_time(r['err'])}" if r["err"] is not None else ""
            b = r["bytes"]
            bop = f"{b:,.0f} B" if b is not None else "—"
            bunit = f"{b / units:.0f} B" if b is not None else "—"
            ratio = f"**{r['ns'] / base['ns']:.2f}×**" if base is not None else "—"
            out.append(f"| {name} | {jmh.fmt_time(r['ns'])}{err} | {r['ns'] / units:.0f} ns | {bop} | {bunit} | {ratio} |")
        out.append("")
    return "\n".join(out)


def _goals(rows, issue):
    units = {w: u for w, (_, u, _) in {**WORKLOADS, **SYNC_WORKLOADS}.items()}
    out = []
    for i, goal, w, what, bound, fmt in GOALS:
        weft, peer = rows.get((w, "weft")), rows.get((w, what))
        if i != issue or weft is None:
            continue
        if what in ("ns", "bytes"):
            if weft[what] is None:
                continue
            v = weft[what] / units[w]
            met = v <= bound
        elif peer is not None:
            v = peer["ns"] / weft["ns"]
            met = v >= bound
        else:
            continue
        out.append(f"| {goal} | {fmt.format(v)} | {'met' if met else 'not met'} |")
    head = ("| goal (issue 5) | measured | |" if issue == "5"
            else "| goal (issue 7) | measured (Kotlin time / weft time) | |")
    return "\n".join([head, "|---|---|---|"] + out)


def _svg(sections):
    """Grouped horizontal bars: per workload, each peer's time relative to the slowest (log scale).

    sections: [(heading, [(workload title, [(peer label, color, ns)])])]."""
    bar_h, gap, group_gap, section_gap, left, width = 14, 3, 26, 34, 250, 520
    sections = [(h, [g for g in groups if g[1]]) for h, groups in sections]
    sections = [(h, groups) for h, groups in sections if groups]
    height = 40 + sum(section_gap + sum(group_gap + len(bars) * (bar_h + gap) for _, bars in groups)
                      for _, groups in sections) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 160}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<text x="10" y="20" font-size="15" font-weight="bold">Time per operation, lower is better '
        f'(log scale within each workload)</text>',
    ]
    y = 40
    for heading, groups in sections:
        y += section_gap
        parts.append(f'<text x="10" y="{y - 10}" font-size="14" font-weight="bold" fill="#444">{heading}</text>')
        for title, bars in groups:
            y += group_gap
            parts.append(f'<text x="10" y="{y - 8}" font-weight="bold">{title}</text>')
            vals = [ns for _, _, ns in bars]
            lo, hi = min(vals) / 2, max(vals)
            for label, color, ns in bars:
                frac = (math.log(ns) - math.log(lo)) / (math.log(hi) - math.log(lo)) if hi > lo else 1
                bw = max(2, frac * width)
                parts.append(f'<text x="{left - 8}" y="{y + bar_h - 3}" text-anchor="end">{label}</text>')
                parts.append(f'<rect x="{left}" y="{y}" width="{bw:.1f}" height="{bar_h}" fill="{color}"/>')
                parts.append(f'<text x="{left + bw + 6:.1f}" y="{y + bar_h - 3}">{jmh.fmt_time(ns)}</text>')
                y += bar_h + gap
    parts.append("</svg>")
    return "\n".join(parts)


def _bars(rows, workloads, peers):
    short = lambda t: t.split(" (")[0] if len(t) > 40 else t
    return [(short(title), [(name, COLORS[p], rows[(w, p)]["ns"]) for p, name in peers.items() if (w, p) in rows])
            for w, (title, _, _) in workloads.items()]


def _source(path):
    return f"`{path}` (JSON) and the `.txt` next to it, started {_stamp(path)}" if path else "no results yet"


def values(results_dir, run):
    groups = _groups(run["result"], results_dir)
    rows, sched_src = groups.get("scheduler", ({}, None))
    sync_rows, sync_src = groups.get("sync", ({}, None))
    if os.path.isdir("docs"):
        with open("docs/benchmarks.svg", "w") as f:
            f.write(_svg([
                ("Scheduler (issue 5)", _bars(rows, WORKLOADS, PEERS)),
                ("Coordination between tasks (issue 7)", _bars(sync_rows, SYNC_WORKLOADS, SYNC_PEERS)),
            ]))
    return {
        "scheduler_source": _source(sched_src),
        "sync_source": _source(sync_src),
        "scheduler_table": _table(rows),
        "scheduler_goals": _goals(rows, "5"),
        "sync_tables": _sync_tables(sync_rows),
        "sync_goals": _goals(sync_rows, "7"),
    }

#!/usr/bin/env python3
"""Turns JMH JSON results (scripts/bench) into docs/benchmarks.md and docs/benchmarks.svg.

Usage: report.py RESULT.json|- MACHINE_DESCRIPTION JDK_DESCRIPTION DATE [RESULTS_DIR]
("-": no JMH run was made now; the newest JMH file in RESULTS_DIR is used for both groups.)
Two groups: the scheduler workloads of issue 5 (dev.weft.bench.SchedulerBench/AwaitingBench)
and the coordination primitives of issue 7 (dev.weft.bench.sync.*). RESULT.json is the run
just made; a group it does not contain is taken from the newest file in RESULTS_DIR (names are
UTC timestamps, so the newest sorts last) that contains it, and the doc names the file and its
date. Benchmark methods are named <workload>_<peer>; a JMH @Param (mpsc's capacity) is kept as
<workload>@<value>. Time per op comes from the primary metric, bytes per op from -prof gc's
gc.alloc.rate.norm.
"""
import glob
import importlib.util
import json
import math
import os
import re
import sys

# the shared readers (jmh.py) live in benchmarks/lib; the sections import them too
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import jmh  # noqa: E402

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

# the coordination primitives of issue 7 (dev.weft.bench.sync)
SYNC_PEERS = ["weft", "weftCurrentThread", "kotlin", "virtualThreads"]
SYNC_PEER_NAMES = {
    "weft": "weft",
    "weftCurrentThread": "weft (current-thread runtime)",
    "kotlin": "Kotlin coroutines",
    "virtualThreads": "virtual threads",
}
COLORS["weftCurrentThread"] = "#8c564b"
SYNC_WORKLOADS = {
    "pingPong": ("ping_pong (1,000 tasks, each exchanging two oneshot messages with a child)", 1_000, "exchange"),
    "requestReply": ("request_reply (1,000 requests, each carrying a oneshot, over a channel of 10)", 1_000, "exchange"),
    "mpsc@1": ("mpsc, capacity 1 (5 producers x 1,000 messages, one consumer)", 5_000, "message"),
    "mpsc@100": ("mpsc, capacity 100 (5 producers x 1,000 messages, one consumer)", 5_000, "message"),
    "mpsc@0": ("mpsc, unbounded (5 producers x 1,000 messages, one consumer)", 5_000, "message"),
}


def group_of(benchmark):
    return "sync" if ".bench.sync." in benchmark else "scheduler"


def load(path):
    """{group: {(workload, peer): row}} for one JMH JSON file."""
    groups = {}
    for r in jmh.load(path):
        rows = groups.setdefault(group_of(r["benchmark"]), {})
        workload, peer = r["method"].rsplit("_", 1)
        for value in r["params"].values():
            workload += f"@{value}"
        rows[(workload, peer)] = {"ns": r["ns"], "err": r["err"], "bytes": r["bytes"]}
    return groups


def stamp_date(path):
    """2026-11-25T223158Z.json -> 2026-11-25 22:31 UTC (the run's start)."""
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d)(\d\d)", os.path.basename(path))
    return f"{m[1]} {m[2]}:{m[3]} UTC" if m else "unknown date"


def load_groups(path, results_dir):
    """{group: (rows, source file)}: the new run's groups, the rest from the newest older file."""
    out = {g: (rows, path) for g, rows in load(path).items()}
    if results_dir:
        for older in sorted(glob.glob(os.path.join(results_dir, "*.json")), reverse=True):
            if os.path.abspath(older) == os.path.abspath(path):
                continue
            try:
                groups = load(older)
            except (ValueError, KeyError):
                continue
            for g, rows in groups.items():
                out.setdefault(g, (rows, older))
    return out


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


def svg(sections):
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
                parts.append(f'<text x="{left + bw + 6:.1f}" y="{y + bar_h - 3}">{fmt_time(ns)}</text>')
                y += bar_h + gap
    parts.append("</svg>")
    return "\n".join(parts)


def bars(rows, workloads, peers, names):
    short = lambda t: t.split(" (")[0] if len(t) > 40 else t
    return [(short(title), [(names[p], COLORS[p], rows[(w, p)]["ns"]) for p in peers if (w, p) in rows])
            for w, (title, _, _) in workloads.items()]


def sync_tables(rows):
    """One table per workload: a row per peer."""
    out = []
    for w, (title, units, unit) in SYNC_WORKLOADS.items():
        if not any((w, p) in rows for p in SYNC_PEERS):
            continue
        base = rows.get((w, "weft"))
        out.append(f"**{title}**\n")
        out.append(f"| peer | time per op (± JMH error) | time per {unit} | bytes per op | bytes per {unit} | time vs weft |")
        out.append("|---|---|---|---|---|---|")
        for p in SYNC_PEERS:
            r = rows.get((w, p))
            if r is None:
                continue
            err = f" ± {fmt_time(r['err'])}" if r["err"] is not None else ""
            b = r["bytes"]
            bop = f"{b:,.0f} B" if b is not None else "—"
            bunit = f"{b / units:.0f} B" if b is not None else "—"
            ratio = f"**{r['ns'] / base['ns']:.2f}×**" if base is not None else "—"
            out.append(f"| {SYNC_PEER_NAMES[p]} | {fmt_time(r['ns'])}{err} | {r['ns'] / units:.0f} ns | {bop} | {bunit} | {ratio} |")
        out.append("")
    return "\n".join(out)


def sync_goals(rows):
    lines = []
    for w, name in (("pingPong", "ping_pong"), ("requestReply", "request_reply")):
        weft, kt = rows.get((w, "weft")), rows.get((w, "kotlin"))
        if weft and kt:
            r = kt["ns"] / weft["ns"]
            lines.append(f"| {name} ≥ 1.5× faster than Kotlin coroutines | {r:.2f}× | {'met' if r >= 1.5 else 'not met'} |")
    return "| goal (issue 7) | measured (Kotlin time / weft time) | |\n|---|---|---|\n" + "\n".join(lines)


def sections():
    """The extra sections, one module each in benchmarks/sections/ (sorted by file name).

    Each module renders its own part of the page from the files its runner
    (benchmarks/run/<name>) wrote under benchmarks/results/<name>/:
      render(results_dir, machine, jdk, date) -> markdown (may also write docs/*.svg)
      goals(results_dir) -> [(issue, goal, measured, verdict)]   (optional)
      ORDER = n: sections with a larger n come later (default 0, then by file name)
    """
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sections")
    mods = []
    for f in sorted(glob.glob(os.path.join(here, "*.py"))):
        name = os.path.splitext(os.path.basename(f))[0]
        if name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"weft_section_{name}", f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mods.append(mod)
    # hand-written sections (ORDER set) come after the generated ones, whatever their file name
    return sorted(mods, key=lambda m: getattr(m, "ORDER", 0))


def newest_jmh(results_dir):
    files = sorted(glob.glob(os.path.join(results_dir or "benchmarks/results", "*.json")))
    return files[-1] if files else None


def main():
    path, machine, jdk, date = sys.argv[1:5]
    results_dir = sys.argv[5] if len(sys.argv) > 5 and os.path.isdir(sys.argv[5]) else None
    if path == "-":
        path = newest_jmh(results_dir)
    groups = load_groups(path, results_dir)
    rows, sched_src = groups.get("scheduler", ({}, None))
    sync_rows, sync_src = groups.get("sync", ({}, None))
    with open("docs/benchmarks.svg", "w") as f:
        f.write(svg([
            ("Scheduler (issue 5)", bars(rows, WORKLOADS, PEERS, PEER_NAMES)),
            ("Coordination between tasks (issue 7)", bars(sync_rows, SYNC_WORKLOADS, SYNC_PEERS, SYNC_PEER_NAMES)),
        ]))

    def source(src):
        if src is None:
            return "no results yet"
        when = "this run" if src == path else "an earlier run: the newest one with this group"
        return f"`{src}` (JSON) and the `.txt` next to it, started {stamp_date(src)} ({when})"

    same_run = sched_src is not None and sched_src == sync_src
    md = f"""# Benchmarks

Generated by `scripts/bench` on {date}. Machine: {machine}. JDK: {jdk}.
Two groups: the scheduler workloads (issue 5) and the coordination primitives of `dev.weft.sync`
(issue 7). {"Both were measured **in the same JMH run**." if same_run else "They come from different runs (see the raw files below): compare ratios within a group, not across."}
`scripts/bench` runs both by default; `scripts/bench scheduler` or `scripts/bench sync` runs one
group, and the report then takes the other group from the newest file in `benchmarks/results/`
that has it.

Raw JMH output, scheduler: {source(sched_src)}.
Raw JMH output, coordination: {source(sync_src)}.

# Scheduler benchmarks (issue 5)

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
        notes = open("benchmarks/notes.md").read()
        md += ("\n_The analysis below is hand-written (`benchmarks/notes.md`) and kept from run to run; "
               "the numbers it quotes are from the runs it names, not necessarily the table above._\n\n" + notes)
    except FileNotFoundError:
        pass
    md += f"""
# Coordination between tasks (issue 7)

Tokio's sync benchmarks: **ping_pong** (`benches/rt_multi_threaded.rs`: 1,000 tasks, each
spawns a child, sends it a ping on a oneshot and awaits its pong on another), **request_reply**
(`benches/sync_mpsc_oneshot.rs`: 1,000 requests, each carrying a oneshot for the reply, sent one
after another over a bounded channel of 10 to a server task) and **mpsc** contention
(`benches/sync_mpsc.rs`: 5 producer tasks send 1,000 values each into one channel drained by one
consumer, capacities 1, 100 and unbounded). Classes: `dev.weft.bench.sync.SyncBench` and
`MpscBench`, same settings as above (`-f 1 -wi 3 -i 5`, 1 s iterations, `-prof gc`), in the same
JMH run as the scheduler group unless the raw-file lines at the top say otherwise. Peers:
weft `Oneshot`/`Channel` as hand-written futures on the work-stealing runtime (one worker per
core) and, for ping_pong and request_reply, on the current-thread runtime; Kotlin
`CompletableDeferred`/`Channel` on `Dispatchers.Default`; virtual threads with `SynchronousQueue`
as the oneshot and `ArrayBlockingQueue` as the bounded channel (`LinkedBlockingQueue`
unbounded). Every benchmark checks what it received (counts, sums).

The same caveat as above, and more so here: the machine is shared with other helpers' builds
and fuzzing while this runs, so absolute numbers are noisy (see the JMH error column: for some
peers it is as large as the score); compare the ratios within a table, and expect them to move
between runs. Bytes per op are `gc.alloc.rate.norm`: JMH sums the allocation of all live
threads (carrier threads included for virtual threads) per operation.

"Time vs weft" is the peer's time divided by weft's (> 1: weft is faster).

{sync_tables(sync_rows)}
## Goals (issue 7)

Read from the "weft" row (the work-stealing runtime), against Kotlin coroutines on
`Dispatchers.Default`, both measured in the same run.

{sync_goals(sync_rows)}
"""
    summary = []
    for mod in sections():
        md += "\n" + mod.render(results_dir or "benchmarks/results", machine, jdk, date).rstrip() + "\n"
        if hasattr(mod, "goals"):
            summary += mod.goals(results_dir or "benchmarks/results")
    if summary:
        rows_md = ["| issue | goal | measured | |", "|---|---|---|---|"]
        rows_md += [f"| {i} | {g} | {m} | {v} |" for i, g, m, v in summary]
        md = md.replace("# Scheduler benchmarks (issue 5)",
                        "# Goals of issues 6 and 8 at a glance\n\nEach row is taken from the section below that "
                        "measured it (its own run date is given there).\n\n" + "\n".join(rows_md) +
                        "\n\n# Scheduler benchmarks (issue 5)", 1)
    with open("docs/benchmarks.md", "w") as f:
        f.write(md)


if __name__ == "__main__":
    main()

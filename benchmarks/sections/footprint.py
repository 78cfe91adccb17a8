"""Idle footprint (issue 8, point 2): renders benchmarks/results/footprint/ (benchmarks/run/footprint).

Each result file holds one line per peer and mode from dev.weft.bench.footprint.Footprint: used
heap after a full GC (ParallelGC), before and after starting N idle tasks, divided by N; the
growth of VmRSS; and the class-histogram difference.
"""
import glob
import json
import os

PEERS = ["weft", "kotlin", "virtualThreads", "completableFuture"]
NAMES = {
    "weft": "weft",
    "kotlin": "Kotlin coroutines",
    "virtualThreads": "virtual threads",
    "completableFuture": "CompletableFuture callbacks",
}
COLORS = {"weft": "#d62728", "kotlin": "#ff7f0e", "virtualThreads": "#1f77b4", "completableFuture": "#9467bd"}
MODES = {
    "suspend": "suspended on a future that never completes",
    "sleep": "sleeping (a 30 s timer)",
}
GOAL_BYTES = 128

FIX = """
### The fix these numbers led to (issue 8, point 6)

The histogram of the first run put weft's suspended task at 137 B: Task 56 + its state object 40
+ Context 24 + the leaf 16. Skynet allocated 199.5 B per task (Task 56 + Context 24 + the future
40 + a `Ready` 24 per join + the `Long` 24 + the parent's array share). Changes, all inside the
runtime (no public signature changed):

- **The Context holds only its task** (16 B, was 24): `Context` has one field; a task is a
  `ContextSource` (its own waker and cancel signal, and it knows its runtime), and every other
  context (`Context.of`, `withCancel`, blockOn's) keeps its three parts in a small side object.
- **Task 56 -> 48 B**: the future and the outcome share one field (the outcome replaces the
  future when the task completes), and the live-task list's stripe moved into the high bits of
  the state word (every transition keeps them).
- **A complete task is its own ready `Poll`**: joining it returns the task, not a new `Ready`
  (24 B per join).
- **The current-thread run queue is intrusive** (the task's own link), so a wake allocates no
  queue node (it was a `ConcurrentLinkedQueue` node, 24 B per wake).

Effect: a suspended task at depth 1 is 120 B (was 137 B; goal 128 B), a sleeping one 144 B (was
168 B: 16 B from this fix, measured at 152 B, and 8 B from the timers branch, whose `Sleep` is
its own 48-byte wheel entry); spawning allocates 64 B per task (the
runtime tests' measurement; session 1: 104 B). Skynet (`-prof gc`, see
`benchmarks/results/footprint/skynet-bytes-before-after.txt`): 199.5 -> 159.5 B per task for the
hand-written future, 207.5 -> 167.5 B for the woven one. Skynet stays above 128 B because of what
the workload itself allocates: each future's `Poll.ready(value)` (24 B), the boxed `Long` (24 B)
and the future object (40 B); the runtime's own share is 64 B per task (was 104 B).
"""


def _files(results_dir):
    return sorted(glob.glob(os.path.join(results_dir, "footprint", "*.json")))


def _load(path):
    d = json.load(open(path))
    d["rows"] = {(r["peer"], r["mode"]): r for r in d["results"]}
    d["file"] = os.path.relpath(path)
    return d


def _newest(results_dir):
    files = _files(results_dir)
    return _load(files[-1]) if files else None


def _svg(run, path):
    bar, gap, left, width = 18, 4, 230, 420
    rows = []
    for mode in MODES:
        for p in PEERS:
            r = run["rows"].get((p, mode))
            if r:
                rows.append((mode, p, r["heapBytesPerTask"]))
    if not rows:
        return False
    top = max(v for _, _, v in rows)
    h = 30 + len(rows) * (bar + gap) + 2 * 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{h}" '
           'font-family="sans-serif" font-size="12">',
           f'<text x="10" y="18" font-weight="bold">Bytes of heap per idle task (1,000,000 tasks, lower is better)</text>']
    y = 30
    last = None
    for mode, p, v in rows:
        if mode != last:
            out.append(f'<text x="10" y="{y + 14}" font-style="italic">{MODES[mode]}</text>')
            y += 22
            last = mode
        w = max(1, v / top * width)
        out.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{NAMES[p]}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{COLORS[p]}"/>')
        out.append(f'<text x="{left + w + 4:.1f}" y="{y + 13}">{v:.0f} B</text>')
        y += bar + gap
    gx = left + GOAL_BYTES / top * width
    out.append(f'<line x1="{gx:.1f}" y1="26" x2="{gx:.1f}" y2="{y}" stroke="#444" stroke-dasharray="4,3"/>')
    out.append(f'<text x="{gx + 3:.1f}" y="{y + 12}" fill="#444">goal {GOAL_BYTES} B</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    return True


def _histogram(r, count):
    lines = ["| class | instances | bytes per task |", "|---|---|---|"]
    for h in r.get("histogram", []):
        lines.append(f"| `{h['class']}` | {h['instances']:,} | {h['bytes'] / count:.1f} |")
    return "\n".join(lines)


def render(results_dir, machine, jdk, date):
    run = _newest(results_dir)
    if run is None:
        return "## Idle footprint (issue 8)\n\nNot run yet: `scripts/bench footprint`.\n"
    rows = run["rows"]
    n = next(iter(run["results"]))["count"]
    md = [f"""## Idle footprint (issue 8)

Run {run['date']} on {machine}; {run['jdk']}; heap flags `{run['flags']}`; weft at commit
`{run['commit']}`; result file `{run['file']}`. Run with `scripts/bench footprint`
(`benchmarks/run/footprint`, harness `dev.weft.bench.footprint.Footprint`).

Method: {n:,} idle tasks per peer, each peer in a JVM of its own. Used heap is read after a full
GC (ParallelGC compacts, so the number is exact) before and after starting the tasks, with the
array that holds the {n:,} handles allocated beforehand; the difference divided by {n:,} is the
heap per task. RSS is the growth of VmRSS over the same interval (it includes young-generation
pages touched while starting, so it is an upper bound). The class histogram difference
(`GC.class_histogram`) says which objects the bytes are.

- **suspended**: weft: a task whose one async method (no locals) awaits a leaf that never
  completes and keeps the task's waker (16 B, as any real leaf must hold it); Kotlin: `launch`
  on `Dispatchers.Default` into `suspendCancellableCoroutine` never resumed; virtual threads:
  `LockSupport.park()` never unparked; CompletableFuture: a never-completed future with one
  `thenApply` callback.
- **sleeping**: weft `await(Async.sleep(30 s))`; Kotlin `delay(30 s)`; virtual threads
  `Thread.sleep(30 s)`; CompletableFuture `runAsync(..., delayedExecutor(30 s))`. 30 s instead of
  10 s so that a million can be started and measured on the loaded machine before the first one
  fires (the harness fails if one did); the length does not change the bytes.
"""]
    md.append("| peer | " + " | ".join(f"{m}: heap B/task | {m}: RSS B/task | {m}: × weft" for m in MODES) + " |")
    md.append("|---" * (1 + 3 * len(MODES)) + "|")
    for p in PEERS:
        cells = []
        for m in MODES:
            r, w = rows.get((p, m)), rows.get(("weft", m))
            if r is None:
                cells += ["—"] * 3
                continue
            ratio = f"{r['heapBytesPerTask'] / w['heapBytesPerTask']:.2f}×" if w else "—"
            cells += [f"{r['heapBytesPerTask']:.0f}", f"{r['rssBytesPerTask']:.0f}", ratio]
        md.append(f"| {NAMES[p]} | " + " | ".join(cells) + " |")
    svg = os.path.join("docs", "footprint.svg")
    if os.path.isdir("docs") and _svg(run, svg):
        md.append("\n![bytes per idle task](footprint.svg)\n")
    for m in MODES:
        r = rows.get(("weft", m))
        if r:
            md.append(f"\nWhere weft's bytes go, {MODES[m]} (histogram difference per task):\n")
            md.append(_histogram(r, r["count"]))
    md.append("\n<details><summary>The other peers' histograms</summary>\n")
    for p in PEERS[1:]:
        for m in MODES:
            r = rows.get((p, m))
            if r:
                md.append(f"\n{NAMES[p]}, {m}:\n")
                md.append(_histogram(r, r["count"]))
    md.append("\n</details>\n")
    hist = []
    for path in _files(results_dir):
        d = _load(path)
        s, z = d["rows"].get(("weft", "suspend")), d["rows"].get(("weft", "sleep"))
        hist.append(f"| {d['date']} | `{d['commit']}` | {s['heapBytesPerTask']:.0f} B | " if s else f"| {d['date']} | `{d['commit']}` | — | ")
        hist[-1] += (f"{z['heapBytesPerTask']:.0f} B |" if z else "— |")
    md.append("\nweft in every committed run (the first is before the issue-8 fix: a Context of three fields per task, "
              "a 56-byte Task, a Ready per join):\n")
    md.append("| run | commit | suspended | sleeping |\n|---|---|---|---|\n" + "\n".join(hist))
    md.append(FIX)
    return "\n".join(md) + "\n"


def goals(results_dir):
    run = _newest(results_dir)
    if run is None:
        return []
    w = run["rows"].get(("weft", "suspend"))
    if w is None:
        return []
    b = w["heapBytesPerTask"]
    extra = []
    for p in ("virtualThreads", "kotlin"):
        r = run["rows"].get((p, "suspend"))
        if r:
            extra.append(f"{NAMES[p]} {r['heapBytesPerTask']:.0f} B = {r['heapBytesPerTask'] / b:.1f}×")
    measured = f"{b:.0f} B per task ({', '.join(extra)})"
    return [("8", "≤ 128 B per suspended task at depth 1", measured, "met" if b <= GOAL_BYTES else "not met")]

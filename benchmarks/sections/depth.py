"""Await depth (issue 8, point 1): renders benchmarks/results/depth/ (benchmarks/run/depth).

A result file holds JMH's JSON for dev.weft.bench.depth.DepthBench under "jmh" ((a)
suspendResume_<peer> and (c) readyChain_<peer>, @Param depth) and the footprint harness's lines
for chains of each depth under "retained" ((b)).
"""
import glob
import json
import math
import os

import jmh

DEPTHS = [1, 4, 16, 64, 256]
NAMES = {
    "weft": "weft",
    "virtualThreads": "virtual threads",
    "kotlin": "Kotlin coroutines",
    "plainCalls": "plain calls (no suspension)",
}
COLORS = {"weft": "#d62728", "virtualThreads": "#1f77b4", "kotlin": "#ff7f0e", "plainCalls": "#7f7f7f"}


def _files(results_dir):
    return sorted(glob.glob(os.path.join(results_dir, "depth", "*.json")))


def _load(path):
    d = json.load(open(path))
    rows = {}
    for r in jmh.read(d.get("jmh") or []):
        workload, peer = r["method"].split("_", 1)
        rows[(workload, peer, int(r["params"]["depth"]))] = {"ns": r["ns"], "err": r["err"], "bytes": r["bytes"]}
    d["rows"] = rows
    d["retainedRows"] = {(r["peer"], r["depth"]): r for r in d.get("retained") or []}
    d["file"] = os.path.relpath(path)
    return d


def _newest(results_dir, need):
    """The newest run that has {need} ('rows' or 'retainedRows')."""
    for path in reversed(_files(results_dir)):
        d = _load(path)
        if d[need]:
            return d
    return None


def _fmt_ns(ns):
    return f"{ns / 1e3:.2f} µs" if ns >= 1e4 else f"{ns:.0f} ns"


def _bytes(b):
    return "—" if b is None else ("0 B" if b < 0.5 else f"{b:,.0f} B")


def _svg(run, ret, path):
    """Two panels on a log scale: (a) ns per cycle and (b) bytes retained per chain, by depth."""
    panels = []
    if run:
        panels.append(("(a) one suspend/wake/resume cycle, ns (log scale)",
                       [(d, [(p, run["rows"].get(("suspendResume", p, d), {}).get("ns"))
                             for p in ("weft", "virtualThreads", "kotlin")]) for d in DEPTHS], "ns"))
    if ret:
        panels.append(("(b) bytes retained per suspended chain (log scale)",
                       [(d, [(p, (ret["retainedRows"].get((p, d)) or {}).get("heapBytesPerTask"))
                             for p in ("weft", "virtualThreads", "kotlin")]) for d in DEPTHS], "B"))
    if not panels:
        return False
    bar, left, width = 12, 120, 420
    h = 10 + sum(30 + len(g) * (3 * bar + 10) for _, g, _ in panels) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 110}" height="{h}" '
           'font-family="sans-serif" font-size="11">']
    y = 10
    for title, groups, unit in panels:
        vals = [v for _, g in groups for _, v in g if v]
        lo, hi = math.log10(max(1, min(vals)) / 2), math.log10(max(vals) * 1.2)
        out.append(f'<text x="10" y="{y + 14}" font-weight="bold" font-size="12">{title}</text>')
        y += 24
        for d, g in groups:
            out.append(f'<text x="{left - 8}" y="{y + 1.5 * bar + 4}" text-anchor="end">depth {d}</text>')
            for p, v in g:
                if v:
                    w = max(1, (math.log10(v) - lo) / (hi - lo) * width)
                    out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar - 1}" fill="{COLORS[p]}"/>')
                    label = _fmt_ns(v) if unit == "ns" else f"{v:,.0f} B"
                    out.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 2}" font-size="10">{label}</text>')
                y += bar
            y += 10
        y += 6
    lx = 10
    for p in ("weft", "virtualThreads", "kotlin"):
        out.append(f'<rect x="{lx}" y="{y}" width="12" height="10" fill="{COLORS[p]}"/>')
        out.append(f'<text x="{lx + 16}" y="{y + 9}">{NAMES[p]}</text>')
        lx += 130
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    return True


def render(results_dir, machine, jdk, date):
    run = _newest(results_dir, "rows")
    ret = _newest(results_dir, "retainedRows")
    if run is None and ret is None:
        return "## Await depth (issue 8)\n\nNot run yet: `scripts/bench depth`.\n"
    md = ["## Await depth (issue 8)\n"]
    src = run or ret
    md.append(f"""Run {src['date']} on {machine}; {src['jdk']}; weft at commit `{src['commit']}`; result file
`{src['file']}`{'' if ret is None or ret is run else f" (retained bytes: `{ret['file']}`, {ret['date']}, commit `{ret['commit']}`)"}.
Run with `scripts/bench depth` (`benchmarks/run/depth`: JMH `dev.weft.bench.depth.DepthBench`
with `-prof gc`, one fork, then the footprint harness once per peer and depth).

The chain: D async frames, each with three `long` locals live across its await, the innermost
awaiting a leaf. weft: plain-Java async methods with `await`, woven by the agent
(`WeftChains`); virtual threads: recursive frames with three longs then `LockSupport.park`
(the shape of the JDK's loom `Ring` benchmark; `JdkChains`); Kotlin: `suspend fun`s, the
innermost in `suspendCoroutine` (`KotlinChains.kt`).

- **(a)** one op = one suspend/wake/resume cycle of the whole chain: its innermost frame loops
  awaiting a reusable leaf that a partner task (depth 1) signals, then signals the partner
  back (1,000 rounds per invocation). One op therefore also holds the partner's depth-1 cycle,
  the same for every peer. Everything runs on one thread, so that the mechanics are compared and
  not cross-core hand-offs: weft's current-thread runtime, virtual threads on one carrier
  (`-Djdk.virtualThreadScheduler.parallelism=1`), Kotlin's `runBlocking` event loop. Kotlin
  resumes the innermost frame directly; a virtual thread thaws the top of its stack lazily.
  weft re-polled every frame from the task down (D calls, each restoring and re-saving its
  locals) until the issue-8 fix: now a wake walks the chain's `awaiting` links (D field reads)
  and polls only the innermost frame while it stays pending (`Task.resumeInnermost`, since issue
  12 the loop of `Coroutine.poll`); the frames above run again only when it completes or throws.
- **(b)** bytes retained per suspended chain: the footprint harness with 200,000 / D chains
  (at least 2,000), used heap after a full GC, divided by the number of chains (the task,
  coroutine or thread itself included).
- **(c)** one op = awaiting an already-ready leaf through the whole chain, from a long-lived
  driver that suspends once per op (weft: polled by hand; Kotlin: resumed by hand without a
  dispatcher). Bytes per op are `gc.alloc.rate.norm`; the goal is 0. "Plain calls" is the same
  chain as ordinary methods, which is what a virtual thread runs.

The machine is shared with other builds: time errors are large, compare ratios within a row.
""")
    if run:
        md.append("### (a) suspend/wake/resume of the whole chain\n")
        md.append("| depth | weft | virtual threads | Kotlin | virtual threads / weft | Kotlin / weft | weft B/cycle |")
        md.append("|---|---|---|---|---|---|---|")
        for d in DEPTHS:
            w = run["rows"].get(("suspendResume", "weft", d))
            v = run["rows"].get(("suspendResume", "virtualThreads", d))
            k = run["rows"].get(("suspendResume", "kotlin", d))
            cell = lambda r: "—" if r is None else _fmt_ns(r["ns"]) + (f" ± {_fmt_ns(r['err'])}" if r["err"] else "")
            ratio = lambda r: "—" if r is None or w is None else f"**{r['ns'] / w['ns']:.2f}×**"
            md.append(f"| {d} | {cell(w)} | {cell(v)} | {cell(k)} | {ratio(v)} | {ratio(k)} | {_bytes(w and w['bytes'])} |")
        md.append("\n### (c) awaiting a ready future through the chain\n")
        md.append("| depth | weft B/op | weft time | Kotlin B/op | Kotlin time | plain calls time |")
        md.append("|---|---|---|---|---|---|")
        for d in DEPTHS:
            w = run["rows"].get(("readyChain", "weft", d))
            k = run["rows"].get(("readyChain", "kotlin", d))
            c = run["rows"].get(("readyChain", "plainCalls", d))
            md.append(f"| {d} | {_bytes(w and w['bytes'])} | {_fmt_ns(w['ns']) if w else '—'} | "
                      f"{_bytes(k and k['bytes'])} | {_fmt_ns(k['ns']) if k else '—'} | {_fmt_ns(c['ns']) if c else '—'} |")
    if ret:
        md.append("\n### (b) bytes retained per suspended chain\n")
        md.append("| depth | weft | weft per frame | virtual threads | Kotlin | virtual threads / weft | Kotlin / weft |")
        md.append("|---|---|---|---|---|---|---|")
        for d in DEPTHS:
            w, v, k = (ret["retainedRows"].get((p, d)) for p in ("weft", "virtualThreads", "kotlin"))
            b = lambda r: "—" if r is None else f"{r['heapBytesPerTask']:,.0f} B"
            ratio = lambda r: "—" if r is None or w is None else f"{r['heapBytesPerTask'] / w['heapBytesPerTask']:.2f}×"
            per = "—" if w is None else f"{w['heapBytesPerTask'] / d:.0f} B"
            md.append(f"| {d} | {b(w)} | {per} | {b(v)} | {b(k)} | {ratio(v)} | {ratio(k)} |")
    if os.path.isdir("docs") and _svg(run, ret, os.path.join("docs", "depth.svg")):
        md.append("\n![await depth](depth.svg)\n")
    hist = []
    for path in _files(results_dir):
        d = _load(path)
        if not d["rows"]:
            continue
        c = [d["rows"].get(("readyChain", "weft", x)) for x in DEPTHS]
        w, v = d["rows"].get(("suspendResume", "weft", 64)), d["rows"].get(("suspendResume", "virtualThreads", 64))
        ratio = f"{v['ns'] / w['ns']:.2f}×" if w and v else "—"
        hist.append(f"| {d['date']} | `{d['commit']}` | " + " / ".join(_bytes(x and x["bytes"]) for x in c)
                    + f" | {ratio} |")
    if hist:
        md.append("\nEvery committed run. Runs before the weaver's fast path for directly awaited async methods "
                  "(the `chain` branch) allocate each frame's state object on every ready await; runs before the "
                  "innermost-frame resume (commit after `c4a117b`) re-poll every frame on each wake:\n")
        md.append("| run | commit | (c) weft B/op at depth 1 / 4 / 16 / 64 / 256 | (a) depth 64: virtual threads / weft |")
        md.append("|---|---|---|---|")
        md += hist
    return "\n".join(md) + "\n"


def goals(results_dir):
    run = _newest(results_dir, "rows")
    if run is None:
        return []
    out = []
    c = [run["rows"].get(("readyChain", "weft", d)) for d in DEPTHS]
    if all(c):
        worst = max(x["bytes"] for x in c)
        out.append(("8", "(c) ready through chain: 0 B",
                    "weft " + " / ".join(_bytes(x["bytes"]) for x in c) + " per op at depth 1/4/16/64/256",
                    "met" if worst < 0.5 else "not met"))
    w, v = run["rows"].get(("suspendResume", "weft", 64)), run["rows"].get(("suspendResume", "virtualThreads", 64))
    if w and v:
        r = v["ns"] / w["ns"]
        out.append(("8", "(a) depth-64 suspend/resume faster than VT",
                    f"weft {_fmt_ns(w['ns'])}, virtual threads {_fmt_ns(v['ns'])} per cycle: {r:.2f}×",
                    "met" if r > 1 else "not met"))
    return out

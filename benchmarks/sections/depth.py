"""Await depth (issue 8, point 1): the newest benchmarks/results/depth/ file (benchmarks/run/depth).

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


def _newest(results_dir):
    files = _files(results_dir)
    return _load(files[-1]) if files else None


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


def values(results_dir, run_info):
    run = _newest(results_dir)
    if run is None:
        return None
    cell = lambda r: "—" if r is None else _fmt_ns(r["ns"]) + (f" ± {_fmt_ns(r['err'])}" if r["err"] else "")
    a = ["| depth | weft | virtual threads | Kotlin | virtual threads / weft | Kotlin / weft | weft B/cycle |",
         "|---|---|---|---|---|---|---|"]
    c = ["| depth | weft B/op | weft time | Kotlin B/op | Kotlin time | plain calls time |", "|---|---|---|---|---|---|"]
    b = ["| depth | weft | weft per frame | virtual threads | Kotlin | virtual threads / weft | Kotlin / weft |",
         "|---|---|---|---|---|---|---|"]
    for d in DEPTHS:
        w, v, k = (run["rows"].get(("suspendResume", p, d)) for p in ("weft", "virtualThreads", "kotlin"))
        ratio = lambda r: "—" if r is None or w is None else f"**{r['ns'] / w['ns']:.2f}×**"
        a.append(f"| {d} | {cell(w)} | {cell(v)} | {cell(k)} | {ratio(v)} | {ratio(k)} | {_bytes(w and w['bytes'])} |")
        w, k, p = (run["rows"].get(("readyChain", q, d)) for q in ("weft", "kotlin", "plainCalls"))
        t = lambda r: _fmt_ns(r["ns"]) if r else "—"
        c.append(f"| {d} | {_bytes(w and w['bytes'])} | {t(w)} | {_bytes(k and k['bytes'])} | {t(k)} | {t(p)} |")
        w, v, k = (run["retainedRows"].get((q, d)) for q in ("weft", "virtualThreads", "kotlin"))
        kept = lambda r: "—" if r is None else f"{r['heapBytesPerTask']:,.0f} B"
        over = lambda r: "—" if r is None or w is None else f"{r['heapBytesPerTask'] / w['heapBytesPerTask']:.2f}×"
        per = "—" if w is None else f"{w['heapBytesPerTask'] / d:.0f} B"
        b.append(f"| {d} | {kept(w)} | {per} | {kept(v)} | {kept(k)} | {over(v)} | {over(k)} |")
    if os.path.isdir("docs"):
        _svg(run, run, os.path.join("docs", "depth.svg"))
    return {"run_date": run["date"], "run_jdk": run["jdk"], "commit": run["commit"], "file": run["file"],
            "table_a": "\n".join(a), "table_c": "\n".join(c), "table_b": "\n".join(b)}


def goals(results_dir):
    run = _newest(results_dir)
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

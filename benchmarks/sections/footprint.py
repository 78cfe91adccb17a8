"""Idle footprint (issue 8, point 2): the newest benchmarks/results/footprint/ file (benchmarks/run/footprint).

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


def values(results_dir, run_info):
    run = _newest(results_dir)
    if run is None:
        return None
    rows = run["rows"]
    table = ["| peer | " + " | ".join(f"{m}: heap B/task | {m}: RSS B/task | {m}: × weft" for m in MODES) + " |",
             "|---" * (1 + 3 * len(MODES)) + "|"]
    for p in PEERS:
        cells = []
        for m in MODES:
            r, w = rows.get((p, m)), rows.get(("weft", m))
            if r is None:
                cells += ["—"] * 3
                continue
            ratio = f"{r['heapBytesPerTask'] / w['heapBytesPerTask']:.2f}×" if w else "—"
            cells += [f"{r['heapBytesPerTask']:.0f}", f"{r['rssBytesPerTask']:.0f}", ratio]
        table.append(f"| {NAMES[p]} | " + " | ".join(cells) + " |")
    if os.path.isdir("docs"):
        _svg(run, os.path.join("docs", "footprint.svg"))
    hist = lambda p, m: _histogram(rows[(p, m)], rows[(p, m)]["count"]) if (p, m) in rows else "—"
    others = [f"{NAMES[p]}, {m}:\n\n{hist(p, m)}" for p in PEERS[1:] for m in MODES if (p, m) in rows]
    return {"run_date": run["date"], "run_jdk": run["jdk"], "flags": run["flags"], "commit": run["commit"],
            "file": run["file"], "count": f"{next(iter(run['results']))['count']:,}", "table": "\n".join(table),
            "weft_suspend": hist("weft", "suspend"), "weft_sleep": hist("weft", "sleep"),
            "others": "\n\n".join(others)}


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

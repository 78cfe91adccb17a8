"""The seed's comparison (issue 8 point 5): skynet and the echo server in the four models.

skynet comes from the newest benchmarks/results/seed/<stamp>.json (benchmarks/run/seed, one JMH
run); the echo server from the newest benchmarks/results/net/<stamp>.json (benchmarks/run/net,
rows {"workload", "connections", "peer", "ops_per_s", "p50_us", "p99_us", "p999_us", "date",
"jdk", "machine"}). Draws docs/seed.svg (hand-written SVG): one panel per workload, a bar per
model. Missing echo results leave the chart with skynet only and a note.
"""
import glob
import json
import math
import os

import jmh

MODELS = [
    # (key, label, skynet peer, echo peer, colour)
    ("platform", "platform threads", "platformThreads", "platform-threads", "#7f7f7f"),
    ("virtual", "virtual threads", "virtualThreads", "virtual-threads", "#1f77b4"),
    ("callbacks", "CompletableFuture callbacks", "completableFuture", "completable-future", "#9467bd"),
    ("weft", "weft (stackless coroutines)", "weft", "weft", "#d62728"),
]
SKYNET = {"skynet10k": ("skynet, 10,000 leaves (11,111 tasks)", 11_111),
          "skynet": ("skynet, 1,000,000 leaves (1,111,111 tasks)", 1_111_111)}


def _newest(results_dir, sub):
    files = sorted(glob.glob(os.path.join(results_dir, sub, "*.json")))
    return files[-1] if files else None


def _skynet(path):
    data = json.load(open(path))
    rows = {}
    for r in jmh.read(data["jmh"]):
        workload, peer = r["method"].rsplit("_", 1)
        rows[(workload, peer)] = {"ns": r["ns"], "bytes": r["bytes"]}
    return data, rows


def _echo(results_dir):
    path = _newest(results_dir, "net")
    if not path:
        return None, []
    try:
        rows = [r for r in json.load(open(path)) if r.get("workload") == "echo"]
    except (ValueError, KeyError, TypeError):
        return path, []
    return path, rows


def _svg(panels, note):
    """panels: [(title, unit text, higher_is_better, [(label, colour, value, text)])]."""
    bar_h, gap, left, width = 16, 4, 230, 420
    h = 50 + sum(40 + len(bars) * (bar_h + gap) for _, _, _, bars in panels) + (30 if note else 10)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 170}" height="{h}" '
           f'font-family="sans-serif" font-size="12">',
           '<text x="10" y="22" font-size="15" font-weight="bold">The seed\'s four models: skynet and the '
           'echo server</text>']
    y = 40
    for title, unit, higher, bars in panels:
        y += 30
        better = "higher is better" if higher else "lower is better"
        out.append(f'<text x="10" y="{y - 10}" font-weight="bold">{title} — {unit}, {better}</text>')
        vals = [v for _, _, v, _ in bars if v > 0]
        top = max(vals or [1])
        lo = min(vals or [1]) / 3
        log = top / lo > 60  # one bar would flatten the others: log scale, said in the title
        if log:
            out[-1] = out[-1].replace("</text>", " (log scale)</text>")
        for label, colour, v, text in bars:
            if log:
                bw = max(2, (math.log(v) - math.log(lo)) / (math.log(top) - math.log(lo)) * width) if v > 0 else 2
            else:
                bw = max(2, v / top * width)
            out.append(f'<text x="{left - 8}" y="{y + bar_h - 4}" text-anchor="end">{label}</text>')
            out.append(f'<rect x="{left}" y="{y}" width="{bw:.1f}" height="{bar_h}" fill="{colour}"/>')
            out.append(f'<text x="{left + bw + 6:.1f}" y="{y + bar_h - 4}">{text}</text>')
            y += bar_h + gap
        y += 10
    if note:
        out.append(f'<text x="10" y="{y + 14}" font-style="italic" fill="#555">{note}</text>')
    out.append("</svg>")
    return "\n".join(out)


def values(results_dir, run_info):
    path = _newest(results_dir, "seed")
    echo_path, echo = _echo(results_dir)
    if not path:
        return None
    data, rows = _skynet(path)
    panels = []
    md = ["| model | 11,111 tasks: per task | bytes per task | vs weft | 1,111,111 tasks: per task | bytes per task | vs weft |",
          "|---|---|---|---|---|---|---|"]
    variants = MODELS + [("weftAwait", "weft, await (woven)", "weftAwait", None, "#e377c2")]
    for key, label, sk, _, colour in variants:
        cells = []
        for w, (_, tasks) in SKYNET.items():
            r, base = rows.get((w, sk)), rows.get((w, "weft"))
            if r is None:
                cells += ["—", "—", "—"]
                continue
            cells.append(jmh.fmt_time(r["ns"] / tasks))
            cells.append(f"{r['bytes'] / tasks:.0f} B" if r["bytes"] is not None else "—")
            cells.append(f"**{r['ns'] / base['ns']:.2f}×**" if base and sk != "weft" else "—")
        md.append(f"| {label} | " + " | ".join(cells) + " |")
    for w, (title, tasks) in SKYNET.items():
        bars = [(label, colour, rows[(w, sk)]["ns"] / tasks, jmh.fmt_time(rows[(w, sk)]["ns"] / tasks))
                for _, label, sk, _, colour in variants if (w, sk) in rows]
        if bars:
            panels.append((title, "time per task", False, bars))
    em = ["| model | connections | requests/s | p50 | p99 | p99.9 | vs weft |", "|---|---|---|---|---|---|---|"]
    by = {(r["peer"], r["connections"]): r for r in echo}
    for n in sorted({r["connections"] for r in echo}):
        base = by.get(("weft", n))
        bars = []
        for _, label, _, ep, colour in MODELS:
            r = by.get((ep, n))
            if r is None:
                continue
            ratio = f"**{base['ops_per_s'] / r['ops_per_s']:.2f}×**" if base and ep != "weft" and r["ops_per_s"] else "—"
            em.append(f"| {label} | {n} | {r['ops_per_s']:,.0f} | {r['p50_us']:.0f} µs | {r['p99_us']:.0f} µs | "
                      f"{r['p999_us']:.0f} µs | {ratio} |")
            bars.append((label, colour, r["ops_per_s"], f"{r['ops_per_s']:,.0f}/s"))
        if bars:
            panels.append((f"echo, {n} connection{'s' if n != 1 else ''}", "requests per second", True, bars))
    if os.path.isdir("docs"):
        with open("docs/seed.svg", "w") as f:
            f.write(_svg(panels, None if echo else "Echo server: no results yet (scripts/bench net)."))
    e0 = echo[0] if echo else {}
    return {"run_date": data["date"], "run_machine": data["machine"], "run_jdk": data["jdk"],
            "load_before": data["load_before"], "load_after": data["load_after"], "file": path,
            "skynet": "\n".join(md), "echo_file": echo_path or "—", "echo_date": e0.get("date", "?"),
            "echo_machine": e0.get("machine", "?"), "echo_jdk": e0.get("jdk", "?"), "echo": "\n".join(em)}

"""The networking section (issue 6 point 5; the echo rows are also issue 8 point 5's "echo server
written four ways"), from the newest benchmarks/results/net/<stamp>.json written by
benchmarks/run/net. The JSON is a list of rows
  {"workload": "echo"|"http", "connections": N, "peer": ..., "ops_per_s", "p50_us", "p99_us",
   "p999_us" (or null), "date", "jdk", "machine"}
(another section reads the echo rows: keep the schema). The .txt next to it holds the raw
output plus, per cell, the server's live thread count and its CPU use (server_threads=,
server_cpu_cores=). Tables come from the newest run.
"""
import glob
import json
import os
import re

PEERS = ["weft", "weft-thread", "weft-worker", "netty-nio", "netty-epoll", "virtual-threads", "platform-threads", "completable-future"]
NAMES = {
    "weft": "weft",
    "weft-thread": "weft, dedicated driver thread",
    "weft-worker": "weft, idle-worker driver",
    "netty-nio": "Netty 4.2 NIO",
    "netty-epoll": "Netty 4.2 epoll",
    "virtual-threads": "virtual threads",
    "platform-threads": "platform threads",
    "completable-future": "NIO.2 callbacks",
}
COLORS = {
    "weft": "#d62728",
    "weft-thread": "#8c564b",
    "weft-worker": "#e377c2",
    "netty-nio": "#2ca02c",
    "netty-epoll": "#17becf",
    "virtual-threads": "#1f77b4",
    "platform-threads": "#7f7f7f",
    "completable-future": "#9467bd",
}
UNITS = {"echo": "msgs/s", "http": "req/s"}
UNIT = {"echo": "message", "http": "request"}


def _runs(results_dir):
    return sorted(glob.glob(os.path.join(results_dir, "net", "*.json")))


def _load(path):
    return {(r["workload"], r["connections"], r["peer"]): r for r in json.load(open(path))}


def _server_stats(path):
    """{(workload, peer, conns): numbers} from the .txt next to the JSON: the "cell" lines the
    runner writes (medians over the rounds of the load's and the server's numbers:
    server_threads, server_cpu_cores, server_cpu_us_per_op; ops_min/ops_max over the rounds)."""
    cells = {}
    try:
        for line in open(path[:-5] + ".txt"):
            m = re.match(r"cell (echo|http) (\S+) c=(\d+) (\{.*\})\s*$", line)
            if m:
                cells[(m[1], m[2], int(m[3]))] = json.loads(m[4])
    except (FileNotFoundError, ValueError):
        pass
    return cells


def _method(path):
    """(rounds, warm-up s, measured s) from the .txt's first line."""
    try:
        first = open(path[:-5] + ".txt").readline()
    except FileNotFoundError:
        first = ""
    m = re.search(r"(\d+) rounds per cell, each warm-up (\d+)s \+ measured (\d+)s", first)
    return (m[1], m[2], m[3]) if m else ("?", "?", "?")


def _us(v):
    if v is None:
        return "—"
    return f"{v / 1000:.1f} ms" if v >= 10_000 else f"{v:.0f} µs"


def _conns(rows, workload):
    return sorted({c for (w, c, _) in rows if w == workload})


def _table(rows, stats, workload):
    peers = [p for p in PEERS if any(w == workload and q == p for (w, _, q) in rows)]
    out = ["| connections | " + " | ".join(NAMES[p] for p in peers) + " |", "|---" * (len(peers) + 1) + "|"]
    for c in _conns(rows, workload):
        base = rows.get((workload, c, "weft"))
        cells = []
        for p in peers:
            r = rows.get((workload, c, p))
            if r is None:
                cells.append("—")
                continue
            s = stats.get((workload, p, c))
            cell = f"**{r['ops_per_s']:,.0f}** {UNITS[workload]}"
            if base is not None and p != "weft":
                cell += f" (**{r['ops_per_s'] / base['ops_per_s']:.2f}×** weft)"
            if s and s.get("rounds", 1) > 1:
                cell += f"<br>rounds {s['ops_min']:,.0f}–{s['ops_max']:,.0f}"
            cell += f"<br>p50 {_us(r['p50_us'])}, p99 {_us(r['p99_us'])}"
            if base is not None and p != "weft":
                cell += f" (**{r['p99_us'] / base['p99_us']:.2f}×**)"
            cell += f", p99.9 {_us(r['p999_us'])}"
            if s and "server_threads" in s:
                cell += (f"<br>server: {int(s['server_threads'])} threads, CPU {s['server_cpu_cores']:.2f} cores, "
                         f"{s['server_cpu_us_per_op']:.1f} µs per {UNIT[workload]}")
            cells.append(cell)
        out.append(f"| {c:,} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def _svg(rows, path):
    """Grouped horizontal bars: throughput per peer, per workload and connection count (linear,
    each group scaled to its fastest peer)."""
    bar_h, gap, group_gap, left, width = 13, 2, 28, 170, 480
    groups = []
    for workload in ("echo", "http"):
        for c in _conns(rows, workload):
            bars = [(p, rows[(workload, c, p)]) for p in PEERS if (workload, c, p) in rows]
            if bars:
                groups.append((f"{workload}, {c:,} connection{'s' if c != 1 else ''}", workload, bars))
    height = 50 + sum(group_gap + len(b) * (bar_h + gap) for _, _, b in groups) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 230}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             '<text x="10" y="20" font-size="15" font-weight="bold">Networking: throughput, higher is better '
             '(p99 latency after each bar)</text>']
    y = 40
    for title, workload, bars in groups:
        y += group_gap
        parts.append(f'<text x="10" y="{y - 8}" font-weight="bold">{title}</text>')
        top = max(r["ops_per_s"] for _, r in bars)
        for p, r in bars:
            bw = max(2, r["ops_per_s"] / top * width)
            parts.append(f'<text x="{left - 8}" y="{y + bar_h - 2}" text-anchor="end">{NAMES[p]}</text>')
            parts.append(f'<rect x="{left}" y="{y}" width="{bw:.1f}" height="{bar_h}" fill="{COLORS[p]}"/>')
            parts.append(f'<text x="{left + bw + 6:.1f}" y="{y + bar_h - 2}">{r["ops_per_s"]:,.0f} '
                         f'{UNITS[workload]}, p99 {_us(r["p99_us"])}</text>')
            y += bar_h + gap
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


def _ratios(rows, workload, stats=None):
    """[(conns, weft/Netty-NIO throughput, weft/VT p99, weft/Netty-NIO server CPU per op)]."""
    out = []
    for c in _conns(rows, workload):
        w, n, v = (rows.get((workload, c, p)) for p in ("weft", "netty-nio", "virtual-threads"))
        cw, cn = ((stats or {}).get((workload, p, c), {}).get("server_cpu_us_per_op") for p in ("weft", "netty-nio"))
        out.append((c, w["ops_per_s"] / n["ops_per_s"] if w and n else None,
                    w["p99_us"] / v["p99_us"] if w and v else None,
                    cw / cn if cw and cn else None))
    return out


def _fmt(x):
    return "—" if x is None else f"{x:.2f}×"


def values(results_dir, run_info):
    runs = _runs(results_dir)
    if not runs:
        return None
    path = runs[-1]
    rows = _load(path)
    stats = _server_stats(path)
    first = next(iter(rows.values()))
    if os.path.isdir("docs"):
        _svg(rows, os.path.join("docs", "net.svg"))
    ratios = ["| workload | weft / Netty NIO throughput | weft / virtual threads p99 "
              "| weft / Netty NIO server CPU per op |", "|---|---|---|---|"]
    for workload in ("echo", "http"):
        rat = _ratios(rows, workload, stats)
        if rat:
            ratios.append(f"| {workload} | "
                          + " | ".join(", ".join(f"{r[0]:,}: {_fmt(r[i])}" for r in rat) for i in (1, 2, 3)) + " |")
    rounds, warmup, measured = _method(path)
    return {"file": path, "run_date": first["date"], "run_machine": first["machine"], "run_jdk": first["jdk"],
            "rounds": rounds, "warmup": warmup, "measured": measured,
            "echo": _table(rows, stats, "echo"), "http": _table(rows, stats, "http"), "ratios": "\n".join(ratios)}


def goals(results_dir):
    runs = _runs(results_dir)
    if not runs:
        return []
    rows = _load(runs[-1])
    out = []
    for workload, what in (("echo", "TCP echo"), ("http", "HTTP hello-world")):
        rat = _ratios(rows, workload)
        if not rat:
            continue
        tp = [(r[0], r[1]) for r in rat if r[1] is not None]
        p99 = [(r[0], r[2]) for r in rat if r[2] is not None]
        if tp:
            out.append(("6", f"{what} throughput ≥ Netty NIO",
                        "weft / Netty NIO by connections: " + ", ".join(f"{c:,}: {t:.2f}×" for c, t in tp),
                        "met" if all(t >= 1 for _, t in tp) else "not met"))
        if p99:
            out.append(("6", f"{what} p99 ≤ virtual threads",
                        "weft p99 / virtual threads p99 by connections: " + ", ".join(f"{c:,}: {p:.2f}×" for c, p in p99),
                        "met" if all(p <= 1 for _, p in p99) else "not met"))
    return out

"""The networking section (issue 6 point 5; the echo rows are also issue 8 point 5's "echo server
written four ways"), rendered from benchmarks/results/net/<stamp>.json written by
benchmarks/run/net. The JSON is a list of rows
  {"workload": "echo"|"http", "connections": N, "peer": ..., "ops_per_s", "p50_us", "p99_us",
   "p999_us" (or null), "date", "jdk", "machine"}
(another section reads the echo rows: keep the schema). The .txt next to it holds the raw
output plus, per cell, the server's live thread count and its CPU use (server_threads=,
server_cpu_cores=). Tables come from the newest run; older runs appear in a run-to-run table
of the goal ratios.
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
    server_threads, server_cpu_cores, server_cpu_us_per_op; ops_min/ops_max over the rounds).
    Runs made before rounds existed have one logged line per cell instead."""
    cells, single = {}, {}
    try:
        for line in open(path[:-5] + ".txt"):
            m = re.match(r"(cell )?(echo|http) (\S+) c=(\d+) (\{.*\})\s*$", line)
            if m:
                (cells if m[1] else single)[(m[2], m[3], int(m[4]))] = json.loads(m[5])
    except (FileNotFoundError, ValueError):
        pass
    return cells or single


def _method(path):
    """The rounds and durations from the .txt's first line."""
    try:
        first = open(path[:-5] + ".txt").readline()
    except FileNotFoundError:
        first = ""
    m = re.search(r"(\d+) rounds per cell, each warm-up (\d+)s \+ measured (\d+)s", first)
    if m:
        return (f"{m[1]} rounds per cell; each round every peer once, with a fresh load process: {m[2]} s "
                f"warm-up, then {m[3]} s measured. A cell's numbers are the **median of its rounds**, "
                f"metric by metric; the throughput range over the rounds is shown under it")
    m = re.search(r"warm-up (\d+)s \+ measured (\d+)s per cell", first)
    return f"one round per cell: {m[1]} s warm-up, then {m[2]} s measured" if m else "see the .txt"


def _stamp(path):
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d)(\d\d)", os.path.basename(path))
    return f"{m[1]} {m[2]}:{m[3]} UTC" if m else os.path.basename(path)


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


def render(results_dir, machine, jdk, date):
    runs = _runs(results_dir)
    if not runs:
        return "# Networking (issue 6)\n\nNo results yet: run `scripts/bench net`.\n"
    path = runs[-1]
    rows = _load(path)
    stats = _server_stats(path)
    first = next(iter(rows.values()))
    docs = os.path.join(os.path.dirname(os.path.abspath(results_dir)), "..", "docs")
    if not os.path.isdir(docs):
        docs = "docs"
    _svg(rows, os.path.join(docs, "net.svg"))
    missing = [NAMES[p] for p in PEERS if not any(q == p for (w, _, q) in rows if w == "echo")]
    history = ["| run | workload | weft / Netty NIO throughput | weft / virtual threads p99 "
               "| weft / Netty NIO server CPU per op |", "|---|---|---|---|---|"]
    for run in runs:
        rr = _load(run)
        for workload in ("echo", "http"):
            rat = _ratios(rr, workload, _server_stats(run))
            if rat:
                history.append(f"| {_stamp(run)} | {workload} | "
                               + " | ".join(", ".join(f"{r[0]:,}: {_fmt(r[i])}" for r in rat) for i in (1, 2, 3)) + " |")
    return f"""# Networking (issue 6)

Run `{path}` (raw output in the `.txt` next to it), started {first['date']}.
Machine: {first['machine']}. JDK: {first['jdk']}. `scripts/bench net` runs it (`benchmarks/run/net`);
the group takes about 9 minutes.

**Method.** Every server runs in a JVM of its own (`-Xms512m -Xmx512m`), and so does the load.
All servers of a workload are started first and then take turns cell by cell (for each connection
count, every peer one after the other), so a noisy minute on this shared 2-core machine hits every
peer rather than one. This run: {_method(path)}.
- **Echo** (64-byte messages): the load generator `dev.weft.bench.net.EchoClient`, the same for
  every server: **one thread**, one NIO selector, every connection in a closed loop (send 64 bytes,
  wait until all 64 are back and check them, record the round trip in an HdrHistogram, send the
  next), `TCP_NODELAY` on. With 100 and 1,000 connections the round trip includes the client's own
  queueing; it is the same for every server.
- **HTTP** hello-world (`GET /` → `Hello, World!`, `Content-Type` and `Content-Length`, keep-alive):
  `wrk -t1 -cN --latency --timeout 5s` for the measured window, after a `wrk` run as long as the
  warm-up; percentiles from wrk's own histogram (a Lua `done()` hook reads p50/p99/p99.9).

**Peers and their threads** (one per core on this 2-core machine where the model has a pool):
- **weft**: the examples `dev.weft.examples.net.EchoServer` / `HttpServer` unchanged, woven at
  load time by `-javaagent:agent/target/weft-agent.jar`, on `AsyncRuntime.create()`: the
  work-stealing runtime with 2 workers, one task per connection. One driver turns the selector
  and the timer wheel: since 2026-11-26 01:35 UTC an idle worker drives it by default ("weft");
  "weft, dedicated driver thread" is the same server with `-Dweft.driver=thread`. In runs before
  that, "weft" was the dedicated thread and "weft, idle-worker driver" the other mode.
- **Netty 4.2 NIO / epoll**: one `MultiThreadIoEventLoopGroup` of 2 threads with `NioIoHandler`
  (or `EpollIoHandler`) that accepts and serves; echo is Netty's echo handler (write on read,
  flush on read-complete), HTTP is `HttpServerCodec` plus a handler in the shape of Netty's
  HttpHelloWorldServer. Netty turns `TCP_NODELAY` on by default, the other servers leave it off
  (one outstanding message per connection, so Nagle never holds one back).{(" Not measured here: " + ", ".join(missing) + " (epoll did not load, see the .txt).") if missing else ""}
- **virtual threads**: blocking `java.net.ServerSocket`, a new virtual thread per connection
  (`newVirtualThreadPerTaskExecutor`, default scheduler: 2 carriers); HTTP is a **hand-written
  minimal HTTP/1.1 keep-alive server** (`BlockingServers.http`: answers every request head,
  pipelined heads in order, ignores bodies and `Connection: close`), so it does less work than
  weft's example, never more.
- **platform threads** (echo only): the same blocking loop, one platform thread per connection.
- **NIO.2 callbacks** (echo only; the seed's "callbacks/promises" model, row name
  `completable-future`): `AsynchronousServerSocketChannel` in a fixed group of 2 threads, each
  connection a chain of `CompletionHandler`s read → write → read.

Each cell: throughput with the peer's ratio to weft's (> 1: the peer is faster), p50 / p99 / p99.9
round-trip latency with the peer's p99 as a ratio of weft's (< 1: the peer's tail is shorter), and
the server process's live thread count (JVM threads included) and its CPU time over the measured
window (`/proc/PID/stat`), as cores busy and as CPU µs per message or request: the CPU cost per
operation depends much less on what else runs on the machine than throughput does.
The machine is shared with other helpers' builds: compare ratios within a row, not absolute
numbers across runs.

![networking chart](net.svg)

**TCP echo, 64-byte messages**

{_table(rows, stats, "echo")}

**HTTP hello-world under wrk**

{_table(rows, stats, "http")}

**Where weft's echo time goes** (hand-written from a profile of one moment,
`benchmarks/results/net/2026-11-26T0002Z-weft-echo-profile.txt`, JFR's CPU-time sampler and
linux-perf against Netty NIO under the same load; not regenerated by the run): at 100
connections weft's server spent ~12.9 µs of CPU per message against Netty NIO's ~8.7. Half of
both is the `write(2)` itself. The difference: **(1)** every message crosses threads twice
through the dedicated reactor thread (reactor → worker: unpark; worker → reactor:
`selector.wakeup()`, an eventfd write and drain); at 1 connection this makes weft's CPU per
message 2.5× Netty's, mostly context switches (43% of the samples in `finish_task_switch`);
**(2)** one-shot interest costs two `epoll_ctl` per message (arm adds OP_READ, readiness removes
it): 18% of weft's CPU samples at 100 connections, none for Netty; **(3)** an extra `read(2)`
per message that returns nothing (the echo loop reads again right after writing, then arms):
read costs 1.9 µs per message against Netty's 1.2. weft's own code (coroutine resume, await
steps, scheduler) is about 6% of the samples. Directions for the reactor: select on an idle
worker (Tokio's driver-on-park) instead of a separate thread, and keep interest set with a
per-source readiness cache instead of one-shot interest. Both were done afterwards (interest kept
registered with a tick-checked readiness cache; idle-worker driving as the default): compare
the "weft" rows of runs before and after 01:35 UTC, and the two weft modes within one run.

**Goal ratios, run by run**, by connection count (weft's throughput / Netty NIO's: ≥ 1 meets the
goal; weft's p99 / virtual threads': ≤ 1 meets the goal; the last column, weft's server CPU time
per operation / Netty NIO's, is not a goal but the steadiest of the three on a loaded machine:
> 1 means weft spends more CPU per message)

{chr(10).join(history)}
"""


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

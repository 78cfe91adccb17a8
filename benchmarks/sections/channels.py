"""The channels section of docs/benchmarks.md (issue 17 point 4), from benchmarks/run/channels.

Reads the newest benchmarks/results/channels/<stamp>.json ({date, jdk, machine, load_before,
load_after, jmh: [JMH rows]}) written by `scripts/bench channels`.
"""
import glob
import json
import os

import jmh

WORKLOADS = [
    ("rendezvous", "rendezvous: 5 producers hand 1,000 values each to one consumer", 5000, "value",
     [("weft", "weft `Channel.rendezvous()`"), ("kotlin", "Kotlin `Channel(RENDEZVOUS)`"),
      ("virtualThreads", "virtual threads, `SynchronousQueue`")]),
    ("broadcast", "broadcast: one sender, 4 receivers each get all 1,000 values", 4000, "delivery",
     [("weft", "weft `Broadcast` (capacity 1,000)"), ("kotlin", "Kotlin `MutableSharedFlow` (buffer 1,000)")]),
    ("watch", "watch: 1,000 change-notification round trips between two tasks", 1000, "round trip",
     [("weft", "weft `Watch` (`changed()` + `get()`)"), ("kotlin", "Kotlin `MutableStateFlow` (`first { }`)")]),
]


def _ns(v):
    if v >= 1e6:
        return f"{v / 1e6:.2f} ms"
    if v >= 1e3:
        return f"{v / 1e3:.1f} µs"
    return f"{v:.0f} ns"


def render(results_dir, machine, jdk, date):
    files = sorted(glob.glob(os.path.join(results_dir, "channels", "*.json")))
    head = "# Channels: rendezvous, broadcast, watch (issue 17)\n\n"
    if not files:
        return head + "No results yet: run `scripts/bench channels`.\n"
    data = json.load(open(files[-1]))
    rows = {}
    for r in jmh.read(data["jmh"]):
        workload, peer = r["method"].rsplit("_", 1)
        rows[(workload, peer)] = r
    md = [head + f"""Run {data['date']} by `benchmarks/run/channels` (what `scripts/bench channels` runs;
`dev.weft.bench.channels.ChannelsBench`, every peer in **one JMH run**, `-prof gc`); machine:
{data['machine']}; JDK: {data['jdk']}; load average before/after: {data['load_before']} /
{data['load_after']}. Raw: `{files[-1]}`. The machine is shared and was busy: absolute numbers are
noisy, compare the ratios within a table. weft is hand-written futures (the shape the weaver
generates) on the work-stealing runtime with one worker per core; Kotlin on
`Dispatchers.Default`. Every benchmark checks its sums or round trips. "Time vs weft" is the
peer's time divided by weft's (> 1: weft is faster).
"""]
    for key, title, units, unit, peers in WORKLOADS:
        base = rows.get((key, "weft"))
        md.append(f"**{title}**\n")
        md.append(f"| peer | time per op (± JMH error) | time per {unit} | bytes per {unit} | time vs weft |")
        md.append("|---|---|---|---|---|")
        for peer, label in peers:
            r = rows.get((key, peer))
            if r is None:
                continue
            err = f" ± {_ns(r['err'])}" if r["err"] is not None else ""
            b = f"{r['bytes'] / units:.0f} B" if r["bytes"] is not None else "—"
            ratio = f"**{r['ns'] / base['ns']:.2f}×**" if base else "—"
            md.append(f"| {label} | {_ns(r['ns'])}{err} | {_ns(r['ns'] / units)} | {b} | {ratio} |")
        md.append("")
    md.append("""Notes: Kotlin's watch peer subscribes a new collector (`first { }`) for every round trip,
the idiomatic way to wait for one value of a `StateFlow`, which is most of its bytes; weft's
`changed()` is one waiter node per wait. Where the JMH error exceeds the score (most Kotlin
rows in a loaded run) one iteration stalled; the ratios below show how much they move.
""")
    if len(files) > 1:
        md.append("Ratios (peer time / weft time) in every run kept in `benchmarks/results/channels/`, to show how far")
        md.append("they move on this shared machine:\n")
        cols = [(k, p, l) for k, _, _, _, peers in WORKLOADS for p, l in peers if p != "weft"]
        md.append("| run | load before | " + " | ".join(f"{k}: {p}" for k, p, _ in cols) + " |")
        md.append("|---|---|" + "---|" * len(cols))
        for f in files:
            d = json.load(open(f))
            rs = {tuple(r["method"].rsplit("_", 1)): r for r in jmh.read(d["jmh"])}
            cells = []
            for k, p, _ in cols:
                r, b = rs.get((k, p)), rs.get((k, "weft"))
                cells.append(f"{r['ns'] / b['ns']:.2f}×" if r and b else "—")
            md.append(f"| {d['date']} | {d['load_before'].split()[0]} | " + " | ".join(cells) + " |")
        md.append("")
    return "\n".join(md)

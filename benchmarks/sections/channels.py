"""The channels section (issue 17 point 4): the newest benchmarks/results/channels/<stamp>.json
({date, jdk, machine, load_before, load_after, jmh: [JMH rows]}, benchmarks/run/channels)."""
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


def values(results_dir, run):
    files = sorted(glob.glob(os.path.join(results_dir, "channels", "*.json")))
    if not files:
        return None
    data = json.load(open(files[-1]))
    rows = {tuple(r["method"].rsplit("_", 1)): r for r in jmh.read(data["jmh"])}
    md = []
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
    return {"run_date": data["date"], "run_machine": data["machine"], "run_jdk": data["jdk"],
            "load_before": data["load_before"], "load_after": data["load_after"], "file": files[-1],
            "tables": "\n".join(md).rstrip("\n")}

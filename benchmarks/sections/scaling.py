"""Scaling (issue 18, point 7): renders the newest benchmarks/results/scaling/ file
(benchmarks/run/scaling): each workload's time per peer at each worker count, and the speed-up
over one worker."""
import glob
import json
import os

import jmh

PEERS = {
    "weft": "weft",
    "weftAwait": "weft (await, woven)",
    "forkJoin": "ForkJoinPool",
    "virtualThreads": "virtual threads",
    "kotlin": "Kotlin coroutines",
}


def _fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def render(results_dir, machine, jdk, date):
    files = sorted(glob.glob(os.path.join(results_dir, "scaling", "*.json")))
    head = "## Scaling: 1, 2 … N workers (issue 18, point 7)\n\n"
    if not files:
        return head + "_No run yet: `scripts/bench scaling`._\n"
    d = json.load(open(files[-1]))
    counts = [r["workers"] for r in d["runs"]]
    cells = {}
    for run in d["runs"]:
        for r in jmh.read(run["jmh"]):
            workload, peer = r["method"].rsplit("_", 1)
            cells[(workload, peer, run["workers"])] = r["ns"]
    rows = sorted({(w, p) for w, p, _ in cells}, key=lambda k: (k[0], list(PEERS).index(k[1]) if k[1] in PEERS else 99))
    out = [head,
           f"From `{os.path.relpath(files[-1])}` ({d['date']}, {d['jdk']}, commit `{d['commit']}`, "
           f"{d['cores']} cores). Every peer gets the same count: weft's workers, the ForkJoinPool's "
           "parallelism, `jdk.virtualThreadScheduler.parallelism`, Dispatchers.Default's core pool. "
           "Beyond the core count the workers are oversubscribed. Speed-up is the one-worker time over "
           "this one.\n\n" + (f"_{d['note']}_\n\n" if d.get("note") else ""),
           "| workload | peer | " + " | ".join(f"{n} w" for n in counts) + " | speed-up at " + str(counts[-1]) + " |\n",
           "|---|---|" + "---|" * (len(counts) + 1) + "\n"]
    for w, p in rows:
        times = [cells.get((w, p, n)) for n in counts]
        first, last = times[0], times[-1]
        speed = f"{first / last:.2f}×" if first and last else "–"
        out.append(f"| {w} | {PEERS.get(p, p)} | " + " | ".join(_fmt(t) if t else "–" for t in times) + f" | {speed} |\n")
    return "".join(out)

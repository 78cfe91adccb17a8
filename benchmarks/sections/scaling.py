"""Scaling (issue 18, point 7): the newest benchmarks/results/scaling/ file
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


def values(results_dir, run_info):
    files = sorted(glob.glob(os.path.join(results_dir, "scaling", "*.json")))
    if not files:
        return None
    d = json.load(open(files[-1]))
    counts = [r["workers"] for r in d["runs"]]
    cells = {}
    for run in d["runs"]:
        for r in jmh.read(run["jmh"]):
            workload, peer = r["method"].rsplit("_", 1)
            cells[(workload, peer, run["workers"])] = r["ns"]
    rows = sorted({(w, p) for w, p, _ in cells}, key=lambda k: (k[0], list(PEERS).index(k[1]) if k[1] in PEERS else 99))
    out = ["| workload | peer | " + " | ".join(f"{n} w" for n in counts) + f" | speed-up at {counts[-1]} |",
           "|---|---|" + "---|" * (len(counts) + 1)]
    for w, p in rows:
        times = [cells.get((w, p, n)) for n in counts]
        first, last = times[0], times[-1]
        speed = f"{first / last:.2f}×" if first and last else "–"
        out.append(f"| {w} | {PEERS.get(p, p)} | " + " | ".join(jmh.fmt_time(t) if t else "–" for t in times) + f" | {speed} |")
    return {"file": os.path.relpath(files[-1]), "run_date": d["date"], "run_jdk": d["jdk"], "commit": d["commit"],
            "cores": str(d["cores"]), "table": "\n".join(out)}

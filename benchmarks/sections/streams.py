"""Async streams (issue 17, point 2): the newest benchmarks/results/streams/<stamp>.json
(benchmarks/run/streams: JMH dev.weft.bench.streams.StreamBench under "jmh", -prof gc).
One op is one element, so the bytes are bytes per element, counted on every thread."""
import glob
import json
import os

import jmh

WORKLOADS = [
    ("readyChannel", "ready: every element already there, consumer polled by hand",
     [("weft", "`Channel.stream()`, woven consumer"), ("kotlin", "cold `flow { emit(x) }`, `collect`")]),
    ("channelTasks", "producer task → channel (capacity 16) → consumer task, one thread",
     [("weft", "`send` → `Channel.stream()`, current-thread runtime"),
      ("kotlin", "`Channel(16)` → `consumeAsFlow().collect`, `runBlocking`")]),
    ("fromPublisher", "a thread submits to `SubmissionPublisher` (buffer 256)",
     [("weft", "`AsyncStream.from(p, 64)`, woven consumer, current-thread runtime"),
      ("jdk", "plain `Flow.Subscriber`, `request(64)` batches")]),
    ("toPublisher", "a ready stream published to a plain `Flow.Subscriber` (`request(64)` batches)",
     [("weft", "`AsyncStream.toPublisher`, emission task on a one-worker runtime")]),
]


def _newest(results_dir):
    files = sorted(glob.glob(os.path.join(results_dir, "streams", "*.json")))
    return files[-1] if files else None


def _bytes(b):
    return "—" if b is None else f"{b:.2f} B"


def _ns(r):
    err = f" ± {r['err']:.0f}" if r["err"] is not None else ""
    return f"{r['ns']:.0f}{err} ns"


def values(results_dir, run_info):
    path = _newest(results_dir)
    if path is None:
        return None
    d = json.load(open(path))
    rows = {tuple(r["method"].rsplit("_", 1)): r for r in jmh.read(d.get("jmh") or [])}
    out = ["| workload | peer | time per element | bytes per element |", "|---|---|---|---|"]
    for w, title, peers in WORKLOADS:
        for p, label in peers:
            r = rows.get((w, p))
            if r:
                out.append(f"| {title} | {label} | {_ns(r)} | {_bytes(r['bytes'])} |")
    return {"run_date": d["date"], "run_machine": d.get("machine", run_info["machine"]), "run_jdk": d["jdk"],
            "commit": d["commit"], "file": os.path.relpath(path), "table": "\n".join(out)}

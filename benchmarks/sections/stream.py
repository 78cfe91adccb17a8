"""Async generators (issue 17, point 2): bytes and time per stream element.

From the newest benchmarks/results/stream/<stamp>.json (benchmarks/run/stream, one JMH run of
dev.weft.bench.stream.AsyncGeneratorBench with -prof gc; one JMH operation is one element, the
elements preallocated, so the bytes are the stream's own).
"""
import glob
import json
import os

import jmh

ROWS = [
    # (method, label)
    ("ready", "weft async generator, awaiting a ready future between yields"),
    ("suspending", "weft async generator, awaiting `Async.yieldNow()` between yields (suspends once per element)"),
    ("kotlinFlowReady", "Kotlin `Flow`, a non-suspending suspend call between emissions"),
    ("kotlinFlowSuspending", "Kotlin `Flow`, `yield()` between emissions"),
    ("submissionPublisher", "`SubmissionPublisher`, request(1) per item, consumer run on the submitting thread"),
]


def _newest(results_dir):
    files = sorted(glob.glob(os.path.join(results_dir, "stream", "*.json")))
    return files[-1] if files else None


def _rows(path):
    data = json.load(open(path))
    rows = {r["method"]: r for r in jmh.read(data["jmh"])}
    for raw in data["jmh"]:
        # the median iteration too: one iteration of a short run can carry a JIT transition
        norm = raw.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("rawData") or []
        its = sorted(x for fork in norm for x in fork)
        rows[raw["benchmark"].rsplit(".", 1)[1]]["median_bytes"] = its[len(its) // 2] if its else None
    return data, rows


def values(results_dir, run_info):
    path = _newest(results_dir)
    if not path:
        return None
    data, rows = _rows(path)
    out = ["| stream | time per element | bytes per element (mean of the iterations) | (median iteration) |",
           "|---|---|---|---|"]
    for method, label in ROWS:
        r = rows.get(method)
        if r is None:
            continue
        b = "–" if r["bytes"] is None else f"{r['bytes']:.2f} B"
        m = "–" if r.get("median_bytes") is None else f"{r['median_bytes']:.2f} B"
        out.append(f"| {label} | {r['ns']:.0f} ns | {b} | {m} |")
    return {"file": path, "run_date": data.get("date"), "run_jdk": data.get("jdk"),
            "load_before": data.get("load_before"), "load_after": data.get("load_after"), "table": "\n".join(out)}


def goals(results_dir):
    path = _newest(results_dir)
    if not path:
        return []
    _, rows = _rows(path)
    r = rows.get("ready")
    if r is None or r["bytes"] is None:
        return []
    return [("17", "async generator, ready awaits: 0 B per element beyond the element",
             f"{r['bytes']:.2f} B per element (per-stream objects spread over 1,000 elements)",
             "met" if r["bytes"] < 1 else "not met")]

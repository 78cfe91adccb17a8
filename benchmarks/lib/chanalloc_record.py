"""Writes benchmarks/results/chanalloc/<stamp>.json for benchmarks/run/chanalloc.

Arguments: OUT DATE JDK MACHINE, then per run five: LABEL ROUND LOAD_BEFORE LOAD_AFTER JMH_JSON.
The note field (how the run was made) starts empty: edit it by hand; the analysis is prose in
benchmarks/prose/chanalloc.md.
"""
import json
import sys

out, date, jdk, machine = sys.argv[1:5]
rest = sys.argv[5:]


def slim(row):
    """The fields benchmarks/lib/jmh.py reads, nothing else (keeps the file small)."""
    pm = row["primaryMetric"]
    sm = row.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return {"benchmark": row["benchmark"], "params": row.get("params", {}),
            "primaryMetric": {k: pm[k] for k in ("score", "scoreError", "scoreUnit", "rawData")},
            "secondaryMetrics": {"gc.alloc.rate.norm": {"score": sm["score"], "scoreUnit": sm["scoreUnit"]}} if sm else {}}


runs = []
for i in range(0, len(rest), 5):
    label, rnd, lb, la, path = rest[i:i + 5]
    runs.append({"label": label, "round": int(rnd), "load_before": lb, "load_after": la,
                 "jmh": [slim(r) for r in json.load(open(path))]})
json.dump({"date": date, "jdk": jdk, "machine": machine, "note": "",
           "runs": runs}, open(out, "w"), indent=1)
print("wrote", out, file=sys.stderr)

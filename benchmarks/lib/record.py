"""Wraps one JMH JSON file into a group's result file: {date, jdk, machine, load_before,
load_after, jmh: [JMH rows]} and, given the runner's .txt, lateness: [the JSON of every
"LATENESS " line] (benchmarks/run/seed and benchmarks/run/timers).

Arguments: JMH_JSON OUT_JSON DATE JDK MACHINE LOAD_BEFORE LOAD_AFTER [TXT].
"""
import json
import sys

jmh, out, date, jdk, machine, lb, la = sys.argv[1:8]
record = {"date": date, "jdk": jdk, "machine": machine, "load_before": lb, "load_after": la,
          "jmh": json.load(open(jmh))}
if len(sys.argv) > 8:
    record["lateness"] = [json.loads(l.split(" ", 1)[1]) for l in open(sys.argv[8]) if l.startswith("LATENESS ")]
json.dump(record, open(out, "w"), indent=1)

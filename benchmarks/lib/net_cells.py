"""benchmarks/run/net's rows file (workload, peer, connections, one JSON round per line) to the
group's JSON: one row per cell, the median of its rounds metric by metric; prints a "cell" line
per cell (server medians, throughput range, round count) for the .txt.

Arguments: ROWS_FILE OUT_JSON DATE JDK MACHINE.
"""
import json, statistics, sys
rows_file, out, date, jdk, machine = sys.argv[1:]
cells = {}
for line in open(rows_file):
    workload, peer, conns, data = line.rstrip("\n").split("\t", 3)
    cells.setdefault((workload, peer, int(conns)), []).append(json.loads(data))
order = {"echo": 0, "http": 1}
rows = []
for (workload, peer, conns), rounds in sorted(cells.items(), key=lambda kv: (order[kv[0][0]], kv[0][2])):
    med = lambda k: statistics.median(r[k] for r in rounds) if all(r.get(k) is not None for r in rounds) else None
    rows.append({"workload": workload, "connections": conns, "peer": peer,
                 "ops_per_s": med("ops_per_s"), "p50_us": med("p50_us"), "p99_us": med("p99_us"),
                 "p999_us": med("p999_us"), "date": date, "jdk": jdk, "machine": machine})
    summary = {k: med(k) for k in ("ops_per_s", "p50_us", "p99_us", "p999_us", "server_cpu_cores",
                                    "server_cpu_us_per_op", "server_threads")}
    summary.update(rounds=len(rounds), ops_min=min(r["ops_per_s"] for r in rounds),
                   ops_max=max(r["ops_per_s"] for r in rounds))
    print(f"cell {workload} {peer} c={conns} {json.dumps(summary)}")
json.dump(rows, open(out, "w"), indent=1)

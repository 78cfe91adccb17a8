"""The timers section of docs/benchmarks.md (issue 8 point 3), from benchmarks/run/timers.

Reads the newest benchmarks/results/timers/<stamp>.json ({date, jdk, machine, load_before,
load_after, jmh: [JMH rows], lateness: [rows]}).
"""
import glob
import json
import os
import statistics

import jmh

PEERS = ["weft", "netty", "stpe", "kotlin"]
PEER_NAMES = {"weft": "weft", "netty": "Netty HashedWheelTimer", "stpe": "ScheduledThreadPoolExecutor",
              "kotlin": "Kotlin withTimeout"}
WORKLOADS = [
    ("readyTimeout", "timeout(1 s, ready): create + poll + cancel (user level; the JIT may remove it all)"),
    ("readyTimeoutEscaping", "the same, the future escaping (stored, as a coroutine's state would)"),
    ("armedTimeout", "timer armed then cancelled (insert + remove, 1 s)"),
    ("armedTimeoutInTask", "the same inside one poll of a task on a worker (weft: the worker's timer batch)"),
    ("armedBulk", "1,000,000 armed, then all cancelled (1 min timers)"),
]
LATE_PEERS = [
    ("weft", "weft `Async.sleep` in tasks (wake → task scheduled → polled)"),
    ("weft-timer-thread", "weft `Async.sleep`, waker run on the timer thread"),
    ("weft-split", "weft in tasks, its waker wrapped to time the wake (see below)"),
    ("netty-hwt-100ms", "Netty HashedWheelTimer, default 100 ms tick"),
    ("netty-hwt-1ms", "Netty HashedWheelTimer, 1 ms tick"),
    ("stpe", "ScheduledThreadPoolExecutor (1 thread)"),
    ("kotlin-delay", "Kotlin `delay` on Dispatchers.Default"),
]


def _files(results_dir):
    return sorted(glob.glob(os.path.join(results_dir, "timers", "*.json")))


def _load(path):
    return json.load(open(path)) if path else None


def _jmh(data):
    rows = {}
    for r in jmh.read(data.get("jmh", [])):
        workload, peer = r["method"].rsplit("_", 1)
        rows[(workload, peer)] = {"best": min(r["raw_ns"]) if r["raw_ns"] else None,
                                  "ns": r["ns"], "err": r["err"], "bytes": r["bytes"]}
    return rows


def _late(data):
    """{peer: {"tick": ms, "rounds": n, "p50"/"p99"/"p999": median µs, "p99_lo"/"p99_hi"}}."""
    by = {}
    for r in data.get("lateness", []):
        by.setdefault(r["peer"], []).append(r)
    out = {}
    for p, rs in by.items():
        p99s = [r["p99_us"] for r in rs]
        out[p] = {"tick": rs[0]["tick_ms"], "rounds": len(rs),
                  "p50": statistics.median(r["p50_us"] for r in rs),
                  "p99": statistics.median(p99s), "p999": statistics.median(r["p999_us"] for r in rs),
                  "p99_lo": min(p99s), "p99_hi": max(p99s),
                  "early": sum(r["early"] for r in rs)}
        for k in ("fire_p50_us", "fire_p99_us", "run_p50_us", "run_p99_us"):
            if all(k in r for r in rs):
                out[p][k] = statistics.median(r[k] for r in rs)
    return out


def _ns(v):
    return f"{v:.1f} ns" if v < 100 else f"{v:.0f} ns"


def _ms(us):
    return f"{us / 1000:.2f} ms"


def values(results_dir, run_info):
    files = _files(results_dir)
    if not files:
        return None
    path = files[-1]
    data = _load(path)
    rows = _jmh(data)
    late = _late(data)
    out = ["| workload | " + " | ".join(PEER_NAMES[p] for p in PEERS) + " |", "|---" * (len(PEERS) + 1) + "|"]
    for w, title in WORKLOADS:
        base = rows.get((w, "weft")) or rows.get(("armedTimeout" if w.startswith("ready") else w, "weft"))
        cells = []
        for p in PEERS:
            r = rows.get((w, p))
            if r is None and w == "armedTimeout" and p == "kotlin":
                r = rows.get(("readyTimeout", "kotlin"))
            if r is None:
                cells.append("—")
                continue
            c = _ns(r["ns"]) + (f" ± {_ns(r['err'])}" if r["err"] is not None else "")
            if r.get("best") is not None:
                c += f"<br>best {_ns(r['best'])}"
            if r["bytes"] is not None:
                c += f"<br>{r['bytes']:.0f} B"
            if p != "weft" and base is not None and base["ns"] > 0.5:
                c += f"<br>**{r['ns'] / base['ns']:.2f}×** weft"
            cells.append(c)
        out.append(f"| {title} | " + " | ".join(cells) + " |")
    fl_t, fl_l = rows.get(("floorNanoTime", "weft")), rows.get(("floorTwoLocks", "weft"))
    floors = ["| one `System.nanoTime()` | two uncontended `synchronized` enter/exit pairs | sum |", "|---|---|---|"]
    if fl_t and fl_l:
        floors.append(f"| {_ns(fl_t['ns'])} | {_ns(fl_l['ns'])} | {_ns(fl_t['ns'] + fl_l['ns'])} |")
    lateness = ["| peer | tick | p50 | p99 | p99.9 | p99 over rounds | p99 / weft (tasks) p99 |",
                "|---|---|---|---|---|---|---|"]
    base = late.get("weft")
    for p, title in LATE_PEERS:
        v = late.get(p)
        if not v:
            continue
        tick = f"{v['tick']} ms" if v["tick"] else "none (heap)"
        ratio = f"{v['p99'] / base['p99']:.2f}×" if base and p != "weft" else "—"
        lateness.append(f"| {title} | {tick} | {_ms(v['p50'])} | {_ms(v['p99'])} | {_ms(v['p999'])} | "
                        f"{_ms(v['p99_lo'])} – {_ms(v['p99_hi'])} | {ratio} |")
    split = late.get("weft-split") or {}
    parts = ["| | p50 | p99 |", "|---|---|---|"]
    for key, label in (("fire", "the timer (waker called − deadline)"), ("run", "the task (polled − waker called)")):
        if f"{key}_p99_us" in split:
            parts.append(f"| {label} | {_ms(split[f'{key}_p50_us'])} | {_ms(split[f'{key}_p99_us'])} |")
    return {"run_date": data["date"], "run_machine": data["machine"], "run_jdk": data["jdk"],
            "load_before": data["load_before"], "load_after": data["load_after"], "file": path,
            "table": "\n".join(out), "floors": "\n".join(floors), "lateness": "\n".join(lateness),
            "rounds": str(max([v["rounds"] for v in late.values()] or [0])),
            "early": str(sum(v["early"] for v in late.values())), "split": "\n".join(parts)}


def goals(results_dir):
    files = _files(results_dir)
    if not files:
        return []
    data = _load(files[-1])
    rows, late = _jmh(data), _late(data)
    out = []
    a = rows.get(("armedTimeout", "weft"))
    t = rows.get(("armedTimeoutInTask", "weft"))
    if a:
        n = rows.get(("armedTimeout", "netty"))
        vs = f"; Netty HashedWheelTimer {n['ns'] / a['ns']:.2f}× weft's time" if n else ""
        best = a.get("best") or a["ns"]
        text = (f"armed from a plain thread: best iteration {best:.0f} ns, mean {a['ns']:.0f} ns "
                f"({best / 30:.2f}× the goal; {a['bytes']:.0f} B){vs}")
        status = "met" if best <= 30 else "not met"
        if t:
            tb = t.get("best") or t["ns"]
            text = (f"armed and cancelled in one poll of a task on a worker: best {tb:.0f} ns, mean "
                    f"{t['ns']:.0f} ns ({tb / 30:.2f}× the goal; {t['bytes']:.0f} B); " + text)
            status = ("met in a task's poll, not from a plain thread" if tb <= 30 < best
                      else "met" if tb <= 30 and best <= 30 else status)
        out.append(("8", "≤30 ns per timeout insert+cancel", text, status))
    w = late.get("weft")
    if w:
        bound = 1000 + w["tick"] * 1000
        out.append(("8", "p99 sleep lateness ≤ 1 ms + tick",
                    f"p99 {_ms(w['p99'])} (median of {w['rounds']} rounds; bound {_ms(bound)}; "
                    f"{w['p99'] / bound:.2f}× the bound)",
                    "met" if w["p99"] <= bound else "not met"))
    return out

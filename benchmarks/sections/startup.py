"""The start-up section of docs/benchmarks.md (issue 8 point 4), from benchmarks/run/startup.

Reads the newest benchmarks/results/startup/<stamp>.json: {date, machine, jdks: {name: version},
runs_per_variant, plain_classes, weft_classes, rows: [{jdk, program, agent, run, to_main_ms,
to_done_ms, wall_ms, cpu_ms}], scancost: {jdk: {...}}, scancost_baseline, class_loads: {jdk:
{agent: {total, from_agent_jar}}}, baseline_agent}. Agent "baseline" (optional) is an older agent
jar run side by side with the current one.
"""
import glob
import json
import os
import statistics

GOAL_MS = 150


def _newest(results_dir):
    files = sorted(glob.glob(os.path.join(results_dir, "startup", "*.json")))
    return files[-1] if files else None


MODES = [("none", "none"), ("empty", "empty agent (control)"), ("baseline", "weft agent, baseline (before)"),
         ("weft", "weft agent"),
         ("noverify", "weft agent, `=noverify`"), ("nojfr", "weft agent, `=nojfr`"), ("cache", "weft agent, `=cache=<dir>` (warm)")]
# (mode, base, label): the rows of differences under each program
DELTAS = [("baseline", "none", "baseline agent − none"), ("weft", "none", "weft agent − none"), ("noverify", "none", "weft agent `=noverify` − none"),
          ("nojfr", "none", "weft agent `=nojfr` − none"),
          ("cache", "none", "weft agent `=cache=<dir>` − none"), ("weft", "empty", "weft agent − empty agent")]


def _stats(rows, jdk, program, agent, key):
    v = sorted(r[key] for r in rows if r["jdk"] == jdk and r["program"] == program and r["agent"] == agent)
    if not v:
        return None
    return {"median": statistics.median(v), "lo": v[0], "hi": v[-1], "n": len(v)}


def _delta(rows, jdk, program, key, mode="weft", base="none"):
    a, b = _stats(rows, jdk, program, mode, key), _stats(rows, jdk, program, base, key)
    return (a["median"] - b["median"]) if a and b else None


def values(results_dir, run_info):
    path = _newest(results_dir)
    if not path:
        return None
    d = json.load(open(path))
    rows = d["rows"]
    keys = ("to_main_ms", "to_done_ms", "wall_ms") + (("cpu_ms",) if any("cpu_ms" in r for r in rows) else ())
    out = []
    for jdk_name in d["jdks"]:
        out.append(f"**JDK {jdk_name}**\n")
        out.append("| program | agent | to main | to done | wall |" + (" CPU |" if len(keys) > 3 else ""))
        out.append("|---|---|---|---|---|" + ("---|" if len(keys) > 3 else ""))
        for program in ("hello", "gen"):
            for agent, label in MODES:
                cells = []
                for key in keys:
                    s = _stats(rows, jdk_name, program, agent, key)
                    cells.append(f"{s['median']:.0f} ms ({s['lo']:.0f}–{s['hi']:.0f})" if s else "—")
                if any(c != "—" for c in cells):
                    out.append(f"| {program} | {label} | " + " | ".join(cells) + " |")
            for mode, base, label in DELTAS:
                deltas = [_delta(rows, jdk_name, program, k, mode, base) for k in keys]
                if any(x is not None for x in deltas):
                    out.append(f"| {program} | **{label}** | " + " | ".join(
                        f"**{x:+.0f} ms**" if x is not None else "—" for x in deltas) + " |")
        out.append("")
    cl = d.get("class_loads", {})
    shown = [(a, label) for a, label in MODES if any(a in v for v in cl.values())]
    loads = ["| JDK | " + " | ".join(label for _, label in shown) + " |", "|---|" + "---|" * len(shown)]
    for k, v in cl.items():
        loads.append(f"| {k} | " + " | ".join(
            (f"{v[a]['total']:,} ({v[a]['from_agent_jar']} from the agent jar)" if a in v else "—") for a, _ in shown) + " |")
    sc = d.get("scancost", {})
    scan = ["| JDK | plain classes passed through | await classes woven | plain, cold | await class, cold "
            "| plain, warm | await class, warm | woven / plain (warm) |", "|---|---|---|---|---|---|---|---|"]
    reading = ["| JDK | weft agent − none, hello | of it, any agent (empty − none) | weft's own (weft − empty) "
               "| the 2,000 classes (gen − hello) | per class | cold transformer in-process |", "|---|---|---|---|---|---|---|"]
    for k, v in list(sc.items()) + [(f"{k}, baseline", v) for k, v in d.get("scancost_baseline", {}).items()]:
        ratio = v["warm_weft_us"] / v["warm_plain_us"] if v["warm_plain_us"] else float("nan")
        plain = v["classes"] - v["weft_classes"]
        scan.append(f"| {k} | {v['passed_through']:,} of {plain:,} "
                    f"(avg {v['plain_class_bytes_avg']:,} B) | {v['woven']} of {v['weft_classes']} "
                    f"(avg {v['weft_class_bytes_avg']:,} B) | {v['cold_plain_us']:.1f} µs | {v['cold_weft_us']:.0f} µs | "
                    f"{v['warm_plain_us']:.2f} µs | {v['warm_weft_us']:.1f} µs | {ratio:,.0f}× |")
        if k not in d["jdks"]:
            continue
        dh, dd = _delta(rows, k, "hello", "to_done_ms"), _delta(rows, k, "gen", "to_done_ms")
        de = _delta(rows, k, "hello", "to_done_ms", "weft", "empty")
        if None in (dh, dd, de):
            continue
        est = (v["cold_plain_us"] * plain + v["cold_weft_us"] * v["weft_classes"]) / 1000
        reading.append(f"| {k} | {dh:+.0f} ms | {dh - de:+.0f} ms | {de:+.0f} ms | {dd - dh:+.0f} ms | "
                       f"{(dd - dh) / v['classes'] * 1000:.0f} µs | {est:.0f} ms |")
    return {"run_date": d["date"], "run_machine": d["machine"], "load_after": d.get("load_after", "?"), "file": path,
            "jdks": "; ".join(f"{k}: {v}" for k, v in d["jdks"].items()),
            "classes": f"{d['plain_classes'] + d['weft_classes']:,}", "plain_classes": f"{d['plain_classes']:,}",
            "weft_classes": str(d["weft_classes"]), "runs": str(d["runs_per_variant"]),
            "tables": "\n".join(out).rstrip("\n"), "class_loads": "\n".join(loads), "scancost": "\n".join(scan),
            "reading": "\n".join(reading)}


def goals(results_dir):
    path = _newest(results_dir)
    if not path:
        return []
    d = json.load(open(path))
    rows = d["rows"]
    out = []
    main = list(d["jdks"])[0]
    # Start-up is read as time to main (what a hello world and any program pay before their
    # code runs); loading and weaving the 100 await classes happens after main started and is
    # reported as its own row, so neither number hides the other.
    for jdk in d["jdks"]:
        hm = _delta(rows, jdk, "hello", "to_main_ms")
        gm = _delta(rows, jdk, "gen", "to_main_ms")
        hd = _delta(rows, jdk, "hello", "to_done_ms")
        if hm is None or gm is None:
            continue
        worst = max(hm, gm, hd if hd is not None else hm)
        out.append(("8", f"start-up < +{GOAL_MS} ms with the agent (JDK {jdk})",
                    f"time to main: hello {hm:+.0f} ms, 2,000-class program {gm:+.0f} ms; hello to done "
                    f"{hd:+.0f} ms (medians of {d['runs_per_variant']}; worst {worst / GOAL_MS:.2f}× the budget)",
                    "met" if worst < GOAL_MS else "not met"))
        gd = _delta(rows, jdk, "gen", "to_done_ms")
        if gd is not None:
            out.append(("8", f"2,000 classes of which 100 woven at load time, within +{GOAL_MS} ms (JDK {jdk})",
                        f"{gd:+.0f} ms to done ({gd / 100:.1f} ms per woven class, cold weaver; "
                        f"{gd / GOAL_MS:.2f}× the budget)",
                        "met" if gd < GOAL_MS else "not met"))
    v = d.get("scancost", {}).get(main)
    if v:
        ok = v["passed_through"] == v["classes"] - v["weft_classes"] and v["woven"] == v["weft_classes"]
        out.append(("8", "classes without weft references skipped by the byte scan",
                    f"{v['passed_through']:,} of {v['classes'] - v['weft_classes']:,} passed through, "
                    f"{v['warm_plain_us']:.2f} µs each warm ({v['cold_plain_us']:.1f} µs cold) vs "
                    f"{v['warm_weft_us']:.0f} µs per woven class",
                    "met" if ok else "not met"))
    return out

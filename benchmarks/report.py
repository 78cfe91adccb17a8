#!/usr/bin/env python3
"""Writes docs/benchmarks.md (and its charts) from benchmarks/results/ and the hand-edited prose.

Usage: report.py RESULT.json|- MACHINE JDK DATE [RESULTS_DIR]   (scripts/bench calls it)
RESULT.json is the scheduler/sync JMH run just made ("-": none, the newest in RESULTS_DIR).

The page is benchmarks/prose/<name>.md for each name in PAGE, in that order. The prose is
hand-edited; a {{key}} in it is replaced by a table (or a fact of the run: its date, machine,
file) that benchmarks/sections/<module>.py computes from its newest result file:
  values(results_dir, run) -> {key: markdown}, or None when it has no results yet
  goals(results_dir) -> [(issue, goal, measured, verdict)]   (optional)
A section without results shows its heading and `scripts/bench <module>`. Python writes no
sentences: what a run means is said in the prose, next to the table it reads.
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "lib"))

# (prose file, the module that fills it in; None: the prose is the whole section)
PAGE = [
    ("header", "scheduler"),
    ("scheduler", "scheduler"),
    ("sync", "scheduler"),
    ("channels", "channels"),
    ("depth", "depth"),
    ("footprint", "footprint"),
    ("net", "net"),
    ("scaling", "scaling"),
    ("seed", "seed"),
    ("startup", "startup"),
    ("streams", "streams"),
    ("timers", "timers"),
    ("chanalloc", "chanalloc"),
    ("stack", None),
    ("traces", None),
    ("stream", "stream"),
]


def module(name):
    spec = importlib.util.spec_from_file_location(f"weft_section_{name}", os.path.join(HERE, "sections", name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fill(prose, values, name):
    """prose with every {{key}} replaced; a key the section did not compute is an error."""
    def value(m):
        if m[1] not in values:
            sys.exit(f"report.py: benchmarks/prose/{name}.md: no value for {{{{{m[1]}}}}}")
        return values[m[1]]
    return re.sub(r"\{\{(\w+)\}\}", value, prose)


def goals_table(mods, results_dir):
    rows = [g for mod in mods for g in (mod.goals(results_dir) if hasattr(mod, "goals") else [])]
    out = ["| issue | goal | measured | |", "|---|---|---|---|"]
    return "\n".join(out + [f"| {i} | {g} | {m} | {v} |" for i, g, m, v in rows])


def main():
    result, machine, jdk, date = sys.argv[1:5]
    results_dir = sys.argv[5] if len(sys.argv) > 5 and os.path.isdir(sys.argv[5]) else "benchmarks/results"
    run = {"result": None if result == "-" else result, "machine": machine, "jdk": jdk, "date": date}
    mods = {m: module(m) for m in dict.fromkeys(m for _, m in PAGE if m)}
    values = {m: mod.values(results_dir, run) for m, mod in mods.items()}
    page = []
    for name, m in PAGE:
        prose = open(os.path.join(HERE, "prose", name + ".md")).read()
        if m is not None and values[m] is None:
            heading = prose.split("\n", 1)[0]
            page.append(f"{heading}\n\nNo results yet: run `scripts/bench {m}`.\n")
            continue
        v = dict(values.get(m) or {}, date=date, machine=machine, jdk=jdk)
        if name == "header":
            v["goals"] = goals_table([mods[k] for k in mods if k != "scheduler"], results_dir)
        page.append(fill(prose, v, name).rstrip("\n") + "\n")
    with open("docs/benchmarks.md", "w") as f:
        f.write("\n".join(page))


if __name__ == "__main__":
    main()

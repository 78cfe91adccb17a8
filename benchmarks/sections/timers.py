"""The timers section of docs/benchmarks.md (issue 8 point 3), from benchmarks/run/timers.

Reads the newest benchmarks/results/timers/<stamp>.json ({date, jdk, machine, load_before,
load_after, jmh: [JMH rows], lateness: [rows]}); when benchmarks/results/timers/before/ holds a
run made before the leaf change described below, a before/after table is added.
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


def _files(results_dir, sub=""):
    return sorted(glob.glob(os.path.join(results_dir, "timers", sub, "*.json")))


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


def render(results_dir, machine, jdk, date):
    files = _files(results_dir)
    if not files:
        return "# Timers (issue 8)\n\nNo results yet: run `scripts/bench timers`.\n"
    path = files[-1]
    data = _load(path)
    rows = _jmh(data)
    late = _late(data)
    out = [f"""# Timers (issue 8)

Run {data['date']} by `benchmarks/run/timers` (what `scripts/bench timers` runs); machine: {data['machine']};
JDK: {data['jdk']}; load average before/after: {data['load_before']} / {data['load_after']} (the
machine is shared: other helpers' builds and servers ran at the same time, so compare the ratios
within a table). Raw output: `{path}` and the `.txt` next to it.

## Timeout insert + cancel

`dev.weft.bench.timers.TimerBench`, JMH `-f 1 -wi 3 -i 5`, 1 s iterations, `-prof gc`; every
invocation creates and cancels 1,000,000 timeouts (`@OperationsPerInvocation`), so the numbers
are per timeout. weft polls with a plain `Context` (no runtime), so its timers go to the fallback
driver: the same wheel and lock a runtime's driver has, measured on the polling thread as a
worker would pay it. Peers: Netty 4.2 `HashedWheelTimer.newTimeout(...).cancel()`,
`ScheduledThreadPoolExecutor.schedule(...).cancel(false)` with `setRemoveOnCancelPolicy(true)`,
Kotlin `withTimeout(1 s) {{ ready }}` in `runBlocking` (kotlinx arms its timer on entry even when
the block does not suspend, so it belongs to both rows). Each cell: mean time per timeout (± JMH
error), the best of the measured iterations (the least disturbed by the other processes on the
machine; the goal is read from it, and from the mean too), bytes allocated per timeout
(deterministic), and the mean time relative to weft's (> 1: weft is faster).
"""]
    out.append("| workload | " + " | ".join(PEER_NAMES[p] for p in PEERS) + " |")
    out.append("|---" * (len(PEERS) + 1) + "|")
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
    if fl_t and fl_l:
        out.append(f"""
Floors measured in the same run: one `System.nanoTime()` costs {_ns(fl_t['ns'])}, two
uncontended `synchronized` enter/exit pairs {_ns(fl_l['ns'])}. An armed weft timeout pays both
(the deadline needs the time now; the wheel is behind the driver's lock for the insert and for
the remove), so on this machine insert+cancel cannot go below about
{_ns(fl_t['ns'] + fl_l['ns'])} without a different driver design. The in-task row is that
design: a task's timers wait in its worker's timer batch and reach the wheel when the poll ends
(one clock read, taken after the arms, and one lock per poll: never early), so a timeout armed
and cancelled within one poll pays neither (docs/design.md, "Timers armed in a task's poll
reach the wheel when the poll ends"). A timeout armed in one
poll and cancelled in a later one still pays one clock read and the lock per arming poll.
The "ready" row's weft cell is what the JIT makes of it when the timeout does not escape: escape
analysis removes the object and the disarm (`cancel` of a never-armed timer does nothing).""")
    before = _files(results_dir, "before")
    if before:
        b = _jmh(_load(before[-1]))
        out.append(f"""
### The leaf change: a timeout is its own timer entry

Before: `Async.timeout` allocated a `Timeout` (24 B) and, at its first pending poll, a separate
`Sleep` (56 B) as its timer; every poll of a sleep wrote its waker to a volatile field (a full
fence on x86), and so did cancel. After (`internal/time/TimerLeaf`): `Sleep` and `Timeout`
both extend `TimerLeaf`, which is the wheel entry, so an armed timeout is one 48 B object (56 B before the wheel entry's level and slot became bytes); the
first poll stores the waker with a plain write (registration under the driver's lock publishes
it to the driving thread), a re-poll with the same waker writes nothing, and cancel clears the
waker with a release store. Cost: a timeout that never arms now allocates 48 B instead of 24 B
when it escapes. Same benchmark (weft rows only), the "before" jar built from the commit before
the change, run right before the full run above (`{before[-1]}`); times on this shared machine
move a lot between runs, the bytes do not:

| weft workload | before | after | after / before |
|---|---|---|---|""")
        for w, title in WORKLOADS:
            x, y = b.get((w, "weft")), rows.get((w, "weft"))
            if x and y:
                ratio = f"{y['ns'] / x['ns']:.2f}× mean, {y['best'] / x['best']:.2f}× best" if x["ns"] > 0.5 and x.get("best") and y.get("best") else "—"
                fx = f"{_ns(x['ns'])} (best {_ns(x['best'])}), {x['bytes'] or 0:.0f} B" if x.get("best") else f"{_ns(x['ns'])}, {x['bytes'] or 0:.0f} B"
                fy = f"{_ns(y['ns'])} (best {_ns(y['best'])}), {y['bytes'] or 0:.0f} B" if y.get("best") else f"{_ns(y['ns'])}, {y['bytes'] or 0:.0f} B"
                out.append(f"| {title} | {fx} | {fy} | {ratio} |")
    out.append("""
**What 30 ns needs (not in this change: the driver is the reactor's).** The leaf is now one
object and no fences beyond the driver's lock; what is left is the driver's design: one
`System.nanoTime()` per arm and a monitor enter/exit for the insert and another for the remove.
Tokio's and Netty's answers: read the clock once per worker turn (a cached "now" tick on the
worker, refreshed before it polls a batch) instead of per arm, and give each worker its own
wheel (insert and cancel from the owning worker without a lock; a cancel from another thread
goes through a queue the owner drains). Both are TimerDriver/Reactor changes.""")
    out.append(f"""
## Sleep lateness

`dev.weft.bench.timers.Lateness`: 100,000 sleeps of uniformly random whole 1–100 ms (one fixed
sequence for every peer) started together; each records `wake − (its start + its delay)` into an
HdrHistogram (3 significant digits). One warm-up round per peer, then
{max([v['rounds'] for v in late.values()] or [0])} measured rounds with the peers interleaved
within each round; the table shows the median over rounds of each percentile and the range of
p99 over rounds. weft (tasks): one task per sleep on `AsyncRuntime` (one worker per core), so the
lateness includes the wake being scheduled and the task being polled; weft (timer thread): each
sleep polled once from the main thread with a waker that records on the driving thread itself,
as Netty's and STPE's tasks run on their timer thread. The goal's bound is 1 ms plus one tick of
the timer (weft's tick is 1 ms: a deadline rounds up to the next whole tick, so up to 1 ms of
lateness is by design).

| peer | tick | p50 | p99 | p99.9 | p99 over rounds | p99 / weft (tasks) p99 |
|---|---|---|---|---|---|---|""")
    base = late.get("weft")
    for p, title in LATE_PEERS:
        v = late.get(p)
        if not v:
            continue
        tick = f"{v['tick']} ms" if v["tick"] else "none (heap)"
        ratio = f"{v['p99'] / base['p99']:.2f}×" if base and p != "weft" else "—"
        out.append(f"| {title} | {tick} | {_ms(v['p50'])} | {_ms(v['p99'])} | {_ms(v['p999'])} | "
                   f"{_ms(v['p99_lo'])} – {_ms(v['p99_hi'])} | {ratio} |")
    early = sum(v["early"] for v in late.values())
    out.append(f"\nSleeps that woke early (before their deadline), all peers and rounds: {early}.")
    split = late.get("weft-split")
    if split and "fire_p99_us" in split:
        out.append(f"""
Where weft's lateness in tasks comes from (row weft-split, medians over rounds): the timer itself
(waker called − deadline, rounding up to the tick included) p50 {_ms(split['fire_p50_us'])}, p99
{_ms(split['fire_p99_us'])}; the woken task waiting for a worker (polled − waker called) p50
{_ms(split['run_p50_us'])}, p99 {_ms(split['run_p99_us'])}.""")
    out.append("""
What the lateness shows: with 100,000 timers over 100 ms the driving thread fires about 1,000
timers per millisecond, and on two shared, busy cores any thread that has to run on time (the
timer thread, then a worker for the woken task) waits for a core; the spread of p99 between
rounds is that. The goal is read from weft (tasks), the user-level number.""")
    prior = _files(results_dir, "before-timers2")
    if prior:
        pd = _load(prior[-1])
        pl, pj = _late(pd), _jmh(pd)
        out.append(f"""
### Before and after the wheel's two level-0 banks and the worker timer batch

The same runner with the benchmarks jar of the commit before both changes (`{prior[-1]}`, run
{pd['date']}, load {pd['load_before']}), next to the run above; the machine was shared, so
read the ratios with care:

| weft | before | after |
|---|---|---|""")
        for w, title in (("armedTimeout", "armed + cancelled, plain thread"),
                         ("armedTimeoutInTask", "armed + cancelled in one task poll")):
            x, y = pj.get((w, "weft")), rows.get((w, "weft"))
            fx = f"{_ns(x['ns'])}, {x['bytes'] or 0:.0f} B" if x else "— (no such row: the same loop arms directly)"
            fy = f"{_ns(y['ns'])}, {y['bytes'] or 0:.0f} B" if y else "—"
            out.append(f"| {title} | {fx} | {fy} |")
        for p in ("weft", "weft-timer-thread"):
            x, y = pl.get(p), late.get(p)
            if x and y:
                out.append(f"| lateness p50 / p99 / p99.9, {p} | {_ms(x['p50'])} / {_ms(x['p99'])} / "
                           f"{_ms(x['p999'])} | {_ms(y['p50'])} / {_ms(y['p99'])} / {_ms(y['p999'])} |")
    return "\n".join(out) + "\n"


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

"""Async streams (issue 17, point 2): renders the newest benchmarks/results/streams/<stamp>.json
(benchmarks/run/streams: JMH dev.weft.bench.streams.StreamBench under "jmh", -prof gc).
One op is one element, so the bytes are bytes per element, counted on every thread."""
import glob
import json
import os

import jmh

WORKLOADS = [
    ("readyChannel", "ready: every element already there, consumer polled by hand",
     [("weft", "`Channel.stream()`, woven consumer"), ("kotlin", "cold `flow { emit(x) }`, `collect`")]),
    ("channelTasks", "producer task → channel (capacity 16) → consumer task, one thread",
     [("weft", "`send` → `Channel.stream()`, current-thread runtime"),
      ("kotlin", "`Channel(16)` → `consumeAsFlow().collect`, `runBlocking`")]),
    ("fromPublisher", "a thread submits to `SubmissionPublisher` (buffer 256)",
     [("weft", "`AsyncStream.from(p, 64)`, woven consumer, current-thread runtime"),
      ("jdk", "plain `Flow.Subscriber`, `request(64)` batches")]),
    ("toPublisher", "a ready stream published to a plain `Flow.Subscriber` (`request(64)` batches)",
     [("weft", "`AsyncStream.toPublisher`, emission task on a one-worker runtime")]),
]


def _newest(results_dir):
    files = sorted(glob.glob(os.path.join(results_dir, "streams", "*.json")))
    return files[-1] if files else None


def _bytes(b):
    return "—" if b is None else f"{b:.2f} B"


def _ns(r):
    err = f" ± {r['err']:.0f}" if r["err"] is not None else ""
    return f"{r['ns']:.0f}{err} ns"


def render(results_dir, machine, jdk, date):
    path = _newest(results_dir)
    head = "## Async streams (issue 17)\n\n"
    if path is None:
        return head + "No run yet: `scripts/bench streams`.\n"
    d = json.load(open(path))
    rows = {}
    for r in jmh.read(d.get("jmh") or []):
        workload, peer = r["method"].rsplit("_", 1)
        rows[(workload, peer)] = r
    out = [head + f"Run {d['date']} on {d.get('machine', machine)}; {d['jdk']}; weft at commit `{d['commit']}`; result file "
           f"`{os.path.relpath(path)}`. Run with `scripts/bench streams` (`benchmarks/run/streams`: JMH "
           "`dev.weft.bench.streams.StreamBench`, `-prof gc`, one fork). One op is one element (10,000 per "
           "invocation, taken from one preallocated array, so no element is allocated in the run): the bytes "
           "are what the stream machinery allocates per element, on every thread.\n",
           "| workload | peer | time per element | bytes per element |", "|---|---|---|---|"]
    for w, title, peers in WORKLOADS:
        for p, label in peers:
            r = rows.get((w, p))
            if r:
                out.append(f"| {title} | {label} | {_ns(r)} | {_bytes(r['bytes'])} |")
    out.append("""
Reading it: the bytes are the point (the times come from a 2-core machine shared with other
work, with wide error bars). A ready `Channel.stream()` and `toPublisher` allocate nothing per
element: one `hasNext()` future and one channel receive are reused for every element, and its
answers are two shared ready polls. Between two tasks the ~40 B per element are the producer's
`send` futures (one per send, the channel's API), not the stream. `AsyncStream.from` adds about
1 B per element over the JDK's own subscriber on the same publisher (within the error): its
queue is an array sized once and demand is replenished 48 at a time for a prefetch of 64. Its
time is the hop from the publisher's thread to the consumer's task, a park/unpark whenever the
consumer has drained the queue, where the JDK's subscriber runs on the publisher's thread.
Async generators (woven) are measured in their own section when they land.""")
    return "\n".join(out) + "\n"

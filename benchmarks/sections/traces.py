"""Async stack traces (issue 16, point 4): the hand-written table in benchmarks/async-traces.md.

TraceBench's times scatter on a shared machine, so the section is written by hand from the runs
it names (benchmarks/results/traces/), like stack-depth.md.
"""
import os

ORDER = 2  # after the stack-depth section


def render(results_dir, machine, jdk, date):
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "async-traces.md")
    try:
        return open(path).read()
    except FileNotFoundError:
        return ""

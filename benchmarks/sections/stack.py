"""Stack depth (issue 12, point 4): the hand-written table in benchmarks/stack-depth.md.

benchmarks/run/stackdepth prints one line per stack size and mode (bisected in fresh JVMs); its
numbers vary with the JIT's timing on a loaded machine, so the section is written by hand from the
runs it names, like benchmarks/notes.md.
"""
import os

ORDER = 1  # after the generated sections: the page ends with the hand-written part


def render(results_dir, machine, jdk, date):
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "stack-depth.md")
    try:
        return open(path).read()
    except FileNotFoundError:
        return ""

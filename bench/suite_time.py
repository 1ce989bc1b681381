"""How long the test suite takes: `python -m pytest` run N times, median wall time and median
CPU time (user + sys of pytest and every process it starts). CPU time barely moves when other
work shares the machine; wall time does. Target (issue 9): `make test` under 45 s on a quiet
2-core machine.

    python bench/suite_time.py [--runs N] [--root DIR] [-- PYTEST ARGS...]

--root runs the suite of another checkout (e.g. `git archive main | tar -x -C /tmp/main`) with
this interpreter, to compare two versions in the same conditions. Named so pytest never collects
it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(root: Path, args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + sys, children included) and pytest's exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose suite runs")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed to pytest")
    args = parser.parse_args()
    walls, cpus = [], []
    for i in range(args.runs):
        wall, cpu, code = one_run(args.root, args.pytest_args)
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {i + 1}: {wall:6.1f} s wall  {cpu:6.1f} s CPU  (pytest exit {code})")
    load = os.getloadavg()[0]
    print(
        f"median of {args.runs}: {statistics.median(walls):.1f} s wall, "
        f"{statistics.median(cpus):.1f} s CPU (user+sys); load average now {load:.1f} "
        f"on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()

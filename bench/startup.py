"""Wall time of whole `discrepancy` processes, as a user feels them (warm cache).

Runs each command once to warm the file cache, then N times, and prints min / median / max.
Targets (issue 2): `report claims.yaml` under 0.5 s, `--help` under 0.3 s.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "discrepancy report claims.yaml": (["report", "claims.yaml"], 0.5),
    "discrepancy report --all -f json": (["report", "--all", "-f", "json", "claims.yaml"], 0.5),
    "discrepancy report --all -f markdown": (
        ["report", "--all", "-f", "markdown", "claims.yaml"],
        0.5,
    ),
    "discrepancy check claims.yaml": (["check", "claims.yaml"], 0.5),
    "discrepancy --help": (["--help"], 0.3),
}


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "discrepancy", *args],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    failed = False
    print(f"{'command':36} {'min':>7} {'median':>7} {'max':>7}  target")
    for name, (args, target) in COMMANDS.items():
        timed(args)
        times = sorted(timed(args) for _ in range(runs))
        median = statistics.median(times)
        ok = median < target
        failed |= not ok
        print(
            f"{name:36} {times[0]:7.3f} {median:7.3f} {times[-1]:7.3f}  "
            f"< {target} s {'ok' if ok else 'MISSED'}"
        )
    print(f"({runs} runs each, seconds of wall time, Python {sys.version.split()[0]})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

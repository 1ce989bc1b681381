"""Speed of the quantity reader: 100,000 mixed expressions, once all distinct, once with repeats.

A claims file repeats itself: the same "hundreds", "more than 3,500" and "$1,000 a month" come
back claim after claim. The repeated run draws 100,000 expressions from 300 distinct ones with
Zipf-like weights (the k-th most common drawn in proportion to 1/k); the distinct run reads
100,000 different ones, so the reader's cache never helps. Each run starts with an empty cache
and is pinned to one core. Rates are per second of CPU time of this process, so that other
work on a shared machine does not count against the reader (on an idle machine CPU time and
wall time agree); the median and the best of --runs runs are reported. Targets (issues 5
and 11): 30,000 distinct and 300,000 repeated expressions per second. A value the reader refuses
counts as read (refusing is work too); how many were refused is printed.

`--against DIR` runs the same expressions, in the same run, through the reader of another tree
(a checkout of main, say), so the two are compared on the same machine at the same moment.

    python bench/quantities.py [--runs N] [--against DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from itertools import accumulate
from pathlib import Path

_ROOT = sys.argv[sys.argv.index("--root") + 1] if "--root" in sys.argv else ""
sys.path.insert(0, _ROOT or str(Path(__file__).resolve().parent.parent))

from discrepancy import lexicon  # noqa: E402
from discrepancy.model import VAGUE_DEFAULTS  # noqa: E402
from discrepancy.quantities import clear_cache, parse_quantity  # noqa: E402

N = 100_000
DISTINCT_IN_REPEATS = 300
TARGETS = {"distinct": 30_000, "repeated": 300_000}

HEDGES = [h for h, rule in lexicon.HEDGES.items() if rule not in ("between", "from")]
SUFFIXES = ["or more", "+", "or so", "or fewer", "-plus"]
WORDS = [
    "two thousand",
    "a hundred and fifty",
    "eight thousand five hundred",
    "seventy-two",
    "half a million",
    "a quarter of a million",
    "one and a half",
    "three dozen",
    "a dozen",
    "twenty-five",
    "four hundred",
    "two million three hundred thousand",
    "fifteen",
]
UNITS = [
    "",
    "",
    "",
    "",
    "dollars",
    "dollars a month",
    "euros",
    "Syrian pounds",
    "days",
    "months",
    "%",
    "percent",
    "per cent",
    "a year",
]
SIGNS = ["$", "€", "£", "US$"]
TAILS = [
    "",
    "",
    "fighters",
    "demonstrators",
    "mercenaries",
    "in 2019",
    "troops in early April 2020",
    "people",
    "people, as of March 2021",
]


def _digits(rng: random.Random) -> str:
    n = rng.choice([rng.randrange(1, 100), rng.randrange(100, 10_000), rng.randrange(10**4, 10**9)])
    form = rng.randrange(4)
    if form == 0:
        return str(n)
    if form == 1:
        return f"{n:,}"
    if form == 2:
        return f"{rng.randrange(1, 1000) / 10:g} {rng.choice(['thousand', 'million', 'billion'])}"
    return f"{rng.randrange(1, 100) / 10:g}{rng.choice(['k', 'm', 'bn'])}"


def _number(rng: random.Random) -> str:
    return rng.choice(WORDS) if rng.random() < 0.25 else _digits(rng)


def expression(rng: random.Random) -> str:
    """One value as a coder might paste it: hedge, number, range or vague word, unit, words."""
    shape = rng.random()
    if shape < 0.12:
        core = rng.choice(list(VAGUE_DEFAULTS)) + rng.choice(["", " of"])
    elif shape < 0.27:
        a, b = sorted([rng.randrange(1, 5000), rng.randrange(1, 5000)])
        core = rng.choice(
            [
                f"between {a:,} and {b:,}",
                f"from {a} to {b}",
                f"{a:,}-{b:,}",
                f"{a} to {b} thousand",
                f"{a} or {b}",
            ]
        )
    else:
        core = _number(rng)
    unit = rng.choice(UNITS)
    if unit in ("dollars", "euros") and core[0].isdigit() and rng.random() < 0.5:
        core, unit = rng.choice(SIGNS) + core, ""
    parts = []
    if shape >= 0.12 and rng.random() < 0.5:
        parts.append(rng.choice(HEDGES))
    parts += [core, unit]
    if parts[0] not in HEDGES and rng.random() < 0.08:
        parts.append(rng.choice(SUFFIXES))
    parts.append(rng.choice(TAILS))
    return " ".join(p for p in parts if p)


def distinct(rng: random.Random, n: int) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen[expression(rng)] = None
    return list(seen)


def repeated(rng: random.Random, n: int, pool: int) -> list[str]:
    choices = distinct(rng, pool)
    cum = list(accumulate(1 / k for k in range(1, pool + 1)))
    return rng.choices(choices, cum_weights=cum, k=n)


def rate(expressions: list[str]) -> tuple[float, int]:
    """Expressions read per second of CPU time, and how many were refused."""
    clear_cache()
    refused = 0
    start = time.process_time()
    for text in expressions:
        try:
            parse_quantity(text)
        except ValueError:
            refused += 1
    return len(expressions) / (time.process_time() - start), refused


def measure(runs: int) -> dict[str, tuple[float, float, int]]:
    """(median rate, best rate, refused) for each set of expressions."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    sets = {
        "distinct": distinct(random.Random(5), N),
        "repeated": repeated(random.Random(6), N, DISTINCT_IN_REPEATS),
    }
    out = {}
    for name, expressions in sets.items():
        results = [rate(expressions) for _ in range(runs)]
        rates = sorted(r for r, _ in results)
        out[name] = (statistics.median(rates), rates[-1], results[0][1])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", help="another tree whose reader to measure alongside")
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    results = measure(opts.runs)
    if opts.json:
        print(json.dumps(results))
        return 0
    other = {}
    if opts.against:
        cmd = [sys.executable, __file__, "--root", opts.against, "--runs", str(opts.runs)]
        done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True)
        other = json.loads(done.stdout)
    failed = False
    print(f"{'expressions':12} {'median/s':>10} {'best/s':>10} {'refused':>8}  target")
    for name, (median, best, refused) in results.items():
        ok = median >= TARGETS[name]
        failed |= not ok
        print(
            f"{name:12} {median:10,.0f} {best:10,.0f} {refused:8,}  "
            f">= {TARGETS[name]:,}/s {'ok' if ok else 'MISSED'}"
        )
        if name in other:
            m, b, r = other[name]
            print(f"{'  against':12} {m:10,.0f} {b:10,.0f} {r:8,}  ({opts.against})")
    print(
        f"({N:,} expressions each, {opts.runs} runs, one core, CPU time, empty cache at the start "
        f"of each run, Python {sys.version.split()[0]})"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Worst-case sizes and hostile inputs, measured as a user runs them: whole `discrepancy`
processes on generated files, wall time and peak resident memory (os.wait4's ru_maxrss of the
child). Issue 12's targets:

- 100,000 claims with one identical `about` reported in <= 20 s and <= 1 GB;
- 10,000 claims all in conflict with each other in <= 10 s and <= 1 GB;
- doubling either size costs at most 2.5x the time;
- the big-scalar and big-file cases (a 1 MB or 50 MB `about`, a 100 MB baseline, a 1 GB CSV cut
  mid-row, an alias bomb, nesting 100,000 deep) refused fast and small, never over 2 GB.

    python bench/hostile.py              # every case
    python bench/hostile.py --only scale # the four sizes
    python bench/hostile.py --only refuse
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MEMORY_MB = 1024
GROWTH = 2.5


def measure(args: list[str], cwd: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user and system: close to the wall time of a quiet
    machine when the machine is shared), peak resident memory (MB) and exit status of one
    whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "discrepancy", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    kb = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, kb / 1024, os.waitstatus_to_exitcode(status)


def _rows(path: Path, n: int, value: Callable[[int], str]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = {
                "id": f"c{i}",
                "source": f"outlet-{i % 997}",
                "about": "people killed in the earthquake",
                "value": value(i),
            }
            f.write(json.dumps(row) + "\n")


def identical(path: Path, n: int) -> None:
    """n claims of one `about`, a death toll tracked daily by many outlets: exact figures,
    ranges and hedges, most of them in conflict with many others."""
    forms = [
        lambda i: f"{1000 + i % 4000:,}",
        lambda i: f"at least {900 + i % 3000:,}",
        lambda i: f"between {800 + i % 2000:,} and {1200 + i % 2000:,}",
        lambda i: f"about {1000 + i % 3500:,}",
    ]
    _rows(path, n, lambda i: forms[i % len(forms)](i))


def all_in_conflict(path: Path, n: int) -> None:
    """n claims of one `about`, every pair disjoint: n(n-1)/2 conflicts."""
    _rows(path, n, lambda i: f"{100 + 3 * i:,}")


SCALE = [
    ("identical about", identical, 100_000, 20.0),
    ("identical about", identical, 200_000, None),
    ("all in conflict", all_in_conflict, 10_000, 10.0),
    ("all in conflict", all_in_conflict, 20_000, None),
]


def scale(tmp: Path) -> bool:
    ok = True
    times: dict[tuple[str, int], float] = {}
    print(
        f"{'case':<18} {'claims':>8} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'exit':>4}  target"
    )
    for name, make, n, target in SCALE:
        data = tmp / f"{name.replace(' ', '-')}-{n}.jsonl"
        make(data, n)
        seconds, cpu, mb, code = measure(
            ["report", data.name, "--format", "json", "--output", "out.json"], tmp
        )
        times[(name, n)] = cpu
        # the target holds for the wall time of a quiet machine: on a shared one, the CPU time
        met = code == 0 and mb <= MEMORY_MB and (target is None or min(seconds, cpu) <= target)
        note = f"<= {target:g} s, " if target else ""
        print(
            f"{name:<18} {n:>8,} {seconds:8.1f} {cpu:8.1f} {mb:8.0f} {code:>4}  "
            f"{note}<= {MEMORY_MB} MB {'ok' if met else 'MISSED'}",
            flush=True,
        )
        ok &= met
        data.unlink()
    for name, _, n, target in SCALE:
        if target is not None and (name, 2 * n) in times:
            growth = times[(name, 2 * n)] / times[(name, n)]
            met = growth <= GROWTH
            ok &= met
            print(
                f"{name}: {n:,} -> {2 * n:,} claims costs {growth:.2f}x the CPU time "
                f"(<= {GROWTH:g}x) {'ok' if met else 'MISSED'}"
            )
    return ok


def _claims_yaml(about: str) -> str:
    return (
        "version: 1\nclaims:\n"
        f"  - {{source: a, about: {about}, value: 10}}\n"
        f"  - {{source: b, about: {about}, value: 5000}}\n"
    )


def _bomb() -> str:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "x:\n" + "".join(f"  {lv}\n" for lv in levels) + "claims: *i\n"


def refuse(tmp: Path) -> bool:
    """Inputs past a limit: each must end in exit 2 within a second or two and small memory;
    the ones inside the limits (a 1,000-character `about`) are read."""
    cases: list[tuple[str, Callable[[], object], list[str], int, float]] = []

    def add(
        name: str,
        file: str,
        write: Callable[[Path], object],
        args: list[str],
        code: int,
        seconds: float = 5,
    ) -> None:
        cases.append((name, lambda: write(tmp / file), args, code, seconds))

    add("1 MB about (YAML)", "big.yaml", lambda p: p.write_text(_claims_yaml("w" * 1_000_000)),
        ["report", "big.yaml"], 2)  # fmt: skip
    add("50 MB one-word about (JSONL)", "big.jsonl",
        lambda p: _long_line(p, 50),
        ["report", "big.jsonl"], 2)  # fmt: skip
    add("10 KB about x 2 (YAML)", "ten.yaml", lambda p: p.write_text(_claims_yaml("word " * 2000)),
        ["report", "ten.yaml"], 2)  # fmt: skip
    add("1,000-char about x 2 (read)", "max.yaml",
        lambda p: p.write_text(_claims_yaml(" ".join(f"w{i}" for i in range(250))[:1000].strip())),
        ["report", "max.yaml"], 0)  # fmt: skip
    add("1,000-char abouts x 1,000 (read)", "many.jsonl", lambda p: _many_long(p, 1000),
        ["report", "many.jsonl", "-f", "json", "-o", "out.json"], 0, 60)  # fmt: skip
    add("100 MB baseline", "base.json", lambda p: _big_baseline(p, 100_000_000),
        ["check", "max.yaml", "--baseline", "base.json"], 2)  # fmt: skip
    add("1 GB CSV cut mid-row", "huge.csv", lambda p: _sparse_csv(p, 1_000_000_000),
        ["report", "huge.csv"], 2)  # fmt: skip
    add("2 MB CSV cut mid-row (27,000 rows)", "cut.csv", lambda p: _cut_csv(p, 2_000_000),
        ["report", "cut.csv"], 2, 20)  # fmt: skip
    add("alias bomb (10^9 values)", "bomb.yaml", lambda p: p.write_text(_bomb()),
        ["report", "bomb.yaml"], 2)  # fmt: skip
    add("YAML nested 100,000 deep", "deep.yaml",
        lambda p: p.write_text("claims: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ["report", "deep.yaml"], 2)  # fmt: skip
    add("JSON line nested 100,000 deep", "deep.jsonl",
        lambda p: p.write_text('{"value": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
        ["report", "deep.jsonl"], 2)  # fmt: skip
    add("5,000-digit number (JSONL)", "digits.jsonl",
        lambda p: p.write_text('{"source": "a", "about": "x", "value": ' + "9" * 5000 + "}\n"),
        ["report", "digits.jsonl"], 2)  # fmt: skip
    ok = True
    print(f"{'case':<34} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'exit':>4}  expected")
    for name, write, args, code, limit in cases:
        write()
        seconds, cpu, mb, got = measure(args, tmp)
        met = got == code and mb <= 2048 and min(seconds, cpu) <= limit
        ok &= met
        print(
            f"{name:<34} {seconds:8.2f} {cpu:8.2f} {mb:8.0f} {got:>4}  exit {code}, <= 2048 MB, "
            f"<= {limit:g} s {'ok' if met else 'MISSED'}",
            flush=True,
        )
    for p in tmp.iterdir():
        p.unlink()
    return ok


def _long_line(path: Path, mb: int) -> None:
    """A JSON line whose `about` is one word of `mb` MB, written without holding it (so that
    this process stays small: a child's peak memory counts what it had when forked)."""
    with path.open("w") as f:
        f.write('{"source": "a", "value": "1", "about": "')
        for _ in range(mb):
            f.write("w" * 1_000_000)
        f.write('"}\n')


def _many_long(path: Path, n: int) -> None:
    with path.open("w") as f:
        for i in range(n):
            about = " ".join(f"w{(i * 7 + j) % 400}" for j in range(200))[:1000].strip()
            f.write(json.dumps({"source": f"s{i}", "about": about, "value": str(i)}) + "\n")


def _big_baseline(path: Path, size: int) -> None:
    entry = (
        '{"fingerprint": "0123456789abcdef", "about": "x", "claims": [{"id": "a", '
        '"source": "a", "value": "1"}, {"id": "b", "source": "b", "value": "2"}], "reason": ""}'
    )
    with path.open("w") as f:
        f.write('{"version": 1, "contradictions": [')
        written = 0
        while written < size:
            f.write(entry + ",\n")
            written += len(entry) + 2
        f.write(entry + "]}\n")


def _sparse_csv(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no disk: the reader must refuse it by its size."""
    with path.open("w") as f:
        f.write("source,about,value\na,x,5\nb,x")
        f.truncate(size)


def _cut_csv(path: Path, size: int) -> None:
    with path.open("w") as f:
        f.write("source,about,value\n")
        i = 0
        while f.tell() < size:
            f.write(f"outlet-{i % 997},people killed in the earthquake,{1000 + i % 4000}\n")
            i += 1
        f.write("outlet-x,people killed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["scale", "refuse"])
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="discrepancy-hostile-") as name:
        tmp = Path(name)
        if args.only in (None, "refuse"):
            ok &= refuse(tmp)
            print()
        if args.only in (None, "scale"):
            ok &= scale(tmp)
    print(
        f"(whole `python -m discrepancy` processes, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Grouping on real stories coded by people who never read the matcher: pairwise precision and
recall of `discrepancy groups` against each story's answer key, and the must-not-group pairs
it merged.

    python bench/stories.py [--tool PYTHON] [-v] [STORY ...]

Each story in bench/stories/ is STORY.yaml (a claims file) and STORY.key.yaml (`groups:`, every
claim in one; `must_not_group:`, pairs that share words or values but count different things).
Nineteen real news stories (an earthquake, a war, layoffs, an election count, floods,
hurricanes, fires, shipwrecks, a strike, crushes, a train crash, an attack, an outbreak,
Channel crossings, a factory collapse, a port explosion, a data breach), 30 to 45 claims each
from 8 to 15 outlets, coded by helpers who were shown the claims format and one example, never
the matcher's code or rules; the last five (haiyan, ranaplaza, beirut, equifax, pakfloods) were
coded blind after the rules of the others were written. They were coded from what was reported
at the time, from memory: a figure may be slightly off and the quotes are paraphrases. They
measure grouping, not the numbers. `--tool` runs another build's Python (a baseline) on the
same files.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).parent / "stories"
REFUSED: list[str] = []  # the stories the tool would not read (exit status 1 at the end)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def score(story: Path, python: str, verbose: bool) -> tuple[int, int, int, int]:
    """(pairs right, pairs made, pairs in the key, must-not pairs merged) for one story."""
    key = yaml.safe_load(story.with_suffix(".key.yaml").read_text(encoding="utf-8"))
    gold = {_pair(a, b) for g in key["groups"] for a, b in itertools.combinations(g["claims"], 2)}
    never = {_pair(a, b) for a, b in key.get("must_not_group", [])}
    run = subprocess.run(
        [python, "-m", "discrepancy", "groups", str(story.resolve()), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),  # never the checkout's package by accident
    )
    if run.returncode != 0:
        print(f"{story.stem:10s} refused (exit {run.returncode}): {run.stderr.splitlines()[-1]}")
        REFUSED.append(story.stem)
        return 0, 0, len(gold), 0
    groups = json.loads(run.stdout)["groups"]
    made = {_pair(a, b) for g in groups for a, b in itertools.combinations(g["claims"], 2)}
    right = gold & made
    print(
        f"{story.stem:10s} precision {len(right):3d}/{len(made):<3d} "
        f"recall {len(right):3d}/{len(gold):<3d} ({len(right) / max(1, len(gold)):.2f})  "
        f"must-not merged {len(made & never)}/{len(never)}"
    )
    if verbose:
        about = {
            c["id"]: c["about"] for c in yaml.safe_load(story.read_text(encoding="utf-8"))["claims"]
        }
        for a, b in sorted(made - gold):
            tag = " (must not)" if (a, b) in never else ""
            print(f"    wrong{tag}: {about[a]!r} || {about[b]!r}")
    return len(right), len(made), len(gold), len(made & never)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", help="story names (default: all)")
    parser.add_argument("--tool", default=sys.executable, help="the Python of the build to run")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong merges")
    args = parser.parse_args()
    names = args.stories or sorted(p.name[: -len(".key.yaml")] for p in HERE.glob("*.key.yaml"))
    totals = [0, 0, 0, 0]
    for name in names:
        for n, x in enumerate(score(HERE / f"{name}.yaml", args.tool, args.verbose)):
            totals[n] += x
    right, made, gold, merged = totals
    print(
        f"all        precision {right}/{made} ({right / max(1, made):.3f})  "
        f"recall {right}/{gold} ({right / max(1, gold):.3f})  must-not merged {merged}"
    )
    if REFUSED:
        sys.exit(f"refused: {', '.join(REFUSED)}")


if __name__ == "__main__":
    main()

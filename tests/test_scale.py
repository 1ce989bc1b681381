"""What large inputs need: the same groups whatever the order, a labelled benchmark set grouped
right, a progress bar only where a person watches, and writing to a device or a pipe. (Speed
itself is measured by bench/grouping.py, not here.)"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import threading

import yaml

from discrepancy.progress import ProgressBar
from tests.conftest import ROOT
from tests.helpers import bench_grouping


def test_input_order_does_not_change_groups_or_near_misses(tmp_path):
    """claims.yaml with its claims shuffled 20 times: byte-identical groups, each member's
    scores and keys, and near misses (the core is shuffled too, in test_group.py)."""
    doc = yaml.safe_load((ROOT / "claims.yaml").read_text())
    procs = []
    for seed in range(20):
        random.Random(seed).shuffle(doc["claims"])
        path = tmp_path / f"claims-{seed}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "discrepancy", "groups", "--near-misses", path.name],
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "COLUMNS": "100"},
            )
        )
    outputs = [p.communicate()[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert "Near misses" in outputs[0]
    assert all(out == outputs[0] for out in outputs)


def test_the_labelled_benchmark_set_is_grouped_right(cli, tmp_path):
    """The issue's targets on a small labelled set: precision, recall, no hard negative merged."""
    bench = bench_grouping()
    names, data, labels, hard = bench.write(3000, tmp_path, seed=11)
    r = cli("groups", str(names), str(data), "-f", "json")
    assert r.code == 0, r
    m = bench.score([g["claims"] for g in json.loads(r.out)["groups"]], labels, hard)
    assert m["pairwise_precision"] >= bench.PRECISION, m
    assert m["pairwise_recall"] >= bench.RECALL, m
    assert m["hard_negatives"] > 50 and m["hard_negatives_merged"] == 0, m


def test_the_scorer_counts_pairs_and_b_cubed():
    bench = bench_grouping()
    labels = {"a": "x", "b": "x", "c": "x", "d": "y"}
    # {a, b} and {c, d}: one true pair of three found, one false pair
    m = bench.score([["a", "b"], ["c", "d"]], labels, [("x", "y")])
    assert (m["pairwise_precision"], round(m["pairwise_recall"], 4)) == (0.5, 0.3333)
    assert m["hard_negatives_merged"] == 1
    assert round(m["bcubed_precision"], 4) == 0.75  # (1 + 1 + 1/2 + 1/2) / 4
    assert round(m["bcubed_recall"], 4) == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4)


def test_the_generator_is_deterministic():
    bench = bench_grouping()
    assert bench.generate(500, seed=5) == bench.generate(500, seed=5)
    assert bench.generate(500, seed=5)[0] != bench.generate(500, seed=6)[0]


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_shows_only_after_a_second_on_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    now = [0.0]
    screen = _Terminal(tty=True)
    with ProgressBar(screen, delay=1.0, clock=lambda: now[0]) as progress:
        progress("matching", 10, 100)
        assert screen.getvalue() == ""  # quick work shows nothing
        now[0] = 1.5
        progress("matching", 50, 100)
        assert screen.getvalue() == "\r\x1b[Kmatching [" + "#" * 15 + " " * 15 + "]  50%"
        now[0] = 1.55
        progress("matching", 60, 100)  # at most ten redraws a second
        assert screen.getvalue().count("\r") == 1
    assert screen.getvalue().endswith("\r\x1b[K")  # the line is cleared at the end


def test_progress_never_shows_when_standard_error_is_not_a_terminal():
    now = [10.0]
    screen = _Terminal(tty=False)
    with ProgressBar(screen, delay=0.0, clock=lambda: now[0]) as progress:
        progress("matching", 50, 100)
    assert screen.getvalue() == ""


def test_output_to_a_pipe_is_written_into_it_not_replaced(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    r = cli("report", "-f", "json", "--output", str(fifo))
    reader.join(timeout=30)
    assert r.code == 0, r
    assert json.loads(got[0])["version"] == 2
    assert fifo.is_fifo()

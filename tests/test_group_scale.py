"""Grouping at scale, through the CLI: the same groups whatever the order, a labelled benchmark set
grouped right. (Speed itself is measured by bench/grouping.py, not here; the progress bar is
tested in test_progress.py.)"""

from __future__ import annotations

import json
import random

import yaml

from tests.conftest import ROOT
from tests.helpers import bench_grouping


def test_input_order_does_not_change_groups_or_near_misses(cli, tmp_path):
    """claims.yaml with its claims shuffled 8 times: byte-identical groups, each member's
    scores and keys, and near misses (the core is shuffled too, in test_group.py)."""
    doc = yaml.safe_load((ROOT / "claims.yaml").read_text())
    outputs = []
    for seed in range(8):
        random.Random(seed).shuffle(doc["claims"])
        path = tmp_path / f"claims-{seed}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        r = cli("groups", "--near-misses", path.name, cwd=tmp_path)
        assert r.code == 0, r
        outputs.append(r.out)
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


def test_asking_for_near_misses_never_changes_the_groups(cli, tmp_path):
    """Without near misses, candidate pairs whose measures differ are not judged (they can
    never be linked): the groups, and every member's score, are those found with them."""
    bench = bench_grouping()
    names, data, _, _ = bench.write(3000, tmp_path, seed=12)
    plain = cli("groups", str(names), str(data), "-f", "json")
    near = cli("groups", str(names), str(data), "-f", "json", "--near-misses")
    assert plain.code == near.code == 0, (plain, near)
    assert json.loads(near.out)["near_misses"]
    assert json.loads(plain.out)["groups"] == json.loads(near.out)["groups"]


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
    first = bench.generate(500, seed=5)
    assert bench.generate(500, seed=5) == first
    assert bench.generate(500, seed=6)[0] != first[0]

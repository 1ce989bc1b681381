"""The report's JSON lists every conflicting pair of any real story, and stays bounded beyond."""

from __future__ import annotations

import json

import pytest

from discrepancy.detect import SHOWN
from discrepancy.render.json import JSON_EVERY_PAIR_UP_TO


def _all_in_conflict(tmp_path, n):
    lines = ["claims:"]
    lines += [
        f"  - {{id: c{i:03d}, source: s{i}, about: troops sent, value: '{i + 1}'}}"
        for i in range(n)
    ]
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("claims", "listed"),
    [
        (20, 190),  # every one of the 190 pairs: a script sees them all
        (45, 990),  # still under the bound
        (50, SHOWN),  # 1,225 pairs: the widest few and the summary
    ],
)
def test_json_lists_every_pair_up_to_the_bound(cli, tmp_path, claims, listed):
    r = cli("report", str(_all_in_conflict(tmp_path, claims)), "--format", "json")
    assert r.code == 0, r
    (group,) = json.loads(r.out)["groups"]
    pairs = claims * (claims - 1) // 2
    assert group["conflict_pairs"] == pairs
    assert len(group["conflicts"]) == listed
    assert (pairs <= JSON_EVERY_PAIR_UP_TO) == (listed == pairs)


def test_all_pairs_lists_every_pair_beyond_the_bound(cli, tmp_path):
    r = cli("report", str(_all_in_conflict(tmp_path, 50)), "--format", "json", "--all-pairs")
    (group,) = json.loads(r.out)["groups"]
    assert len(group["conflicts"]) == group["conflict_pairs"] == 1225

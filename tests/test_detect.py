"""Conflicts, voices and statuses, as tables."""

from __future__ import annotations

import pytest

from discrepancy.detect import assess, conflicts_in, voices
from discrepancy.model import Group, Member, Source, Status
from tests.helpers import claim

# (value a, value b, conflict?) — intervals that only touch at an end do not conflict
PAIRS = [
    ("3,500", "more than 3,500", False),
    ("between 3,500 and 3,800", "more than 3,500", False),
    ("3,500", "between 3,500 and 3,800", False),
    ("hundreds", "at least two thousand", True),
    ("fewer than 400", "400", False),
    # disjoint, but they touch at 400 with no gap between: not a conflict (design.md)
    ("under 400", "more than 400", False),
    ("under 400", "more than 450", True),
    ("about 400", "some 600", True),
    ("about 400", "several hundred", False),
    ("an unknown number", "3", False),
    ("$1,000", "1,000", False),  # different units are never compared
    ("45 days", "45", False),
]


@pytest.mark.parametrize(("a", "b", "conflict"), PAIRS, ids=[f"{a} | {b}" for a, b, _ in PAIRS])
def test_conflict_only_with_a_gap(a, b, conflict):
    assert bool(conflicts_in([claim("a", "x", a), claim("b", "x", b)])) is conflict


def test_gap_is_the_relative_distance_between_nearest_ends():
    [c] = conflicts_in([claim("b", "x", "at least 2,000"), claim("a", "x", "hundreds")])
    assert (c.a.id, c.b.id) == ("a", "b")
    assert c.gap == pytest.approx(2000 / 999)


def _group(*claims):
    return Group("g", "x", tuple(Member(c, "x", 100, "fuzzy") for c in claims))


SOURCES = {
    "ap": Source("ap"),
    "rfe": Source("rfe", via=("ap",)),
    "voa": Source("voa", via=("ap",)),
    "tass": Source("tass"),
}


def test_relays_of_one_origin_are_one_voice():
    cs = [
        claim("a", "x", source="rfe"),
        claim("b", "x", source="voa"),
        claim("c", "x", source="tass", attributed_to="Pentagon report"),
        claim("d", "x", source="ap2", attributed_to="pentagon  report!"),
    ]
    assert voices(cs, SOURCES) == [("a", "b"), ("c", "d")]


@pytest.mark.parametrize(
    ("values", "sources", "status"),
    [
        (["10", "500"], ["ap", "tass"], Status.conflict),
        (["10", "500"], ["rfe", "voa"], Status.conflict),  # one voice contradicting itself still is
        (["$10", "10 a month"], ["ap", "tass"], Status.unit_mismatch),
        (["10", "about 10"], ["rfe", "voa"], Status.single_source),
        (["10", "about 10"], ["ap", "tass"], Status.agree),
        (["10", "unknown"], ["ap", "tass"], Status.single_source),
        (["unknown", "an unspecified number"], ["ap", "tass"], Status.unquantified),
    ],
)
def test_status(values, sources, status):
    cs = [claim(f"c{i}", "x", v, source=s) for i, (v, s) in enumerate(zip(values, sources))]
    assert assess(_group(*cs), SOURCES).status is status

"""Conflicts, voices and statuses, as tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.detect import SHOWN, assess, conflicts_in, every_conflict, voices
from discrepancy.model import INF, Group, Member, Source, Status
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


# The summary is found without building every pair (issue 12); it must say what every pair says.
_VALUES = st.lists(
    st.tuples(st.integers(0, 50), st.integers(0, 20), st.sampled_from(["count", "USD"])),
    min_size=1,
    max_size=30,
)


def _claims(values):
    out = []
    for i, (lo, width, unit) in enumerate(values):
        value = f"between {lo} and {lo + width}" if width else str(lo)
        c = claim(
            f"c{i:02d}", "x", value if unit == "count" else "$" + value.replace("and ", "and $")
        )
        out.append(c)
    return out


@given(_VALUES)
def test_summary_agrees_with_every_pair(values):
    cs = _claims(values)
    brute = [
        (a, b)
        for i, a in enumerate(cs)
        for b in cs[i + 1 :]
        if a.quantity.unit == b.quantity.unit and not a.quantity.overlaps(b.quantity)
    ]
    finding = assess(_group(*cs), {})
    assert finding.conflict_count == len(brute) == len(conflicts_in(cs))
    assert len(list(every_conflict(cs))) == len(brute)
    assert [c.gap for c in finding.conflicts] == sorted(
        (c.gap for c in conflicts_in(cs)), reverse=True
    )[:SHOWN]
    if brute:
        assert (
            finding.severity
            == max(a.quantity.gap_ratio(b.quantity) for a, b in brute)
            == max(d.gap for d in finding.disagreements)
        )
    for d in finding.disagreements:
        # claims of two different clusters always conflict; each cluster is one chain
        for lower, upper in zip(d.clusters, d.clusters[1:]):
            assert max(c.quantity.hi for c in lower) < min(c.quantity.lo for c in upper)
        assert sum(len(k) for k in d.clusters) == sum(1 for c in cs if c.quantity.unit == d.unit)


def test_summary_of_a_group_with_two_clusters():
    cs = [
        claim("a", "x", "hundreds"),
        claim("b", "x", "500"),
        claim("c", "x", "at least 2,000"),
        claim("d", "x", "3,000"),
        claim("e", "x", "50,000"),
    ]
    [d] = assess(_group(*cs), {}).disagreements
    assert [[c.id for c in k] for k in d.clusters] == [["a", "b"], ["c", "d", "e"]]
    assert (d.lowest.id, d.highest.id, d.pairs) == (
        "b",
        "e",
        7,
    )  # d and e conflict inside their cluster
    assert d.gap == 100.0


def test_twenty_thousand_claims_in_conflict_are_summarised_not_paired():
    cs = [claim(f"c{i:06d}", "x", str(i)) for i in range(20_000)]
    finding = assess(_group(*cs), {})
    assert finding.conflict_count == 20_000 * 19_999 // 2
    assert len(finding.conflicts) == SHOWN
    assert finding.conflicts[0].a.id == "c000000" and finding.conflicts[0].gap == INF


def test_summary_compares_inside_a_dimension():
    # days, weeks and months are one dimension (converted), kilometres another
    cs = [
        claim("a", "x", "10 days"),
        claim("b", "x", "3 weeks"),
        claim("c", "x", "2 months"),
        claim("d", "x", "5 km"),
    ]
    finding = assess(_group(*cs), {})
    [d] = finding.disagreements
    assert finding.conflict_count == d.pairs == len(conflicts_in(cs)) == 3
    assert (d.lowest.id, d.highest.id) == ("a", "c")
    assert d.gap == max(c.gap for c in conflicts_in(cs))
    assert [len(k) for k in d.clusters] == [1, 1, 1]

"""Grouping, as tables: what must count the same thing, and what must not."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from discrepancy.group import Normaliser, group_claims
from discrepancy.model import Settings
from tests.helpers import bench_grouping, claim

ALIASES = (
    ("Wagner Group", ("Vagner", "Vagner Group", "PMC Wagner")),
    ("Khalifa Haftar", ("Haftar", "Khalif Haftar", "Hifter")),
    ("Deir ez-Zor", ("Deir el-Zour", "Deir al-Zour")),
)

# (a, b): the same thing, worded or spelled differently
SAME = [
    ("Wagner fighters in Libya", "Vagner fighters in Libya"),
    ("PMC Wagner mercenaries backing Haftar", "Wagner Group mercenaries backing Khalif Haftar"),
    ("fighters recruited in Deir el-Zour", "fighters recruited in Deir al-Zour"),
    ("Syrian fighters sent by Turkey to Libya", "Syrian fighters sent to Libya by Turkey"),
    ("Syrian fighters sent by Turkey to Libya", "syrian fighter sent by turkey to libya"),
    # accents and punctuation
    ("Fighters in Zawiya", "Fighters in Zāwiya!"),
    # transliteration: doubled letters and q/k/g
    ("fighters loyal to Qaddafi", "fighters loyal to Gaddafi"),
    ("fighters loyal to Qaddafi", "fighters loyal to Gadafi"),
    ("mercenaries loyal to al-Sarraj", "mercenaries loyal to Sarraj"),
]

# (a, b): different things; must never group
DIFFERENT = [
    ("Syrian fighters sent by Turkey to Libya", "Wagner Group fighters sent by Russia to Libya"),
    ("mines neutralized in Libya", "patients treated in Libya"),
    ("Hawk air defence systems deployed by Turkey", "Libyan soldiers trained by Turkey"),
    # hard negatives: alike in every word but one actor, place, role or number
    ("Syrian fighters sent by Turkey to Libya", "Syrian fighters sent by Russia to Libya"),
    ("rockets fired at Tripoli, Libya", "rockets fired at Tripoli, Lebanon"),
    ("voters registered in Lincoln, Nebraska", "voters registered in Lincoln, Illinois"),
    ("fighters of the 7th Brigade killed", "fighters of the 9th Brigade killed"),
    ("fighters recruited in 2019", "fighters recruited in 2020"),
    ("weapons sent by Turkey to Libya", "weapons sent by Libya to Turkey"),
    ("voters in Varnholm, Kestrova", "voters in Varnholm, Ostrava"),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a} ~ {b}" for a, b in SAME])
def test_same_thing_groups(a, b):
    groups, _ = group_claims([claim("a", a), claim("b", b)], Normaliser(ALIASES), Settings())
    assert len(groups) == 1


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a} !~ {b}" for a, b in DIFFERENT])
def test_different_things_stay_apart(a, b):
    groups, _ = group_claims([claim("a", a), claim("b", b)], Normaliser(ALIASES), Settings())
    assert len(groups) == 2


def test_aliases_apply_before_matching():
    n = Normaliser(ALIASES)
    assert n.key("Vagner Group fighters").text == n.key("Wagner Group fighters").text
    assert n.key("Hifter's troops").text == n.key("Khalifa Haftar's troops").text


def test_no_chaining():
    # B is like A and like C, but A and C name different days: A is never grouped with C
    # through B, whatever B joins.
    a = claim("a", "fighters sent to Libya on 3 March")
    b = claim("b", "fighters sent to Libya")
    c = claim("c", "fighters sent to Libya on 4 March")
    groups, _ = group_claims([a, b, c], Normaliser(), Settings())
    assert sorted(len(g.members) for g in groups) == [1, 2]
    for g in groups:
        assert {"a", "c"} - {m.claim.id for m in g.members}


def test_a_large_set_of_true_variants_stays_together():
    # eighteen wordings of one thing (transliterations of one name, and more or fewer words),
    # the farthest apart scoring under the threshold: average linkage keeps them together where
    # complete linkage split them, and a different place stays apart
    spellings = ["Kestrova", "Kestrowa", "Qestrova", "Kesstrova", "Gestrova", "Kestrovva"]
    # (a word before "fighters" says what kind they are: "foreign fighters" are not all fighters)
    wordings = ["fighters in {}", "fighters sent to {}", "fighters paid to fight in {}"]
    claims = [
        claim(f"c{i}{j}", w.format(place))
        for i, place in enumerate(spellings)
        for j, w in enumerate(wordings)
    ]
    claims.append(claim("other", "fighters in Ostrava"))
    groups, _ = group_claims(claims, Normaliser(), Settings())
    assert sorted(len(g.members) for g in groups) == [1, 18]


def test_input_order_does_not_change_groups():
    claims = [
        claim(f"c{i}", about)
        for i, about in enumerate([a for pair in SAME + DIFFERENT for a in pair])
    ]
    first = None
    for seed in range(20):
        random.Random(seed).shuffle(claims)
        groups, near = group_claims(claims, Normaliser(ALIASES), Settings())
        shape = [(g.id, [m.claim.id for m in g.members]) for g in groups]
        shape.append([(n.a.id, n.b.id, n.score) for n in near])
        first = first or shape
        assert shape == first


def test_group_field_forces_membership_and_not_with_forbids_it():
    a = claim("a", "pay of recruits", group="pay")
    b = claim("b", "salary promised to fighters", group="pay")
    c = claim("c", "Wagner fighters in Libya", not_with=("d",))
    d = claim("d", "Wagner fighters in Libya")
    groups, _ = group_claims([a, b, c, d], Normaliser(), Settings())
    by_members = sorted(sorted(m.claim.id for m in g.members) for g in groups)
    assert by_members == [["a", "b"], ["c"], ["d"]]
    forced = next(g for g in groups if g.id == "pay")
    assert all(m.reason == "forced by group: pay" for m in forced.members)


def test_claims_whose_periods_do_not_overlap_are_not_compared():
    a = claim("a", "Syrian fighters sent by Turkey", period="2020-01-01/2020-03-31")
    b = claim("b", "Syrian fighters sent by Turkey", period="2020-04")
    c = claim("c", "Syrian fighters sent by Turkey")  # no period: comparable with either
    groups, _ = group_claims([a, b], Normaliser(), Settings())
    assert len(groups) == 2
    groups, _ = group_claims([a, c], Normaliser(), Settings())
    assert len(groups) == 1


STILL_IN_TRAINING = "Libyan Armed Forces members still receiving training from Turkish forces"
TRAINED = "Libyan Armed Forces members whose training Turkey has completed"


def test_near_misses_are_pairs_just_under_the_threshold():
    a = claim("a", STILL_IN_TRAINING)
    b = claim("b", TRAINED)
    others = [
        claim(f"o{i}", f"Syrian fighters sent by Turkey to Libya in {2010 + i}") for i in range(4)
    ]
    groups, near = group_claims([a, b, *others], Normaliser(), Settings())
    assert len(groups) == 6
    assert [(n.a.id, n.b.id) for n in near] == [("a", "b")]
    assert 65 <= near[0].score < 85
    assert near[0].why == f"score {near[0].score:.0f} under the threshold of 85"


def test_near_misses_are_only_pairs_really_kept_apart():
    # a pair that groups is no near miss; nor is a pair the file keeps apart by its periods,
    # nor known different measures or places
    claims = [
        claim("a", "people killed in Kestrova", period="2020-01"),
        claim("b", "people dead in Kestrova", period="2020-01"),
        claim("c", "people missing in Kestrova", period="2020-01"),
        claim("d", "people killed in Kestrova", period="2020-01"),
        claim("e", "people killed in Kestrova", period="2021-01"),
        claim("f", "people killed in Libya"),
    ]
    groups, near = group_claims(claims, Normaliser(), Settings())
    assert len(groups) == 4
    assert near == []


def test_only_claims_in_comparable_units_are_compared():
    # money and a count never group; days and months are both durations: one group, for a
    # person to see the unit mismatch
    claims = [
        claim("a", "fighters paid by Russia", "$1,000"),
        claim("b", "fighters paid by Russia", "1,000"),
        claim("c", "training of recruits", "45 days"),
        claim("d", "training of recruits", "two months"),
    ]
    groups, _ = group_claims(claims, Normaliser(), Settings())
    assert sorted(sorted(m.claim.id for m in g.members) for g in groups) == [
        ["a"],
        ["b"],
        ["c", "d"],
    ]


def test_forced_claims_are_not_matched_with_others():
    a = claim("a", "Wagner fighters in Libya", group="w")
    b = claim("b", "Wagner fighters in Libya")
    groups, _ = group_claims([a, b], Normaliser(), Settings())
    assert len(groups) == 2


def test_each_member_says_what_it_scored_against():
    claims = [
        claim("a", "Syrian fighters sent by Turkey to Libya"),
        claim("b", "Syrian fighters sent to Libya by Turkey"),
        claim("c", "Syrian fighters sent by Turkey to Libya's ports"),
    ]
    (group,), _ = group_claims(claims, Normaliser(), Settings())
    why = {m.claim.id: (m.reason, m.against, round(m.score)) for m in group.members}
    assert why["c"][:2] == ("fuzzy", "a") and 85 <= why["c"][2] < 100
    assert why["a"] == ("fuzzy", "c", why["c"][2])  # its lowest score is the one against c
    assert why["b"][0] == "fuzzy" and why["b"][2] >= 85
    assert {m.key for m in group.members} >= {"#fighters siria turki libia"}
    assert {(m.measure, m.scope) for m in group.members} >= {("fighters", "Syria Turkey Libya")}


def test_near_misses_are_one_best_pair_between_two_groups():
    claims = [
        claim("a1", STILL_IN_TRAINING),
        claim("a2", STILL_IN_TRAINING.replace("from", "from the") + ", in Libya"),
        claim("b", TRAINED),
    ]
    groups, near = group_claims(claims, Normaliser(), Settings())
    assert len(groups) == 2 and len(near) == 1
    assert near[0].b.id == "b" and near[0].a.id in ("a1", "a2")
    _, none = group_claims(claims, Normaliser(), Settings(), near_misses=False)
    assert none == []


def test_blocking_finds_every_pair_that_groups_on_a_generated_set():
    """Scoring only the pairs that share a block must group exactly as scoring every pair."""
    rows, aliases, _, _ = bench_grouping().generate(1500, seed=3)
    claims = [claim(r["id"], r["about"], period=r.get("period")) for r in rows]
    normaliser = Normaliser(tuple(aliases.items()))
    blocked, _ = group_claims(claims, normaliser, Settings())
    everything = Settings(match_threshold=85, near_miss_margin=0)
    import discrepancy.blocking as blocking

    rare = blocking._rare
    blocking._rare = lambda keys: 10**9  # every word a block: every pair sharing a word
    try:
        exhaustive, _ = group_claims(claims, normaliser, everything)
    finally:
        blocking._rare = rare
    assert [[m.claim.id for m in g.members] for g in blocked] == [
        [m.claim.id for m in g.members] for g in exhaustive
    ]


# (abouts in claim order, the group's title): the wording the members share most
TITLES = [
    (
        ["protestors in Pariss", "protesters in Paris", "protesters marching in Paris"],
        "protesters in Paris",
    ),
    (
        [
            "population of Porto Rico",
            "Puerto Rico population",
            "population of Puerto Rico",
            "people living in Puerto Rico",
        ],
        "population of Puerto Rico",
    ),
    (["deaths in Paris", "death toll in Paris"], "deaths in Paris"),  # a tie: claim order
    (["death toll in Paris", "deaths in Paris"], "death toll in Paris"),
]


@pytest.mark.parametrize(("abouts", "title"), TITLES, ids=[t for _, t in TITLES])
def test_a_group_is_titled_by_the_wording_its_members_share_most(abouts, title):
    claims = [claim(f"c{i}", a, group="g") for i, a in enumerate(abouts)]
    groups, _ = group_claims(claims, Normaliser(), Settings())
    assert [g.about for g in groups] == [title]


# (abouts in claim order, a wording that must not title the group): a misspelt variant first
NOT_TITLES = [
    (["Porto Rico population", "Puerto Rico population", "Puerto Rico's population"], "Porto"),
    (["deaths in Aleppo", "people killed in Aleppo city", "people killed in Aleppo"], "deaths"),
]


@pytest.mark.parametrize(("abouts", "wrong"), NOT_TITLES, ids=[w for _, w in NOT_TITLES])
def test_a_variant_one_member_uses_never_titles_the_group(abouts, wrong):
    claims = [claim(f"c{i}", a, group="g") for i, a in enumerate(abouts)]
    groups, _ = group_claims(claims, Normaliser(), Settings())
    assert wrong not in groups[0].about


def test_claims_are_taken_in_one_order_whatever_order_they_come_in():
    """By id, and claims that share one (coded twice: an id made from the content) by their
    source, about, value, unit, period and place in the file."""
    from discrepancy.errors import Location
    from discrepancy.group import _in_order, _order

    claims = [claim(f"c{i % 7}", f"fighters {i % 3}", value=str(i % 4)) for i in range(60)]
    claims += [
        replace(claim("c1", "fighters 1", source="a"), location=Location("t.yaml", line, 1))
        for line in (9, 3, 5)
    ]
    rng = random.Random(4)
    for _ in range(5):
        rng.shuffle(claims)
        assert _in_order(claims) == sorted(claims, key=_order)
    assert [c.location.line for c in _in_order(claims) if c.source == "a"] == [3, 5, 9]


def test_a_key_whose_words_are_all_in_the_other_is_judged_however_short():
    """The character sieve would drop "#deaths" beside "#deaths port explosion" (48 of 100):
    all the words of one key in the other's, the pair is judged (and here groups)."""
    from discrepancy.blocking import Candidates
    from discrepancy.measures import Measure

    texts = ["#deaths", "#deaths ixplusiun purt", "#deaths flud kalamata"]
    found = Candidates(texts, ["", "", ""], 85.0, [Measure("deaths")] * 3)
    assert found(0) == [1, 2]
    assert found(1) == []  # neither holds the other's words, and they are little alike


# (two values of one about, whether they may be one group: units of one dimension convert)
UNITS_TOGETHER = [
    ("150 mph", "240 km/h", True),
    ("30 knots", "55 km/h", True),
    ("1,000 hectares", "5,000 acres", True),
    ("5 tonnes", "9,000 kg", True),
    ("$1,500 a month", "$30,000 a year", True),  # a rate by its period
    ("40 percent", "two-thirds of them", True),
    ("$1,500", "€1,400", True),  # money: a unit mismatch for a person, never hidden
]
UNITS_APART = [
    ("$1,500", "$1,500 a month", False),  # a sum is no rate
    ("150 mph", "150 miles", False),  # a speed is no length
    ("5 tonnes", "5,000 litres", False),
    ("100 km", "100", False),  # a count is a count
]


@pytest.mark.parametrize(("a", "b", "together"), UNITS_TOGETHER + UNITS_APART)
def test_values_in_units_of_one_dimension_may_group(a, b, together):
    pair = [claim("a", "wind speed at landfall", a), claim("b", "wind speed at landfall", b)]
    groups, _ = group_claims(pair, Normaliser(), Settings())
    assert (len(groups) == 1) is together

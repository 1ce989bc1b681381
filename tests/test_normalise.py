"""Normalisation, as tables: spellings that fold together, the names an about mentions (and in
what role), and the pairs that may or may never count the same thing."""

from __future__ import annotations

import pytest

from discrepancy.match import why_apart
from discrepancy.normalise import Normaliser
from discrepancy.words import fold, skeleton

# (a, b): spellings outlets use for one word; they fold to the same skeleton
SAME_WORD = [
    ("Qaddafi", "Gaddafi"),  # q/k/g, doubled letters
    ("Gaddafi", "Gadafi"),
    ("Khmeimim", "Hmeimim"),  # kh/h, ee/i
    ("Zour", "Zor"),  # ou/u, o/u
    ("Sarraj", "Saraj"),
    ("Qamishli", "Kamyshly"),  # y/i
    ("Dhahran", "Zahran"),  # dh/z
    ("Djibouti", "Jibouti"),  # dj/j
    ("Vagner", "Wagner"),  # w/v
    ("Syrians", "Syrian"),  # plurals
    ("authorities", "authority"),
    ("7th", "7"),  # ordinals are numbers
    ("Zāwiya", "Zawiya"),  # accents
]
# (a, b): different words, whatever the folding
DIFFERENT_WORD = [
    ("Iran", "Iraq"),
    ("Austria", "Australia"),
    ("Turkey", "Russia"),
    ("Nebraska", "Illinois"),
]


@pytest.mark.parametrize(("a", "b"), SAME_WORD, ids=[f"{a}={b}" for a, b in SAME_WORD])
def test_spellings_fold_together(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_WORD, ids=[f"{a}!={b}" for a, b in DIFFERENT_WORD])
def test_different_words_stay_different(a, b):
    assert skeleton(a) != skeleton(b)


def test_fold_takes_out_case_accents_and_punctuation():
    assert fold("Ḥaftar’s  Forces!") == "haftar s forces"


ALIASES = (
    ("Wagner Group", ("PMC Wagner",)),
    ("United States Department of Defense", ("Pentagon",)),
)

# (about, the names it mentions as "label (role)", its numbers)
NAMES = [
    (
        "Syrian fighters sent by Turkey to Libya",
        ["Syria (adjective)", "Turkey (source)", "Libya (place)"],
        (),
    ),
    # a lower-case plural is no acronym ("cars" is not CAR)
    ("cars destroyed by the floods", [], ()),
    # no word before Turkey says its role
    ("Syrian fighters Turkey sent to Libya", ["Syria (adjective)", "Turkey", "Libya (place)"], ()),
    # a role reaches through a name: "in Tripoli, Libya"
    ("clashes in Tripoli, Libya", ["Tripoli (place)", "Libya (place)"], ()),
    ("voters in Lincoln, Nebraska", ["Lincoln (place)", "Nebraska (place)"], ()),
    ("people fighting against Haftar", ["Khalifa Haftar (against)"], ()),
    # numbers in an about: a brigade, a model, a year
    ("fighters of the 7th Brigade", ["Brigade"], ("7",)),
    ("MIM-23 Hawk systems shot down by MiG-29 jets", ["MIM", "Hawk", "MiG (source)"], ("23", "29")),
    # a year is a time, not a number that must be equal (see test_asides.py)
    ("mercenaries recruited in 2019", [], ()),
    ("fighters of the 7th Brigade", ["Brigade"], ("7",)),
    # an alias, and a typo of one inside a name of several words
    ("Vagner Group fighters", ["Wagner Group"], ()),
    ("PMC Wagner fighters", ["Wagner Group"], ()),
    # the claims file's alias takes over the built-in name it shares a spelling with
    ("Department of Defense report", ["United States Department of Defense"], ()),
    ("Pentagon report", ["United States Department of Defense"], ()),
    # short names match only as written: "male" is not Mali, "who" not the WHO, and a typo
    # alone does not make a name ("Marines" is not Maine)
    ("male prisoners in Mali", ["Mali (place)"], ()),
    ("civilians who fled the WHO clinic", ["World Health Organization"], ()),
    ("British former Royal Marines", ["United Kingdom (adjective)", "Royal Marines"], ()),
    # all in lower case: names written in capitals still match, stop words do not
    ("fighters of the gna who fled", ["Government of National Accord"], ()),
    # Headline Case: capitals say nothing, only known names count
    (
        "Syrian Fighters Sent By Turkey To Libya",
        ["Syria (adjective)", "Turkey (source)", "Libya (place)"],
        (),
    ),
    # the first word is capitalised as a sentence starts, not as a name
    ("Mines neutralized in Libya", ["Libya (place)"], ()),
    # an adjective stays a description, whatever comes before it
    ("training for the Russian-recruited Syrians", ["Russia (adjective)", "Syria (adjective)"], ()),
    # "due to" says a cause, not where to
    ("deaths due to Typhoon Yolanda", ["Typhoon Yolanda"], ()),
    ("aid sent to Tacloban", ["Tacloban (place)"], ()),
]


@pytest.mark.parametrize(("about", "names", "numbers"), NAMES, ids=[n[0] for n in NAMES])
def test_names_roles_and_numbers(about, names, numbers):
    key = Normaliser(ALIASES).key(about)
    assert [str(n) for n in key.names] == names
    assert key.numbers == numbers


def test_a_storm_is_named_with_or_without_its_kind():
    n = Normaliser()
    for a, b in [
        ("deaths from Hurricane Ian", "deaths caused by Ian"),
        ("people killed by Super Typhoon Haiyan", "people killed by Haiyan"),
        ("Tropical Storm Ana rainfall", "rainfall from Ana"),
    ]:
        assert [x.ident for x in n.key(a).names] == [x.ident for x in n.key(b).names], (a, b)
    # the kind only before the name: "Desert Storm" stays whole
    assert [x.ident for x in n.key("Operation Desert Storm troops").names] == [
        "upiratiun_disirt_sturm"
    ]


def test_aliases_and_spellings_give_one_key():
    n = Normaliser(ALIASES)
    assert n.key("Vagner Group fighters").text == n.key("Wagner Group fighters").text
    assert n.key("fighters loyal to Qaddafi").text == n.key("fighters loyal to Gadhafi").text
    assert n.key("Fighters in Deir el-Zour").text == n.key("fighters in Deir ez-Zor").text


def test_learning_the_input_finds_names_written_in_lower_case_and_fixes_typos():
    abouts = (
        ["fighters sent to Varnholm by the Kestrova Front"]
        + [f"patrols sent to Varnholm in {2000 + i}" for i in range(12)]
        + ["fighters sent to varnholm by the kestrova front", "patrols sent to Varnhlom in 2001"]
    )
    n = Normaliser()
    n.learn_keys(abouts)
    # capitalised elsewhere: a name here too
    assert [str(x) for x in n.key(abouts[-2]).names] == [
        "varnholm (place)",
        "kestrova front (source)",
    ]
    # a rare word one typo from a common one is read as it
    assert n.key(abouts[-1]).text == n.key(abouts[2]).text


def test_a_names_word_in_lower_case_beside_capitals_is_a_common_noun():
    abouts = ["people killed by Typhoon Haiyan", "people affected by the typhoon (UN)"]
    n = Normaliser()
    n.learn_keys(abouts)
    assert [x.label for x in n.key(abouts[0]).names] == ["Typhoon Haiyan"]
    assert n.key(abouts[1]).names == ()  # not a name: the about writes its names in capitals
    assert [x.label for x in n.key("people affected by the typhoon").names] == ["typhoon"]


# (a, b, why they never count the same thing)
APART = [
    (
        "Syrian fighters sent by Turkey to Libya",
        "Syrian fighters sent by Russia to Libya",
        "names differ: Turkey (source) vs Russia (source)",
    ),
    (
        "clashes in Tripoli, Libya",
        "clashes in Tripoli, Lebanon",
        "names differ: Libya (place) vs Lebanon (place)",
    ),
    (
        "voters in Lincoln, Nebraska",
        "voters in Lincoln, Illinois",
        "names differ: Nebraska (place) vs Illinois (place)",
    ),
    # nothing known about these names: words that are not spellings of each other differ
    (
        "voters in Varnholm, Kestrova",
        "voters in Varnholm, Ostrava",
        "names differ: Kestrova (place) vs Ostrava (place)",
    ),
    ("fighters of the 7th Brigade", "fighters of the 9th Brigade", "numbers differ: 7 vs 9"),
    (
        "MIM-23 Hawk systems deployed",
        "MIM-23 Hawk systems hit by MiG-29 jets",
        "numbers differ: 23 vs 23, 29",
    ),
    # the same names in swapped roles
    (
        "weapons sent by Turkey to Libya",
        "weapons sent by Libya to Turkey",
        "names differ: Turkey (source) vs Libya (source)",
    ),
    (
        "Libyan fighters sent by Turkey to Syria",
        "Syrian fighters sent by Turkey to Libya",
        "names differ: Libya (adjective) vs Syria (adjective)",
    ),
    (
        "people fighting for Haftar",
        "people fighting against Haftar",
        "names differ: Khalifa Haftar (side) vs Khalifa Haftar (against)",
    ),
    (
        "Turkish soldiers deployed to Libya",
        "Syrian fighters deployed to Libya",
        "measures differ: troops vs fighters",
    ),
    (
        "Turkish soldiers deployed to Libya",
        "Syrian soldiers deployed to Libya",
        "names differ: Turkey (adjective) vs Syria (adjective)",
    ),
]

# (a, b): may count the same thing (whether they do is then the score's to say)
MAY_MATCH = [
    ("Syrian fighters sent by Turkey to Libya", "Syrian fighters sent to Libya by Turkey"),
    ("Syrian fighters sent by Turkey to Libya", "Syrian fighters Turkey sent to Libya"),
    ("Syrian fighters sent by Turkey to Libya", "fighters from Syria sent by Turkey to Libya"),
    (
        "Russian mercenaries of the Wagner Group fighting for Haftar in Libya",
        "Russian Vagner mercenaries fighting for Khalif Haftar in Libya",
    ),
    ("voters in Lincoln, Nebraska", "voters in Lincoln, Nebrasak"),  # a typo
    ("fighters sent by Turkey", "fighters sent by Tukrey"),  # a typo of a known name
    ("Libyan Armed Forces members", "members of the Libyan armed forces"),
    # one names more than the other, but nothing different
    ("Syrian fighters sent by Turkey", "Syrian fighters sent by Turkey to Libya"),
]


@pytest.mark.parametrize(("a", "b", "why"), APART, ids=[f"{a} !~ {b}" for a, b, _ in APART])
def test_different_actors_places_roles_or_numbers_never_group(a, b, why):
    n = Normaliser(ALIASES)
    assert why_apart(n.key(a), n.key(b)) == why
    assert why_apart(n.key(b), n.key(a))  # either way round


@pytest.mark.parametrize(("a", "b"), MAY_MATCH, ids=[f"{a} ~ {b}" for a, b in MAY_MATCH])
def test_same_names_in_fitting_roles_may_group(a, b):
    n = Normaliser(ALIASES)
    assert why_apart(n.key(a), n.key(b)) == ""
    assert why_apart(n.key(b), n.key(a)) == ""

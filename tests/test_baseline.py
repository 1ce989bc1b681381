"""Baselines in the core: fingerprints that depend only on what a contradiction is, the baseline
file read and written, and today's contradictions compared with it."""

from __future__ import annotations

import copy
import itertools
import json
import random
from dataclasses import replace

import pytest
import yaml

from discrepancy.baseline import Baseline, Entry, Side, compare, dumps, entries, parse
from discrepancy.errors import InputError, Location
from discrepancy.fingerprint import Contradiction, fingerprint
from discrepancy.group import Normaliser
from discrepancy.load import build
from discrepancy.model import Claims, Conflict, Settings
from discrepancy.pipeline import analyse, contradictions
from discrepancy.readers import parse_document
from tests.helpers import claim

# Two contradictions: one between claims with ids, one between claims without (their
# fingerprints come from source, normalised `about` and value).
BASE = {
    "version": 1,
    "aliases": {"Wagner Group": ["Vagner", "PMC Wagner"]},
    "sources": {
        "ap": {"title": "AP", "published": "2020-05-01"},
        "reuters": {"title": "Reuters"},
        "tass": {"title": "TASS", "via": ["itar"]},
    },
    "claims": [
        {
            "id": "wagner-ap",
            "source": "ap",
            "about": "Wagner Group fighters in Libya",
            "value": "hundreds",
            "quote": "hundreds of Russian fighters",
            "note": "AP's own voice",
        },
        {
            "id": "wagner-reuters",
            "source": "reuters",
            "about": "PMC Wagner fighters in Libya",
            "value": "at least 2,000",
            "period": "2020",
        },
        {
            "source": "ap",
            "about": "Syrian fighters sent by Turkey to Libya",
            "value": "about 3,500",
            "period": "2020-01/2020-03",
            "quote": "some 3,500 Syrians",
        },
        {
            "source": "tass",
            "about": "Syrian fighters sent to Libya by Turkey",
            "value": "17,000",
            "attributed_to": "Syrian Observatory",
        },
        {"source": "reuters", "about": "air defence systems delivered to Haftar", "value": "12"},
    ],
}


def _dump(data, **style) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, **style)


def _fingerprints(*texts: str) -> set[str]:
    docs = [parse_document(text, f"claims-{i}.yaml") for i, text in enumerate(texts)]
    return {c.fingerprint for c in contradictions(analyse(build(docs)))}


def _edited(edit):
    data = copy.deepcopy(BASE)
    edit(data)
    return data


def _split(data, first):
    """The claims file as two: sources, aliases and the claims `first` picks; the rest."""
    head = {k: v for k, v in data.items() if k != "claims"}
    claims = data["claims"]
    keep = [c for i, c in enumerate(claims) if first(i)]
    rest = [c for i, c in enumerate(claims) if not first(i)]
    return [_dump({**head, "claims": keep}), _dump({"version": 1, "claims": rest})]


def _set(path, value):
    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _both(first, second):
    return lambda data: (first(data), second(data))


def _reverse(data):
    data["claims"].reverse()


def _add_unrelated(data):
    data["claims"].insert(
        1, {"source": "tass", "about": "patients treated in Misrata", "value": "40"}
    )
    data["claims"].append(
        {
            "id": "mines",
            "source": "ap",
            "about": "mines cleared in Tripoli",
            "value": "a few hundred",
        }
    )


def _remove_unrelated(data):
    del data["claims"][4]


# (name, files): the same contradictions, however they are written down
SAME = [
    ("reordered", [_dump(_edited(_reverse))]),
    ("reflowed into flow style", [_dump(BASE, default_flow_style=True, width=50)]),
    (
        "reflowed with wide indents and sorted keys",
        [yaml.safe_dump(BASE, indent=6, sort_keys=True, width=200)],
    ),
    ("quote edited", [_dump(_edited(_set(["claims", 0, "quote"], "hundreds of mercenaries")))]),
    (
        "quote added to a claim without id",
        [_dump(_edited(_set(["claims", 3, "quote"], "17,000 fighters")))],
    ),
    ("note edited", [_dump(_edited(_set(["claims", 0, "note"], "checked again")))]),
    (
        "dates edited",
        [
            _dump(
                _edited(
                    _both(
                        _set(["claims", 2, "period"], "2020"),
                        _set(["sources", "ap", "published"], "2020-06"),
                    )
                )
            )
        ],
    ),
    ("attribution edited", [_dump(_edited(_set(["claims", 3, "attributed_to"], "SOHR")))]),
    ("split in two", _split(BASE, lambda i: i < 2)),
    ("claims moved between files", _split(BASE, lambda i: i % 2 == 1)),
    ("unrelated claims added", [_dump(_edited(_add_unrelated))]),
    ("unrelated claim removed", [_dump(_edited(_remove_unrelated))]),
    # `about` and value of a claim without id, spelled differently: the same claim
    (
        "about recased and punctuated",
        [_dump(_edited(_set(["claims", 2, "about"], "Syrian Fighters sent by Turkey, to Libya.")))],
    ),
    ("value respaced and recased", [_dump(_edited(_set(["claims", 2, "value"], "About  3,500")))]),
]

# (name, files): a different contradiction, so a different fingerprint
CHANGED = [
    ("value of a claim without id", [_dump(_edited(_set(["claims", 2, "value"], "about 3,800")))]),
    ("source of a claim without id", [_dump(_edited(_set(["claims", 3, "source"], "reuters")))]),
    ("id renamed", [_dump(_edited(_set(["claims", 0, "id"], "wagner-ap-2")))]),
]


@pytest.fixture(scope="module")
def base_fingerprints():
    found = _fingerprints(_dump(BASE))
    assert len(found) == 2
    return found


@pytest.mark.parametrize("files", [c[1] for c in SAME], ids=[c[0] for c in SAME])
def test_fingerprints_depend_only_on_what_the_contradiction_is(base_fingerprints, files):
    assert _fingerprints(*files) == base_fingerprints


@pytest.mark.parametrize("files", [c[1] for c in CHANGED], ids=[c[0] for c in CHANGED])
def test_a_different_contradiction_has_a_different_fingerprint(base_fingerprints, files):
    found = _fingerprints(*files)
    assert len(found) == 2
    assert len(found & base_fingerprints) == 1  # the other contradiction is untouched


def test_fingerprint_does_not_depend_on_which_claim_is_which():
    n = Normaliser()
    a, b = claim("a", "fighters", "10"), claim("b", "fighters", "500")
    assert fingerprint(a, b, n) == fingerprint(b, a, n)
    assert len(fingerprint(a, b, n)) == 16


def test_an_explicit_id_wins_over_content():
    n = Normaliser()
    a, b = claim("a", "fighters", "10"), claim("b", "fighters", "500")
    reworded = claim("a", "troops", "11", source="elsewhere")
    assert fingerprint(a, b, n) == fingerprint(reworded, b, n)
    anonymous = claim("a", "fighters", "10", explicit_id=False)
    assert fingerprint(anonymous, b, n) != fingerprint(a, b, n)


# Eight of the 120 orders of five claims, picked once: each analysis builds a normaliser, so
# every order would cost seconds and find nothing more.
ORDERS = random.Random(0).sample(list(itertools.permutations(range(5))), 8)


def test_any_order_of_claims_gives_the_same_contradictions():
    claims = [
        claim(f"c{i}", "Syrian fighters in Libya", v, explicit_id=i % 2 == 0)
        for i, v in enumerate(["hundreds", "at least 2,000", "12", "about 400", "dozens"])
    ]

    def fingerprints(order):
        found = contradictions(analyse(Claims(tuple(order), {}, (), Settings())))
        return [c.fingerprint for c in found]

    reference = fingerprints(sorted(claims, key=lambda c: c.id))
    assert len(reference) >= 4
    for order in ORDERS:
        assert fingerprints([claims[i] for i in order]) == reference, order


def test_the_same_claim_twice_is_one_contradiction():
    twice = _edited(lambda d: d["claims"].append(dict(d["claims"][3])))
    assert _fingerprints(_dump(twice)) == _fingerprints(_dump(BASE))


# --- the baseline file ---------------------------------------------------------------------

E1 = Entry(
    "00000000000000aa",
    "fighters",
    (Side("a", "ap", "10"), Side("b", "tass", "500")),
    "different batches: April vs earlier",
)
E2 = Entry(
    "00000000000000bb",
    "drones „quoted“",
    (Side("c", "ap", "12"), Side("d", "reuters", "at least 40")),
)


def test_written_baseline_reads_back():
    text = dumps([E1, E2])
    assert json.loads(text)["version"] == 1
    read = parse(text, "b.json")
    assert [(e.fingerprint, e.about, e.claims, e.reason) for e in read.entries] == [
        (e.fingerprint, e.about, e.claims, e.reason) for e in (E1, E2)
    ]
    assert read.entries[1].location == Location("b.json", 13, 5)
    assert parse(dumps([]), "b.json").entries == ()


def test_written_baseline_has_one_line_per_claim_and_no_positions():
    text = dumps([E1])
    assert '        {"id": "a", "source": "ap", "value": "10"},\n' in text
    assert "line" not in text and "claims.yaml" not in text


def _entry(fp, a="a", b="b", reason=""):
    # the values the claims of _found hold: an entry whose values differ is a changed one
    return Entry(fp, "x", (Side(a, "s", "1"), Side(b, "s", "20")), reason)


def _found(*pairs):
    return [
        Contradiction(fp, "x", "x", Conflict(claim(a, "x", "1"), claim(b, "x", "20"), 20.0))
        for fp, a, b in pairs
    ]


def test_compare_sorts_new_known_and_resolved():
    today = _found(("f1", "a", "b"), ("f2", "c", "d"))
    baseline = Baseline("b.json", (_entry("f2", "c", "d", "ok"), _entry("f3")))
    result = compare(today, baseline)
    assert [c.fingerprint for c in result.new] == ["f1"]
    assert [(c.fingerprint, e.reason) for c, e in result.known] == [("f2", "ok")]
    assert [e.fingerprint for e in result.resolved] == ["f3"]
    assert result.fails(strict=False) and result.fails(strict=True)
    only_resolved = compare(today[1:], baseline)
    assert not only_resolved.fails(strict=False) and only_resolved.fails(strict=True)
    assert not compare(today[1:], Baseline("b.json", (_entry("f2"),))).fails(strict=True)


def test_regenerated_entries_keep_reasons_of_those_still_found_and_are_sorted():
    today = _found(("ff", "a", "b"), ("0f", "c", "d"))
    previous = Baseline("b.json", (_entry("ff", reason="reviewed"), _entry("aa", reason="gone")))
    made = entries(today, previous)
    assert [(e.fingerprint, e.reason) for e in made] == [("0f", ""), ("ff", "reviewed")]
    # each side as it reads today: value and interval
    assert made[0].claims == (Side("c", "src-c", "1", "1"), Side("d", "src-d", "20", "20"))


# (claim ids the baseline names, expected newer claim): a is at line 1, b at line 9
NEWER = [
    ((), "b"),  # neither named: the later in file order
    (("a",), "b"),  # a existed when the baseline was made
    (("b",), "a"),
    (("a", "b"), "b"),
]


@pytest.mark.parametrize(("named", "expected"), NEWER)
def test_new_contradiction_is_reported_at_the_newer_claim(named, expected):
    a = claim("a", "x", "1")
    b = replace(claim("b", "x", "20"), location=Location("t.yaml", 9, 5))
    [found] = contradictions(analyse(Claims((b, a), {}, (), Settings())))
    sides = tuple(Side(i, "s", "1") for i in (*named, "other", "other2"))[:2]
    result = compare([found], Baseline("b.json", (Entry("e" * 16, "x", sides),)))
    newer, other = result.newer(found)
    assert newer.id == expected and {newer.id, other.id} == {"a", "b"}


GOOD_ENTRY = (
    '{"fingerprint": "0123456789abcdef", "about": "x", "claims": '
    '[{"id": "a", "source": "s", "value": "1"}, {"id": "b", "source": "s", "value": "2"}]}'
)

# (name, baseline text, expected "line:col: message")
BAD = [
    ("empty", "", "1:1: not valid JSON: Expecting value"),
    ("truncated", '{"version": 1,\n "contradictions": [\n', "3:1: not valid JSON: Expecting value"),
    (
        "merge conflict",
        '{\n<<<<<<< HEAD\n  "version": 1\n}',
        "2:1: not valid JSON: Expecting property name enclosed in double quotes",
    ),
    ("not an object", "[]", "1:1: a baseline must be a JSON object"),
    ("no version", '{"contradictions": []}', "1:1: the baseline is missing `version`"),
    ("no contradictions", '{"version": 1}', "1:1: the baseline is missing `contradictions`"),
    (
        "version as a float",
        '{"version": 1.0, "contradictions": []}',
        "1:13: unsupported baseline version 1.0",
    ),
    (
        "a version past the integer limit",
        '{"version": ' + "9" * 5000 + ', "contradictions": []}',
        "1:13: a number of 5,000 digits is too large",  # where it stands (issue 12)
    ),
    (
        "unknown version",
        '{"version": 2, "contradictions": []}',
        "1:13: unsupported baseline version 2: this discrepancy reads version 1",
    ),
    (
        "version as text",
        '{"version": "1", "contradictions": []}',
        '1:13: unsupported baseline version "1"',
    ),
    (
        "version true",
        '{"version": true, "contradictions": []}',
        "1:13: unsupported baseline version true",
    ),
    (
        "contradictions not a list",
        '{"version": 1, "contradictions": {}}',
        "1:34: `contradictions` must be a list",
    ),
    (
        "unknown top field",
        '{"version": 1, "contradictions": [], "contradiction": []}',
        "1:38: unknown field `contradiction` in the baseline (did you mean `contradictions`?)",
    ),
    (
        "entry not an object",
        '{"version": 1, "contradictions": [\n  "0123456789abcdef"]}',
        "2:3: each baseline entry must be an object",
    ),
    (
        "entry without fingerprint",
        '{"version": 1, "contradictions": [\n  {"about": "x", "claims": '
        '[{"id": "a", "source": "s", "value": "1"}, {"id": "b", "source": "s", "value": "2"}]}]}',
        "2:3: a baseline entry is missing `fingerprint`",
    ),
    (
        "fingerprint a number",
        '{"version": 1, "contradictions": [\n  '
        + GOOD_ENTRY.replace('"0123456789abcdef"', "12")
        + "]}",
        "2:19: `fingerprint` must be a string, not 12",
    ),
    (
        "fingerprint hand-typed",
        '{"version": 1, "contradictions": [\n  '
        + GOOD_ENTRY.replace("0123456789abcdef", "0123-4567")
        + "]}",
        '2:19: `fingerprint` must be 16 hex digits as `discrepancy baseline` writes them, not "0123-4567"',
    ),
    (
        "reason misspelt",
        '{"version": 1, "contradictions": [\n  ' + GOOD_ENTRY[:-1] + ', "reasons": "ok"}]}',
        "2:149: unknown field `reasons` in a baseline entry (did you mean `reason`?)",
    ),
    (
        "reason not text",
        '{"version": 1, "contradictions": [\n  ' + GOOD_ENTRY[:-1] + ', "reason": null}]}',
        "2:159: `reason` must be a string, not null",
    ),
    (
        "one claim",
        '{"version": 1, "contradictions": [\n  {"fingerprint": "0123456789abcdef", '
        '"about": "x", "claims": [{"id": "a", "source": "s", "value": "1"}]}]}',
        "2:63: `claims` must list the two claims",
    ),
    (
        "claim without value",
        '{"version": 1, "contradictions": [\n  ' + GOOD_ENTRY.replace(', "value": "2"', "") + "]}",
        "2:106: a baseline claim is missing `value`",
    ),
    (
        "claim value a list",
        '{"version": 1, "contradictions": [\n  '
        + GOOD_ENTRY.replace('"value": "2"', '"value": [2]')
        + "]}",
        "2:142: `value` must be a string, not a list",
    ),
    (
        "fingerprint twice",
        '{"version": 1, "contradictions": [\n  ' + GOOD_ENTRY + ",\n  " + GOOD_ENTRY + "]}",
        "3:3: fingerprint 0123456789abcdef is listed twice (first at line 2)",
    ),
    (
        "key twice",
        '{"version": 1, "version": 1, "contradictions": []}',
        "1:16: duplicate key 'version' (first at line 1)",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_baseline_is_located(text, expected):
    with pytest.raises(InputError) as e:
        parse(text, "b.json")
    assert any(str(p).startswith(f"b.json:{expected}") for p in e.value.problems), e.value


def test_every_problem_in_a_baseline_is_listed():
    text = (
        '{"version": 3, "contradictions": [\n  {"about": 1, "claims": []},\n  7\n],\n "extra": 0}'
    )
    with pytest.raises(InputError) as e:
        parse(text, "b.json")
    assert [f"{p.location.line}:{p.location.col}" for p in e.value.problems] == [
        "1:13",
        "2:3",
        "2:13",
        "2:26",
        "3:3",
        "5:2",
    ]


def test_json_accepts_what_the_located_reader_reads():
    # valid JSON in every shape the reader walks: nested, escaped, numbers, literals
    text = (
        '{"version": 1, "contradictions": [], "x": [1, -2.5e3, true, false, null, '
        '"a\\"b\\u00e9", {}, [], {"k": [ ]}]}'
    )
    with pytest.raises(InputError) as e:
        parse(text, "b.json")
    assert [str(p) for p in e.value.problems] == ["b.json:1:38: unknown field `x` in the baseline"]

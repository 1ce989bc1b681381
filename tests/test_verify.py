"""A value's numbers must be in its quote; a claim is verified only against its document."""

from __future__ import annotations

import pytest

from discrepancy.documents import read_article
from discrepancy.verify import Status, number_problems, numbers_in, verify_claim
from tests.helpers import claim


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("between 3,500 and 3,800", [3500, 3800]),
        ("at least two thousand fighters", [2000]),
        # a run joined by "and" gives its parts too: "two million and 300 thousand"
        ("one and a half to two thousand dollars a month", [1.5, 1, 0.5, 2000]),
        ("$1.2bn", [1.2e9]),
        ("half a million", [500_000]),
        ("3,500-3,800", [3500, 3800]),
        ("twenty-five", [25]),
        ("two thousand and five", [2005, 2000, 5]),
        ("January 31 (2.5 million people)", [31, 2.5e6]),
        ("three-month contracts", [3]),
        # a model designation is a name, not a number
        ("two MIM-23 Hawk systems", [2]),
        ("hundreds of fighters", []),
        ("a unit", []),
    ],
)
def test_numbers_in(text: str, numbers: list[float]) -> None:
    assert [n.value for n in numbers_in(text)] == numbers


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("2,000", "at least two thousand fighters"),
        ("two thousand", "some 2,000 fighters"),
        ("3500", "3,500 Syrian fighters"),
        ("3,500", "3500 Syrian fighters"),
        ("between 3,500 and 3,800", "sent 3,500 to 3,800 fighters"),
        ("$1.2 billion", "a $1.2bn deal"),
        ("hundreds", "hundreds of Russian mercenaries"),
        ("an unknown number", 'an "unknown number" of soldiers'),
        ("about four hundred", "about 400 Syrians"),
        ("40%", "40 per cent of voters"),
        ("one and a half to two thousand dollars a month", "from one and a half to two thousand"),
    ],
)
def test_value_numbers_in_quote(value: str, quote: str) -> None:
    assert number_problems(value, quote) == []


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("3,600", "3,500 Syrian fighters"),
        ("between 3,500 and 3,900", "between 3,500 and 3,800 fighters"),
        ("two thousand", "some 200 fighters"),
        ("35,000", "3,500 fighters"),
        ("thousands", "hundreds of fighters"),
        ("several hundred", "several thousand fighters"),
        # a number in a name is not the number the value gives
        ("23", "two MIM-23 Hawk systems"),
        # an editor's words in brackets are not the article's
        ("3,500", "[3,500] Syrian fighters"),
    ],
)
def test_value_numbers_not_in_quote(value: str, quote: str) -> None:
    assert number_problems(value, quote) != []


def test_number_problem_says_what_the_quote_has() -> None:
    [p] = number_problems("about 350", "Turkey replaced about 250 mercenaries")
    assert p.message == 'the value\'s number "350" is not in the quote'
    assert p.details == ("numbers in the quote: 250",)


DOC = "Headline\n\nTurkey replaced about 250 mercenaries who spent a long time in Libya.\n"


def test_verified_claim() -> None:
    c = claim("a", "mercenaries", "about 250", quote="Turkey replaced about 250 mercenaries")
    v = verify_claim(c, "doc.txt", read_article("doc.txt", DOC))
    assert v.status is Status.verified and v.problems == ()
    assert str(v.at) == "doc.txt:3:1"


def test_changed_word_and_number_both_reported() -> None:
    c = claim("a", "mercenaries", "about 350", quote="Turkey removed about 250 mercenaries")
    v = verify_claim(c, "doc.txt", read_article("doc.txt", DOC))
    assert v.status is Status.failed
    assert [p.kind for p in v.problems] == ["quote", "number"]
    assert v.problems[0].details == ('the quote has "removed" where the document has "replaced"',)


@pytest.mark.parametrize(
    ("name", "article", "quote", "status"),
    [
        ("", None, "Turkey replaced about 250", Status.unverifiable),
        ("gone.txt", None, "Turkey replaced about 250", Status.unverifiable),
        ("doc.txt", read_article("doc.txt", DOC), "", Status.unverifiable),
        # the value's number is checked against its quote even when the document is missing
        ("gone.txt", None, "Turkey replaced about 150", Status.failed),
    ],
)
def test_never_passed_silently(name: str, article: object, quote: str, status: Status) -> None:
    c = claim("a", "mercenaries", "about 250", quote=quote)
    v = verify_claim(c, name, article, "docs")  # type: ignore[arg-type]
    assert v.status is status and v.problems

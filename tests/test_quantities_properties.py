"""Properties of the quantity reader that hold for any input (hypothesis; see the profile in
conftest.py: derandomized and bounded, so the suite is fast and never flakes)."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import lexicon as lx
from discrepancy import units
from discrepancy.model import VAGUE_DEFAULTS
from discrepancy.quantities import QuantityError, parse_quantity

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def words(n: int, british: bool = False) -> str:
    """n in English words: 2005 -> "two thousand five" (British: "two thousand and five")."""
    if n == 0:
        return "zero"
    parts = []
    for value, name in SCALES:
        if n >= value:
            parts.append(f"{_below_thousand(n // value, british)} {name}")
            n %= value
    if n:
        rest = _below_thousand(n, british)
        parts.append(f"and {rest}" if british and parts and n < 100 else rest)
    return " ".join(parts)


def _below_thousand(n: int, british: bool) -> str:
    hundreds, rest = divmod(n, 100)
    out = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        if hundreds and british:
            out.append("and")
        tens, ones = divmod(rest, 10)
        out.append(ONES[rest] if rest < 20 else TENS[tens] + (f"-{ONES[ones]}" if ones else ""))
    return " ".join(out)


def test_the_words_helper_itself():
    assert words(0) == "zero"
    assert words(72) == "seventy-two"
    assert words(2005, british=True) == "two thousand and five"
    assert words(999_999_999_999) == (
        "nine hundred ninety-nine billion nine hundred ninety-nine million "
        "nine hundred ninety-nine thousand nine hundred ninety-nine"
    )
    assert words(100_000_115, british=True) == "one hundred million one hundred and fifteen"


below_a_trillion = st.integers(min_value=0, max_value=10**12 - 1)


@given(below_a_trillion)
def test_any_number_reads_exactly_in_digits_groups_and_words(n):
    for text in (
        str(n),
        f"{n:,}",
        f"{n:,}".replace(",", " "),
        f"{n:,}".replace(",", "\u00a0"),
        words(n),
        words(n, british=True),
        words(n).upper(),
    ):
        q = parse_quantity(text)
        assert (q.lo, q.hi, q.lo_open, q.hi_open, q.unit) == (n, n, False, False, "count"), text


@given(below_a_trillion, below_a_trillion)
def test_a_range_reads_as_its_min_and_max(a, b):
    low, high = sorted((a, b))
    if 1 <= low < 1000 <= high and low * 1000 <= high < low * 10000 and low == a:
        # "400-500,000": the thousands said once, or not? Refused, never guessed
        with pytest.raises(QuantityError, match="write both ends in full"):
            parse_quantity(f"{a:,}-{b:,}")
        return
    for text in (
        f"between {a:,} and {b:,}",
        f"from {a} to {b}",
        f"{a:,}-{b:,}",
        f"{a:,} to {b:,}",
        f"between ${a:,} and ${b:,} a month",
    ):
        q = parse_quantity(text)
        assert (q.lo, q.hi, q.lo_open, q.hi_open) == (min(a, b), max(a, b), False, False), text


# What each rule makes of n, independently of the reader: (lo, hi, lo_open, hi_open).
RULE_OF = {
    "above": lambda n: (n, math.inf, True, False),
    "at-least": lambda n: (n, math.inf, False, False),
    "below": lambda n: (0, n, False, True),
    "at-most": lambda n: (0, n, False, False),
    "approx": lambda n: (0.9 * n, 1.1 * n, False, False),
    "nearly": lambda n: (0.9 * n, n, False, False),
    "just-under": lambda n: (0.9 * n, n, False, True),
    "just-over": lambda n: (n, 1.1 * n, True, False),
}
HEDGES = sorted(p for p, rule in lx.HEDGES.items() if rule in RULE_OF)
SUFFIXES = sorted(lx.SUFFIXES)


def _same(q, expected):
    lo, hi, lo_open, hi_open = expected
    return (
        math.isclose(q.lo, lo)
        and (q.hi == hi or math.isclose(q.hi, hi))
        and (q.lo_open, q.hi_open) == (lo_open, hi_open)
    )


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(HEDGES))
def test_every_hedge_applies_its_rule(n, hedge):
    q = parse_quantity(f"{hedge} {n:,}")
    assert _same(q, RULE_OF[lx.HEDGES[hedge]](n)), (hedge, q)


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(SUFFIXES))
def test_every_suffix_applies_its_rule(n, suffix):
    glued = suffix.startswith(("-", "+"))
    q = parse_quantity(f"{n:,}{'' if glued else ' '}{suffix.replace('- ', '-')}")
    assert _same(q, RULE_OF[lx.SUFFIXES[suffix]](n)), (suffix, q)


# Anything at all: unicode text, and sequences of the reader's own words, numbers and signs,
# glued or spaced, which reach far deeper into the reader than random text does.
VOCABULARY = sorted(
    {
        *lx.HEDGES,
        *lx.SUFFIXES,
        *VAGUE_DEFAULTS,
        *lx.UNITS,
        *lx.TEENS,
        *lx.TENS,
        *lx.SCALES,
        *lx.ABBREVIATIONS,
        *lx.FRACTION_WORDS,
        *lx.FRACTION_CHARS,
        *lx.UNQUANTIFIED,
        *lx.CURRENCY_SIGNS,
        *lx.CURRENCY_NAMES,
        *units.PERCENT,
        *units.PHYSICAL,
        *lx.STATED,
        *lx.NOUNS,
        *lx.DURATIONS,
        *lx.RATE_ADJECTIVES,
        *lx.YEAR_CONTEXT,
        *lx.RANGE_WORDS,
        "hundred",
        "dozen",
        "zero",
        "and",
        "of",
        "a",
        "an",
        "USD",
        "TRY",
        "3rd",
        "MIM-23",
        "mid-2019",
        "2019",
        "1,000",
        "3.5",
        "3,5",
        "1.2.3",
        "½",
        "–",
        "—",
        "−",
        ".",
        ",",
        "(",
        "#",
        "US$",
        "u.s.",
        "e+07",
    }
)
pieces = st.one_of(
    st.sampled_from(VOCABULARY),
    st.integers(min_value=0, max_value=10**40).map(str),
    st.integers(min_value=0, max_value=10**15).map("{:,}".format),
    st.text(max_size=3),
)
separators = st.sampled_from(["", " ", "  ", "-", ", ", "\t", "\u00a0"])
expressions = st.lists(st.tuples(pieces, separators), max_size=8).map(
    lambda parts: "".join(p + s for p, s in parts)
)
# The words that steer the reader (joiners, connectors, fractions, signs), densely: random
# sequences of these reach the corners ("5 and", "half of a", "between - 3").
GRAMMAR = [
    "1",
    "5",
    "1,500",
    "2.5",
    "2019",
    "one",
    "two",
    "twenty",
    "hundred",
    "thousand",
    "million",
    "dozen",
    "a",
    "an",
    "and",
    "half",
    "quarter",
    "thirds",
    "of",
    "-",
    "to",
    "or",
    "between",
    "from",
    "about",
    "more than",
    "or more",
    "+",
    "$",
    "%",
    "k",
    "m",
    "several",
    "hundreds",
    "in",
    "3rd",
    "½",
    ",",
    "a month",
    "days",
    "per",
]
grammar = st.lists(st.sampled_from(GRAMMAR), max_size=7).map(" ".join)


@given(st.one_of(st.text(), expressions, grammar))
def test_no_input_makes_the_reader_fail_but_with_its_own_located_error(text):
    _reads_or_fails_cleanly(text)


CORE = [
    "5",
    "2019",
    "one",
    "hundred",
    "thousand",
    "a",
    "and",
    "half",
    "of",
    "-",
    "to",
    "or",
    "between",
    "about",
    "or more",
    "$",
    "k",
    "hundreds",
    "3rd",
    "½",
]


def test_every_short_sequence_of_the_readers_words_reads_or_fails_cleanly():
    # Short inputs are where the edge cases live ("5 and", "between -", "half of"): all of them.
    for n, vocabulary in ((1, GRAMMAR), (2, GRAMMAR), (3, CORE)):
        for words in itertools.product(vocabulary, repeat=n):
            _reads_or_fails_cleanly(" ".join(words))


def _reads_or_fails_cleanly(text: str) -> None:
    try:
        q = parse_quantity(text)
    except QuantityError as e:
        assert 1 <= e.col <= max(len(text), 1), (text, e.col)
        assert e.message
        return
    except Exception as e:  # anything else is a bug in the reader: name the text that found it
        raise AssertionError(f"{text!r} raised {e!r}") from e
    if not q.unquantified:
        assert 0 <= q.lo <= q.hi and not math.isnan(q.lo) and not math.isinf(q.lo), (text, q)
        assert q.lo < q.hi or not (q.lo_open or q.hi_open), (text, q)  # never empty
    assert q.unit and q.rule


# Magnitude words and what they multiply by, singular and plural, written out here.
MAGNITUDES = {
    "hundred": 100,
    "hundreds": 100,
    "dozen": 12,
    "dozens": 12,
    "thousand": 10**3,
    "thousands": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "trillion": 10**12,
    "trillions": 10**12,
}


def test_every_vague_word_times_every_magnitude():
    # "several thousands" is several times a thousand, never "several" with a word dropped; a
    # phrase of the table itself ("tens of thousands", "a few hundred", in the plural "a few
    # hundreds") keeps its own interval
    table = {
        **VAGUE_DEFAULTS,
        **{
            p + "s": v
            for p, v in VAGUE_DEFAULTS.items()
            if p.endswith(("hundred", "thousand", "million"))
        },
    }
    for vague, (lo, hi) in VAGUE_DEFAULTS.items():
        for of, (word, m) in itertools.product(("", "of "), MAGNITUDES.items()):
            text = f"{vague} {of}{word}"
            want = table.get(text, (lo * m, hi * m))
            q = parse_quantity(text)
            assert (q.lo, q.hi) == pytest.approx(want), (text, q)
            assert q.rule.startswith(f'vague "{text}"'), (text, q.rule)


# Said after the quantity, each of these is a second one, and an error at its column.
SECOND_QUANTITIES = sorted(
    {
        *VAGUE_DEFAULTS,
        *MAGNITUDES,
        *lx.TEENS,
        *lx.TENS,
        "two",
        "nine",
        "zero",
        "none",
        "many",
        "numerous",
        "countless",
        "innumerable",
        "twice",
        "thrice",
        "half of",
        "a third of",
        "an unknown number of",
        "1,000s",
        "100s of",
        "5",
        "½",
        "3.5",
    }
)


def test_a_second_quantity_in_words_is_never_dropped():
    for words in SECOND_QUANTITIES:
        text = f"2,000 fighters and {words} others"
        with pytest.raises(QuantityError) as info:
            parse_quantity(text)
        # at the quantity's first word; "a third", "an unknown number": at the word after "a"
        article = words.split()[0] in ("a", "an") and words not in VAGUE_DEFAULTS
        col = len("2,000 fighters and ") + 1 + (words.index(" ") + 1 if article else 0)
        assert info.value.col == col, (text, info.value.message)
        assert "a second quantity" in info.value.message, text


def test_a_bound_that_leaves_no_value_is_an_error():
    # nothing is below zero, or "just" above it: an empty interval is refused, not read
    for phrase, rule in [*lx.HEDGES.items(), *lx.SUFFIXES.items()]:
        if rule in ("between", "from"):
            continue
        text = f"{phrase} 0" if phrase in lx.HEDGES else f"0 {phrase}"
        if rule in ("below", "just-under", "just-over"):
            with pytest.raises(QuantityError, match="an empty interval"):
                parse_quantity(text)
        else:
            assert parse_quantity(text).lo == 0, text

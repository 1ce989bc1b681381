"""The quantity reader, as tables: expression -> interval and unit, and what must not read."""

from __future__ import annotations

import math

import pytest

from discrepancy.model import Settings
from discrepancy.quantities import QuantityError, parse_quantity

# Reference cases from the product design ("Quantities"), as this project's own table:
# (text, lo, hi, extras). lo/hi None means unbounded; extras: lo_open, hi_open, unit, unquantified.
DESIGN_CASES = [
    ("3,500", 3500, 3500, {}),
    ("3500", 3500, 3500, {}),
    ("15", 15, 15, {}),
    ("between 3,500 and 3,800", 3500, 3800, {}),
    ("3,500-3,800", 3500, 3800, {}),
    ("3,500–3,800", 3500, 3800, {}),
    ("3,500 to 3,800", 3500, 3800, {}),
    ("from 3,500 to 3,800", 3500, 3800, {}),
    ("more than 3,500", 3500, None, {"lo_open": True}),
    ("over 3,500", 3500, None, {"lo_open": True}),
    ("in excess of 3,500", 3500, None, {"lo_open": True}),
    ("at least 2,000", 2000, None, {}),
    ("at least two thousand", 2000, None, {}),
    ("no fewer than 2,000", 2000, None, {}),
    ("2,000 or more", 2000, None, {}),
    ("2,000+", 2000, None, {}),
    ("fewer than 400", 0, 400, {"hi_open": True}),
    ("less than 400", 0, 400, {"hi_open": True}),
    ("under 400", 0, 400, {"hi_open": True}),
    ("at most 400", 0, 400, {}),
    ("no more than 400", 0, 400, {}),
    ("up to 400", 0, 400, {}),
    ("about 400", 360, 440, {}),
    ("about four hundred", 360, 440, {}),
    ("around 400", 360, 440, {}),
    ("approximately 400", 360, 440, {}),
    ("roughly 400", 360, 440, {}),
    ("some 600", 540, 660, {}),
    ("some 15", 13.5, 16.5, {}),
    ("an estimated 400", 360, 440, {}),
    ("nearly 400", 360, 400, {}),
    ("almost 400", 360, 400, {}),
    ("four hundred", 400, 400, {}),
    ("fifteen", 15, 15, {}),
    ("twenty-five", 25, 25, {}),
    ("one hundred and twenty", 120, 120, {}),
    ("a hundred", 100, 100, {}),
    ("a thousand", 1000, 1000, {}),
    ("two thousand", 2000, 2000, {}),
    ("one and a half to two thousand", 1500, 2000, {}),
    ("between three and four thousand", 3000, 4000, {}),
    ("a dozen", 12, 12, {}),
    ("two dozen", 24, 24, {}),
    ("half a million", 500000, 500000, {}),
    ("3.5 million", 3500000, 3500000, {}),
    ("2k", 2000, 2000, {}),
    ("dozens", 24, 99, {}),
    ("dozens of", 24, 99, {}),
    ("hundreds", 200, 999, {}),
    ("hundreds of", 200, 999, {}),
    ("thousands", 2000, 9999, {}),
    ("tens of thousands", 20000, 99999, {}),
    ("several hundred", 300, 900, {}),
    ("a few hundred", 200, 500, {}),
    ("an unknown number", None, None, {"unquantified": True}),
    ("unknown", None, None, {"unquantified": True}),
    ("$1,000", 1000, 1000, {"unit": "USD"}),
    ("$150,000", 150000, 150000, {"unit": "USD"}),
    ("up to $150,000", 0, 150000, {"unit": "USD"}),
    ("1,000 dollars", 1000, 1000, {"unit": "USD"}),
    ("$1.2bn", 1200000000, 1200000000, {"unit": "USD"}),
    ("one and a half to two thousand dollars a month", 1500, 2000, {"unit": "USD/month"}),
    ("$1,000 per month", 1000, 1000, {"unit": "USD/month"}),
    ("an approximate salary of $1,000", 900, 1100, {"unit": "USD"}),
    ("45 days", 45, 45, {"unit": "days"}),
    ("from 45 to 90 days", 45, 90, {"unit": "days"}),
    ("three months", 3, 3, {"unit": "months"}),
    ("45%", 45, 45, {"unit": "percent"}),
]

# Cases the seed articles and coders need beyond the design table.
MORE_CASES = [
    ("about 250", 225, 275, {}),
    ("150", 150, 150, {}),
    ("three-month", 3, 3, {"unit": "months"}),
    ("three-month contracts", 3, 3, {"unit": "months"}),
    ("several hundred mercenaries", 300, 900, {}),
    ("more than 20,000", 20000, None, {"lo_open": True}),
    ("an unlimited number", None, None, {"unquantified": True}),
    ("300 in early April 2020", 300, 300, {}),
    ("2,000 fighters in 2019", 2000, 2000, {}),
    ("3.25", 3.25, 3.25, {}),
    ("five minutes", 5, 5, {"unit": "minutes"}),
    ("bounties of up to $150,000 each", 0, 150000, {"unit": "USD"}),
    ("between $1,500 and $2,000 a month", 1500, 2000, {"unit": "USD/month"}),
    ("$2-3 million", 2_000_000, 3_000_000, {"unit": "USD"}),
    ("two to three thousand", 2000, 3000, {}),
    ("1.5 to 2 thousand", 1500, 2000, {}),
    ("a quarter of a million", 250000, 250000, {}),
    ("a hundred and fifty", 150, 150, {}),
    ("eight thousand five hundred", 8500, 8500, {}),
    ("seventy-two", 72, 72, {}),
    ("1½", 1.5, 1.5, {}),
    ("three dozen", 36, 36, {}),
    ("3 500", 3500, 3500, {}),
    ("two or three", 2, 3, {}),
    ("between 3,800 and 3,500", 3500, 3800, {}),
    ("~400", 360, 440, {}),
    ("just over 400", 400, 440, {"lo_open": True}),
    ("just under 400", 360, 400, {"hi_open": True}),
    ("400 or so", 360, 440, {}),
    ("2,000 or fewer", 0, 2000, {}),
    ("several hundred thousand", 300_000, 900_000, {}),
    ("45 percent", 45, 45, {"unit": "percent"}),
    ("12 per cent", 12, 12, {"unit": "percent"}),
    ("€5m", 5_000_000, 5_000_000, {"unit": "EUR"}),
    ("1,000 US dollars", 1000, 1000, {"unit": "USD"}),
    ("$500 monthly", 500, 500, {"unit": "USD/month"}),
]


def _expected(lo, hi, extras):
    return {
        "lo": 0.0 if lo is None and not extras.get("unquantified") else lo,
        "hi": math.inf if hi is None else hi,
        "lo_open": extras.get("lo_open", False),
        "hi_open": extras.get("hi_open", False),
        "unit": extras.get("unit", "count"),
        "unquantified": extras.get("unquantified", False),
    }


@pytest.mark.parametrize(
    ("text", "lo", "hi", "extras"),
    DESIGN_CASES + MORE_CASES,
    ids=[c[0] for c in DESIGN_CASES + MORE_CASES],
)
def test_reads_expression(text, lo, hi, extras):
    q = parse_quantity(text)
    want = _expected(lo, hi, extras)
    got = {
        "lo": q.lo,
        "hi": q.hi,
        "lo_open": q.lo_open,
        "hi_open": q.hi_open,
        "unit": q.unit,
        "unquantified": q.unquantified,
    }
    if want["unquantified"]:
        want["lo"], want["hi"] = got["lo"], got["hi"]  # no interval to compare
    assert _close(got, want), (got, want)


def _close(got, want):
    return all(
        math.isclose(got[k], want[k])
        if isinstance(want[k], (int, float)) and not isinstance(want[k], bool)
        else got[k] == want[k]
        for k in want
    )


# Must not read: each gives a QuantityError that points at the column of the trouble.
BAD = [
    ("threeish hundred", 1),
    ("", 1),
    ("fighters", 1),
    ("150 mercenaries 250", 17),
    ("between 300", 1),
    # every word is read or the value is refused: never a reading of the rest
    ("45 days of military training", 12),
    ("several hundred Syrian mercenaries", 17),
    ("at least two MIM-23 Hawk systems", 14),
]


@pytest.mark.parametrize(("text", "col"), BAD, ids=[b[0] or "empty" for b in BAD])
def test_rejects_expression(text, col):
    with pytest.raises(QuantityError) as info:
        parse_quantity(text)
    assert info.value.col == col


def test_threeish_message_names_the_part_not_understood():
    with pytest.raises(
        QuantityError, match=r'cannot read "threeish" in "threeish hundred" \(col 1\)'
    ):
        parse_quantity("threeish hundred")


def test_settings_change_the_approximation():
    q = parse_quantity("about 400", Settings(approx_tolerance=0.25))
    assert (q.lo, q.hi) == (300, 500)


def test_settings_change_a_vague_word():
    vague = dict(Settings().vague)
    vague["hundreds"] = (100, 999)
    q = parse_quantity("hundreds", Settings(vague=tuple(vague.items())))
    assert (q.lo, q.hi) == (100, 999)


def test_rule_is_named():
    assert "approximately" in parse_quantity("about 400").rule
    assert "hundreds" in parse_quantity("hundreds of").rule

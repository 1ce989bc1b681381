"""The families of expressions real news writes (issue 11), each with a table of readings and a
"must not read as" table beside it, and the rule every value obeys: read whole, or refused.

Readings are written as `discrepancy parse` shows them (see test_quantities_language): "3500",
"[a, b]", "(a, inf)", "[0, b)", with the unit after a space when it is not a count; "error"
means a located refusal.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import lexicon as lx
from discrepancy import units
from discrepancy.quantities import QuantityError, read_quantity
from tests.test_quantities_language import _reading

# --- comparative verbs and phrases ------------------------------------------------------------

COMPARATIVES = [
    ("exceeded 900,000", "(900000, inf)"),
    ("exceeding 5,300", "(5300, inf)"),
    ("surpassed 2,000", "(2000, inf)"),
    ("topped 1 million", "(1000000, inf)"),
    ("passed 10,000", "(10000, inf)"),
    ("crossed the 1 million mark", "(1000000, inf)"),
    ("more than doubled to 4,000", "4000"),
    ("as high as 6,000", "[0, 6000]"),
    ("as many as 46", "[0, 46]"),
    ("could reach 20,000", "[0, 20000]"),
    ("up to 400", "[0, 400]"),
    ("upwards of 500", "(500, inf)"),
    ("north of $2bn", "(2000000000, inf) USD"),
    ("well over 1,000", "(1000, inf)"),
    ("just over 1,000", "(1000, 1100]"),
    ("just under 1,000", "[900, 1000)"),
    ("shy of 1,000", "[900, 1000)"),
    ("in the region of 400", "[360, 440]"),
    ("close to 400", "[360, 400]"),
    ("2,000 fighters or so", "[1800, 2200]"),
    ("40-odd", "(40, 44]"),
    ("perhaps 2,000", "[1800, 2200]"),
    ("maybe 2,000", "[1800, 2200]"),
    ("possibly 2,000", "[1800, 2200]"),
    ("reached 2,000", "2000"),
    ("as few as 10", "[10, inf)"),
]
COMPARATIVES_MUST_NOT = [
    ("exceeded 900,000", "900000"),
    ("surpassed 2,000", "2000"),
    ("as high as 6,000", "6000"),
    ("could reach 20,000", "20000"),
    ("2,000 fighters or so", "2000"),
    ("upwards of 500", "500"),
]

# --- shares and percentages -------------------------------------------------------------------

SHARES = [
    ("half of the city", "0.5 share"),
    ("a third of them", "0.3333333333 share"),
    ("over two-thirds of the population", "(0.6666666667, 1] share"),  # at most the whole
    ("40 per cent", "40 percent"),
    ("40 per cent of the workforce", "40 percent"),
    ("one in five", "0.2 share"),
    ("three out of four", "0.75 share"),
    ("nearly one in five", "[0.18, 0.2] share"),
    ("between 20 and 30 percent", "[20, 30] percent"),
    ("almost half", "[0.45, 0.5]"),  # a fraction alone is a number; with "of", a share
]
SHARES_MUST_NOT = [
    ("half of the city", "0.5"),
    ("one in five", "1"),
    ("40 per cent", "40"),
    ("half of 400", "0.5 share"),
    ("one in 2020", "0.0004950495 share"),
]

# --- physical units and durations -------------------------------------------------------------

PHYSICAL = [
    ("25,000 square km", "25000 km²"),
    ("25,000 km²", "25000 km²"),
    ("2.5 million hectares", "2500000 hectares"),
    ("300 acres", "300 acres"),
    ("2,700 tonnes", "2700 tonnes"),
    ("40 kg", "40 kg"),
    ("500 lb", "500 lb"),
    ("12 miles", "12 miles"),
    ("about 20 kilometres", "[18, 22] km"),
    ("414mm", "414 mm"),  # rainfall
    ("20 centimetres", "20 cm"),
    ("6 inches", "6 inches"),
    ("5,000 litres", "5000 litres"),
    ("2 million barrels a day", "2000000 barrels/day"),
    ("328 days", "328 days"),
    ("nearly 12 months", "[10.8, 12] months"),
]
PHYSICAL_MUST_NOT = [
    ("25,000 square km", "25000"),
    ("2,700 tonnes", "2700"),
    ("414mm", "414000000"),  # millimetres, not millions
    ("nearly a year", "[0.9, 1] years"),
    ("2,700 t", "2700000000000000"),  # "t" is tonnes or trillion: refused
    ("300 pounds", "300 GBP"),  # money or weight: refused
]


def test_units_of_one_dimension_convert():
    assert units.dimension("days") == units.dimension("months") == "time"
    assert units.dimension("km²") == units.dimension("hectares") == "area"
    assert units.dimension("USD/month") == units.dimension("USD/year") == "USD/time"
    assert units.dimension("USD") != units.dimension("EUR")
    assert float(units.size("km²") / units.size("hectares")) == 100
    assert (
        float(units.size("m") / units.size("mm")) == 1000 == 10 * units.size("m") / units.size("cm")
    )
    assert float(units.size("percent")) == 0.01 and units.dimension("percent") == "share"
    assert units.dimension("miles/hour") == units.dimension("nmi/hour") == "length/time"
    assert round(float(units.size("miles/hour") / units.size("km/hour")), 6) == 1.609344
    assert round(float(units.size("nmi/hour") / units.size("m/second")), 6) == 0.514444
    year = units.in_base(read_quantity("nearly 12 months"))
    assert year.unit == "time" and 328 < year.lo < year.hi < 366


# --- rates ------------------------------------------------------------------------------------

RATES = [
    ("a monthly salary of $2,000", "2000 USD/month"),
    ("a weekly allowance of €19.10", "19.1 EUR/week"),
    ("an annual budget of €3bn", "3000000000 EUR/year"),
    ("$1,000 per month", "1000 USD/month"),
    ("2,000 dollars a month", "2000 USD/month"),
    ("$1,500 per fighter per month", "1500 USD/month"),
    ("$500 a head", "500 USD"),
    ("5,000 a quarter", "5000 count/quarter"),
    # speeds: a length a period
    ("315 km/h", "315 km/hour"),
    ("up to 195 mph", "[0, 195] miles/hour"),
    ("about 300 km/hr", "[270, 330] km/hour"),
    ("30 knots", "30 nmi/hour"),
    ("12 kph", "12 km/hour"),
    ("5 metres per second", "5 m/second"),
    ("40 per minute", "40 count/minute"),
]
RATES_MUST_NOT = [
    ("a monthly salary of $2,000", "2000 USD"),
    ("a weekly allowance of €19.10", "19.1 EUR"),
    ("2,000 a year ago", "2000 count/year"),
    ("5 m/s", "5000000 count/second"),  # "m" is metres or million: refused
    ("5 m/sec", "5000000 count/second"),
    ("5 m/h", "5000000 count/hour"),
]

# --- currencies -------------------------------------------------------------------------------

CURRENCIES = [
    ("C$ 300 million", "300000000 CAD"),
    ("c$50", "50 CAD"),
    ("A$1.5bn", "1500000000 AUD"),
    ("NZ$20", "20 NZD"),
    ("Rs 50,000", "50000 INR"),
    ("Rs. 50,000", "50000 INR"),
    ("Tk 5,300", "5300 BDT"),  # the taka, as Bangladeshi news writes it
    ("50 Turkish liras", "50 TRY"),
    ("₩1,000", "1000 KRW"),
    ("KES 500", "500 KES"),
    ("200 pesos mexicanos", "error"),
    ("500 Pakistani rupees", "500 PKR"),
    ("$2.174T", "2.174e+12 USD"),
    ("1MM", "1000000"),
    ("$3.5 trn", "3.5e+12 USD"),
]
CURRENCIES_MUST_NOT = [
    ("C$ 300 million", "[270000000, 330000000]"),  # not "circa"
    ("$2.174T", "2.174 USD"),
    ("1MM", "1"),
    ("10G", "10"),  # a thousand or a billion: refused
    ("1mm", "1000000"),  # millimetres, not a million
]

# --- Indian numbering -------------------------------------------------------------------------

INDIAN = [
    ("13 lakh", "1300000"),
    ("2 crore", "20000000"),
    ("1.5 lakh crore", "1.5e+12"),
    ("Rs 73,27,000", "7327000 INR"),
    ("1,00,000", "100000"),
    ("Rs 5 cr", "50000000 INR"),
]
INDIAN_MUST_NOT = [
    ("13 lakh", "13"),
    ("Rs 73,27,000", "error"),
    ("73,27", "7327"),
]

# --- one number said in parts -----------------------------------------------------------------

PARTS = [
    ("about two million and 300 thousand", "[2070000, 2530000]"),
    ("two million and 300 thousand", "2300000"),
    ("two million and three hundred thousand", "2300000"),
    ("between two million and 300 thousand", "[300000, 2000000]"),
]
PARTS_MUST_NOT = [
    ("two million and 300 thousand", "error"),
    ("two million and 300 thousand", "[300000, 2000000]"),
]

# --- stacked hedges and two-sided bounds ------------------------------------------------------

STACKED = [
    ("an estimated population of at least 120,000", "[120000, inf)"),
    ("around over 1,000", "(1000, inf)"),
    ("at least 13 and as many as 46", "[13, 46]"),
    ("more than 10 and less than 40", "(10, 40)"),
    ("less than or equal to 100", "[0, 100]"),
    ("greater than or equal to 100", "[100, inf)"),
    ("about 1,200 to more than 1,800", "[1080, inf)"),
    ("more than 1,200 to about 1,800", "(1200, 1980]"),
]
STACKED_MUST_NOT = [
    ("at least 13 and as many as 46", "[13, inf)"),
    ("more than 10 and less than 40", "(10, inf)"),
    ("less than or equal to 100", "[0, 100)"),
    ("more than 40 and less than 10", "(40, inf)"),
    ("an estimated population of at least 120,000", "[108000, 132000]"),
]

# --- fractions, decimals, notation ------------------------------------------------------------

NOTATION = [
    ("one fifth", "0.2"),
    ("3/4", "0.75"),
    ("twenty-three fifths", "4.6"),
    ("two hundred point zero three", "200.03"),
    ("three point five million", "3500000"),
    ("1.3e6", "1300000"),
    ("2.5E3", "2500"),
    ("seven eighths", "0.875"),
]
NOTATION_MUST_NOT = [
    ("3/4", "3"),
    ("24/7", "3.428571429"),  # a fraction below one only
    ("400-500,000", "[400, 500000]"),  # the thousands said once, or not? refused
    ("5-10,000", "[5, 10000]"),
    ("1.3e6", "1.3"),
    ("the fifth day", "0.2"),
    ("3/0", "inf"),
]

# --- typographic noise ------------------------------------------------------------------------

TYPOGRAPHY = [
    ("3\u201a500", "3500"),  # U+201A, a low comma
    ("3\u2009500", "3500"),  # thin space
    ("3\u2007500", "3500"),  # figure space
    ("1. 8 percent", "1.8 percent"),
    ("“about 400”", "[360, 440]"),
]
TYPOGRAPHY_MUST_NOT = [
    ("3\u201a500", "3"),
    ("1. 8 percent", "8 percent"),
]

# --- what the reader refuses, and says why ----------------------------------------------------

REFUSED = [
    ("more that 1.2 million", 'did you mean "more than"?'),
    ("abut 400", 'did you mean "about"?'),
    ("almost twice as many", "a multiple of another figure is not read"),
    ("three times as many as 400", "a multiple"),
    ("2,000 paid Syrian fighters", 'cannot read "paid"'),
    ("2,000 fighters, one official said", 'cannot read "one"'),
    ("nearly a year", 'cannot read "year"'),
    ("10G", "a thousand (grand) or a billion (giga)"),
    ("300 pounds", "of money or of weight?"),
    ("then about 400", 'cannot read "then"'),
    ("400-500,000", "write both ends in full"),
    ("12.000 protesters", "a point may group thousands"),
    # cut off where a second bound would start: refused, never an internal error
    ("at least 13 and", 'cannot read "and"'),
    ("up to 40 and", 'cannot read "and"'),
    ("30 knots per hour", "a second rate"),  # knots are already an hour's
]
REFUSED_MUST_NOT = [(text, "anything but an error") for text, _ in REFUSED]

FAMILIES = {
    "comparatives": (COMPARATIVES, COMPARATIVES_MUST_NOT),
    "shares": (SHARES, SHARES_MUST_NOT),
    "physical": (PHYSICAL, PHYSICAL_MUST_NOT),
    "rates": (RATES, RATES_MUST_NOT),
    "currencies": (CURRENCIES, CURRENCIES_MUST_NOT),
    "indian": (INDIAN, INDIAN_MUST_NOT),
    "parts": (PARTS, PARTS_MUST_NOT),
    "stacked": (STACKED, STACKED_MUST_NOT),
    "notation": (NOTATION, NOTATION_MUST_NOT),
    "typography": (TYPOGRAPHY, TYPOGRAPHY_MUST_NOT),
}
READS = [(f, t, want) for f, (table, _) in FAMILIES.items() for t, want in table]
MUST_NOT = [(f, t, bad) for f, (_, table) in FAMILIES.items() for t, bad in table]


@pytest.mark.parametrize(("family", "text", "want"), READS, ids=[f"{f}:{t}" for f, t, _ in READS])
def test_reads(family, text, want):
    assert _reading(text) == want


@pytest.mark.parametrize(
    ("family", "text", "bad"), MUST_NOT, ids=[f"{f}:{t}" for f, t, _ in MUST_NOT]
)
def test_must_not_read_as(family, text, bad):
    assert _reading(text) != bad


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refuses_with_a_located_reason(text, message):
    with pytest.raises(QuantityError) as info:
        read_quantity(text)
    assert message in info.value.message
    assert 1 <= info.value.col <= len(text)


def test_every_family_has_both_tables():
    assert all(len(reads) >= 4 and len(bad) >= 2 for reads, bad in FAMILIES.values())


# --- the rule: an unknown word anywhere is an error, never a reading of the rest --------------

READABLE = [
    "3,500",
    "more than 3,500",
    "between 3,500 and 3,800",
    "about two million and 300 thousand",
    "at least 13 and as many as 46",
    "a monthly salary of $2,000",
    "2,000 fighters or so",
    "half of the city",
    "one in five",
    "C$ 300 million",
    "25,000 square km",
    "hundreds of thousands",
    "exceeded 900,000",
    "an estimated population of at least 120,000",
    "in 2019, some 2,000 people",
    "40 per cent of the workforce",
    "an unknown number of people",
]
_KNOWN = (
    {
        w
        for table in (
            lx.HEDGES,
            lx.SUFFIXES,
            lx.STATED,
            lx.FILLERS,
            lx.NOUNS,
            lx.VALUE_NOUNS,
            lx.UNQUANTIFIED,
            lx.VAGUE_DEFAULTS,
            lx.DATE_WORDS,
            lx.RANGE_WORDS,
            lx.UNITS,
            lx.TEENS,
            lx.TENS,
            lx.SCALES,
            lx.FRACTION_WORDS,
            lx.PLURAL_MAGNITUDES,
            lx.ABBREVIATIONS,
            lx.RATE_ADJECTIVES,
            lx.MULTIPLIERS,
            units.PHYSICAL,
            units.CURRENCY_NAMES,
            units.CURRENCY_CODES,
            units.DURATIONS,
            units.PERCENT,
            lx.SHARE_OF,
        )
        for p in table
        for w in p.split()
    }
    | {n[:-1] for n in lx.NOUNS}
    | {"hundred", "dozen", "point", "per", "each", "every", "ago"}
)
unknown_words = st.text(string.ascii_lowercase, min_size=3, max_size=9).filter(
    lambda w: w not in _KNOWN and w.rstrip("s") not in _KNOWN and w + "s" not in _KNOWN
)


def test_every_readable_value_reads():
    for text in READABLE:
        read_quantity(text)


@given(st.sampled_from(READABLE), unknown_words, st.integers(min_value=0, max_value=20))
def test_an_unknown_word_anywhere_is_an_error(text, word, where):
    words = text.split()
    at = where % (len(words) + 1)
    changed = " ".join([*words[:at], word, *words[at:]])
    with pytest.raises(QuantityError) as info:
        read_quantity(changed)
    assert 1 <= info.value.col <= len(changed)

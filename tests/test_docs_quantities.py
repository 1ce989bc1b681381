"""The README's "How values read" documents exactly what the reader does (issue 5): every hedge and
bound, the vague-word table with its intervals, the words for "no number", and the units."""

from __future__ import annotations

import re

from discrepancy import lexicon as lx
from discrepancy import units
from discrepancy.lexicon import VAGUE_DEFAULTS
from discrepancy.model import Settings
from discrepancy.quantities.bounds import tolerances as _tolerances
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("### How values read") : README.index("## Grouping")]
DOCUMENTED = {" ".join(m.lower().split()) for m in re.findall(r"`([^`]+)`", SECTION)}


def _missing(phrases):
    return sorted(p for p in phrases if p.replace("- ", "-") not in DOCUMENTED)


RANGES = {"between": "`between X and Y`", "from": "`from X to Y`"}


def test_every_hedge_and_bound_is_documented():
    assert _missing(p for p, rule in lx.HEDGES.items() if rule not in RANGES) == []
    assert all(form in SECTION for form in RANGES.values())
    assert _missing(lx.SUFFIXES) == []


# Each rule's row in the README's table, by the name the table gives it.
ROWS = {
    "above": "lower bound, excluded",
    "at-least": "lower bound, included",
    "below": "upper bound, excluded",
    "at-most": "upper bound, included",
    "approx": "approximately",
    "nearly": "nearly",
    "just-under": "just under",
    "just-over": "just over",
}


def test_each_phrase_is_documented_under_its_own_rule():
    rows = {row.split("|")[1].strip(): row for row in SECTION.splitlines() if row.startswith("| ")}
    for table in (lx.HEDGES, lx.SUFFIXES):
        for phrase, rule in table.items():
            if rule not in RANGES:
                assert f"`{phrase.replace('- ', '-')}`" in rows[ROWS[rule]], (phrase, rule)
    # and the names are the ones `discrepancy parse` shows
    words = _tolerances(0.1, 0.1).words
    assert all(words[rule].startswith(name) for rule, name in ROWS.items())


def test_the_vague_table_is_the_default_table():
    table = SECTION[SECTION.index("| vague word |") :]
    documented = {}
    for row in table.splitlines()[2:]:
        if not row.startswith("|"):
            break
        cells = [c.strip() for c in row.strip("|").split("|")]
        for word, interval in zip(cells[::2], cells[1::2]):
            if word:
                lo, hi = (float(x.replace(",", "")) for x in interval.strip("[]").split(", "))
                documented[word] = (lo, hi)
    assert documented == {w: (float(lo), float(hi)) for w, (lo, hi) in VAGUE_DEFAULTS.items()}
    assert dict(Settings().vague) == VAGUE_DEFAULTS


def test_no_number_words_and_units_are_documented():
    assert _missing(lx.UNQUANTIFIED) == []
    assert _missing(lx.CURRENCY_SIGNS) == []
    assert _missing(units.PERCENT) == []
    assert _missing({d for d in lx.DURATIONS if d.endswith("s")}) == []
    assert _missing(lx.ABBREVIATIONS) == []
    assert _missing(units.PHYSICAL) == []
    assert _missing(lx.CURRENCY_NAMES) == []
    assert _missing(lx.STATED | lx.FILLERS | lx.VALUE_NOUNS) == []
    currencies = set(lx.CURRENCY_NAMES.values()) | set(lx.CURRENCY_SIGNS.values())
    assert sorted(c for c in currencies if c not in SECTION) == []
    assert sorted(c for c in lx.CURRENCY_CODES if c.upper() not in SECTION) == []


def test_the_tolerances_the_readme_quotes_are_the_defaults():
    s = Settings()
    assert (s.approx_tolerance, s.nearly_tolerance) == (0.1, 0.1)
    assert "`about 400` is [360, 440]" in SECTION and "`nearly 400` is [360, 400]" in SECTION

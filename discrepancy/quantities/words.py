"""Words around the number that are not hedges: dates, punctuation, and typos of known words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from discrepancy import lexicon as lx
from discrepancy.located import closest
from discrepancy.quantities.numbers import MAGNITUDE_OF
from discrepancy.quantities.tokens import Token, is_year

# Marks passed over wherever they are: quotes, brackets, a full stop, a footnote's asterisk.
PUNCTUATION = {",", "(", ")", "[", "]", '"', "'", "“", "”", "‘", "’", ".", "*", ":", ";", "!", "?"}

_MULTI_HEDGES = sorted(p for p in (*lx.HEDGES, *lx.SUFFIXES, *lx.STATED) if " " in p)
# What a word before the number is compared with, to catch typos ("abut 400", "sevral hundred").
# Short words are left out: too many English words are a letter away from "one" or "the".
_VOCABULARY = sorted(
    w
    for w in {
        w for p in (*lx.HEDGES, *lx.VAGUE_DEFAULTS, *lx.UNQUANTIFIED, *lx.STATED) for w in p.split()
    }
    | set(lx.UNITS)
    | set(lx.TEENS)
    | set(lx.TENS)
    | set(MAGNITUDE_OF)
    if len(w) >= 4
)


@lru_cache(maxsize=4096)
def typo_of(word: str) -> str | None:
    if len(word) < 4 or word in _VOCABULARY or word in lx.NOT_TYPOS:
        return None
    return closest(word, _VOCABULARY, 85, fuzz.ratio)


def phrase_typo(texts: list[str], i: int) -> str | None:
    """A phrase of two or three words at token i a letter away from a known one: "more that"."""
    for n in (2, 3):
        if i + n <= len(texts):
            said = " ".join(texts[i : i + n])
            close = closest(said, _MULTI_HEDGES, 85, fuzz.ratio)
            if close and close != said:
                return close
    return None


def date_end(tokens: Sequence[Token], texts: Sequence[str], i: int) -> int:
    """The token after a date at token i ("in 2019,", "as of March 2020", "in the first
    quarter", "a year ago", "in the 1990s"), 0 when no date starts there."""
    n, t = len(tokens), tokens[i]
    if t.text in ("a", "an") or t.kind == "num":  # "a year ago", "two years ago"
        k = i + 1 if t.text in ("a", "an") or t.kind == "num" else i
        if k + 1 < n and texts[k] in lx.DURATIONS and texts[k + 1] == lx.AGO:
            return k + 2
    if texts[i] not in lx.DATE_WORDS and not is_year(t) and not _dated_name(t):
        return 0
    j, dated = i, False
    while j < n:
        t = tokens[j]
        if is_year(t) and (j > i or (j + 1 < n and texts[j + 1] == ",")):
            j, dated = year_end(tokens, texts, j), True
        elif _dated_name(t):
            j, dated = j + 1, True  # "mid-2020", "the 1990s"
        elif texts[j] in lx.DAYS:
            j, dated = j + 1, True
        elif texts[j] in lx.MONTHS and (j > i or texts[j] not in ("may", "march")):
            j, dated = j + 1, True
            day = j < n and texts[j].isdigit() and len(texts[j]) <= 2
            if day and (j + 1 >= n or texts[j + 1] in (",", "in", "and")):
                j += 1  # "March 5"
        elif texts[j] in lx.PARTS_OF_A_YEAR and j > i and texts[j - 1] in lx.DATE_WORDS:
            j, dated = j + 1, texts[j - 1] in ("first", "second", "third", "fourth", "last")
        elif (texts[j] in lx.DATE_WORDS and not dated) or (texts[j] == "of" and dated):
            j += 1
        else:
            break
    if not dated:
        return 0
    return j + 1 if j < n and texts[j] == "," else j


def _dated_name(t: Token) -> bool:
    """ "1990s" (a decade) or "mid-2020" (a word and a year)."""
    if t.kind != "name":
        return False
    s = t.text
    if s.endswith("s") and s[:-1].isdigit() and int(s[:-1]) in lx.YEARS:
        return True
    head, _, year = s.rpartition("-")
    return head in lx.DATE_WORDS and year.isdigit() and int(year) in lx.YEARS


def year_end(tokens: Sequence[Token], texts: Sequence[str], i: int) -> int:
    """The token after the year at token i and its range ("2019-20", "2019/2020")."""
    if (
        i + 2 < len(tokens)
        and texts[i + 1] in ("-", "/")
        and (tokens[i + 2].kind == "num" and len(texts[i + 2]) in (2, 4))
    ):
        return i + 3
    return i + 1

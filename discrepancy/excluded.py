"""What is a number but not a claim: years, dates, times of day, ages, ordinals, labels and model
numbers, phone numbers, scores, spans of time a sentence is dated by, "one" as a pronoun. Each
rule looks only at the expression and the words around it, as English news writes them; the
first rule that holds names the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from discrepancy.model import Quantity

if TYPE_CHECKING:
    from discrepancy.extract import Sentence

YEAR = re.compile(r"1[5-9][0-9]{2}|20[0-9]{2}")
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# A number right after one of these, written with a capital, labels something: "Resolution
# 2254", "Flight 17", "Article 5"
_LABELS = {
    "resolution", "article", "flight", "chapter", "section", "room", "route", "highway", "page",
    "paragraph", "episode", "season", "volume", "vol", "unit", "brigade", "division",
    "battalion", "regiment", "squadron", "platoon", "corps", "district", "zone", "sector",
    "gate", "block", "lot", "line", "channel", "decree", "law", "order", "act", "item", "case",
    "file", "code", "bill", "cell", "floor", "road", "street", "terminal", "platform", "camp",
    "group", "team", "lane", "building", "ward", "precinct", "sura", "psalm", "amendment",
}  # fmt: skip
# ... and these however written: "a magnitude 7.8 earthquake", "category 4", "level 3"
_MEASURES_OF_A_THING = {
    "magnitude", "category", "level", "phase", "stage", "grade", "class", "model", "version",
    "size", "number", "no", "nr", "nos", "#", "№", "type", "mark", "tier", "force",
}  # fmt: skip
_ONE_AFTER = {
    "of", "another", "after", "by", "who", "which", "that", "is", "was", "has", "had", "and",
    "or", "to", "in", "on", "at", "for", "with", "the", "a", "an", "its", "his", "her",
    "their", "can", "could", "would", "will", "may", "might", "should", "must", "day", "time",
    "way", "side", "hand", "thing", "point", "another's", "more", "too", "less",
}  # fmt: skip
# Words that cannot be what a number counts: after a name and a number, they make it a label
_NOT_A_NOUN = {
    "and", "or", "but", "was", "were", "is", "are", "has", "had", "have", "in", "on", "at", "by",
    "for", "with", "from", "to", "of", "as", "that", "which", "who", "will", "would", "can",
}  # fmt: skip
_ONE_BEFORE = {"the", "no", "any", "every", "each", "this", "that", "which", "at", "as", "only"}
_TIME_WORDS = {"a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock", "hrs", "local", "bst", "est"}
_ORDINALS = {"first", "second", "third", "fourth", "last", "final", "next", "previous", "latter"}
_RELATIVE = {"ago", "earlier", "later", "previously"}
_SPAN_STARTS = {"first", "last", "past", "next", "coming", "previous", "following", "initial"}
_DURATIONS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years")
_SCORE_VERBS = {
    "won", "lost", "drew", "beat", "defeated", "trailed", "led", "win", "lose", "voted", "vote",
    "passed", "approved", "rejected",
}  # fmt: skip
_SCORE_NOUNS = {
    "win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "vote", "decision", "ruling",
    "verdict", "majority", "split", "result",
}  # fmt: skip
_PHONE_WORDS = {"call", "phone", "tel", "telephone", "hotline", "fax", "dial", "mobile", "text"}
_PHONE = re.compile(
    r"\+[0-9][0-9 ().-]{6,}[0-9]"  # +44 20 7946 0958
    r"|\(?\b[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}\b"  # (212) 555-1234
    r"|\b0[0-9]{2,4}[ .-][0-9]{3,4}(?:[ .-][0-9]{3,4})*\b"  # 0800 123 4567
    r"|\b[0-9]{2,5}-[0-9]{3,4}(?:-[0-9]{3,4})+\b"
)


@dataclass(frozen=True)
class _At:
    """An expression at tokens [i, j) of a sentence, with its neighbours."""

    s: Sentence
    i: int
    j: int
    q: Quantity

    @property
    def words(self) -> list[str]:
        return self.s.low[self.i : self.j]

    def word(self, k: int) -> str:
        """The token k places after the expression (k >= 0) or before it (k < 0)."""
        at = self.j + k if k >= 0 else self.i + k
        return self.s.low[at] if 0 <= at < len(self.s.low) else ""

    @property
    def single(self) -> bool:
        return self.j - self.i == 1


def _ordinal(a: _At) -> bool:
    return a.single and re.fullmatch(r"[0-9]+(?:st|nd|rd|th)", a.words[0]) is not None


def _time_of_day(a: _At) -> bool:
    w = a.words[0]
    if re.fullmatch(
        r"[0-9]{1,2}(?:[:.][0-9]{2})?(?:am|pm|h|hrs)|[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?", w
    ):
        return True
    after = a.word(0)
    return bool(re.fullmatch(r"[0-9]{1,4}(?:[:.][0-9]{2})?", w)) and (
        after in _TIME_WORDS or (after in ("a", "p") and a.word(1) == ".")
    )


def _year(a: _At) -> bool:
    if a.single and bool(YEAR.fullmatch(a.words[0])) and a.q.unit == "count":
        return True
    # the second year of "2020-21", "2019/2020"
    return (
        a.single and a.word(-1) in ("-", "/") and _glued(a, -1) and bool(YEAR.fullmatch(a.word(-2)))
    )


def _glued(a: _At, k: int) -> bool:
    """Is the token k places before the expression (k < 0; or after it, k >= 0) written
    against its neighbour on the expression's side, with no space?"""
    t = a.s.t
    if k < 0:
        at = a.i + k
        return at >= 0 and t[at].end == t[at + 1].start
    at = a.j + k
    return at < len(t) and t[at - 1].end == t[at].start


_NUMERIC_DATE = re.compile(
    r"(?:1[5-9]|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"  # 2020-03-01
    r"|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{2}|(?:1[5-9]|20)[0-9]{2})"  # 01/03/2020, 1.3.20
)


def _numeric_date(a: _At) -> bool:
    """Part of a date written in digits: "2020-03-01", "01/03/2020"."""
    text, lo, hi = a.s.text, a.s.t[a.i].start, a.s.t[a.j - 1].end
    while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] in "-/."):
        lo -= 1
    while hi < len(text) and (text[hi].isdigit() or text[hi] in "-/."):
        hi += 1
    return _NUMERIC_DATE.fullmatch(text[lo:hi].strip("-/.")) is not None


def _slashed(a: _At) -> bool:
    """ "24/7", "9/11": numbers written against a slash are a date or a name (but "3/4 of the
    members" is a share)."""
    if re.fullmatch(r"[0-9]{1,4}/[0-9]{1,4}", a.s.span(a.i, a.j)):
        return a.word(0) != "of"
    before = a.word(-1) == "/" and _glued(a, -1) and a.word(-2)[:1].isdigit() and _glued(a, -2)
    after = a.word(0) == "/" and _glued(a, 0) and a.word(1)[:1].isdigit() and _glued(a, 1)
    return a.single and (before or after)


def _date(a: _At) -> bool:
    before, after = a.word(-1), a.word(0)
    month = before in MONTHS or after in MONTHS or (after == "of" and a.word(1) in MONTHS)
    month = month or (before == "." and a.word(-2) in MONTHS)  # "Nov. 17"
    return a.single and month and re.fullmatch(r"[0-9]{1,2}", a.words[0]) is not None


def _decade(a: _At) -> bool:
    return a.single and re.fullmatch(r"[0-9]{4}s|[0-9]{2}s|'[0-9]{2}s", a.words[0]) is not None


def _age(a: _At) -> bool:
    before, after = a.word(-1), a.word(0)
    if any(w.endswith("-old") for w in a.words) or (after == "-" and a.word(1).startswith("year")):
        return True
    if a.word(0).startswith("year") and "old" in (a.word(1), a.word(2)):
        return True  # "25 years old"
    if before in ("aged", "age") or (before == "of" and a.word(-2) == "age"):
        return True
    # "John Smith, 45, a teacher": a bare number between commas after a name
    name = a.i >= 2 and a.s.t[a.i - 2].text[:1].isupper()
    small = a.single and a.words[0].isdigit() and 0 < int(a.words[0]) < 120
    return small and before == "," and after == "," and name


def _label(a: _At) -> bool:
    if not a.single:
        return False
    w = a.words[0]
    if re.fullmatch(r"[0-9]+[^\W\d_]+", w) and a.word(0)[:1].isdigit() and _glued(a, 0):
        return True  # "4x4"
    if a.i == 0:
        return False
    before = a.word(-1)
    if before[-1:].isalpha() and _glued(a, -1):
        return True  # "G7", "A320"
    bare = re.fullmatch(r"[0-9]+", w) is not None
    previous = a.s.t[a.i - 1].text
    name = a.i > 1 and any(c.isupper() for c in previous) and before not in MONTHS
    if bare and name and (not a.word(0)[:1].isalpha() or a.word(0) in _NOT_A_NOUN):
        return True  # "a Boeing 737 and", "an iPhone 15 were"
    if before == "." and a.word(-2) in ("no", "nos", "nr"):
        return True  # "No. 10"
    if before in _MEASURES_OF_A_THING:
        return True
    if before in _LABELS and a.s.t[a.i - 1].text[:1].isupper():
        return True
    return before == "-" and a.word(-2).isalpha()  # "MiG - 29" written apart


def _phone(a: _At) -> bool:
    s, lo = a.s, a.s.t[a.i].start
    if any(m.start() <= lo < m.end() for m in _PHONE.finditer(s.text, s.t[0].start, s.t[-1].end)):
        return True
    digits = a.s.t[a.i].text
    if not (digits.startswith("0") or re.fullmatch(r"[0-9]{5,}", digits)):
        return False  # "call 12 witnesses" is a count
    return a.word(-1) in _PHONE_WORDS or (a.word(-1) == "on" and a.word(-2) in _PHONE_WORDS)


def _score(a: _At) -> bool:
    """ "won 2-1", "a 3-0 victory": two small numbers joined by a dash after a result."""
    text = a.s.span(a.i, a.j)
    if not re.fullmatch(r"[0-9]{1,3}\s*(?:[-–]|to)\s*[0-9]{1,3}", text):
        return False
    vote = any(w.startswith("vote") for w in a.s.low[max(0, a.i - 3) : a.i])
    return vote or a.word(-1) in _SCORE_VERBS or a.word(0) in _SCORE_NOUNS


def _relative_time(a: _At) -> bool:
    return a.q.unit.endswith(_DURATIONS) and a.word(0) in _RELATIVE


def _dating_span(a: _At) -> bool:
    """ "the first three months", "in the 12 months to December": when, not how much."""
    if not a.q.unit.endswith(_DURATIONS):
        return False
    framed = a.word(-1) == "the" and a.word(-2) in ("in", "over", "during", "within", "throughout")
    return a.word(-1) in _SPAN_STARTS or framed


def _pronoun_one(a: _At) -> bool:
    after, before = a.word(0), a.word(-1)
    another = "another" in a.s.low[a.j : a.j + 4]
    return (
        a.single
        and a.words[0] == "one"
        and (after in _ONE_AFTER or before in _ONE_BEFORE or another)
    )


def _none(a: _At) -> bool:
    return not a.q.unquantified and a.q.lo == 0 == a.q.hi and not a.words[0][0].isdigit()


def _part(a: _At) -> bool:
    """ "the second half", "a quarter": a fraction word with nothing it is a fraction of."""
    fraction = a.q.hi < 1 and not a.words[-1][0].isdigit()
    return fraction and (a.word(-1) in _ORDINALS or (a.word(0) != "of" and a.q.rule == "exact"))


_RULES: list[tuple[str, Callable[[_At], bool]]] = [
    ("an ordinal", _ordinal),
    ("a time of day", _time_of_day),
    ("a date written in digits", _numeric_date),
    ("a year", _year),
    ("a date or a name written with a slash", _slashed),
    ("a date", _date),
    ("a decade", _decade),
    ("an age", _age),
    ("a label or model number", _label),
    ("a phone number", _phone),
    ("a score or a vote tally", _score),
    ("a time relative to another", _relative_time),
    ("the span of time something is dated by", _dating_span),
    ('"one" as a pronoun', _pronoun_one),
    ("none", _none),
    ("a part of something, not a count of it", _part),
]


def left_out(s: Sentence, i: int, j: int, q: Quantity) -> str:
    """Why the expression at tokens [i, j) is not a claim ("a year", ...), "" when it may be."""
    at = _At(s, i, j, q)
    return next((why for why, rule in _RULES if rule(at)), "")

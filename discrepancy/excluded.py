"""What is a number but not a claim: years, dates, times of day, ages, ordinals, labels and model
numbers, phone numbers, spans of time a sentence is dated by, "one" as a pronoun. Each rule
looks only at the expression and the words around it, as English news writes them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from discrepancy.model import Quantity

if TYPE_CHECKING:
    from discrepancy.extract import Sentence

YEAR = re.compile(r"1[5-9][0-9]{2}|20[0-9]{2}")
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec"
}  # fmt: skip
# A number right after one of these labels something: "Resolution 2254", "Flight 17"
_LABELS = {
    "resolution", "article", "flight", "no", "no.", "number", "chapter", "section", "room",
    "route", "highway", "page", "paragraph", "phase", "level", "grade", "class", "model",
    "version", "episode", "season", "volume", "vol", "vol.", "unit", "brigade", "division",
    "battalion", "regiment", "squadron", "platoon", "corps", "district", "zone", "sector",
    "gate", "block", "lot", "line", "channel", "decree", "law", "order", "act", "item",
    "case", "file", "code", "bill", "cell", "floor", "road", "street"
}  # fmt: skip
_ONE_AFTER = {
    "of", "another", "after", "by", "who", "which", "that", "is", "was", "has", "had",
    "and", "or", "to", "in", "on", "at", "for", "with", "the", "a", "an", "its", "his",
    "her", "their", "can", "could", "would", "will", "may", "might", "should", "must",
    "day", "time", "way", "side", "hand", "thing", "point", "another's"
}  # fmt: skip
_TIME_WORDS = {"a.m", "p.m", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "o'clock", "hours", "hrs"}
_ORDINALS = {"first", "second", "third", "fourth", "last", "final", "next", "previous", "latter"}
_RELATIVE = {"ago", "earlier", "later", "previously"}
_SPAN_STARTS = {"first", "last", "past", "next", "coming", "previous", "following", "initial"}
_ONE_BEFORE = {"the", "no", "any", "every", "each", "this", "that", "which", "at", "as"}
_PHONE = re.compile(
    r"\+[0-9][0-9 ().-]{6,}[0-9]"  # +44 20 7946 0958
    r"|\(?\b[0-9]{3}\)?[ .-][0-9]{3}[.-][0-9]{4}\b"  # (212) 555-1234
    r"|\b[0-9]{2,5}-[0-9]{3,4}(?:-[0-9]{3,4})+\b"
)


def left_out(s: Sentence, i: int, j: int, q: Quantity) -> str:
    """Why the expression at tokens [i, j) is not a claim: a year, a date, ... ("" when it is)."""
    words = s.low[i:j]
    before = s.low[i - 1] if i > 0 else ""
    before2 = s.low[i - 2] if i > 1 else ""
    after = s.low[j] if j < len(s.t) else ""
    after2 = s.low[j + 1] if j + 1 < len(s.t) else ""
    single = j - i == 1
    w = words[0]
    if single and re.fullmatch(r"[0-9]+(?:st|nd|rd|th)", w):
        return "an ordinal"
    if single and re.fullmatch(r"[0-9]+:[0-9]{2}(?::[0-9]{2})?", w):
        return "a time of day"
    if re.fullmatch(r"[0-9]{1,3}(?:[:.][0-9]{2})?", w) and (
        after in _TIME_WORDS or after + after2 in ("a.m.", "p.m.")
    ):
        return "a time of day"
    if single and YEAR.fullmatch(w) and q.unit == "count":
        return "a year"
    month_near = before in MONTHS or after in MONTHS or (after == "of" and after2 in MONTHS)
    if single and month_near and re.fullmatch(r"[0-9]{1,2}", w):
        return "a date"
    if single and re.fullmatch(r"[0-9]{4}s|[0-9]{2}s", w):
        return "a decade"
    if any(x.startswith("year") for x in s.low[j : j + 2]) and "old" in s.low[j : j + 4]:
        return "an age"
    if (after == "-" and after2.startswith("year")) or any(x.endswith("-old") for x in words):
        return "an age"
    if before in ("aged", "age") or (before == "of" and before2 == "age"):
        return "an age"
    if single and before.rstrip(".") in _LABELS and s.t[i - 1].text[0].isupper():
        return "a label or number of something"
    if single and (
        before in ("#", "no.", "№") or (before == "-" and i > 1 and s.low[i - 2].isalpha())
    ):
        return "a label or model number"
    if _phone(s, i, j):
        return "a phone number"
    if q.unit in (
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "minutes",
        "seconds",
    ) or q.unit.endswith(("days", "weeks", "months", "years")):
        if after in _RELATIVE:
            return "a time relative to now"
        if before in _SPAN_STARTS:
            return "the span of time something is dated by"
    if (
        w == "one"
        and single
        and (after in _ONE_AFTER or before in _ONE_BEFORE or "another" in s.low[j : j + 4])
    ):
        return '"one" as a pronoun'
    if q.unquantified is False and q.lo == 0 == q.hi and not w[0].isdigit():
        return "none"
    fraction = q.hi < 1 and not words[-1][0].isdigit()  # "half", "a quarter"
    if fraction and (before in _ORDINALS or (after != "of" and q.rule == "exact")):
        return "a part of something, not a count of it"
    return ""


def _phone(s: Sentence, i: int, j: int) -> bool:
    lo = s.t[i].start
    return any(
        m.start() <= lo < m.end() for m in _PHONE.finditer(s.text, s.t[0].start, s.t[-1].end)
    )

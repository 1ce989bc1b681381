"""Draft claims from an article: every quantity expression in its running text, found by running
the project's own quantity reader (`parse_quantity`) over spans of each sentence.

For each token where a number could start (one the reader reads on its own: "3,500", "two",
"hundreds", "an unknown number"), the value is the span around it that the reader reads, grown
while what it reads keeps changing: leftwards over a hedge ("more than", "between", "an
approximate salary of"), rightwards over the far end of a range, units and rates ("to two
thousand dollars a month"). Words that change nothing ("3,500 paid Syrian fighters") stay out.
Years, dates, times, ages, ordinals, labels and model numbers are left out (kept with `everything`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from discrepancy.documents import Article, compact
from discrepancy.model import Quantity
from discrepancy.quantities import QuantityError, parse_quantity

LEFT = 6  # tokens a hedge may reach back ("an approximate salary of $ 1,000")
RIGHT = 12  # tokens a value may reach forward ("one and a half to two thousand dollars a month")

# A token: a number with its grouping and a glued suffix ("3,500", "2k", "3rd", "1990s"), a
# word (with inner apostrophes, hyphens and dots: "three-month", "MiG-29", "U.S."), a sign.
_TOKEN = re.compile(
    r"[0-9]+(?:[.,:][0-9]+)*(?:[^\W\d_]+)?"
    r"|[^\W\d_]+(?:['’.][^\W\d_]+)*(?:-[^\W_]+)*"
    r"|[^\w\s]"
)
_NUMBER_NOUNS = {"number", "numbers", "amount", "figure", "quantity", "count", "total"}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_TIME_WORDS = {"a.m", "p.m", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "o'clock", "hours", "hrs"}
# A number right after one of these labels something: "Resolution 2254", "Flight 17"
_LABELS = set(
    [
        "resolution",
        "article",
        "flight",
        "no",
        "no.",
        "number",
        "chapter",
        "section",
        "room",
        "route",
        "highway",
        "page",
        "paragraph",
        "phase",
        "level",
        "grade",
        "class",
        "model",
        "version",
        "episode",
        "season",
        "volume",
        "vol",
        "vol.",
        "unit",
        "brigade",
        "division",
        "battalion",
        "regiment",
        "squadron",
        "platoon",
        "corps",
        "district",
        "zone",
        "sector",
        "gate",
        "block",
        "lot",
        "line",
        "channel",
        "decree",
        "law",
        "order",
        "act",
        "item",
        "case",
        "file",
        "code",
        "bill",
        "cell",
        "floor",
        "road",
        "street",
    ]
)
_STOPS = {".", ";", ":", "(", ")", "?", "!", '"', "“", "”", "—", "–"}
_RANGE_AFTER = {"if", "or", "perhaps", "possibly", "maybe", "even", "and"}  # "5, if not 6"
_YEAR = re.compile(r"1[5-9][0-9]{2}|20[0-9]{2}")
_ORDINALS = {"first", "second", "third", "fourth", "last", "final", "next", "previous", "latter"}
_RELATIVE = {"ago", "earlier", "later", "previously"}
_SPAN_STARTS = {"first", "last", "past", "next", "coming", "previous", "following", "initial"}
_ONE_BEFORE = {"the", "no", "any", "every", "each", "this", "that", "which", "at", "as"}
_ONE_AFTER = set(
    [
        "of",
        "another",
        "after",
        "by",
        "who",
        "which",
        "that",
        "is",
        "was",
        "has",
        "had",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "can",
        "could",
        "would",
        "will",
        "may",
        "might",
        "should",
        "must",
        "day",
        "time",
        "way",
        "side",
        "hand",
        "thing",
        "point",
        "another's",
    ]
)


@dataclass(frozen=True)
class Token:
    text: str  # as written
    low: str  # lower case, typographic apostrophe folded
    start: int  # offsets in the article's text
    end: int


@dataclass(frozen=True)
class Found:
    """A quantity expression in a sentence: its tokens [first, last), its reading, and whether
    it is left out by default (and why), and what the reader was unsure of."""

    first: int
    last: int
    quantity: Quantity
    left_out: str = ""
    unsure: tuple[str, ...] = field(default=())


def tokens_of(text: str, start: int, end: int) -> list[Token]:
    return [
        Token(m[0], m[0].lower().replace("’", "'"), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, end)
    ]


@lru_cache(maxsize=65536)
def read(text: str) -> Quantity | None:
    """The reader's reading of a span, None when it cannot read it."""
    try:
        return parse_quantity(text)
    except QuantityError:
        return None


def _reading(q: Quantity | None) -> tuple[object, ...] | None:
    if q is None:
        return None
    return (q.lo, q.hi, q.lo_open, q.hi_open, q.unit, q.unquantified, q.rule)


class _Sentence:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.t = tokens
        self.low = [t.low for t in tokens]

    def span(self, i: int, j: int) -> str:
        return self.text[self.t[i].start : self.t[j - 1].end]

    def is_anchor(self, i: int) -> bool:
        """Could a quantity start at token i? (It reads on its own, or with the next token.)"""
        w = self.low[i]
        if not w[0].isalnum():
            return False
        q = None if w in ("a", "an") else read(self.t[i].text)
        if q is None:
            pair = read(self.span(i, i + 2)) if i + 1 < len(self.t) else None
            if pair is None or read(self.t[i + 1].text) is not None:
                return False
            q = pair  # "a few", "a couple": only the pair reads
        if q.unquantified:  # "an unknown number"; not "many", "unknown" alone
            nxt = self.low[i + 1] if i + 1 < len(self.t) else ""
            return nxt in _NUMBER_NOUNS
        return True

    def right(self, i: int, a: int) -> tuple[int, Quantity | None]:
        """From start token i over anchor a: the end where the reading last changed."""
        best_end, best, last = a + 1, read(self.span(i, a + 1)), _reading(read(self.span(i, a + 1)))
        for j in range(a + 2, min(len(self.t), a + RIGHT) + 1):
            if self.low[j - 1] in _STOPS or (
                self.low[j - 1] == "," and (j >= len(self.t) or self.low[j] not in _RANGE_AFTER)
            ):
                break
            q = read(self.span(i, j))
            r = _reading(q)
            if r is not None and r != last:
                best_end, best, last = j, q, r
        if best is not None and best.unquantified:
            while best_end < len(self.t) and self.low[best_end] in _NUMBER_NOUNS:
                best_end += 1  # "an unknown number"
        return best_end, best

    def around(self, a: int, floor: int) -> tuple[int, int, Quantity] | None:
        """The quantity expression over anchor a, not reaching back before token `floor`."""
        end, q = self.right(a, a)
        start, last = a, _reading(q)
        if _YEAR.fullmatch(self.low[a]):
            return (a, a + 1, q) if q is not None else None  # a year dates, it does not count
        for i in range(a - 1, max(floor, a - LEFT) - 1, -1):
            if self.low[i] in (",", ";", ":", "(", ")", ".", '"', "“", "”", "—", "–"):
                break
            e, qi = self.right(i, a)
            r = _reading(qi)
            if r is not None and r != last:
                start, end, q, last = i, e, qi, r
        if q is None:
            return None
        if (
            start == a
            and a > floor
            and self.low[a - 1] in ("a", "an")
            and not self.low[a][0].isdigit()
        ):
            start -= 1  # "a dozen", "a million"
        return start, end, q


def find(text: str, start: int, end: int) -> tuple[list[Token], list[Found]]:
    """The tokens of the sentence text[start:end] and its quantity expressions, in order."""
    s = _Sentence(text, tokens_of(text, start, end))
    found: list[Found] = []
    floor = a = 0
    while a < len(s.t):
        hit = s.around(a, floor) if s.is_anchor(a) else None
        if hit is None:
            a += 1
            continue
        first, last, q = hit
        found.append(
            Found(first, last, q, _left_out(s, first, last, q), _unsure(s, first, last, q))
        )
        floor = a = max(last, a + 1)
    return s.t, found


def _left_out(s: _Sentence, i: int, j: int, q: Quantity) -> str:
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
    if single and _YEAR.fullmatch(w) and q.unit == "count":
        return "a year"
    month_near = before in _MONTHS or after in _MONTHS or (after == "of" and after2 in _MONTHS)
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


_PHONE = re.compile(
    r"\+[0-9][0-9 ().-]{6,}[0-9]"  # +44 20 7946 0958
    r"|\(?\b[0-9]{3}\)?[ .-][0-9]{3}[.-][0-9]{4}\b"  # (212) 555-1234
    r"|\b[0-9]{2,5}-[0-9]{3,4}(?:-[0-9]{3,4})+\b"
)


def _phone(s: _Sentence, i: int, j: int) -> bool:
    lo = s.t[i].start
    return any(
        m.start() <= lo < m.end() for m in _PHONE.finditer(s.text, s.t[0].start, s.t[-1].end)
    )


def _unsure(s: _Sentence, i: int, j: int, q: Quantity) -> tuple[str, ...]:
    """What a person should check: vague words, no number, a lone small word, a second
    quantity right after, a share with nothing to take it of."""
    out = []
    if q.unquantified:
        out.append("no number given")
    elif q.lo != q.hi and "range" not in q.rule and "vague" in q.rule:
        out.append(f"vague: read as {_interval(q)}")
    if s.low[i] == "one" and j - i == 1:
        out.append('"one" may not count anything')
    if q.unit == "percent":
        out.append("a share: say of what in `about`")
    return tuple(out)


def _interval(q: Quantity) -> str:
    def num(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

    return f"[{num(q.lo)}, {num(q.hi)}]"


# --- Sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = set(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "etc",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "est",
        "approx",
        "dept",
        "univ",
        "ave",
    ]
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")


def sentences(article: Article) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each sentence in the article's text. Lines are joined only when a
    sentence runs on to the next line; a headline or caption without a full stop is its own."""
    text = article.text.text
    for start, end in _blocks(text):
        pos = start
        for m in _END.finditer(text, start, end):
            word = re.search(r"([^\W\d_]+)\.$", text[max(start, m.start() - 12) : m.start() + 1])
            if word and m[0].startswith(".") and len(m[0].rstrip("\"'”’)]")) == 1:
                w = word[1]
                if w.lower() in _ABBREVIATIONS or len(w) == 1:
                    continue  # "Gen. Haftar", "U.S. forces"
            nxt = text[m.end() : m.end() + 3].lstrip()
            if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“'‘("):
                continue
            yield pos, m.end()
            pos = m.end()
            while pos < end and text[pos].isspace():
                pos += 1
        if pos < end:
            yield pos, end


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs: runs of lines, broken at blank lines and after a line that ends a sentence or
    is a heading. A line with no full stop runs on when the next starts in lower case, or, in
    text wrapped at a fixed width, when it is about as long as that width."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    lengths = sorted(len(text[a:b].rstrip()) for a, b in lines if text[a:b].strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = len(lengths) >= 3 and width <= 100
    block: tuple[int, int] | None = None
    prev = (-1, -1)
    for ls, le in lines:
        line = text[ls:le].strip()
        if not line:
            continue
        last = text[prev[0] : prev[1]].rstrip()
        joins = (
            block is not None
            and text.count("\n", prev[1], ls) == 1
            and not re.search(r"[.!?:;\"”)]$", last)
            and (line[0].islower() or line[0].isdigit() or (wrapped and len(last) >= 0.7 * width))
        )
        if joins and block is not None:
            block = (block[0], le)
        else:
            if block is not None:
                yield _trim(text, *block)
            block = (ls, le)
        prev = (ls, le)
    if block is not None:
        yield _trim(text, *block)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def words_between(text: str, start: int, end: int) -> str:
    return compact(text[start:end])

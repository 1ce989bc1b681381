"""The quantity expressions of a sentence, found by running the project's own quantity reader
(`parse_quantity`) over spans of it: no second grammar.

For each token where a number could start (one the reader reads on its own: "3,500", "two",
"hundreds", "an unknown number"), the value is the span around it that the reader reads, grown
while what it reads keeps changing: leftwards over a hedge ("more than", "between", "an
approximate salary of"), rightwards over the far end of a range, units and rates ("to two
thousand dollars a month"). Words that change nothing ("3,500 paid Syrian fighters") stay out.
Each is marked when it is not a claim (a year, a date, ...: see `excluded`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from discrepancy.excluded import YEAR, left_out
from discrepancy.model import Quantity
from discrepancy.quantities import QuantityError, parse_quantity

LEFT = 6  # tokens a hedge may reach back ("an approximate salary of $ 1,000")
RIGHT = 12  # tokens a value may reach forward ("one and a half to two thousand dollars a month")
UNREAD_IN_A_ROW = 4  # "between 3,500 and 3,800" is unreadable for two tokens before it reads

# A token: a number with its grouping and a glued suffix ("3,500", "2k", "3rd", "1990s"), a
# word (with inner apostrophes, hyphens and dots: "three-month", "MiG-29", "U.S."), a sign.
_TOKEN = re.compile(
    r"[0-9]+(?:[.,:][0-9]+)*(?:[^\W\d_]+)?"
    r"|[^\W\d_]+(?:['’.][^\W\d_]+)*(?:-[^\W_]+)*"
    r"|[^\w\s]"
)
# Verbs of change: "up" after them is a direction, not the hedge "up to"
_MOTION = {
    "ticked", "went", "climbed", "moved", "rose", "jumped", "shot", "crept", "edged", "inched",
    "soared", "surged", "go", "goes", "going", "gone", "move", "moves", "moving", "rise", "rises",
    "rising", "risen", "tick", "ticks", "ticking", "climb", "climbs", "climbing", "creep",
    "edge", "edges", "edging", "jump", "jumps", "jumping", "revised", "revise", "bumped",
}  # fmt: skip
_NUMBER_NOUNS = {"number", "numbers", "amount", "figure", "quantity", "count", "total"}
_STOPS = {".", ";", ":", "(", ")", "?", "!", '"', "“", "”", "—", "–"}
_RANGE_AFTER = {"if", "or", "perhaps", "possibly", "maybe", "even", "and"}  # "5, if not 6"


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
    except (QuantityError, ValueError, ArithmeticError):  # running text is not a value: any
        return None  # refusal is "not a quantity here", never the end of the draft


def _reading(q: Quantity | None) -> tuple[object, ...] | None:
    if q is None:
        return None
    return (q.lo, q.hi, q.lo_open, q.hi_open, q.unit, q.unquantified, q.rule)


class Sentence:
    """A sentence's tokens, and the quantity expressions the reader finds over them."""

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
        if w in ("a", "an"):  # "a few", "a couple", "a third": only the pair reads
            q = read(self.span(i, i + 2)) if i + 1 < len(self.t) else None
            if q is not None and read(self.t[i + 1].text) is not None:
                return False  # "a million": the anchor is "million"
        else:
            q = read(self.t[i].text)
        if q is None:
            return False
        if q.unquantified:  # "an unknown number"; not "many", "unknown" alone
            nxt = self.low[i + 1] if i + 1 < len(self.t) else ""
            return nxt in _NUMBER_NOUNS
        return True

    def right(self, i: int, a: int) -> tuple[int, Quantity | None]:
        """From start token i over anchor a: the end where the reading last changed, or the
        first end that reads that way ("500 a day before" reads as "500": the reader takes
        "a day before" for no rate, so the value is "500")."""
        best = read(self.span(i, a + 1))
        best_end, last = a + 1, _reading(best)
        first_end = {last: best_end}
        unread = 0  # spans in a row the reader refused: past the quantity, or a second one
        for j in range(a + 2, min(len(self.t), a + RIGHT) + 1):
            if (
                self.low[j - 1] in _STOPS
                or unread >= UNREAD_IN_A_ROW
                or (
                    self.low[j - 1] == "," and (j >= len(self.t) or self.low[j] not in _RANGE_AFTER)
                )
            ):
                break
            q = read(self.span(i, j))
            r = _reading(q)
            unread = unread + 1 if r is None else 0
            if r is not None and r != last:
                best_end, best, last = first_end.setdefault(r, j), q, r
        if best is not None and best.unquantified:
            while best_end < len(self.t) and self.low[best_end] in _NUMBER_NOUNS:
                best_end += 1  # "an unknown number"
        return best_end, best

    def around(self, a: int, floor: int) -> tuple[int, int, Quantity] | None:
        """The quantity expression over anchor a, not reaching back before token `floor`."""
        end, q = self.right(a, a)
        start, last = a, _reading(q)
        if YEAR.fullmatch(self.low[a]):
            return (a, a + 1, q) if q is not None else None  # a year dates, it does not count
        for i in range(a - 1, max(floor, a - LEFT) - 1, -1):
            if self.low[i] in (",", ";", ":", "(", ")", ".", '"', "“", "”", "—", "–"):
                break
            if self.low[i] == "up" and i > 0 and self.low[i - 1] in _MOTION:
                break  # "rose up to 3.9%" is not "up to 3.9%"
            if _reading(read(self.span(i, end))) == last:
                continue  # a word that changes nothing ("the 3,500"): no need to look further
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
        while (
            end < len(self.t)
            and self.low[end] in ("%", "‰")
            and self.t[end].start == self.t[end - 1].end
        ):
            end += 1  # "5.25% to 5.5%": the reader has the unit from the first "%" already
        return start, end, q


def find(text: str, start: int, end: int) -> tuple[list[Token], list[Found]]:
    """The tokens of the sentence text[start:end] and its quantity expressions, in order."""
    s = Sentence(text, tokens_of(text, start, end))
    found: list[Found] = []
    floor = a = 0
    while a < len(s.t):
        hit = s.around(a, floor) if s.is_anchor(a) else None
        if hit is None:
            a += 1
            continue
        first, last, q = hit
        found.append(Found(first, last, q, left_out(s, first, last, q), _unsure(s, first, last, q)))
        floor = a = max(last, a + 1)
    return s.t, found


def _unsure(s: Sentence, i: int, j: int, q: Quantity) -> tuple[str, ...]:
    """What a person should check: vague words, no number, a lone small word, a second
    quantity right after, a share with nothing to take it of."""
    out = []
    if q.unquantified:
        out.append("no number given")
    elif q.lo != q.hi and "range" not in q.rule and "vague" in q.rule:
        out.append(f"vague: read as {_interval(q)}")
    if s.low[i] == "one" and j - i == 1:
        out.append('"one" may not count anything')
    if q.unit == "percent" or (q.hi < 1 and not s.low[j - 1][0].isdigit()):
        out.append("a share: say of what in `about`")
    return tuple(out)


def _interval(q: Quantity) -> str:
    def num(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

    return f"[{num(q.lo)}, {num(q.hi)}]"

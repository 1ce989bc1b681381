"""Reading a value's unit: a measure (a currency, a share, a duration, a physical unit; a count
when none) and a rate ("a month", "monthly"). The unit words are discrepancy.units'."""

from __future__ import annotations

from collections.abc import Sequence

from discrepancy import lexicon as lx
from discrepancy import units as u
from discrepancy.quantities.numbers import error
from discrepancy.quantities.tokens import Phrases, Token, tokenize


def _phrase(p: str) -> str:
    """A unit phrase as the tokenizer splits it ("km²" is "km ²", "km2" is "km 2")."""
    return " ".join(t.text for t in tokenize(p))


UNITS: Phrases[tuple[str, str]] = Phrases(
    {
        **{_phrase(p[:-1]): ("measure", c) for p, c in u.CURRENCY_NAMES.items() if p.endswith("s")},
        **{_phrase(p): ("measure", m) for p, m in u.CURRENCY_NAMES.items()},
        **{_phrase(p): ("measure", m) for p, m in {**u.PERCENT, **u.DURATIONS}.items()},
        **{_phrase(p): ("measure", m) for p, m in u.PHYSICAL.items()},
        **{f"{pre} {p}": ("rate", r) for pre in u.RATE_PREFIXES for p, r in u.RATE_PERIODS.items()},
        **{p: ("rate", r) for p, r in u.RATE_WORDS.items()},
    }
)
SIGN_WORDS = {*u.CURRENCY_SIGNS, *u.CURRENCY_CODES, "us"}


class Units:
    """A value's unit: a measure and a rate, each said at most once."""

    __slots__ = ("measure", "rate", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.measure = ""
        self.rate = ""

    def unit(self) -> str:
        unit = self.measure or "count"
        return f"{unit}/{self.rate}" if self.rate else unit

    @staticmethod
    def sign(tokens: Sequence[Token], i: int) -> tuple[str, int]:
        """A currency sign or ISO code at token i ("$", "C$", "US $", "USD"): (currency, tokens)."""
        t = tokens[i]
        if t.text not in SIGN_WORDS:
            return "", 0
        if t.text in u.CURRENCY_SIGNS:
            return u.CURRENCY_SIGNS[t.text], 1
        if t.text in u.CURRENCY_CODES and (t.text not in u.CAPITALS_ONLY or t.raw.isupper()):
            return t.text.upper(), 1
        if t.text == "us" and i + 1 < len(tokens) and tokens[i + 1].text == "$":
            return "USD", 2
        return "", 0

    def set(self, slot: str, value: str, t: Token) -> None:
        if getattr(self, slot) not in ("", value):
            raise error("a second unit", t, self.text)
        speed, rate = (self.measure, value) if slot == "rate" else (value, self.rate)
        if "/" in speed and rate:  # "knots per hour": knots are an hour's already
            raise error("a second rate", t, self.text)
        setattr(self, slot, value)

    def read(self, tokens: Sequence[Token], texts: Sequence[str], i: int) -> int:
        """Read a unit at token i; return how many tokens it spans, 0 when there is none."""
        currency, n = self.sign(tokens, i)
        if currency:
            self.set("measure", currency, tokens[i])
            return n
        hit = UNITS.match(texts, i)
        if hit:
            _, (slot, value), n = hit
            if slot == "rate" and i + n < len(texts) and texts[i + n] in u.NOT_A_RATE_AFTER:
                return 0
            if value:  # "a head", "each": per person, which changes nothing
                self.set(slot, value, tokens[i])
            return n
        if texts[i] in u.AMBIGUOUS_UNITS:
            raise error("cannot read", tokens[i], self.text, u.AMBIGUOUS_UNITS[texts[i]])
        if texts[i] == "-" and i + 1 < len(texts) and texts[i + 1] in u.DURATIONS:
            self.set("measure", u.DURATIONS[texts[i + 1]], tokens[i + 1])  # "three-month"
            return 2
        if texts[i] in ("per", "each", "every", "a") and i + 2 < len(texts):
            hit = UNITS.match(texts, i + 2)
            if hit and hit[1][0] == "rate" and texts[i + 1] in lx.NOUNS | _SINGULAR_NOUNS:
                return 2  # "$1,500 per fighter per month": the rate is what matters
        return 0


_SINGULAR_NOUNS = {n[:-1] for n in lx.NOUNS if n.endswith("s")}


def parse_unit(text: str) -> str:
    """A unit as a claims file's `unit:` gives it ("dollars a month") in the reader's own
    spelling ("USD/month"); text that is not a unit the reader knows is kept as written."""
    tokens = tokenize(text)
    texts = [t.text for t in tokens]
    units = Units(text)
    i = 0
    while i < len(tokens):
        try:
            n = units.read(tokens, texts, i)
        except ValueError:
            return text.strip()
        if not n:
            return text.strip()
        i += n
    return units.unit() if tokens else text.strip()

"""One number, read exactly (as a Fraction or an int) from digits or words, part by part."""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from discrepancy import lexicon as lx
from discrepancy.quantities.bounds import QuantityError
from discrepancy.quantities.tokens import GROUPED, INDIAN, Token

MAX_DIGITS = 24  # a longer run of digits is refused, not read
LARGEST = 10**24  # and so is a larger number ("a thousand million billion trillion")

Exact = Fraction | int

MAGNITUDE_WORDS: dict[str, int] = {"hundred": 100, "dozen": lx.DOZEN, **lx.SCALES}
# What a magnitude word multiplies by, singular or plural ("several thousands").
MAGNITUDE_OF = {
    **MAGNITUDE_WORDS,
    **{p: MAGNITUDE_WORDS[s] for p, s in lx.PLURAL_MAGNITUDES.items()},
}
PLURAL_OF = {s: p for p, s in lx.PLURAL_MAGNITUDES.items()}


def error(what: str, t: Token | None, text: str, hint: str = "", part: str = "") -> QuantityError:
    """'cannot read "threeish" in "threeish hundred" (col 1)': what, the part, where."""
    col = t.col + 1 if t is not None else 1
    shown = text if len(text) <= 80 else text[:77] + "..."
    part = f' "{part or t.raw}"' if t is not None else ""
    return QuantityError(
        f'{what}{part} in "{shown}" (col {col})' + (f": {hint}" if hint else ""), col
    )


def digits(t: Token, text: str) -> Exact:
    """The number a token of digits writes, exactly."""
    s = t.text
    if s.isdigit() and len(s) <= MAX_DIGITS:
        return int(s)
    if "e" in s or "E" in s:
        mantissa, _, exp = s.lower().partition("e")
        return digits(t._replace(text=mantissa), text) * Fraction(10) ** int(exp)
    if "," in s and not GROUPED.fullmatch(s) and not INDIAN.fullmatch(s):
        hint = "a comma groups thousands (3,500); a decimal takes a point (3.5)"
        raise error("cannot read", t, text, hint)
    if s.count(".") > 1:
        raise error("cannot read", t, text, "write 3,500,000 or 3500000 (3.5 is three and a half)")
    if len(s) > 4 and s[-4] == "." and s.endswith("0") and s[0] != "0" and "," not in s:
        # "3.500", "12.000": a point that groups thousands, as many languages write them
        raise error("cannot read", t, text, "write 3,500 or 3.5: a point may group thousands")
    for ch in ", \u00a0\u202f\u2009\u2007":
        if ch in s:
            s = s.replace(ch, "")
    if len(s) > MAX_DIGITS:
        raise error("cannot read", t, text, f"more than {MAX_DIGITS} digits")
    if "." in s:
        whole, _, decimals = s.partition(".")
        return Fraction(int(whole + decimals), 10 ** len(decimals))
    return int(s)


def step_of(t: Token) -> Exact:
    """The place of the last digit a token of digits writes: 100 for "3,500", 0.1 for "1.1"."""
    s = t.text.lower()
    mantissa, _, exp = s.partition("e")
    e = int(exp) if exp else 0
    if "." in mantissa:
        e -= len(mantissa.partition(".")[2])
    else:
        whole = "".join(ch for ch in mantissa if ch.isdigit())
        e += len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
    return 10**e if e >= 0 else Fraction(1, 10**-e)


class Operand(NamedTuple):
    """One end of a range, or the whole core: an interval and how it was said."""

    lo: Exact | float
    hi: Exact | float
    magnitude: int = 1  # the magnitude it ends with ("two thousand", "hundreds of thousands")
    vague: str = ""  # the vague words, when they were ("several hundred")
    from_settings: bool = False  # those words' interval is the claims file's, not the default
    step: Exact = 0  # the place of its last digit ("1.1 million": 100,000); 0 when vague

    def label(self) -> str:
        if not self.vague:
            return ""
        said = f'vague "{self.vague}" [{number_text(self.lo)}, {number_text(self.hi)}]'
        return said + " (from settings)" if self.from_settings else said


_NUMBER_WORDS = {
    *lx.UNITS, *lx.TEENS, *lx.TENS, *lx.ZEROS, *MAGNITUDE_OF, *lx.ABBREVIATIONS,
    *lx.FRACTION_WORDS, "a", "an",
}  # fmt: skip
MAGNIFY = ("hundred", "scale", "dozen")  # the kinds of part that multiply what came before
MIXABLE = ("unit", "teen", "tens", "digits", "scale", "dozen", "hundred")  # "... and a half"
_WHOLE = ("unit", "teen", "tens")


class Number:
    """One number read part by part: "two", "thousand", "five", "hundred"; "one", "and a half".

    `last` is the kind of the part read last. `kind_of` says what a token would be as the next
    part, None when it cannot continue the number; `add` takes it.
    """

    __slots__ = ("done", "group", "hundred", "last", "magnitude", "plain", "scale", "step")

    def __init__(self) -> None:
        self.done: Exact = 0  # groups closed by a scale: "two million" of "two million five"
        self.group: Exact | None = None  # the open group: "five hundred"
        self.last = ""
        self.hundred = False  # the open group has had its "hundred"
        self.scale = 0  # the last scale word's value, 0 before any
        self.magnitude = 1  # the magnitude words after the first value ("two thousand"),
        self.plain = True  # while nothing else follows them ("two thousand", not "... five")
        self.step: Exact = 1  # the place of the last part said

    @property
    def value(self) -> Exact:
        return self.done + (self.group or 0)

    def kind_of(self, t: Token, nxt: Token | None) -> str | None:
        last, w = self.last, t.text
        if t.kind == "num":
            if nxt is not None and nxt.kind == "ord":
                return None
            if last == "scale":  # "2 million 300 thousand": a group before a smaller scale
                m = MAGNITUDE_OF.get(nxt.text, 0) if nxt is not None else 0
                ok = t.text.isdigit() and len(t.text) <= 3 and 100 <= m < self.scale
                return "digits" if ok else None
            return "digits" if not last else None
        if w not in _NUMBER_WORDS and t.kind != "frac":
            return None  # most words: nothing more to ask
        if last:
            w = lx.PLURAL_MAGNITUDES.get(w, w)  # "3 millions", "two hundreds"
        if t.kind == "frac":
            return "frac" if last in ("", "digits") else None
        if w in lx.UNITS:
            return "unit" if last in ("", "tens", "hundred", "scale") else None
        if w in lx.TEENS:
            return "teen" if last in ("", "hundred", "scale") else None
        if w in lx.TENS:
            return "tens" if last in ("", "hundred", "scale") else None
        if w in lx.ZEROS:
            return "zero" if not last else None
        if w == "hundred":
            ok = last in ("", "a", "unit", "teen", "tens", "digits") and not self.hundred
            return "hundred" if ok and (self.group or 0) < 100 else None
        if w in lx.SCALES:
            if last == "scale":  # "a thousand million", "1.5 lakh crore"
                return "scale" if lx.SCALES[w] > self.scale else None
            ok = last not in ("dozen", "zero") and (not self.scale or lx.SCALES[w] < self.scale)
            return "scale" if ok else None
        if w in lx.ABBREVIATIONS:
            if w in lx.CAPITALS_ABBREVIATIONS and not t.raw.isupper():
                return None
            return "scale" if last in ("digits", "frac") else None
        if w == "dozen":
            ok = last in ("", "a", "unit", "teen", "tens", "digits", "frac", "fraction", "mixed")
            return "dozen" if ok else None
        if w in lx.FRACTION_WORDS:
            ok = last in ("a", *_WHOLE) or (not last and w in lx.BARE_FRACTIONS)
            return "fraction" if ok else None
        if w in ("a", "an") and not last and nxt is not None:
            ok = nxt.text in MAGNITUDE_WORDS or nxt.text in lx.FRACTION_WORDS
            return "a" if ok else None
        return None

    def add(self, kind: str, t: Token, value: Exact = 0, step: Exact = 1) -> None:
        w = lx.PLURAL_MAGNITUDES.get(t.text, t.text)
        if self.magnitude > 1 and kind not in MAGNIFY:
            self.plain = False
        if kind == "digits":
            self.group, self.step = value, step
        elif kind == "frac":
            self.group = (self.group or 0) + lx.FRACTION_CHARS[w]
            self.step = lx.FRACTION_CHARS[w]
        elif kind in _WHOLE:
            self.group = (self.group or 0) + (lx.UNITS.get(w) or lx.TEENS.get(w) or lx.TENS[w])
            self.step = 10 if kind == "tens" else 1
        elif kind == "zero":
            self.group = 0
        elif kind == "fraction":  # "a half", "three quarters", "twenty-three fifths"
            f = lx.FRACTION_WORDS[w]
            self.group = f if self.group is None else self.group * f
            self.step = f
        elif kind == "hundred":
            self.magnitude *= 100
            self.group = (self.group or 1) * 100
            self.step *= 100
            self.hundred = True
        elif kind == "scale":
            m = lx.SCALES.get(w) or lx.ABBREVIATIONS[w]
            self.magnitude *= m
            if self.last == "scale":
                self.done *= m
            else:
                self.done += (self.group if self.group is not None else 1) * m
            self.group, self.hundred, self.scale = None, False, m
            self.step *= m
        elif kind == "dozen":
            self.magnitude *= lx.DOZEN
            self.group = (self.group if self.group is not None else 1) * lx.DOZEN
            self.step *= lx.DOZEN
        self.last = kind

    def add_fraction(self, f: Fraction) -> None:
        """ "and a half": half the scale just read ("a million and a half"), else a half."""
        if self.last in ("scale", "dozen"):
            unit = self.scale if self.last == "scale" else lx.DOZEN
            self.done, self.group = self.value + f * unit, None
            self.step = f * unit
        else:
            self.group = (self.group or 0) + f
            self.step = f
        if self.magnitude > 1:
            self.plain = False
        self.last = "mixed"

    def add_decimals(self, places: list[int]) -> None:
        """ "point zero three": decimals after the whole number said in words."""
        decimals = Fraction(int("".join(map(str, places))), 10 ** len(places))
        self.group = (self.group or 0) + decimals
        self.step = Fraction(1, 10 ** len(places))
        self.last = "digits"

    def over(self, denominator: int) -> None:
        """ "3/4": the number read so far over a denominator."""
        self.group = Fraction(self.group or 0, denominator)
        self.step = Fraction(1, denominator)
        self.last = "frac"


BLANK = Number()  # asked only whether a number starts at a token; never added to


def number_text(x: float | Exact) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{float(x):,}"

"""Read a quantity as news writes it ("at least two thousand", "$1.2bn a year") into a Quantity.

A value reads, token by token, as

    lead      core                units and bound       tail
    "about"   "1,500 to 2,000"    "dollars a month"     "paid to each recruit"

- lead: one hedge ("more than"), a currency sign, a date ("in 2019,"), words kept from the
  sentence ("an approximate salary of"). A word that looks like a typo of one we know ("abut"),
  or is glued to a number ("threeish hundred"), is an error, never skipped;
- core: one number, a range of two ("between X and Y", "X to Y", "X-Y", "X or even Y"; a
  magnitude on the far side is shared: "two to three thousand"), or vague words, perhaps times a
  magnitude ("hundreds", "several thousands");
- units ("$", "dollars", "%", "days", "a month") and a bound after the number ("or more", "+");
- tail: other words ("paid Syrian fighters"), ignored; a second quantity there (a number, a number
  word, a vague word: "3,500 Syrians and hundreds of Chadians") is an error.

Numbers are read exactly (fractions) and become floats only in the Quantity. The vocabulary is
discrepancy.lexicon. Each Settings gets its own reader, with its vague words and a cache.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from discrepancy import lexicon as lx
from discrepancy.model import INF, VAGUE_DEFAULTS, Quantity, Settings

CACHE_SIZE = 65536  # distinct expressions remembered per Settings
MAX_DIGITS = 24  # a longer run of digits is refused, not read
LARGEST = 10**24  # and so is a larger number ("a thousand million billion trillion")


class QuantityError(ValueError):
    """A value that cannot be read; `col` is the 1-based column in the value's text."""

    def __init__(self, message: str, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.col = col


def parse_quantity(text: str, settings: Settings = Settings()) -> Quantity:
    """Read a quantity expression into an interval and a unit; raise QuantityError if unreadable."""
    global _recent
    if _recent is None or _recent[0] is not settings:
        _recent = (settings, _reader(settings))  # hashing Settings costs more than a cache hit
    return _recent[1].read(text)


def clear_cache() -> None:
    """Forget everything read and remembered (for benchmarks)."""
    global _recent
    _recent = None
    _reader.cache_clear()
    _NORMAL.clear()
    _typo_of.cache_clear()


def bounded(
    kind: str,
    lo: Fraction | float,
    hi: Fraction | float,
    unit: str,
    settings: Settings,
    said: str = "",
    read_as: str = "",
) -> Quantity:
    """The interval that rule `kind` (a value of lexicon.HEDGES, or "exact") makes of [lo, hi].
    The rule `discrepancy parse` shows names the phrase `said` that invoked it, after `read_as`:
    how [lo, hi] was read when it was more than one number ("range", a vague word)."""
    return _bounded(
        kind,
        lo,
        hi,
        unit,
        _tolerances(settings.approx_tolerance, settings.nearly_tolerance),
        said,
        read_as,
    )


def _bounded(
    kind: str,
    lo: Fraction | float,
    hi: Fraction | float,
    unit: str,
    tol: _Tolerances,
    said: str,
    read_as: str,
) -> Quantity:
    rule = f'"{said}": {tol.words[kind]}' if said else tol.words[kind]
    if read_as:
        rule = read_as if kind == "exact" else f"{read_as}; {rule}"
    lo_open = hi_open = False
    if kind == "above":
        hi, lo_open = INF, True
    elif kind == "at-least":
        hi = INF
    elif kind == "below":
        lo, hi_open = 0, True
    elif kind == "at-most":
        lo = 0
    elif kind == "approx":
        lo, hi = _times(lo, tol.approx_below), _times(hi, tol.approx_above)
    elif kind == "nearly":
        lo = _times(lo, tol.nearly_below)
    elif kind == "just-under":
        lo, hi, hi_open = _times(lo, tol.nearly_below), lo, True
    elif kind == "just-over":
        lo, hi, lo_open = hi, _times(hi, tol.nearly_above), True
    return Quantity(float(lo), float(hi), lo_open=lo_open, hi_open=hi_open, unit=unit, rule=rule)


def _times(x: Fraction | float, f: Fraction) -> Fraction | float:
    """x × f exactly, rounded once (a float times a Fraction would round twice: 440.00000000000006)."""
    if isinstance(x, int):
        return x * f.numerator / f.denominator  # no Fraction needed
    return Fraction(x) * f


class _Tolerances(NamedTuple):
    approx_below: Fraction  # 1 - approx_tolerance
    approx_above: Fraction
    nearly_below: Fraction  # 1 - nearly_tolerance
    nearly_above: Fraction
    words: dict[str, str]  # what each rule is called


@lru_cache(maxsize=64)
def _tolerances(approx: float, nearly: float) -> _Tolerances:
    a, n = Fraction(str(approx)), Fraction(str(nearly))
    pa, pn = f"{approx * 100:g}%", f"{nearly * 100:g}%"
    words = {
        "exact": "exact",
        "above": "lower bound, excluded", "at-least": "lower bound, included",
        "below": "upper bound, excluded", "at-most": "upper bound, included",
        "approx": f"approximately, ±{pa}", "nearly": f"nearly, up to {pn} below",
        "just-under": f"just under, up to {pn} below", "just-over": f"just over, up to {pn} above",
    }  # fmt: skip
    return _Tolerances(1 - a, 1 + a, 1 - n, 1 + n, words)


def parse_unit(text: str) -> str:
    """A unit as a claims file's `unit:` gives it ("dollars a month") in the reader's own
    spelling ("USD/month"); text that is not a unit the reader knows is kept as written."""
    tokens = tokenize(text)
    texts = [t.text for t in tokens]
    units = _Units(text)
    i = 0
    while i < len(tokens):
        n = units.read(tokens, texts, i)
        if not n:
            return text.strip()
        i += n
    return units.unit() if tokens else text.strip()


# --- Tokens ------------------------------------------------------------------------------------


class Token(NamedTuple):
    kind: str  # num, frac (½), ord (the "rd" of "3rd"), name (MIM-23, 1990s), word, sym, other
    text: str  # normalised: lower case, any dash as "-", no abbreviation dot
    col: int  # 0-based column in the value's text
    raw: str  # as written


_DASHES = "-‐‑‒–—−"
_DASH_CLASS = re.escape(_DASHES)
# Alternatives in the order that is both right and fast: what follows digits ("3rd", "2k") first,
# then words, which are most tokens (a designation like "MIM-23" or "mid-2019" is one word).
_TOKEN = re.compile(
    rf"""
     (?P<ord>(?<=[0-9])(?:st|nd|rd|th)\b)
    |(?P<plural>(?<=[0-9])['’]?s\b)
    |(?P<abbr>(?<=[0-9])(?:{"|".join(sorted(lx.ABBREVIATIONS, key=len, reverse=True))})\b)
    |(?P<frac>[{"".join(lx.FRACTION_CHARS)}])
    |(?P<word>u\.s\.\$?|us\$|[^\W\d_]+(?:['’][^\W\d_]+)*(?P<name>(?:[{_DASH_CLASS}][0-9]\w*)+)?\.?)
    |(?P<num>[0-9]{{1,3}}(?:[ \u00a0\u202f][0-9]{{3}})+(?:\.[0-9]+)?(?![0-9])   # 3 500
            |[0-9]+(?:[.,][0-9]+)*                                          # 3,500  3.5
            |\.[0-9]+)                                                      # .5
    |(?P<sym><=|>=|[$€£₺₽¥₹₴₪~≈<>≤≥+%/{_DASH_CLASS}])
    |(?P<other>\S)
""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD_FORMS = {"u.s": "us", "u.s.$": "us$"}


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        raw = m[0]
        if m.lastgroup == "plural" and tokens and tokens[-1].kind == "num":
            tokens.extend(_round_plural(tokens.pop(), raw))
            continue
        kind, norm = _NORMAL.get((m.lastgroup, raw)) or _normal(
            m.lastgroup or "other", raw, bool(m["name"])
        )
        tokens.append(_new_token(Token, (kind, norm, m.start(), raw)))
    return tokens


_new_token = tuple.__new__  # Token(...) without its Python-level __new__: a tenth of tokenize
_NORMAL: dict[tuple[str | None, str], tuple[str, str]] = {}  # words recur: normalise each once


def _normal(group: str, raw: str, name: bool) -> tuple[str, str]:
    kind, norm = group, raw
    if group == "word":
        kind = "name" if name else "word"
        norm = raw.lower().rstrip(".").replace("’", "'")
        norm = _WORD_FORMS.get(norm, norm)
    elif group in ("abbr", "ord"):
        kind, norm = ("word" if group == "abbr" else group), raw.lower()
    elif raw in _DASHES:
        norm = "-"
    if len(_NORMAL) > CACHE_SIZE:
        _NORMAL.clear()
    if group != "num":  # numbers hardly recur
        _NORMAL[group, raw] = (kind, norm)
    return kind, norm


def _round_plural(t: Token, s: str) -> list[Token]:
    """ "1,000s" as the words "thousands" (each token spanning all of it); "1990s" as a name."""
    digits = t.text.replace(",", "") if _GROUPED.fullmatch(t.text) or t.text.isdigit() else ""
    words = lx.ROUND_PLURALS.get(digits)
    if words is None:
        return [Token("name", t.text + "s", t.col, t.raw + s)]
    return [Token("word", w, t.col, t.raw + s) for w in words.split()]


def _is_year(t: Token) -> bool:
    return len(t.text) == 4 and t.kind == "num" and t.text.isdigit() and int(t.text) in lx.YEARS


# --- Phrase tables -----------------------------------------------------------------------------

V = TypeVar("V")


class Phrases(Generic[V]):
    """A table of phrases looked up at a token position, the longest phrase first."""

    def __init__(self, table: Mapping[str, V]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, V]]] = {}
        for phrase, value in table.items():
            words = tuple(phrase.split())
            self._by_first.setdefault(words[0], []).append((words, phrase, value))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, texts: Sequence[str], i: int) -> tuple[str, V, int] | None:
        """(phrase, value, tokens spanned) of the longest phrase starting at token i."""
        for words, phrase, value in self._by_first.get(texts[i], ()):
            n = len(words)
            if n == 1 or tuple(texts[i : i + n]) == words:
                return phrase, value, n
        return None


_HEDGES = Phrases(lx.HEDGES)
_SUFFIXES = Phrases(lx.SUFFIXES)
_UNITS = Phrases(
    {
        **{p[:-1]: ("measure", c) for p, c in lx.CURRENCY_NAMES.items() if p.endswith("s")},
        **{
            p: ("measure", u)
            for p, u in {**lx.CURRENCY_NAMES, **lx.PERCENT, **lx.DURATIONS}.items()
        },
        **{
            f"{pre} {p}": ("rate", r)
            for pre in lx.RATE_PREFIXES
            for p, r in lx.RATE_PERIODS.items()
        },
        **{p: ("rate", r) for p, r in lx.RATE_WORDS.items()},
    }
)
_RANGE_WORDS = Phrases(lx.RANGE_WORDS)
_SIGN_WORDS = {*lx.CURRENCY_SIGNS, *lx.CURRENCY_CODES, "us"}
_MAGNITUDE_WORDS = {"hundred": 100, "dozen": lx.DOZEN, **lx.SCALES}
# What a magnitude word multiplies by, singular or plural ("several thousands").
_MAGNITUDE_OF = {
    **_MAGNITUDE_WORDS,
    **{p: _MAGNITUDE_WORDS[s] for p, s in lx.PLURAL_MAGNITUDES.items()},
}
_PLURAL_OF = {s: p for p, s in lx.PLURAL_MAGNITUDES.items()}
# Words of multi-word hedges that mean nothing alone: "more then 400" is a typo, not 400.
_HEDGE_PARTS = (
    {w for p in lx.HEDGES if " " in p for w in p.split()}
    - set(lx.HEDGES)
    - {
        "a",
        "an",
        "the",
        "of",
        "in",
        "to",
        "as",
        "at",
        "no",
        "not",
        "up",
        "many",
        "much",
        "order",
        "region",
        "something",
        "like",
        "somewhere",
        "very",
        "little",
        "just",
    }
)
# What a word before the number is compared with, to catch typos ("abut 400", "sevral hundred").
# Short words are left out: too many English words are a letter away from "one" or "the".
_VOCABULARY = sorted(
    w
    for w in {w for p in (*lx.HEDGES, *VAGUE_DEFAULTS, *lx.UNQUANTIFIED) for w in p.split()}
    | set(lx.UNITS)
    | set(lx.TEENS)
    | set(lx.TENS)
    | set(_MAGNITUDE_OF)
    if len(w) >= 4
)


@lru_cache(maxsize=4096)
def _typo_of(word: str) -> str | None:
    if len(word) < 4 or word in _VOCABULARY or word in lx.NOT_TYPOS:
        return None
    close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.85)
    return close[0] if close else None


# --- Errors ------------------------------------------------------------------------------------


def _error(what: str, t: Token | None, text: str, hint: str = "", part: str = "") -> QuantityError:
    """'cannot read "threeish" in "threeish hundred" (col 1)': what, the part, where."""
    col = t.col + 1 if t is not None else 1
    shown = text if len(text) <= 80 else text[:77] + "..."
    part = f' "{part or t.raw}"' if t is not None else ""
    return QuantityError(
        f'{what}{part} in "{shown}" (col {col})' + (f": {hint}" if hint else ""), col
    )


# --- Numbers -----------------------------------------------------------------------------------

_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def _digits(t: Token, text: str) -> Fraction | int:
    s = t.text
    if s.isdigit() and len(s) <= MAX_DIGITS:
        return int(s)
    if "," in s and not _GROUPED.fullmatch(s):
        raise _error(
            "cannot read",
            t,
            text,
            "a comma groups thousands (3,500); a decimal takes a point (3.5)",
        )
    if s.count(".") > 1:
        raise _error("cannot read", t, text, "write 3,500,000 or 3500000 (3.5 is three and a half)")
    s = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if len(s) > MAX_DIGITS:
        raise _error("cannot read", t, text, f"more than {MAX_DIGITS} digits")
    return Fraction(s) if "." in s else int(s)  # both exact; ints are much faster


class _Operand(NamedTuple):
    """One end of a range, or the whole core: an interval and how it was said."""

    lo: Fraction | float
    hi: Fraction | float
    magnitude: int = 1  # the magnitude it ends with ("two thousand", "hundreds of thousands")
    vague: str = ""  # the vague words, when they were ("several hundred")
    from_settings: bool = False  # those words' interval is the claims file's, not the default

    def label(self) -> str:
        if not self.vague:
            return ""
        said = f'vague "{self.vague}" [{_number_text(self.lo)}, {_number_text(self.hi)}]'
        return said + " (from settings)" if self.from_settings else said


_MAGNIFY = ("hundred", "scale", "dozen")  # the kinds of part that multiply what came before
_MIXABLE = ("unit", "teen", "tens", "digits", "scale", "dozen", "hundred")  # "... and a half"


class _Number:
    """One number read part by part: "two", "thousand", "five", "hundred"; "one", "and a half".

    `last` is the kind of the part read last. `kind_of` says what a token would be as the next
    part, None when it cannot continue the number; `add` takes it.
    """

    __slots__ = ("done", "group", "hundred", "last", "magnitude", "plain", "scale")

    def __init__(self) -> None:
        self.done: Fraction | int = (
            0  # groups closed by a scale: "two million" of "two million five"
        )
        self.group: Fraction | int | None = None  # the open group: "five hundred"
        self.last = ""
        self.hundred = False  # the open group has had its "hundred"
        self.scale = 0  # the last scale word's value, 0 before any
        self.magnitude = 1  # the magnitude words after the first value ("two thousand"),
        self.plain = True  # while nothing else follows them ("two thousand", not "... five")

    @property
    def value(self) -> Fraction | int:
        return self.done + (self.group or 0)

    def kind_of(self, t: Token, nxt: Token | None) -> str | None:
        last, w = self.last, t.text
        if t.kind == "num":
            if nxt is not None and nxt.kind == "ord":
                return None
            if last == "scale":  # "2 million 300 thousand": a group before a smaller scale
                m = _MAGNITUDE_OF.get(nxt.text, 0) if nxt is not None else 0
                ok = t.text.isdigit() and len(t.text) <= 3 and 100 <= m < self.scale
                return "digits" if ok else None
            return "digits" if not last else None
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
            if last == "scale":  # "a thousand million"
                return "scale" if lx.SCALES[w] > self.scale else None
            ok = last not in ("dozen", "zero") and (not self.scale or lx.SCALES[w] < self.scale)
            return "scale" if ok else None
        if w in lx.ABBREVIATIONS:
            return "scale" if last in ("digits", "frac") else None
        if w == "dozen":
            ok = last in ("", "a", "unit", "teen", "tens", "digits", "frac", "fraction", "mixed")
            return "dozen" if ok else None
        if w in lx.FRACTION_WORDS:
            ok = last in ("a", "unit") or (not last and w in lx.BARE_FRACTIONS)
            return "fraction" if ok else None
        if w in ("a", "an") and not last and nxt is not None:
            ok = nxt.text in _MAGNITUDE_WORDS or nxt.text in lx.FRACTION_WORDS
            return "a" if ok else None
        return None

    def add(self, kind: str, t: Token, digits: Fraction | int = 0) -> None:
        w = lx.PLURAL_MAGNITUDES.get(t.text, t.text)
        if self.magnitude > 1 and kind not in _MAGNIFY:
            self.plain = False
        if kind == "digits":
            self.group = digits
        elif kind == "frac":
            self.group = (self.group or 0) + lx.FRACTION_CHARS[w]
        elif kind in ("unit", "teen", "tens"):
            self.group = (self.group or 0) + (lx.UNITS.get(w) or lx.TEENS.get(w) or lx.TENS[w])
        elif kind == "zero":
            self.group = 0
        elif kind == "fraction":  # "a half", "three quarters"
            f = lx.FRACTION_WORDS[w]
            self.group = f if self.group is None else self.group * f
        elif kind == "hundred":
            self.magnitude *= 100
            self.group = (self.group or 1) * 100
            self.hundred = True
        elif kind == "scale":
            m = lx.SCALES.get(w) or lx.ABBREVIATIONS[w]
            self.magnitude *= m
            if self.last == "scale":
                self.done *= m
            else:
                self.done += (self.group if self.group is not None else 1) * m
            self.group, self.hundred, self.scale = None, False, m
        elif kind == "dozen":
            self.magnitude *= lx.DOZEN
            self.group = (self.group if self.group is not None else 1) * lx.DOZEN
        self.last = kind

    def add_fraction(self, f: Fraction) -> None:
        """ "and a half": half the scale just read ("a million and a half"), else a half."""
        if self.last in ("scale", "dozen"):
            self.done, self.group = (
                self.value + f * (self.scale if self.last == "scale" else lx.DOZEN),
                None,
            )
        else:
            self.group = (self.group or 0) + f
        if self.magnitude > 1:
            self.plain = False
        self.last = "mixed"


_BLANK = _Number()  # asked only whether a number starts at a token; never added to


# --- Units -------------------------------------------------------------------------------------


class _Units:
    """A value's unit: a measure (currency, percent or duration; count when none) and a rate."""

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
        """A currency sign or ISO code at token i ("$", "US$", "US $", "USD"): (currency, tokens)."""
        t = tokens[i]
        if t.text not in _SIGN_WORDS:
            return "", 0
        if t.text in lx.CURRENCY_SIGNS:
            return lx.CURRENCY_SIGNS[t.text], 1
        if t.text in lx.CURRENCY_CODES and (t.text not in lx.CAPITALS_ONLY or t.raw.isupper()):
            return t.text.upper(), 1
        if t.text == "us" and i + 1 < len(tokens) and tokens[i + 1].text == "$":
            return "USD", 2
        return "", 0

    def set(self, slot: str, value: str, t: Token) -> None:
        if getattr(self, slot) not in ("", value):
            raise _error("a second unit", t, self.text)
        setattr(self, slot, value)

    def read(self, tokens: Sequence[Token], texts: Sequence[str], i: int) -> int:
        """Read a unit at token i; return how many tokens it spans, 0 when there is none."""
        currency, n = self.sign(tokens, i)
        if currency:
            self.set("measure", currency, tokens[i])
            return n
        hit = _UNITS.match(texts, i)
        if hit:
            _, (slot, value), n = hit
            if slot == "rate" and i + n < len(texts) and texts[i + n] in lx.NOT_A_RATE_AFTER:
                return 0
            self.set(slot, value, tokens[i])
            return n
        if texts[i] == "-" and i + 1 < len(texts) and texts[i + 1] in lx.DURATIONS:
            self.set("measure", lx.DURATIONS[texts[i + 1]], tokens[i + 1])  # "three-month"
            return 2
        if texts[i] in ("per", "each", "every") and i + 2 < len(texts):
            hit = _UNITS.match(texts, i + 2)
            if hit and hit[1][0] == "rate":
                return 2  # "$1,500 per fighter per month": the rate is what matters
        return 0


# --- The reader --------------------------------------------------------------------------------


class _Reader:
    """Reads with one Settings: its vague words and tolerances; remembers what it read."""

    def __init__(self, settings: Settings) -> None:
        # each vague phrase: its interval, whether the settings changed it, the magnitude it
        # ends with; one ending in a magnitude also in the plural ("several hundreds")
        table: dict[str, tuple[tuple[float, float], bool, int]] = {}
        for phrase, interval in settings.vague:
            *head, last = phrase.split()
            entry = (
                interval,
                VAGUE_DEFAULTS.get(phrase) != interval,
                _MAGNITUDE_OF.get(last, 1) if head else 1,
            )
            table[phrase] = entry
            if head and last in _PLURAL_OF:
                table.setdefault(" ".join([*head, _PLURAL_OF[last]]), entry)
        self.vague = Phrases(table)
        self.tolerances = _tolerances(settings.approx_tolerance, settings.nearly_tolerance)
        self.read = lru_cache(maxsize=CACHE_SIZE)(self._read)

    def _read(self, text: str) -> Quantity:
        tokens = tokenize(text)
        if not tokens:
            raise QuantityError("empty value", 1)
        return _Scan(self, text, tokens).read()


@lru_cache(maxsize=16)
def _reader(settings: Settings) -> _Reader:
    return _Reader(settings)


_recent: tuple[Settings, _Reader] | None = None  # the Settings read with last, and its reader


class _Scan:
    """One expression being read: lead, core, units and bound, tail (see the module docstring)."""

    __slots__ = (
        "hedge",
        "i",
        "n",
        "range_token",
        "range_word",
        "reader",
        "suffix",
        "text",
        "texts",
        "tokens",
        "units",
    )

    def __init__(self, reader: _Reader, text: str, tokens: list[Token]) -> None:
        self.reader = reader
        self.text = text
        self.tokens = tokens
        self.texts = [t.text for t in tokens]
        self.n = len(tokens)
        self.i = 0
        self.units = _Units(text)
        self.range_word = ""  # "between" or "from"
        self.range_token: Token | None = None
        self.hedge: tuple[str, str, Token] | None = None  # (phrase, rule, where)
        self.suffix: tuple[str, str, Token] | None = None

    def token(self, i: int) -> Token | None:
        return self.tokens[i] if i < self.n else None

    def error(self, what: str, t: Token | None, hint: str = "", part: str = "") -> QuantityError:
        return _error(what, t, self.text, hint, part)

    def written(self, i: int, n: int) -> str:
        """Tokens i to i + n as the text has them ("More than", "-odd")."""
        last = self.tokens[i + n - 1]
        return " ".join(self.text[self.tokens[i].col : last.col + len(last.raw)].split())

    def read(self) -> Quantity:
        if not self.lead():
            word = next((w for w in self.texts if w in lx.UNQUANTIFIED), "")
            if word:
                rule = f'"{word}": no number given'
                if self.hedge:  # "more than an unknown number": still no number
                    rule += f', so "{self.hedge[0]}" bounds nothing'
                return Quantity(0.0, INF, unquantified=True, rule=rule)
            raise self.error("no number", None)
        start = self.i
        lo, hi, how = self.core()
        self.after()
        end = self.i
        self.tail()
        return self.finish(lo, hi, how, start, end)

    # lead ---------------------------------------------------------------------------------------

    def lead(self) -> bool:
        """Read up to the core; False when there is none."""
        fillers: list[Token] = []  # words between the hedge and the number
        while self.i < self.n:
            i, t = self.i, self.tokens[self.i]
            if self.date_in_lead(i):
                self.i = self.date_end(i)
                continue
            if self.operand_at(i):
                break
            hedge = _HEDGES.match(self.texts, i)
            if hedge:
                self.take_hedge(self.written(i, hedge[2]), hedge[1], t)
                fillers.clear()
                self.i += hedge[2]
                continue
            currency, n = self.units.sign(self.tokens, i)
            if currency:  # "$ about 1,000"
                self.units.set("measure", currency, t)
                self.i += n
                continue
            self.filler(i, t)
            if self.hedge is not None and t.kind != "sym":
                fillers.append(t)
            self.i += 1
        else:
            return False
        if fillers and fillers[-1].text != "of":  # "an approximate salary of $1,000" is fine
            assert self.hedge is not None
            raise self.error(
                "cannot read", fillers[0], f'"{self.hedge[0]}" must come right before its number'
            )
        return True

    def date_in_lead(self, i: int) -> bool:
        if i == 0 or not _is_year(self.tokens[i]):
            return False
        return self.texts[i - 1] in lx.YEAR_CONTEXT or self.texts[max(i - 2, 0) : i] == ["as", "of"]

    def date_end(self, i: int) -> int:
        """The token after the year at token i and its range ("2019-20", "2019/2020")."""
        if (
            i + 2 < self.n
            and self.texts[i + 1] in ("-", "/")
            and (self.tokens[i + 2].kind == "num" and len(self.texts[i + 2]) in (2, 4))
        ):
            return i + 3
        return i + 1

    def take_hedge(self, phrase: str, rule: str, t: Token) -> None:
        if rule in ("between", "from"):
            if self.range_word:
                raise self.error("a second hedge", t, part=phrase)
            self.range_word, self.range_token = rule, t
        elif self.hedge is not None:
            raise self.error("a second hedge", t, part=phrase)
        else:
            self.hedge = (phrase, rule, t)

    def filler(self, i: int, t: Token) -> None:
        """A lead token that is not a hedge or the core: kept unless it looks like a mistake."""
        nxt = self.token(i + 1)
        if t.kind == "word":
            typo = _typo_of(t.text)
            if typo:
                raise self.error("cannot read", t, f'did you mean "{typo}"?')
            if (
                t.text in _HEDGE_PARTS
                or t.text in ("minus", "negative")
                or (t.text in lx.MULTIPLIERS)
            ):
                raise self.error("cannot read", t)
            if nxt is not None and (nxt.text in _MAGNITUDE_WORDS or nxt.kind == "ord"):
                raise self.error("cannot read", t)  # "threeish hundred"
            return
        glued = nxt is not None and nxt.col == t.col + len(t.raw)
        if t.text == "-" and glued and self.operand_at(i + 1):
            raise self.error("a negative number", t, "quantities are never below zero")
        if (
            t.kind == "other"
            and glued
            and nxt is not None
            and nxt.kind == "num"
            and (t.text not in "([{\"'“‘")
        ):
            raise self.error("cannot read", t)  # "#400"

    # core ---------------------------------------------------------------------------------------

    def operand_at(self, i: int) -> bool:
        """Does a number or a vague word (perhaps after a currency sign) start at token i?"""
        n = 1
        while i < self.n and n:
            _, n = self.units.sign(self.tokens, i)
            i += n
        if i >= self.n:
            return False
        if self.reader.vague.match(self.texts, i):
            return True
        return _BLANK.kind_of(self.tokens[i], self.token(i + 1)) is not None

    def core(self) -> tuple[Fraction | float, Fraction | float, str]:
        """The core's interval, and how it was read ("" for one number)."""
        start = self.i
        a = self.operand()
        if self.range_word == "between" and not self.range_word_at(self.i):
            self.i = start  # "between a hundred and two hundred", not "a hundred and two"
            a = self.operand(join_and=False)
        self.read_units()  # "10% to 15%", "$1,500 a month to $2,000 a month"
        joint = self.range_word_at(self.i)
        if not joint:
            if self.range_word == "between":
                raise self.error("two numbers are needed after", self.range_token)
            return a.lo, a.hi, a.label()
        self.i += joint
        b = self.operand()
        how = "range"
        # "two to three thousand", "$2-3 million", "tens to hundreds of thousands": the far
        # end's magnitude is shared when the near end is no larger than what it multiplies
        if a.magnitude == 1 and b.magnitude > 1 and a.lo <= b.hi / b.magnitude:
            a = a._replace(lo=a.lo * b.magnitude, hi=a.hi * b.magnitude)
            how = "range, magnitude shared"
        vague = " to ".join(x.label() for x in (a, b) if x.vague)
        return min(a.lo, b.lo), max(a.hi, b.hi), f"{how} of {vague}" if vague else how

    def range_word_at(self, i: int) -> int:
        """How many tokens join a range at token i ("to", ", if not"), 0 when none does."""
        if i >= self.n:
            return 0
        if self.texts[i] == "and":
            n = 1 if self.range_word == "between" else 0
        else:
            comma = self.texts[i] == ","
            hit = _RANGE_WORDS.match(self.texts, i + comma) if i + comma < self.n else None
            n = comma + hit[2] if hit and (hit[1] or not comma) else 0
        return n if n and self.operand_at(i + n) else 0

    def operand(self, join_and: bool = True) -> _Operand:
        while True:
            currency, n = self.units.sign(self.tokens, self.i)
            if not currency:
                break
            self.units.set("measure", currency, self.tokens[self.i])
            self.i += n
        hit = self.reader.vague.match(self.texts, self.i)
        return self.vague(hit[1], hit[2]) if hit else self.number(join_and)

    def vague(self, entry: tuple[tuple[float, float], bool, int], n: int) -> _Operand:
        ((lo, hi), from_settings, magnitude), start = entry, self.i
        self.i += n
        # vague words times a magnitude: "several hundred thousand", "a few dozen", "several
        # thousands", "a couple of hundred", "dozens of thousands"
        while self.i < self.n:
            j = self.i + 1 if self.texts[self.i] == "of" else self.i
            m = _MAGNITUDE_OF.get(self.texts[j], 0) if j < self.n else 0
            if not m:
                break
            lo, hi, magnitude, self.i = lo * m, hi * m, magnitude * m, j + 1
        if hi > LARGEST:
            raise self.error("cannot read", self.tokens[self.i - 1], "too large a number")
        said = " ".join(self.texts[start : self.i])
        if self.i < self.n and self.texts[self.i] == "of" and not self.operand_at(self.i + 1):
            self.i += 1  # "dozens of", "millions of dollars"
        return _Operand(lo, hi, magnitude, said, from_settings)

    def number(self, join_and: bool) -> _Operand:
        """Read one number (digits or words) at the current token, exactly."""
        num = _Number()
        tokens, texts, n = self.tokens, self.texts, self.n
        start = j = self.i
        while j < n:
            t, nxt = tokens[j], tokens[j + 1] if j + 1 < n else None
            kind = num.kind_of(t, nxt)
            if kind:
                num.add(kind, t, _digits(t, self.text) if kind == "digits" else 0)
                j += 1
            elif (
                t.text == "-"
                and nxt is not None
                and num.last
                and nxt.kind != "num"
                and (num.kind_of(nxt, self.token(j + 2)) or nxt.text == "and")
            ):
                j += 1  # "twenty-five", "half-million", "one-and-a-half" (a digit after "-"
                # starts the far end of a range)
            elif t.text == "and" and join_and:
                mixed = self.and_fraction(j) if num.last in _MIXABLE else None
                if mixed:
                    num.add_fraction(mixed[0])  # "one and a half", "a million and a half"
                    j = mixed[1]
                elif (
                    num.last in ("hundred", "scale")
                    and nxt is not None
                    and num.kind_of(nxt, self.token(j + 2)) in ("unit", "teen", "tens")
                ):
                    j += 1  # "a hundred and fifty", "two thousand and five"
                else:
                    break
            elif num.last == "fraction" and t.text in ("of", "a", "an"):
                k = j + 2 if t.text == "of" and texts[j + 1 : j + 2] in (["a"], ["an"]) else j + 1
                if k < n and (texts[k] in lx.SCALES or texts[k] == "dozen"):
                    j = k  # "half a million", "a quarter of a million", "half a dozen"
                else:
                    break
            else:
                break
        if j == start or num.last == "a":
            raise self.error("cannot read", tokens[start])
        value = num.value
        if value > LARGEST:
            raise self.error("cannot read", tokens[start], "too large a number")
        self.i = j
        return _Operand(value, value, num.magnitude if num.plain else 1)

    def and_fraction(self, j: int) -> tuple[Fraction, int] | None:
        """ "and a half", "and one half", "and three quarters", "and ½" at token j."""
        texts, n = self.texts, self.n
        k = j + 1
        while k < n and texts[k] == "-":
            k += 1
        if k < n and self.tokens[k].kind == "frac":
            return lx.FRACTION_CHARS[texts[k]], k + 1
        if k >= n:
            return None
        count = 1 if texts[k] in ("a", "an", "one") else lx.UNITS.get(texts[k], 0)
        k += 1
        while k < n and texts[k] == "-":
            k += 1
        if count and k < n and texts[k] in lx.FRACTION_WORDS:
            return count * lx.FRACTION_WORDS[texts[k]], k + 1
        return None

    # after the core -----------------------------------------------------------------------------

    def read_units(self) -> None:
        while self.i < self.n:
            n = self.units.read(self.tokens, self.texts, self.i)
            if not n:
                return
            self.i += n

    def after(self) -> None:
        """Units and a bound after the core: "dollars a month", "or more", ", if not more"."""
        while self.i < self.n:
            i = self.i + 1 if self.texts[self.i] == "," and self.i + 1 < self.n else self.i
            hit = _SUFFIXES.match(self.texts, i)
            if hit is None:
                n = self.units.read(self.tokens, self.texts, self.i)
                if not n:
                    return
                self.i += n
                continue
            said = self.written(i, hit[2])
            if self.suffix is not None:
                raise self.error("a second bound", self.tokens[i], part=said)
            self.suffix = (said, hit[1], self.tokens[i])
            self.i = i + hit[2]

    def tail(self) -> None:
        """Words after the quantity are ignored, but a second quantity among them is an error:
        a number, a number word, a vague word ("3,500 Syrians and hundreds of Chadians")."""
        i = self.i
        while i < self.n:
            t = self.tokens[i]
            if _is_year(t):
                i = self.date_end(i)  # "2,000 fighters in 2019-20"
                continue
            if t.kind == "num" and i + 1 < self.n and self.tokens[i + 1].kind == "ord":
                i += 2  # "the 3rd brigade"
                continue
            n = self.quantity_at(i)
            if n:
                raise self.error(
                    "a second quantity", t, "write one quantity per claim", part=self.written(i, n)
                )
            i += 1

    def quantity_at(self, i: int) -> int:
        """How many tokens a quantity in the tail spans at token i, 0 when there is none."""
        t, texts = self.tokens[i], self.texts
        if t.kind in ("num", "frac") or t.text in _COUNTING_WORDS:
            return 1
        hit = self.reader.vague.match(texts, i)
        if hit:
            return hit[2]
        nxt = texts[i + 1] if i + 1 < self.n else ""
        if t.text in lx.UNQUANTIFIED and nxt in lx.NUMBER_NOUNS:
            return 2  # "and an unknown number of Chadians"
        if t.text in lx.FRACTION_WORDS and texts[i - 1] not in lx.NOT_A_FRACTION_AFTER:
            # "half", "a third of them"; not "the second half", "$5m a quarter"
            return int(t.text == "half" or nxt == "of")
        return 0

    def finish(
        self, lo: Fraction | float, hi: Fraction | float, how: str, start: int, end: int
    ) -> Quantity:
        """The interval; `start` and `end` are the tokens of the core and what follows it."""
        hedge, suffix = self.hedge, self.suffix
        if hedge and suffix and hedge[1] != suffix[1]:
            raise self.error("a second bound", suffix[2], part=suffix[0])
        said, kind = (hedge or suffix or ("", "exact"))[:2]
        q = _bounded(kind, lo, hi, self.units.unit(), self.reader.tolerances, said, how)
        if q.lo == q.hi and (q.lo_open or q.hi_open):  # "fewer than 0", "just over 0"
            first = self.tokens.index(hedge[2]) if hedge else start
            raise self.error(
                "an empty interval",
                self.tokens[first],
                "no quantity fits it",
                part=self.written(first, end - first),
            )
        return q


# Words that, after the quantity, are a second one: number words ("one" is also a pronoun),
# magnitudes, "none", "many", "twice".
_COUNTING_WORDS = (
    (set(lx.UNITS) - {"one"})
    | set(lx.TEENS)
    | set(lx.TENS)
    | set(_MAGNITUDE_OF)
    | lx.ZEROS
    | lx.QUANTIFIERS
    | lx.MULTIPLIERS
)


def _number_text(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

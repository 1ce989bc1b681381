"""What follows the core: units, a bound ("or more"), a share ("one in five", "half of the
city"), what is counted ("fighters"), a date; then the interval of the whole value."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from discrepancy import lexicon as lx
from discrepancy.model import INF, Quantity
from discrepancy.quantities.bounds import Num, apply, bound
from discrepancy.quantities.numbers import MAGNITUDE_OF, Operand
from discrepancy.quantities.scan import FILLERS, NOUNS, Scan
from discrepancy.quantities.tokens import Phrases, is_year
from discrepancy.quantities.words import PUNCTUATION, typo_of

SUFFIXES = Phrases(lx.SUFFIXES)
SHARE_OF = Phrases(lx.SHARE_OF)
# After the quantity, these are a second one: number words ("one" is also a pronoun),
# magnitudes, "none", "many", "twice".
COUNTING_WORDS = (
    (set(lx.UNITS) - {"one"})
    | set(lx.TEENS)
    | set(lx.TENS)
    | set(MAGNITUDE_OF)
    | lx.ZEROS
    | lx.QUANTIFIERS
    | lx.MULTIPLIERS
)
DATE_STARTS = lx.DATE_WORDS | {"a", "an"}
EXPECTED = 'expected a unit, a bound such as "or more", a noun such as "people", or the end'


def read_rest(s: Scan, a: Operand, b: Operand | None, how: str) -> Quantity:
    """Everything after the core, then the interval of the whole value."""
    share = False
    if b is None and s.i < s.n and s.texts[s.i] in ("in", "out"):
        hit = SHARE_OF.match(s.texts, s.i)
        k = s.i + hit[2] if hit else s.n
        if k < s.n and not is_year(s.tokens[k]) and s.operand_at(k):
            s.i = k  # "one in five", "three out of four"
            whole = s.operand()
            if not whole.lo:
                raise s.error("cannot read", s.tokens[s.i - 1], "a share of nothing")
            lo, hi = Fraction(a.lo) / Fraction(whole.hi), Fraction(a.hi) / Fraction(whole.lo)
            a, share = Operand(lo, hi), True
    end = after(s)
    if b is None and not a.vague and a.hi < 1 and not s.units.measure:
        share = share or (s.i < s.n and s.texts[s.i] == "of")  # "half of the city"
    if share:
        s.units.set("measure", "share", s.tokens[s.i - 1])
    tail(s)
    return finish(s, a, b, how, end)


def after(s: Scan) -> int:
    """Units and a bound after the core: "dollars a month", "or more", ", if not more"."""
    while s.i < s.n:
        i = s.i + 1 if s.texts[s.i] == "," and s.i + 1 < s.n else s.i
        hit = SUFFIXES.match(s.texts, i)
        if hit is None:
            n = s.units.read(s.tokens, s.texts, s.i) if s.i != s.no_unit else 0
            if not n:
                return s.i
            s.i += n
            continue
        said = s.written(i, hit[2])
        if s.suffix is not None:
            raise s.error("a second bound", s.tokens[i], part=said)
        s.suffix = (said, hit[1], s.tokens[i])
        s.i = i + hit[2]
    return s.i


def tail(s: Scan) -> None:
    """What is counted, a date, and again units or a bound ("2,000 fighters or so"); any
    other word is an error, and so is a second quantity ("3,500 Syrians and hundreds more")."""
    texts = s.texts
    while s.i < s.n:
        i, t = s.i, s.tokens[s.i]
        hit = NOUNS.match(texts, i)
        if hit:
            s.i += hit[2]
            continue
        end = s.date_at(i) if t.text in DATE_STARTS or t.kind in ("num", "name") else 0
        if end:
            s.i = end
            continue
        if quantity_at(s, i):
            second_quantity(s, i)
        hit = FILLERS.match(texts, i)
        if hit or t.text == "of" or t.text in PUNCTUATION:
            s.i += hit[2] if hit else 1
            continue
        if after(s) > i:
            continue
        for k in range(i + 1, s.n):  # "3,500 Syrians and hundreds of Chadians"
            if quantity_at(s, k):
                second_quantity(s, k)
        typo = typo_of(t.text) if t.kind == "word" else None
        raise s.error("cannot read", t, f'did you mean "{typo}"?' if typo else EXPECTED)


def second_quantity(s: Scan, i: int) -> None:
    t, n = s.tokens[i], quantity_at(s, i)
    hint = "a multiple of another figure is not read" if t.text in lx.MULTIPLIERS else ""
    hint = hint or "write one quantity per claim"
    raise s.error("a second quantity", t, hint, part=s.written(i, n))


def quantity_at(s: Scan, i: int) -> int:
    """How many tokens a quantity in the tail spans at token i, 0 when there is none."""
    t, texts = s.tokens[i], s.texts
    if t.kind in ("num", "frac", "name") or t.text in COUNTING_WORDS:
        return 1
    hit = s.reader.vague.match(texts, i)
    if hit:
        return hit[2]
    nxt = texts[i + 1] if i + 1 < s.n else ""
    if t.text in lx.UNQUANTIFIED and nxt in lx.NUMBER_NOUNS:
        return 2  # "and an unknown number of Chadians"
    if t.text in lx.FRACTION_WORDS and texts[i - 1] not in lx.NOT_A_FRACTION_AFTER:
        return 1  # "half", "a third of them"; not "the second half"
    return 0


def finish(s: Scan, a: Operand, b: Operand | None, how: str, end: int) -> Quantity:
    """The interval; `end` is the token after the core's units and bound."""
    hedge, suffix, tol, unit = s.hedge, s.suffix, s.reader.tolerances, s.units.unit()
    if hedge and suffix and hedge[1] != suffix[1]:
        if "approx" not in (hedge[1], suffix[1]):
            raise s.error("a second bound", suffix[2], part=suffix[0])
        if hedge[1] == "approx":
            hedge = None  # "about 2,000 or more": the bound decides
    said, kind = (hedge or suffix or ("", "exact"))[:2]
    rounding = s.reader.rounding and kind == "exact" and not (b is not None and s.hedge2)
    if rounding:  # a hedge says how far the figure reaches; rounding is for a bare figure
        a, b = _rounded(a), _rounded(b) if b is not None else None
    if b is not None and s.hedge2 is not None:
        if suffix:
            raise s.error("a second bound", suffix[2], part=suffix[0])
        return _two_bounds(s, a, b, how, unit)
    lo, hi, read_as = a.lo, a.hi, a.label()
    if b is not None:
        read_as = "range"
        # "two to three thousand", "$2-3 million", "tens to hundreds of thousands": the far
        # end's magnitude is shared when the near end is no larger than what it multiplies
        if a.magnitude == 1 and b.magnitude > 1 and a.lo <= b.hi / b.magnitude:
            a = a._replace(lo=a.lo * b.magnitude, hi=a.hi * b.magnitude)
            read_as = "range, magnitude shared"
        elif a.magnitude == b.magnitude == 1 and _thousands_left_unsaid(a, b):
            at = next(t for t in s.tokens if t.kind == "num")
            hint = "is the near end thousands too? write both ends in full (400,000-500,000)"
            raise s.error("cannot read", at, hint)
        vague = " to ".join(x.label() for x in (a, b) if x.vague)
        read_as = f"{read_as} of {vague}" if vague else read_as
        lo, hi = min(a.lo, b.lo), max(a.hi, b.hi)
    if rounding and (a.step or (b and b.step)):
        read_as = ", ".join(x for x in (read_as, "rounded as stated") if x)
    q = bound(kind, lo, hi, unit, tol, said, read_as)
    if unit == "share" and q.hi > 1:  # "more than half of them": a share is at most the whole
        q = replace(q, hi=1.0, hi_open=False) if q.lo < 1 else q
    if q.lo == q.hi and (q.lo_open or q.hi_open):  # "fewer than 0", "just over 0"
        first = s.tokens.index(hedge[2]) if hedge else 0
        raise s.error(
            "an empty interval",
            s.tokens[first],
            "no quantity fits it",
            part=s.written(first, end - first),
        )
    return q


def _thousands_left_unsaid(a: Operand, b: Operand) -> bool:
    """ "400-500,000": 400 to 500,000, or 400,000 to 500,000 with the thousands said once?"""
    if a.vague or b.vague or not (1 <= a.lo < 1000 <= b.lo):
        return False
    return a.lo * 1000 <= b.lo < a.lo * 10000


def _rounded(x: Operand) -> Operand:
    """A number read to the precision it is stated with: "1.1 million" is [1.05, 1.15] million."""
    if x.vague or not x.step:
        return x
    half = Fraction(x.step) / 2
    return x._replace(lo=max(Fraction(x.lo) - half, Fraction(0)), hi=Fraction(x.hi) + half)


def _two_bounds(s: Scan, a: Operand, b: Operand, how: str, unit: str) -> Quantity:
    """Each end with its own bound: "at least 13 and as many as 46" is both at once (the
    intersection); "about 1,200 to more than 1,800" spans both (from the one to the other)."""
    assert s.hedge2 is not None
    tol = s.reader.tolerances
    k1 = s.hedge[1] if s.hedge else "exact"
    lo1, hi1, lo1_open, hi1_open = apply(k1, a.lo, a.hi, tol)
    lo2, hi2, lo2_open, hi2_open = apply(s.hedge2[1], b.lo, b.hi, tol)
    lo: Num
    hi: Num
    if how == "both":  # the stricter of each end
        lo, lo_open = max((lo1, lo1_open), (lo2, lo2_open))
        hi, closed = min((hi1, not hi1_open), (hi2, not hi2_open))
    else:  # from the lower end's low side to the higher end's high side
        if a.lo > b.lo:
            lo1, lo1_open, hi2, hi2_open = lo2, lo2_open, hi1, hi1_open
        lo, lo_open, hi, closed = lo1, lo1_open, hi2, not hi2_open
    hi_open = not closed
    first = (s.hedge or s.hedge2)[2]
    if lo > hi or (lo == hi and (lo_open or hi_open)):
        raise s.error("an empty interval", first, "no quantity fits both bounds")
    said = f'"{s.hedge[0] if s.hedge else ""}" and "{s.hedge2[0]}"'
    rule = f"{said}: both bounds" if how == "both" else f"{said}: range of two bounds"
    hi_open = hi_open and hi != INF
    return Quantity(float(lo), float(hi), lo_open, hi_open, unit=unit, rule=rule)

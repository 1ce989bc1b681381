"""What a hedge or bound does to a number: the interval each rule makes of [lo, hi]."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from discrepancy.model import INF, Quantity, Settings

Num = Fraction | float


class QuantityError(ValueError):
    """A value that cannot be read; `col` is the 1-based column in the value's text."""

    def __init__(self, message: str, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.col = col


def bounded(
    kind: str,
    lo: Num,
    hi: Num,
    unit: str,
    settings: Settings,
    said: str = "",
    read_as: str = "",
) -> Quantity:
    """The interval that rule `kind` (a value of lexicon.HEDGES, or "exact") makes of [lo, hi].
    The rule `discrepancy parse` shows names the phrase `said` that invoked it, after `read_as`:
    how [lo, hi] was read when it was more than one number ("range", a vague word)."""
    tol = tolerances(settings.approx_tolerance, settings.nearly_tolerance)
    return bound(kind, lo, hi, unit, tol, said, read_as)


def bound(
    kind: str, lo: Num, hi: Num, unit: str, tol: Tolerances, said: str, read_as: str
) -> Quantity:
    rule = f'"{said}": {tol.words[kind]}' if said else tol.words[kind]
    if read_as:
        rule = read_as if kind == "exact" else f"{read_as}; {rule}"
    lo, hi, lo_open, hi_open = apply(kind, lo, hi, tol)
    return Quantity(float(lo), float(hi), lo_open=lo_open, hi_open=hi_open, unit=unit, rule=rule)


def apply(kind: str, lo: Num, hi: Num, tol: Tolerances) -> tuple[Num, Num, bool, bool]:
    """[lo, hi] under rule `kind`: (lo, hi, lo_open, hi_open)."""
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
        lo, hi = times(lo, tol.approx_below), times(hi, tol.approx_above)
    elif kind == "nearly":
        lo = times(lo, tol.nearly_below)
    elif kind == "just-under":
        lo, hi, hi_open = times(lo, tol.nearly_below), lo, True
    elif kind == "just-over":
        lo, hi, lo_open = hi, times(hi, tol.nearly_above), True
    return lo, hi, lo_open, hi_open


def times(x: Num, f: Fraction) -> Num:
    """x × f exactly, rounded once (a float times a Fraction would round twice: 440.00000000000006)."""
    if isinstance(x, int):
        return x * f.numerator / f.denominator  # no Fraction needed
    if x == INF:
        return x
    return Fraction(x) * f


class Tolerances(NamedTuple):
    approx_below: Fraction  # 1 - approx_tolerance
    approx_above: Fraction
    nearly_below: Fraction  # 1 - nearly_tolerance
    nearly_above: Fraction
    words: dict[str, str]  # what each rule is called


@lru_cache(maxsize=64)
def tolerances(approx: float, nearly: float) -> Tolerances:
    a, n = Fraction(str(approx)), Fraction(str(nearly))
    pa, pn = f"{approx * 100:g}%", f"{nearly * 100:g}%"
    words = {
        "exact": "exact",
        "above": "lower bound, excluded", "at-least": "lower bound, included",
        "below": "upper bound, excluded", "at-most": "upper bound, included",
        "approx": f"approximately, ±{pa}", "nearly": f"nearly, up to {pn} below",
        "just-under": f"just under, up to {pn} below", "just-over": f"just over, up to {pn} above",
    }  # fmt: skip
    return Tolerances(1 - a, 1 + a, 1 - n, 1 + n, words)

"""The range picture: every claim of a group as a bar on one shared axis, in plain Unicode text.

    seed-000  hundreds                    [━━━━━━━━━━━━━━━━━━]
    seed-004  at least two thousand                                                 [━━━━━━━━━━━▶
                                     ┬───────────┬───────────┬──────────┬───────────┬───────────┬
                                     0          500        1,000      1,500       2,000     2,500
    linear scale · [ ] closed end · ▶ no upper bound

`[` `]` are closed ends, `(` `)` open ones, `●` a single number, `▶` an end with no bound. The
axis is linear, or log when the positive ends span more than a factor of 10; 0 has no place on
a log axis, so a bar from 0 ("fewer than 400") runs off the left edge as `◀`.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from discrepancy.model import Claim, Quantity
from discrepancy.render.formatting import clean, number

WIDTH = 60  # columns of bar area, whatever the terminal: the picture is the same everywhere
LABEL_WIDTH = 34  # at most this many columns of "source  value" to the left of the bars
LOG_SPAN = 10.0  # a log axis when the largest positive end is more than this × the smallest

BODY, POINT, TO_ZERO, UNBOUNDED = "━", "●", "◀", "▶"
LEGEND = (
    ("[]", "[ ] closed end"),
    ("()", "( ) open end"),
    (POINT, f"{POINT} one number"),
    (UNBOUNDED, f"{UNBOUNDED} no upper bound"),
    (TO_ZERO, f"{TO_ZERO} down to 0"),
)


@dataclass(frozen=True)
class Axis:
    lo: float
    hi: float
    log: bool
    ticks: tuple[float, ...]
    width: int = WIDTH

    def col(self, x: float) -> int:
        """The column of x (0 to width - 1), rounded to the nearest."""
        if self.log:
            f = math.log10(x / self.lo) / math.log10(self.hi / self.lo)
        else:
            f = (x - self.lo) / (self.hi - self.lo)
        return min(self.width - 1, max(0, math.floor(f * (self.width - 1) + 0.5)))


def axis_for(quantities: Sequence[Quantity], width: int = WIDTH) -> Axis:
    """An axis that holds every finite end, with room past the last tick for ▶ (and on a log
    axis, a decade before the first for ◀) when some end is unbounded (or 0)."""
    ends = [x for q in quantities for x in (q.lo, q.hi) if math.isfinite(x)]
    positive = [x for x in ends if x > 0]
    unbounded = any(math.isinf(q.hi) for q in quantities)
    if positive and max(positive) > LOG_SPAN * min(positive):
        first = math.floor(math.log10(min(positive))) - any(q.lo <= 0 for q in quantities)
        last = math.ceil(math.log10(max(positive))) + unbounded
        ticks = tuple(10.0**e for e in range(first, last + 1))
        return Axis(ticks[0], ticks[-1], True, ticks, width)
    lo, hi = min(ends), max(ends)
    step = _nice((hi - lo) / 5 or abs(lo) / 5 or 1.0)
    start, stop = math.floor(lo / step), math.ceil(hi / step)
    if stop == start:  # one number: put it mid-axis
        start, stop = start - (start > 0), stop + 1
    stop += unbounded
    ticks = tuple(round(i * step, 10) for i in range(start, stop + 1))
    return Axis(ticks[0], ticks[-1], False, ticks, width)


def _nice(x: float) -> float:
    """The smallest 1, 2 or 5 × 10^k that is at least x."""
    scale = 10.0 ** math.floor(math.log10(x))
    return next(m * scale for m in (1, 2, 5, 10) if m * scale >= x)


def bar(q: Quantity, axis: Axis) -> str:
    """One quantity's bar: `width` columns, blank outside the interval."""
    cells = [" "] * axis.width
    to_zero = axis.log and q.lo <= 0
    unbounded = math.isinf(q.hi)
    start = 0 if to_zero else axis.col(q.lo)
    end = axis.width - 1 if unbounded else 0 if axis.log and q.hi <= 0 else axis.col(q.hi)
    if q.lo == q.hi and not to_zero:
        cells[start] = POINT
        return "".join(cells)
    if end <= start:  # a narrow interval still shows both of its ends
        start, end = (start, start + 1) if start + 1 < axis.width else (start - 1, start)
    cells[start] = TO_ZERO if to_zero else "(" if q.lo_open else "["
    cells[end] = UNBOUNDED if unbounded else ")" if q.hi_open else "]"
    cells[start + 1 : end] = BODY * (end - start - 1)
    return "".join(cells)


def _axis_lines(axis: Axis) -> tuple[str, str]:
    line = ["─"] * axis.width
    labels = [" "] * axis.width
    free = 0  # first column a label may use: labels keep a space between them
    for t in axis.ticks:
        col = axis.col(t)
        line[col] = "┬"
        text = number(t)
        at = min(max(0, col - len(text) // 2), axis.width - len(text))
        if at >= free:
            labels[at : at + len(text)] = text
            free = at + len(text) + 1
    return "".join(line), "".join(labels)


def picture(claims: Sequence[Claim], width: int = WIDTH) -> str:
    """The claims as bars, one axis per unit, labelled with source and value; "" when fewer
    than two claims have a number (one bar compares nothing)."""
    drawn = [c for c in claims if not c.quantity.unquantified]
    if len(drawn) < 2:
        return ""
    labels = [f"{clean(c.source)}  {clean(c.value)}" for c in claims]
    label_width = min(LABEL_WIDTH, max(_columns(text) for text in labels))
    labels = [_fit(text, label_width) for text in labels]
    pad = " " * (label_width + 2)
    units = sorted({c.quantity.unit for c in drawn})
    lines: list[str] = []
    for unit in units:
        members = [
            i
            for i, c in enumerate(claims)
            if not c.quantity.unquantified and c.quantity.unit == unit
        ]
        axis = axis_for([claims[i].quantity for i in members], width)
        bars = [bar(claims[i].quantity, axis) for i in members]
        lines.extend(f"{labels[i]}  {b}" for i, b in zip(members, bars))
        if unit == units[-1]:
            lines.extend(
                f"{label}  (no number)"
                for label, c in zip(labels, claims)
                if c.quantity.unquantified
            )
        ruler, tick_labels = _axis_lines(axis)
        used = "".join(bars)
        legend = [text for glyphs, text in LEGEND if any(g in used for g in glyphs)]
        caption = [clean(unit)] if unit != "count" else []
        caption.append("log scale" if axis.log else "linear scale")
        lines += [pad + ruler, pad + tick_labels, " · ".join(caption + legend)]
    return "".join(line.rstrip() + "\n" for line in lines)


def _columns(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _fit(text: str, width: int) -> str:
    """Text cut to `width` columns (ending in … when cut), padded with spaces to exactly that."""
    if _columns(text) > width:
        text = text[: 4 * width]  # however many combining marks, no more can show
        while _columns(text) > width - 1:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text + " " * (width - _columns(text))

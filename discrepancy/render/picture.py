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
from collections.abc import Sequence
from dataclasses import dataclass

from discrepancy.model import Claim, Quantity
from discrepancy.render.fit import columns as _columns
from discrepancy.render.fit import pad, wrap_parts
from discrepancy.render.formatting import clean, number

WIDTH = 60  # columns of bar area at most: wider bars would show nothing more
MIN_WIDTH = 30  # columns of bar area at least, taken from the labels on a narrow terminal
LABEL_WIDTH = 34  # at most this many columns of "source  value" to the left of the bars
COLUMNS = LABEL_WIDTH + 2 + WIDTH  # a picture's full width where there is room (Markdown)
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
    axis, a decade before the first for ◀) when some end is unbounded (or 0). A linear axis
    gets the most ticks (up to six) whose labels all fit `width` with a space between them."""
    ends = [x for q in quantities for x in (q.lo, q.hi) if math.isfinite(x)]
    positive = [x for x in ends if x > 0]
    unbounded = any(math.isinf(q.hi) for q in quantities)
    if positive and max(positive) > LOG_SPAN * min(positive):
        first = math.floor(math.log10(min(positive))) - any(q.lo <= 0 for q in quantities)
        last = math.ceil(math.log10(max(positive))) + unbounded
        ticks = tuple(10.0**e for e in range(first, last + 1))
        return Axis(ticks[0], ticks[-1], True, ticks, width)
    lo, hi = min(ends), max(ends)
    for steps in (5, 4, 3, 2, 1):
        axis = _linear(lo, hi, steps, unbounded, width)
        if _axis_lines(axis)[2] == len(axis.ticks):
            break
    return axis


def _linear(lo: float, hi: float, steps: int, unbounded: bool, width: int) -> Axis:
    step = _nice((hi - lo) / steps or abs(lo) / steps or 1.0)
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


def _axis_lines(axis: Axis) -> tuple[str, str, int]:
    """The ruler, the tick labels, and how many ticks have room for their label."""
    line = ["─"] * axis.width
    labels = [" "] * axis.width
    free = 0  # first column a label may use: labels keep a space between them
    shown = 0
    for t in axis.ticks:
        col = axis.col(t)
        line[col] = "┬"
        text = number(t)
        at = min(max(0, col - len(text) // 2), axis.width - len(text))
        if at >= free:
            labels[at : at + len(text)] = text
            free = at + len(text) + 1
            shown += 1
    return "".join(line), "".join(labels), shown


def picture(claims: Sequence[Claim], columns: int = COLUMNS) -> str:
    """The claims as bars, one axis per unit, labelled with source and value, in at most
    `columns` columns; "" when fewer than two claims have a number (one bar compares nothing).
    Where `columns` is short, labels are cut before bars go under MIN_WIDTH."""
    drawn = [c for c in claims if not c.quantity.unquantified]
    if len(drawn) < 2:
        return ""
    sources = [clean(c.source) for c in claims]
    values = [clean(c.value) for c in claims]
    source_width = max(_columns(s) for s in sources)
    label_width = min(LABEL_WIDTH, source_width + 2 + max(_columns(v) for v in values))
    bar_width = min(WIDTH, columns - label_width - 2)
    if bar_width < MIN_WIDTH:
        bar_width = min(MIN_WIDTH, columns - 2 - 12)
        label_width = columns - 2 - bar_width
    # sources in a column of their own, so that values line up whatever the ids' lengths
    # (a long id gives way, leaving the value at least 10 columns)
    value_width = max(_columns(v) for v in values)
    source_width = min(source_width, max(6, label_width - 2 - min(value_width, 10)))
    labels = [pad(f"{pad(s, source_width)}  {v}", label_width) for s, v in zip(sources, values)]
    indent = " " * (label_width + 2)
    units = sorted({c.quantity.unit for c in drawn})
    lines: list[str] = []
    for unit in units:
        members = [
            i
            for i, c in enumerate(claims)
            if not c.quantity.unquantified and c.quantity.unit == unit
        ]
        axis = axis_for([claims[i].quantity for i in members], bar_width)
        bars = [bar(claims[i].quantity, axis) for i in members]
        lines.extend(f"{labels[i]}  {b}" for i, b in zip(members, bars))
        if unit == units[-1]:
            lines.extend(
                f"{label}  (no number)"
                for label, c in zip(labels, claims)
                if c.quantity.unquantified
            )
        ruler, tick_labels, _ = _axis_lines(axis)
        used = "".join(bars)
        legend = [text for glyphs, text in LEGEND if any(g in used for g in glyphs)]
        caption = [clean(unit)] if unit != "count" else []
        caption.append("log scale" if axis.log else "linear scale")
        lines += [indent + ruler, indent + tick_labels, *wrap_parts(caption + legend, columns)]
    return "".join(line.rstrip() + "\n" for line in lines)

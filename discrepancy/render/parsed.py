"""`discrepancy parse` as a table: how each expression reads (its JSON lines: render/json.py)."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from discrepancy.pipeline import Reading
from discrepancy.render.formatting import clean, interval
from discrepancy.render.options import Options


def render(readings: Sequence[Reading], options: Options) -> str:
    """`parse`: expression, interval, unit and the rule that fired, or the error."""
    rows = [
        [clean(r.text), "error", "", clean(r.error)]
        if r.quantity is None
        else [
            clean(r.text),
            interval(r.quantity, with_unit=False),
            clean(r.quantity.unit),
            clean(r.quantity.rule),
        ]
        for r in readings
    ]
    headers = ["expression", "interval", "unit", "rule"]
    return tabulate(rows, headers, tablefmt="simple", disable_numparse=True) + "\n"

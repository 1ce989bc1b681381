"""`discrepancy parse`: how each expression reads, as a table or as JSON lines."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tabulate import tabulate

from discrepancy.pipeline import Reading
from discrepancy.render.formatting import clean, interval, json_safe
from discrepancy.render.json import quantity_fields
from discrepancy.render.options import Options


def table(readings: Sequence[Reading], options: Options) -> str:
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


def json_lines(readings: Sequence[Reading], options: Options) -> str:
    """`parse --json`: one object per line per expression (see README)."""
    lines = [
        {"text": r.text, "error": r.error}
        if r.quantity is None
        else {
            "text": r.text,
            **quantity_fields(r.quantity),
            "unquantified": r.quantity.unquantified,
        }
        for r in readings
    ]
    return "".join(json_safe(json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)

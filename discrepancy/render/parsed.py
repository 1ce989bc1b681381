"""`discrepancy parse`: how each expression reads, as a table or JSON lines."""

from __future__ import annotations

import json
from typing import Any

from tabulate import tabulate

from discrepancy.model import Settings
from discrepancy.quantities import QuantityError, parse_quantity
from discrepancy.render.formatting import clean, interval, json_safe
from discrepancy.render.json import quantity_fields


def render(texts: list[str], settings: Settings, as_json: bool) -> tuple[str, bool]:
    """The rendering, and whether every expression was read."""
    ok = True
    rows: list[list[str]] = []
    lines: list[dict[str, Any]] = []
    for text in texts:
        try:
            q = parse_quantity(text, settings)
        except QuantityError as e:
            ok = False
            lines.append({"text": text, "error": e.message})
            rows.append([clean(text), "error", "", f"{clean(e.message)}"])
            continue
        lines.append({"text": text, **quantity_fields(q), "unquantified": q.unquantified})
        rows.append([clean(text), interval(q, with_unit=False), clean(q.unit), clean(q.rule)])
    if as_json:
        return "".join(json_safe(json.dumps(line, ensure_ascii=False)) + "\n" for line in lines), ok
    return tabulate(
        rows, ["expression", "interval", "unit", "rule"], tablefmt="simple", disable_numparse=True
    ) + "\n", ok

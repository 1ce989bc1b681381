"""Renderers: pure functions from an analysis to text, one per report format."""

from __future__ import annotations

from collections.abc import Callable

from discrepancy.pipeline import Analysis
from discrepancy.render import csv, json, markdown, table

# format name -> render(analysis, show_all, colour, width)
RENDERERS: dict[str, Callable[[Analysis, bool, bool, int], str]] = {
    "table": table.report,
    "json": lambda analysis, show_all, colour, width: json.report(analysis, show_all),
    "markdown": lambda analysis, show_all, colour, width: markdown.report(analysis, show_all),
    "csv": lambda analysis, show_all, colour, width: csv.report(analysis, show_all),
}

"""Renderers: pure functions from an analysis to text, one per report format."""

from __future__ import annotations

from collections.abc import Callable

from discrepancy.baseline import Comparison
from discrepancy.pipeline import Analysis
from discrepancy.render import check, csv, json, markdown, sarif, table

# format name -> render(analysis, show_all, colour, width)
RENDERERS: dict[str, Callable[[Analysis, bool, bool, int], str]] = {
    "table": table.report,
    "json": lambda analysis, show_all, colour, width: json.report(analysis, show_all),
    "markdown": lambda analysis, show_all, colour, width: markdown.report(analysis, show_all),
    "csv": lambda analysis, show_all, colour, width: csv.report(analysis, show_all),
}

# `check` format name -> render(comparison, strict)
CHECK_RENDERERS: dict[str, Callable[[Comparison, bool], str]] = {
    "text": check.text,
    "json": check.json,
    "github": check.github,
    "sarif": lambda comparison, strict: sarif.render(comparison),
}

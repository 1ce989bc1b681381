"""Every output format's renderer, one registry per command. Each renderer has the same shape:
render(what, Options) -> str, `what` being the command's result (an Analysis for `report` and
`groups`, a Comparison for `check`, Readings for `parse`, a Verification for `verify`).
tests/test_render_registry.py checks that none is missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from discrepancy.baseline import Comparison
from discrepancy.pipeline import Analysis, Reading
from discrepancy.render import (
    concise,
    csv,
    github,
    groups_table,
    json,
    markdown,
    parsed,
    sarif,
    table,
    text,
)
from discrepancy.render.options import (
    CheckFormat,
    GroupsFormat,
    Options,
    ParseFormat,
    ReportFormat,
    VerifyFormat,
)
from discrepancy.verify import Verification

REPORT: dict[ReportFormat, Callable[[Analysis, Options], str]] = {
    ReportFormat.table: table.report,
    ReportFormat.json: json.report,
    ReportFormat.markdown: markdown.report,
    ReportFormat.csv: csv.report,
    ReportFormat.concise: concise.report,
}

GROUPS: dict[GroupsFormat, Callable[[Analysis, Options], str]] = {
    GroupsFormat.table: groups_table.render,
    GroupsFormat.json: json.groups,
}

# `parse`: the expressions read, each a Reading
PARSE: dict[ParseFormat, Callable[[Sequence[Reading], Options], str]] = {
    ParseFormat.table: parsed.table,
    ParseFormat.json: parsed.json_lines,
}

CHECK: dict[CheckFormat, Callable[[Comparison, Options], str]] = {
    CheckFormat.text: text.render,
    CheckFormat.concise: concise.check,
    CheckFormat.json: json.check,
    CheckFormat.github: github.render,
    CheckFormat.sarif: sarif.render,
}

VERIFY: dict[VerifyFormat, Callable[[Verification, Options], str]] = {
    VerifyFormat.text: text.verify,
    VerifyFormat.concise: concise.verify,
    VerifyFormat.json: json.verify,
    VerifyFormat.github: github.verify,
    VerifyFormat.sarif: sarif.verify,
}

"""The terminal report: one block per group, most severe first, every number with its provenance."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from discrepancy.model import Finding, Status
from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import (
    clean,
    date,
    disagreement,
    gap,
    interval,
    plural,
    shown_conflicts,
)
from discrepancy.render.options import Options
from discrepancy.render.picture import picture

COLOURS = {
    Status.conflict: "31",
    Status.unit_mismatch: "33",
    Status.single_source: "36",
    Status.agree: "32",
    Status.unquantified: "2",
}


def _style(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def report(analysis: Analysis, options: Options) -> str:
    show_all, colour, width = options.show_all, options.colour, options.width
    shown = analysis.shown(show_all)
    out: list[str] = []
    for finding in shown:
        out.append(_finding(finding, analysis, colour, width, options.all_pairs))
    if not shown:
        out.append(
            "No conflicts." + ("" if show_all else " (--all lists the groups that agree.)") + "\n"
        )
    cited = sorted({c.source for f in shown for c in f.group.claims})
    if cited:
        lines = []
        for sid in cited:
            src = analysis.claims.sources.get(sid)
            extra = [x for x in ((src.title, src.published, src.document) if src else ()) if x]
            lines.append([clean(sid), clean(" · ".join(extra))])
        out.append("Sources\n" + tabulate(lines, tablefmt="plain", disable_numparse=True) + "\n")
    out.append(summary(analysis))
    return "\n".join(out)


def summary(analysis: Analysis) -> str:
    by_status: dict[Status, int] = {}
    for f in analysis.findings:
        by_status[f.status] = by_status.get(f.status, 0) + 1
    parts = [
        plural(len(analysis.claims.claims), "claim"),
        plural(len(analysis.claims.sources), "source"),
        plural(len(analysis.findings), "group"),
        plural(analysis.conflict_count, "conflict")
        + (
            f" in {plural(by_status.get(Status.conflict, 0), 'group')}"
            if analysis.conflict_count
            else ""
        ),
    ]
    if by_status.get(Status.unit_mismatch):
        parts.append(plural(by_status[Status.unit_mismatch], "unit mismatch", "unit mismatches"))
    line = " · ".join(parts) + "\n"
    if analysis.near_misses:
        line += (
            f"{plural(len(analysis.near_misses), 'near miss', 'near misses')}"
            " just under the match threshold: see `discrepancy groups --near-misses`\n"
        )
    return line


def facts(f: Finding) -> str:
    """'gap 2.0× · 2 claims · 2 sources · 2 independent voices'."""
    claims = f.group.claims
    parts = [
        plural(len(claims), "claim"),
        plural(len({c.source for c in claims}), "source"),
        plural(len(f.voices), "independent voice"),
    ]
    if f.conflicts:
        parts.insert(0, f"gap {gap(f.severity)}")
    return " · ".join(parts)


def relays(f: Finding) -> list[str]:
    """A line for each independent voice that several sources relay."""
    source_of = {c.id: c.source for c in f.group.claims}
    names = [sorted({source_of[cid] for cid in voice}) for voice in f.voices]
    return [
        f"{' and '.join(clean(n) for n in ns)} relay the same origin: one voice"
        for ns in names
        if len(ns) > 1
    ]


def _wrap(cell: str, limit: int | None) -> str:
    return "\n".join(textwrap.wrap(cell, limit)) if limit and len(cell) > limit else cell


def _finding(f: Finding, analysis: Analysis, colour: bool, width: int, all_pairs: bool) -> str:
    sources = analysis.claims.sources
    claims = f.group.claims
    head = _style(f.status.value.upper(), COLOURS[f.status] + ";1", colour)
    lines = [f"{head}  {clean(f.group.about)}", "  " + facts(f)]
    lines.extend(f"  {line}" for line in relays(f))
    rows = [
        [
            clean(c.value),
            clean(interval(c.quantity)),
            clean(c.source),
            date(c, sources.get(c.source)),
            clean(c.attributed_to),
            f"“{clean(c.quote)}”" if c.quote else "",
        ]
        for c in claims
    ]
    headers = ["value", "interval", "source", "date", "attributed to", "quote"]
    limits = [28, None, None, None, 24, None]
    keep = [i for i in range(len(headers)) if i < 3 or any(r[i] for r in rows)]
    rows = [[r[i] for i in keep] for r in rows]
    headers, limits = [headers[i] for i in keep], [limits[i] for i in keep]
    if headers[-1] == "quote":
        used = sum(
            min(max(len(r[i]) for r in [*rows, headers]), limits[i] or 999) + 2
            for i in range(len(headers) - 1)
        )
        limits[-1] = max(30, width - used - 2)
    # Wrapped here, not with tabulate's maxcolwidths: tabulate 0.10 parses "3,500" as a
    # number while wrapping (its _type() gets numparse in the has_invisible slot) and fails.
    rows = [[_wrap(cell, limit) for cell, limit in zip(r, limits)] for r in rows]
    table = tabulate(rows, headers, tablefmt="simple", disable_numparse=True)
    lines.extend("  " + row for row in table.splitlines())
    lines.extend(f"  {line}" for line in disagreement(f, all_pairs))
    for conflict in shown_conflicts(f, all_pairs):
        mark = _style("✗", COLOURS[Status.conflict], colour)
        a, b = conflict.a, conflict.b
        pair = clean(
            f"{a.value} ({a.source}, {a.location}) vs "
            f"{b.value} ({b.source}, {b.location}): {gap(conflict.gap)} apart"
        )
        lines.append(f"  {mark} {pair}")
    if f.status is Status.unit_mismatch:
        lines.append(
            f"  units differ ({clean(', '.join(f.units))}): set `unit:` on a claim "
            "once a person knows how they compare"
        )
    lines.extend("  " + line for line in picture(claims).splitlines())
    for c in claims:
        if c.note:
            lines.extend(
                textwrap.wrap(
                    clean(f"note ({c.id}): {c.note}"),
                    max(40, width - 2),
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
    return "\n".join(lines) + "\n"

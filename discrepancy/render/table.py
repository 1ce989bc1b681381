"""The terminal report: one block per group, most severe first, every number with its provenance."""

from __future__ import annotations

from discrepancy.model import Claim, Finding, Source, Status
from discrepancy.pipeline import Analysis
from discrepancy.render.fit import columns, pad, share, table, wrap, wrap_parts
from discrepancy.render.formatting import (
    apart,
    clean,
    disagreement,
    gap,
    interval,
    period,
    plural,
    published,
    shown_conflicts,
)
from discrepancy.render.options import Options
from discrepancy.render.picture import picture
from discrepancy.render.style import RED, STATUS, style

MIN_WIDTH = 40  # narrower than this, the report is laid out for 40 columns and lines run over


def report(analysis: Analysis, options: Options) -> str:
    """The report laid out for `options.width` columns: no line is longer, but for a URL too
    long for any line, which stands whole on a line of its own so that it still opens."""
    show_all, colour = options.show_all, options.colour
    width = max(options.width, MIN_WIDTH)
    shown = analysis.shown(show_all)
    out: list[str] = []
    for finding in shown:
        out.append(_finding(finding, analysis, colour, width, options.all_pairs))
    if not shown and not options.quiet:
        out.append(
            "\n".join(
                wrap(
                    "No conflicts." + ("" if show_all else " (--all lists the groups that agree.)"),
                    width,
                )
            )
            + "\n"
        )
    sources = analysis.claims.sources
    # a source known only by its name (a CSV's, say) adds nothing to what the claims show
    cited = sorted(
        {c.source for f in shown for c in f.group.claims if _described(sources.get(c.source))}
    )
    if cited:
        out.append("\n".join(["Sources", *_sources(cited, sources, width)]) + "\n")
    if not options.quiet:
        out.append(summary(analysis, width))
    return "\n".join(out)


def _described(src: Source | None) -> bool:
    return src is not None and any((src.title, src.publisher, src.published, src.url, src.document))


def _sources(cited: list[str], sources: dict[str, Source], width: int) -> list[str]:
    """Each cited source: id and title, then publisher, publication date, URL, archived text."""
    id_width = min(max(columns(clean(s)) for s in cited), 20)
    hang = " " * (2 + id_width + 2)
    lines = []
    for sid in cited:
        src = sources.get(sid) or Source(sid)
        name = clean(sid)
        if columns(name) > id_width:
            lines.extend(wrap(name, width, "  ", "  "))
            lines.extend(wrap(clean(src.title), width, hang))
        else:
            first = f"  {pad(name, id_width)}  "
            lines.extend(wrap(clean(src.title), width, first, hang) or [first.rstrip()])
        details = [
            clean(src.publisher),
            f"published {clean(src.published)}" if src.published else "",
            f"archived text {clean(src.document)}" if src.document else "",
        ]
        lines.extend(wrap_parts(details, width, hang))
        if src.url:  # whole, even past the width: a URL cut in two no longer opens
            url = clean(src.url)
            lines.append(hang + url if columns(hang + url) <= width else url)
    return lines


def summary(analysis: Analysis, width: int = 100) -> str:
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
    lines = wrap_parts(parts, width)
    if analysis.near_misses:
        lines += wrap(
            f"{plural(len(analysis.near_misses), 'near miss', 'near misses')}"
            " just under the match threshold: see `discrepancy groups --near-misses`",
            width,
        )
    return "".join(line + "\n" for line in lines)


def facts(f: Finding) -> str:
    """'gap 2.0× · 2 claims · 2 sources · 2 independent voices'."""
    return " · ".join(facts_parts(f))


def facts_parts(f: Finding) -> list[str]:
    claims = f.group.claims
    parts = [
        plural(len(claims), "claim"),
        plural(len({c.source for c in claims}), "source"),
        plural(len(f.voices), "independent voice"),
    ]
    numbered = {c.id for c in claims if not c.quantity.unquantified}
    with_number = sum(1 for voice in f.voices if numbered.intersection(voice))
    if with_number != len(f.voices):  # a single-source group may have unquantified echoes
        parts[-1] += f", {with_number} with a number"
    if f.conflicts:
        parts.insert(0, f"gap {gap(f.severity)}")
    return parts


def relays(f: Finding) -> list[str]:
    """A line for each independent voice that several sources relay."""
    source_of = {c.id: c.source for c in f.group.claims}
    names = [sorted({source_of[cid] for cid in voice}) for voice in f.voices]
    return [
        f"{' and '.join(clean(n) for n in ns)} relay the same origin: one voice"
        for ns in names
        if len(ns) > 1
    ]


def _finding(f: Finding, analysis: Analysis, colour: bool, width: int, all_pairs: bool) -> str:
    claims = f.group.claims
    status = f.status.value.upper()
    lines = wrap(clean(f.group.about), width, f"{status}  ", " " * (len(status) + 2))
    lines[0] = style(status, STATUS[f.status] + ";1", colour) + lines[0][len(status) :]
    lines += wrap_parts(facts_parts(f), width, "  ")
    for line in relays(f):
        lines += wrap(line, width, "  ", "    ")
    lines += _claims(claims, analysis.claims.sources, width)
    for line in disagreement(f, all_pairs):
        lines += wrap(line, width, "  ", "    ")
    for x in shown_conflicts(f, all_pairs):
        pair = clean(
            f"{x.a.value} ({x.a.source}, {x.a.location}) vs "
            f"{x.b.value} ({x.b.source}, {x.b.location}): {apart(x.gap)}"
        )
        block = wrap(pair, width, "  ✗ ", "    ")
        block[0] = "  " + style("✗", RED, colour) + block[0][3:]
        lines += block
    if f.status is Status.unit_mismatch:
        lines += wrap(
            f"units differ ({clean(', '.join(f.units))}): set `unit:` on a claim "
            "once a person knows how they compare",
            width,
            "  ",
            "    ",
        )
    lines.extend("  " + line for line in picture(claims, columns=width - 2).splitlines())
    for c in claims:
        if c.note:
            lines += wrap(clean(f"note ({c.id}): {c.note}"), width, "  ", "    ")
    return "\n".join(lines) + "\n"


# The claims table's columns: header, narrowest width worth showing, whether it may be left out
# when no claim has it. The quote gets what the others leave, at least QUOTE_MIN columns: under
# that, the claims are listed one below the other instead (see _stacked).
HEADERS = ("value", "interval", "source", "period", "published", "attributed to", "quote")
MINIMUM = (16, 16, 16, 13, 10, 14, 30)


def _claims(claims: tuple[Claim, ...], sources: dict[str, Source], width: int) -> list[str]:
    rows = [
        [
            clean(c.value),
            clean(interval(c.quantity)),
            clean(c.source),
            clean(period(c)).replace("/", " to "),
            clean(published(c, sources)),
            clean(c.attributed_to),
            f"“{clean(c.quote)}”" if c.quote else "",
        ]
        for c in claims
    ]
    keep = [i for i in range(len(HEADERS)) if i < 3 or any(r[i] for r in rows)]
    headers = [HEADERS[i] for i in keep]
    rows = [[r[i] for i in keep] for r in rows]
    natural = [max(columns(x) for x in [h, *(r[j] for r in rows)]) for j, h in enumerate(headers)]
    widths = share(natural, [MINIMUM[i] for i in keep], width - 2)
    if widths is None:
        return _stacked(headers, rows, width)
    return table(headers, rows, widths, indent="  ")


def _stacked(headers: list[str], rows: list[list[str]], width: int) -> list[str]:
    """Claims one below the other, for a terminal too narrow for the table: the value, its
    interval and its source on one line, then who it is attributed to and the quote."""
    lines = []
    for row in rows:
        cell = dict(zip(headers, row))
        lines += wrap_parts(
            [
                cell["value"],
                cell["interval"],
                cell["source"],
                f"period {cell['period']}" if cell.get("period") else "",
                f"published {cell['published']}" if cell.get("published") else "",
            ],
            width,
            "  ",
            "    ",
            joiner="  ",
        )
        if cell.get("attributed to"):
            lines += wrap(f"attributed to {cell['attributed to']}", width, "    ", "      ")
        lines += wrap(cell.get("quote", ""), width, "    ", "     ")
    return lines

"""`groups --format table`: every group, each member with why it is there, and the near misses."""

from __future__ import annotations

from tabulate import tabulate

from discrepancy.model import Group, Member
from discrepancy.pipeline import Analysis
from discrepancy.render.fit import columns, share, table, wrap, wrap_parts
from discrepancy.render.formatting import clean, plural
from discrepancy.render.options import Options
from discrepancy.render.style import BOLD, style


def _ordered(analysis: Analysis) -> list[Group]:
    return sorted(analysis.groups, key=lambda g: g.id)


def _why(m: Member) -> str:
    """The score against the member it matches least (every other scores at least that)."""
    if m.reason == "alone":
        return "alone"
    if m.reason == "fuzzy":
        return f"{m.score:.0f} vs {clean(m.against)}"
    return clean(m.reason)


HEADERS = ("claim", "source", "value", "measure", "scope", "period", "score")
MINIMUM = (30, 16, 10, 12, 20, 10, 20)  # ids never cut; narrower, members one per line


def _members(rows: list[list[str]], width: int) -> list[str]:
    """The members as a table that fits `width`, or one below the other when it cannot."""
    natural = [max(columns(x) for x in [h, *(r[i] for r in rows)]) for i, h in enumerate(HEADERS)]
    widths = share(natural, MINIMUM, width - 2)
    if widths is not None:
        return table(HEADERS, rows, widths, indent="  ")
    lines = []
    for claim, source, value, measure, scope, period, why in rows:
        lines += wrap_parts([claim, source, value, why], width, "  ", "    ", joiner="  ")
        lines += wrap(f"{measure}: {scope} ({period})", width, "    ")
    return lines


def render(analysis: Analysis, options: Options) -> str:
    threshold = analysis.claims.settings.match_threshold
    width = max(options.width, 40)
    out = []
    for g in _ordered(analysis):
        name = clean(g.id)
        count = f"({plural(len(g.members), 'claim')})"
        title = wrap_parts([name, count, clean(g.about)], width, "", "  ", joiner="  ")
        if title[0].startswith(name):
            title[0] = style(name, BOLD, options.colour) + title[0][len(name) :]
        out.append("\n".join(title))
        # the claim's own words: the folded key that was scored ("uficial cunt" for "official
        # count") means nothing to a person; `groups --format json` does not show it either
        rows = [
            [
                clean(m.claim.id),
                clean(m.claim.source),
                clean(m.claim.value),
                clean(m.measure or "?"),
                clean(m.scope),
                clean(m.when or "-"),
                _why(m),
            ]
            for m in g.members
        ]
        out.append("\n".join(_members(rows, width)))
        aside = sorted({a for m in g.members for a in m.aside})
        if aside:
            out.append("  set aside (who said it): " + "; ".join(clean(a) for a in aside))
        out.append("")
    if options.near_misses:
        if analysis.near_misses:
            rows = [
                [
                    f"{nm.score:.0f}",
                    clean(nm.why),
                    clean(nm.a.id),
                    clean(nm.a.about),
                    clean(nm.b.id),
                    clean(nm.b.about),
                ]
                for nm in analysis.near_misses
            ]
            out.append(
                f"Near misses (pairs kept apart, most alike first; match threshold "
                f"{threshold:g}): add the same `group:` to both claims to join them, or "
                "`not_with:` to settle it:\n"
                + tabulate(
                    rows,
                    ["score", "kept apart by", "claim", "about", "claim", "about"],
                    tablefmt="simple",
                    disable_numparse=True,
                )
                + "\n"
            )
        else:
            out.append("No near misses.\n")
    if options.quiet:
        return "\n".join(out)
    out.append(
        f"{plural(len(analysis.groups), 'group')} of "
        f"{plural(len(analysis.claims.claims), 'claim')} "
        f"(match threshold {threshold:g})\n"
    )
    return "\n".join(out)

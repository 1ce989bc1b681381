"""`groups --format table`: every group, each member with why it is there, and the near misses."""

from __future__ import annotations

from tabulate import tabulate

from discrepancy.model import Group, Member
from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import clean, plural
from discrepancy.render.options import Options


def _ordered(analysis: Analysis) -> list[Group]:
    return sorted((f.group for f in analysis.findings), key=lambda g: g.id)


def _why(m: Member) -> str:
    """The score against the member it matches least (every other scores at least that)."""
    if m.reason == "fuzzy":
        return f"{m.score:.0f} vs {clean(m.against)}"
    return clean(m.reason)


def render(analysis: Analysis, options: Options) -> str:
    threshold = analysis.claims.settings.match_threshold
    out = []
    for g in _ordered(analysis):
        out.append(f"{g.id}  ({plural(len(g.members), 'claim')})  {clean(g.about)}")
        rows = [
            [clean(m.claim.id), clean(m.claim.source), clean(m.claim.value), _why(m), clean(m.key)]
            for m in g.members
        ]
        body = tabulate(
            rows,
            ["claim", "source", "value", "why it is here", "compared as"],
            tablefmt="simple",
            disable_numparse=True,
        )
        out.append("\n".join("  " + line for line in body.splitlines()) + "\n")
    if options.near_misses:
        if analysis.near_misses:
            rows = [
                [
                    f"{nm.score:.0f}",
                    clean(nm.a.id),
                    clean(nm.a.about),
                    clean(nm.b.id),
                    clean(nm.b.about),
                ]
                for nm in analysis.near_misses
            ]
            out.append(
                f"Near misses (scored under the threshold of {threshold:g}; add the same "
                "`group:` to both claims to join them, or `not_with:` to settle it):\n"
                + tabulate(
                    rows,
                    ["score", "claim", "about", "claim", "about"],
                    tablefmt="simple",
                    disable_numparse=True,
                )
                + "\n"
            )
        else:
            out.append("No near misses.\n")
    out.append(
        f"{plural(len(analysis.findings), 'group')} of "
        f"{plural(len(analysis.claims.claims), 'claim')} "
        f"(match threshold {threshold:g})\n"
    )
    return "\n".join(out)

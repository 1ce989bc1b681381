"""`--statistics`: only how many there are of each kind, one line each, the count first (as
ruff's --statistics), then the total; with `--format json`, the same counts as one object."""

from __future__ import annotations

from discrepancy.baseline import Comparison
from discrepancy.model import Status
from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import plural
from discrepancy.render.json import dumps


def _lines(counts: list[tuple[str, int]], total: str) -> str:
    width = max(len(str(n)) for _, n in counts)
    return "".join(f"{n:>{width}}  {name}\n" for name, n in counts) + total + "\n"


def report(analysis: Analysis, as_json: bool = False) -> str:
    """Groups by status, every status (0 when none), then claims and conflicts."""
    by_status = {s.value: 0 for s in Status}
    for f in analysis.findings:
        by_status[f.status.value] += 1
    groups, claims = len(analysis.findings), len(analysis.claims.claims)
    if as_json:
        return dumps(
            {
                "version": 1,
                "groups": by_status,
                "conflicting_pairs": analysis.conflict_count,
                "total": {"groups": groups, "claims": claims},
            }
        )
    counts = [*by_status.items(), ("conflicting pairs", analysis.conflict_count)]
    return _lines(counts, f"{plural(groups, 'group')} of {plural(claims, 'claim')}")


def check(comparison: Comparison, strict: bool, as_json: bool = False) -> str:
    """New, known and resolved contradictions, then whether the check fails."""
    counts = {
        "new": len(comparison.new),
        "changed": len(comparison.changed),
        "known": len(comparison.known),
        "resolved": len(comparison.resolved),
    }
    fails = comparison.fails(strict)
    if as_json:
        return dumps({"version": 1, "contradictions": counts, "fails": fails})
    return _lines(list(counts.items()), "FAILED" if fails else "OK")

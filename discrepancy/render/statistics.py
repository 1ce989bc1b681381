"""`--statistics`: only how many there are of each kind, one line each, the count first (as
ruff's --statistics), then the total."""

from __future__ import annotations

from discrepancy.baseline import Comparison
from discrepancy.model import Status
from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import plural


def _lines(counts: list[tuple[str, int]], total: str) -> str:
    width = max(len(str(n)) for _, n in counts)
    return "".join(f"{n:>{width}}  {name}\n" for name, n in counts) + total + "\n"


def report(analysis: Analysis) -> str:
    """Groups by status, every status (0 when none), then claims and conflicts."""
    by_status = {s: 0 for s in Status}
    for f in analysis.findings:
        by_status[f.status] += 1
    counts = [(s.value, n) for s, n in by_status.items()]
    counts.append(("conflicting pairs", analysis.conflict_count))
    return _lines(
        counts,
        f"{plural(len(analysis.findings), 'group')} of "
        f"{plural(len(analysis.claims.claims), 'claim')}",
    )


def check(comparison: Comparison, strict: bool) -> str:
    """New, known and resolved contradictions, then whether the check fails."""
    counts = [
        ("new", len(comparison.new)),
        ("changed", len(comparison.changed)),
        ("known", len(comparison.known)),
        ("resolved", len(comparison.resolved)),
    ]
    return _lines(counts, "FAILED" if comparison.fails(strict) else "OK")

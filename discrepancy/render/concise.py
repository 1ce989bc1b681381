"""`--format concise`: one line per finding, `path:line:col: code message`, as ruff's concise
output, for a CI log, grep, or an editor's error list; then one line of counts.

    claims.yaml:351:5: conflict 2.0× at least two thousand (seed-004) vs hundreds (seed-000, claims.yaml:85:5): Russian mercenaries …
"""

from __future__ import annotations

from discrepancy.baseline import Comparison, Contradiction, Entry
from discrepancy.model import Claim, Finding, Status
from discrepancy.pipeline import Analysis
from discrepancy.render.text import clean, gap, plural


def _claim(c: Claim, where: bool = False) -> str:
    return f"{c.value} ({c.source}, {c.location})" if where else f"{c.value} ({c.source})"


def _line(claim: Claim, code: str, message: str) -> str:
    return clean(f"{claim.location}: {code} {message}") + "\n"


def _finding(f: Finding) -> list[str]:
    about = f.group.about
    if f.conflicts:
        out = []
        for x in f.conflicts:
            # at the later of the two in file order, the other named with where it is
            later, other = (x.b, x.a) if x.b.location > x.a.location else (x.a, x.b)
            out.append(
                _line(
                    later,
                    "conflict",
                    f"{gap(x.gap)} {_claim(later)} vs {_claim(other, True)}: {about}",
                )
            )
        return out
    first = f.group.claims[0]
    if f.status is Status.unit_mismatch:
        units = " vs ".join(f.units)
        others = " vs ".join(_claim(c) for c in f.group.claims)
        return [_line(first, "unit-mismatch", f"{units}: {others}: {about}")]
    return [_line(first, f.status.value, f"{about} ({plural(len(f.group.claims), 'claim')})")]


def report(analysis: Analysis, show_all: bool) -> str:
    """A line per conflicting pair and per unit mismatch (with `show_all`, per other group too),
    most severe first, then the counts."""
    lines = [line for f in analysis.shown(show_all) for line in _finding(f)]
    by_status = statistics(analysis)
    counts = [
        plural(len(analysis.claims.claims), "claim"),
        plural(len(analysis.findings), "group"),
        plural(analysis.conflict_count, "conflict"),
        plural(by_status.get(Status.unit_mismatch.value, 0), "unit mismatch", "unit mismatches"),
    ]
    return "".join(lines) + "Found " + ", ".join(counts) + ".\n"


def statistics(analysis: Analysis) -> dict[str, int]:
    """How many groups have each status, every status named (0 when none), in report order."""
    counts = {s.value: 0 for s in Status}
    for f in analysis.findings:
        counts[f.status.value] += 1
    return counts


def _new(comparison: Comparison, c: Contradiction) -> str:
    newer, other = comparison.newer(c)
    return _line(
        newer,
        "new-contradiction",
        f"{gap(c.conflict.gap)} {_claim(newer)} vs {_claim(other, True)}: {c.about} "
        f"[{c.fingerprint}]",
    )


def _resolved(e: Entry, strict: bool) -> str:
    sides = " vs ".join(f"{s.value} ({s.source})" for s in e.claims)
    code = "resolved-entry" + (" (fails with --strict)" if strict else "")
    return clean(f"{e.location}: {code} no longer occurs: {sides}: {e.about} [{e.fingerprint}]") + (
        "\n"
    )


def check(comparison: Comparison, strict: bool) -> str:
    """A line per new contradiction, at its newer claim, and per baseline entry that no longer
    occurs, at its place in the baseline file; then the counts and the verdict."""
    lines = [_new(comparison, c) for c in comparison.new]
    lines += [_resolved(e, strict) for e in comparison.resolved]
    verdict = "FAILED" if comparison.fails(strict) else "OK"
    return (
        "".join(lines)
        + f"{verdict}: {plural(len(comparison.new), 'new contradiction')}, "
        + f"{len(comparison.known)} known, {len(comparison.resolved)} resolved.\n"
    )

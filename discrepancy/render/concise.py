"""`--format concise`: one line per finding, `path:line:col: code message`, as ruff's concise
output, for a CI log, grep, or an editor's error list; then one line of counts (none with
--quiet).

    claims.yaml:351:5: conflict 2.0× at least two thousand (seed-004) vs hundreds (seed-000,
    claims.yaml:85:5): Russian mercenaries of the Wagner Group fighting for Haftar in Libya

(one line, folded here)
"""

from __future__ import annotations

from discrepancy.baseline import Comparison, Entry
from discrepancy.fingerprint import Contradiction
from discrepancy.model import Claim, Finding, Status
from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import clean, gap, plural, shown_conflicts
from discrepancy.render.options import Options
from discrepancy.render.style import BOLD, RED, style
from discrepancy.render.text import problems_message
from discrepancy.verify import Status as VerifyStatus
from discrepancy.verify import Verification, summary


def _claim(c: Claim, where: bool = False) -> str:
    return f"{c.value} ({c.source}, {c.location})" if where else f"{c.value} ({c.source})"


def _line(location: object, code: str, message: str, colour: bool) -> str:
    where = style(clean(f"{location}:"), BOLD, colour)
    return f"{where} {style(code, RED, colour)} {clean(message)}\n"


def _finding(f: Finding, colour: bool, all_pairs: bool = False) -> list[str]:
    about = f.group.about
    if f.conflicts:
        out = []
        pairs = shown_conflicts(f, all_pairs)
        for x in pairs:
            # at the later of the two in file order, the other named with where it is
            later, other = (x.b, x.a) if x.b.location > x.a.location else (x.a, x.b)
            message = f"{gap(x.gap)} {_claim(later)} vs {_claim(other, True)}: {about}"
            out.append(_line(later.location, "conflict", message, colour))
        more = f.conflict_count - len(pairs)
        if more > 0:  # the widest few only: a group may hold millions of pairs (issue 12)
            at = min(c.location for c in f.group.claims)
            message = f"{more:,} more conflicting pairs (--all-pairs lists them): {about}"
            out.append(_line(at, "conflict", message, colour))
        return out
    first = f.group.claims[0]
    if f.status is Status.unit_mismatch:
        units = " vs ".join(f.units)
        claims = " vs ".join(_claim(c) for c in f.group.claims)
        return [_line(first.location, "unit-mismatch", f"{units}: {claims}: {about}", colour)]
    message = f"{about} ({plural(len(f.group.claims), 'claim')})"
    return [_line(first.location, f.status.value, message, colour)]


def report(analysis: Analysis, options: Options) -> str:
    """A line per conflicting pair and per unit mismatch (with --all, per other group too),
    most severe first, then the counts."""
    lines = [
        line
        for f in analysis.shown(options.show_all)
        for line in _finding(f, options.colour, options.all_pairs)
    ]
    if options.quiet:
        return "".join(lines)
    mismatches = sum(1 for f in analysis.findings if f.status is Status.unit_mismatch)
    counts = [
        plural(len(analysis.claims.claims), "claim"),
        plural(len(analysis.findings), "group"),
        plural(analysis.conflict_count, "conflict"),
        plural(mismatches, "unit mismatch", "unit mismatches"),
    ]
    return "".join(lines) + "Found " + ", ".join(counts) + ".\n"


def _new(comparison: Comparison, c: Contradiction, colour: bool, kind: str = "new") -> str:
    newer, other = comparison.newer(c)
    message = (
        f"{gap(c.conflict.gap)} {_claim(newer)} vs {_claim(other, True)}: {c.about} "
        f"[{c.fingerprint}]"
    )
    return _line(newer.location, f"{kind}-contradiction", message, colour)


def _resolved(e: Entry, colour: bool) -> str:
    sides = " vs ".join(f"{s.value} ({s.source})" for s in e.claims)
    message = f"no longer occurs: {sides}: {e.about} [{e.fingerprint}]"
    return _line(e.location, "resolved-entry", message, colour)


def check(comparison: Comparison, options: Options) -> str:
    """A line per new contradiction, at its newer claim, and per baseline entry that no longer
    occurs, at its place in the baseline file; then the counts and the verdict."""
    lines = [_new(comparison, c, options.colour) for c in comparison.new]
    lines += [_new(comparison, c, options.colour, "changed") for c, _ in comparison.changed]
    lines += [_resolved(e, options.colour) for e in comparison.resolved]
    if options.quiet:
        return "".join(lines)
    verdict = "FAILED" if comparison.fails(options.strict) else "OK"
    strict = " (--strict)" if options.strict and comparison.resolved and not comparison.new else ""
    return (
        "".join(lines)
        + f"{verdict}{strict}: {plural(len(comparison.new), 'new contradiction')}, "
        + f"{len(comparison.changed)} changed, {len(comparison.known)} known, "
        + f"{len(comparison.resolved)} resolved.\n"
    )


def verify(result: Verification, options: Options) -> str:
    """A line per claim not verified (`not-verified`) or unverifiable (`unverifiable`), at the
    claim, with its problems; then the counts."""
    lines = []
    for v in result.verdicts:
        if v.status is VerifyStatus.verified:
            continue
        code = "not-verified" if v.status is VerifyStatus.failed else "unverifiable"
        message = f"{v.claim.id}: {problems_message(v)}"
        lines.append(_line(v.claim.location, code, message, options.colour))
    if options.quiet:
        return "".join(lines)
    return "".join(lines) + f"Found {summary(result.verdicts)}.\n"

"""The whole core, composed: texts in, claims, groups, findings and the baseline comparison out.
No I/O: `files` reads and writes, `cli` decides what to run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from discrepancy import fingerprint, limits
from discrepancy.baseline import Baseline, Comparison, Entry, compare, entries, parse
from discrepancy.detect import find_discrepancies
from discrepancy.errors import InputError, Location, Problem
from discrepancy.fingerprint import Contradiction
from discrepancy.group import Normaliser, group_claims
from discrepancy.load import build
from discrepancy.model import (
    Claims,
    Finding,
    Group,
    NearMiss,
    Progress,
    Quantity,
    Settings,
    Status,
    no_progress,
)
from discrepancy.readers import Document, reader_for

REPORTED = (Status.conflict, Status.unit_mismatch)  # what `report` shows without --all


@dataclass(frozen=True)
class Analysis:
    claims: Claims
    findings: tuple[Finding, ...]  # none when only the groups were asked for
    near_misses: tuple[NearMiss, ...]
    groups: tuple[Group, ...]

    @property
    def conflict_count(self) -> int:
        return sum(f.conflict_count for f in self.findings)

    def shown(self, show_all: bool) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if show_all or f.status in REPORTED)


def load(
    inputs: Sequence[tuple[str, str]],
    threshold: float | None = None,
    tolerance: float | None = None,
    progress: Progress = no_progress,
    require_claims: bool = True,
    rounding: bool | None = None,
    unread: Sequence[Problem] = (),
) -> Claims:
    """(name, text) of every claims file into validated Claims; CLI options override settings.
    Every problem of every file is listed, also when some files cannot be read at all (their
    problems come as `unread`)."""
    documents: list[Document] = []
    problems = list(unread)
    for name, text in inputs:
        try:
            documents.append(reader_for(name)(text, name))
        except InputError as e:
            problems.extend(e.problems)
    overrides = {"match_threshold": threshold, "approx_tolerance": tolerance, "rounding": rounding}
    if problems:  # still list what is wrong in the files that could be read
        try:
            build(documents, overrides, check_references=False)
        except InputError as e:
            problems.extend(e.problems)
        raise InputError(problems)
    return build(documents, overrides, progress=progress, require_claims=require_claims)


def analyse(
    claims: Claims,
    progress: Progress = no_progress,
    near_misses: bool = True,
    findings: bool = True,
) -> Analysis:
    """Claims grouped, with the near misses (if wanted) and each group's findings (unless only
    the groups are wanted: `discrepancy groups`)."""
    groups, near = group_claims(
        claims.claims,
        Normaliser(claims.aliases, claims.measures),
        claims.settings,
        progress,
        near_misses,
    )
    if not findings:
        return Analysis(claims, (), tuple(near), tuple(groups))
    progress("finding conflicts", 0, 0)  # a step of its own: never a silent "grouping 100%"
    found = tuple(find_discrepancies(groups, claims.sources))
    return Analysis(claims, found, tuple(near), tuple(f.group for f in found))


def contradictions(analysis: Analysis) -> tuple[Contradiction, ...]:
    """Every conflict of the analysis with its fingerprint, most severe first. Each pair is a
    baseline entry of its own, so past MAX_PAIRS (a group of 2,000 claims all in conflict has
    two million) the gate refuses, at the largest group, rather than run out of memory."""
    total = analysis.conflict_count
    if total > limits.MAX_PAIRS:
        worst = max(analysis.findings, key=lambda f: f.conflict_count)
        raise InputError.at(
            min(c.location for c in worst.group.claims),
            f"{total:,} conflicting pairs, {worst.conflict_count:,} of them in the group of "
            f"this claim: more than the {limits.MAX_PAIRS:,} a baseline can list "
            "(`discrepancy report` sums them up)",
        )
    return fingerprint.contradictions(analysis.findings, analysis.claims.aliases)


def read_baseline(text: str | None, name: str) -> Baseline:
    """The baseline file's text (None: there is no such file, so every contradiction is new)."""
    return Baseline(name, exists=False) if text is None else parse(text, name)


def check(analysis: Analysis, known: Baseline, require_reasons: bool = False) -> Comparison:
    """`discrepancy check`: today's contradictions against the accepted ones."""
    return replace(
        compare(contradictions(analysis), known, require_reasons),
        sources=analysis.claims.sources,
    )


def accept(
    analysis: Analysis,
    previous: Baseline,
    only: Sequence[str] | None = None,
    prune: bool = False,
) -> tuple[tuple[Entry, ...], Comparison]:
    """`discrepancy baseline`: the new baseline's entries (keeping every reason written), and
    how today compares with the previous baseline. `only`: accept just these fingerprints
    (new or changed), the rest as it was; `prune`: drop entries no longer found, add nothing
    else. A fingerprint in `only` that is not found today is an InputError."""
    found = contradictions(analysis)
    today = {c.fingerprint for c in found}
    unknown = [fp for fp in only or () if fp not in today]
    if unknown:
        raise InputError(
            [
                Problem(Location("--accept"), f"{fp} is not a contradiction found today")
                for fp in unknown
            ]
        )
    chosen = frozenset(only) if only else (frozenset() if prune else None)
    return entries(found, previous, chosen, prune), compare(found, previous)


@dataclass(frozen=True)
class Reading:
    """`discrepancy parse`: one expression, and its quantity or why it cannot be read."""

    text: str
    quantity: Quantity | None
    error: str = ""


def read_expressions(texts: Sequence[str], settings: Settings) -> tuple[Reading, ...]:
    """Each expression read on its own: an unreadable one is a Reading with its error."""
    from discrepancy.quantities import QuantityError, parse_quantity

    readings = []
    for text in texts:
        try:
            readings.append(Reading(text, parse_quantity(text, settings)))
        except QuantityError as e:
            readings.append(Reading(text, None, e.message))
    return tuple(readings)

"""The whole core, composed: loaded claims in, groups and findings out. No I/O."""

from __future__ import annotations

from dataclasses import dataclass

from discrepancy.detect import find_discrepancies
from discrepancy.group import Normaliser, group_claims
from discrepancy.model import Claims, Finding, NearMiss, Progress, Status, no_progress

REPORTED = (Status.conflict, Status.unit_mismatch)  # what `report` shows without --all


@dataclass(frozen=True)
class Analysis:
    claims: Claims
    findings: tuple[Finding, ...]
    near_misses: tuple[NearMiss, ...]

    @property
    def conflict_count(self) -> int:
        return sum(f.conflict_count for f in self.findings)

    def shown(self, show_all: bool) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if show_all or f.status in REPORTED)


def analyse(claims: Claims, progress: Progress = no_progress, near_misses: bool = True) -> Analysis:
    groups, near = group_claims(
        claims.claims, Normaliser(claims.aliases), claims.settings, progress, near_misses
    )
    return Analysis(claims, tuple(find_discrepancies(groups, claims.sources)), tuple(near))

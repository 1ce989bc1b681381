"""Groups in, findings out: each group's conflicts, independent voices, status and severity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from discrepancy.group import fold
from discrepancy.model import Claim, Conflict, Finding, Group, Source, Status
from discrepancy.units import dimension, in_base

# Report order: what needs a person's attention first.
STATUS_ORDER = {
    Status.conflict: 0,
    Status.unit_mismatch: 1,
    Status.single_source: 2,
    Status.agree: 3,
    Status.unquantified: 4,
}


def conflicts_in(claims: Sequence[Claim]) -> list[Conflict]:
    """Every pair in units of one dimension (converted: "328 days" against "12 months") whose
    intervals have a gap between them."""
    found = []
    for a, b in combinations(claims, 2):
        qa, qb = a.quantity, b.quantity
        if qa.unquantified or qb.unquantified:
            continue
        if qa.unit != qb.unit:
            if dimension(qa.unit) != dimension(qb.unit):
                continue
            qa, qb = in_base(qa), in_base(qb)
        if qa.overlaps(qb):
            continue
        low, high = (a, b) if qa.hi <= qb.lo else (b, a)
        found.append(Conflict(low, high, qa.gap_ratio(qb)))
    return sorted(found, key=lambda c: (-c.gap, c.a.id, c.b.id))


def voices(claims: Sequence[Claim], sources: Mapping[str, Source]) -> list[tuple[str, ...]]:
    """Claims that relay the same origin (same source, a shared `via`, the same attribution)
    are one independent voice. Returns the claim ids of each voice."""
    parent = {c.id: c.id for c in claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for c in claims:
        src = sources.get(c.source)
        origins = {"source:" + c.source}
        if src is not None:
            origins |= {"source:" + v for v in src.via}
        if c.attributed_to:
            origins.add("said:" + fold(c.attributed_to))
        for origin in sorted(origins):
            if origin in owner:
                parent[find(c.id)] = find(owner[origin])
            else:
                owner[origin] = c.id
    out: dict[str, list[str]] = {}
    for c in claims:
        out.setdefault(find(c.id), []).append(c.id)
    return sorted(tuple(sorted(v)) for v in out.values())


def assess(group: Group, sources: Mapping[str, Source]) -> Finding:
    claims = group.claims
    conflicts = conflicts_in(claims)
    independent = voices(claims, sources)
    quantified = [c for c in claims if not c.quantity.unquantified]
    units = tuple(sorted({c.quantity.unit for c in quantified}))
    if conflicts:
        status = Status.conflict
    elif len({dimension(u) for u in units}) > 1:
        status = Status.unit_mismatch
    elif not quantified:
        status = Status.unquantified
    elif len(voices(quantified, sources)) == 1:
        status = Status.single_source  # one voice's number, however many unquantified echoes
    else:
        status = Status.agree
    return Finding(group, status, tuple(conflicts), tuple(independent), units)


def find_discrepancies(groups: Sequence[Group], sources: Mapping[str, Source]) -> list[Finding]:
    """Findings for every group, most severe first (conflicts by their widest gap)."""
    findings = [assess(g, sources) for g in groups]
    return sorted(
        findings,
        key=lambda f: (STATUS_ORDER[f.status], -f.severity, -len(f.group.members), f.group.id),
    )

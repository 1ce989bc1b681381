"""Groups in, findings out: each group's conflicts, independent voices, status and severity."""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence

from discrepancy.group import fold
from discrepancy.model import (
    INF,
    Claim,
    Conflict,
    Disagreement,
    Finding,
    Group,
    Source,
    Status,
)

# Report order: what needs a person's attention first.
STATUS_ORDER = {
    Status.conflict: 0,
    Status.unit_mismatch: 1,
    Status.single_source: 2,
    Status.agree: 3,
    Status.unquantified: 4,
}


# The most severe pairs a finding keeps for its report; the rest are counted and summarised,
# and listed only on request (every_conflict). A group of 10,000 claims all in conflict has
# 50 million pairs: building them all is what the summary avoids (issue 12).
SHOWN = 10


def _units(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        if not c.quantity.unquantified:
            out.setdefault(c.quantity.unit, []).append(c)
    return out


def _ends(claims: Sequence[Claim]) -> tuple[list[Claim], list[Claim]]:
    """The claims by upper end, lowest first, and by lower end, highest first. Claim i of the
    first and claim j of the second conflict when the second starts above where the first ends;
    the gap only grows towards the start of both lists."""
    by_hi = sorted(claims, key=lambda c: (c.quantity.hi, c.id))
    by_lo = sorted(claims, key=lambda c: (-c.quantity.lo, c.id))
    return by_hi, by_lo


def _conflict(low: Claim, high: Claim) -> Conflict:
    return Conflict(low, high, low.quantity.gap_ratio(high.quantity))


def _order(c: Conflict) -> tuple[float, str, str]:
    return (-c.gap, c.a.id, c.b.id)


def disagreement(
    unit: str, claims: Sequence[Claim], ends: tuple[list[Claim], list[Claim]] | None = None
) -> Disagreement | None:
    """Claims of one unit summarised in O(n log n): None when no two conflict."""
    by_hi, by_lo = ends or _ends(claims)
    lowest, highest = by_hi[0], by_lo[0]
    if not highest.quantity.lo > lowest.quantity.hi:
        return None
    los = sorted(c.quantity.lo for c in claims)
    pairs = sum(len(los) - bisect_right(los, c.quantity.hi) for c in claims)
    clusters: list[list[Claim]] = []
    reach = INF
    for c in sorted(claims, key=lambda c: (c.quantity.lo, c.quantity.hi, c.id)):
        if not clusters or c.quantity.lo > reach:
            clusters.append([])
            reach = c.quantity.hi
        clusters[-1].append(c)
        reach = max(reach, c.quantity.hi)
    return Disagreement(unit, pairs, lowest, highest, tuple(tuple(c) for c in clusters))


def most_severe(claims: Sequence[Claim], limit: int = SHOWN) -> list[Conflict]:
    """The `limit` widest conflicts, widest first, found without building every pair."""
    found = [c for cs in _units(claims).values() for c in _widest(*_ends(cs), limit)]
    return sorted(found, key=_order)[:limit]


def _widest(lows: list[Claim], highs: list[Claim], limit: int) -> list[Conflict]:
    """A best-first walk from the most extreme pair (0, 0) outwards: the gap of pair (i, j)
    only shrinks as i or j grows, so the next widest is always next to one already taken."""
    heap: list[tuple[float, str, str, int, int]] = []
    seen: set[tuple[int, int]] = set()
    out: list[Conflict] = []

    def push(i: int, j: int) -> None:
        if i < len(lows) and j < len(highs) and (i, j) not in seen:
            seen.add((i, j))
            if highs[j].quantity.lo > lows[i].quantity.hi:
                heapq.heappush(heap, (*_order(_conflict(lows[i], highs[j])), i, j))

    push(0, 0)
    while heap and len(out) < limit:
        *_, i, j = heapq.heappop(heap)
        out.append(_conflict(lows[i], highs[j]))
        push(i + 1, j)
        push(i, j + 1)
    return out


def every_conflict(claims: Sequence[Claim]) -> Iterator[Conflict]:
    """Every conflicting pair, in time proportional to their number (not sorted)."""
    for same_unit in _units(claims).values():
        lows, highs = _ends(same_unit)
        for low in lows:
            for high in highs:
                if not high.quantity.lo > low.quantity.hi:
                    break
                yield _conflict(low, high)


def conflicts_in(claims: Sequence[Claim]) -> list[Conflict]:
    """Every pair with the same unit whose intervals have a gap between them, widest first."""
    return sorted(every_conflict(claims), key=_order)


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
    found: list[Conflict] = []
    summaries: list[Disagreement] = []
    for unit, cs in sorted(_units(claims).items()):
        ends = _ends(cs)  # sorted once, for the summary and the widest pairs both
        d = disagreement(unit, cs, ends)
        if d is not None:
            summaries.append(d)
            found += _widest(*ends, SHOWN)
    conflicts = sorted(found, key=_order)[:SHOWN]
    disagreements = tuple(summaries)
    independent = voices(claims, sources)
    quantified = [c for c in claims if not c.quantity.unquantified]
    units = tuple(sorted({c.quantity.unit for c in quantified}))
    if conflicts:
        status = Status.conflict
    elif len(units) > 1:
        status = Status.unit_mismatch
    elif not quantified:
        status = Status.unquantified
    elif len(voices(quantified, sources)) == 1:
        status = Status.single_source  # one voice's number, however many unquantified echoes
    else:
        status = Status.agree
    pairs = sum(d.pairs for d in disagreements)
    return Finding(group, status, tuple(conflicts), tuple(independent), units, disagreements, pairs)


def find_discrepancies(groups: Sequence[Group], sources: Mapping[str, Source]) -> list[Finding]:
    """Findings for every group, most severe first (conflicts by their widest gap)."""
    findings = [assess(g, sources) for g in groups]
    return sorted(
        findings,
        key=lambda f: (STATUS_ORDER[f.status], -f.severity, -len(f.group.members), f.group.id),
    )

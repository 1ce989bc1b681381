"""Groups in, findings out: each group's conflicts, independent voices, status and severity.
A group's conflicts are found from its claims sorted by interval ends, in O(n log n), never by
building every pair: a group of 10,000 claims all in conflict has 50 million (issue 12)."""

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
    Quantity,
    Source,
    Status,
)
from discrepancy.units import dimension, in_base

# Report order: what needs a person's attention first.
STATUS_ORDER = {
    Status.conflict: 0,
    Status.unit_mismatch: 1,
    Status.single_source: 2,
    Status.agree: 3,
    Status.unquantified: 4,
}

# The most severe pairs a finding keeps for its report; the rest are counted and summed up,
# and listed only on request (every_conflict).
SHOWN = 10

Item = tuple[Quantity, Claim]  # a claim with its quantity in its dimension's base unit


def _dimensions(claims: Sequence[Claim]) -> dict[str, list[Item]]:
    """The quantified claims by dimension, each quantity converted to the dimension's base
    unit ("328 days" against "12 months"): only those of one dimension are compared."""
    out: dict[str, list[Item]] = {}
    for c in claims:
        if not c.quantity.unquantified:
            out.setdefault(dimension(c.quantity.unit), []).append((in_base(c.quantity), c))
    return out


def _ends(items: Sequence[Item]) -> tuple[list[Item], list[Item]]:
    """The claims by upper end, lowest first, and by lower end, highest first. Item i of the
    first and item j of the second conflict when the second starts above where the first ends;
    the gap only grows towards the start of both lists."""
    by_hi = sorted(items, key=lambda x: (x[0].hi, x[1].id))
    by_lo = sorted(items, key=lambda x: (-x[0].lo, x[1].id))
    return by_hi, by_lo


def _conflict(low: Item, high: Item) -> Conflict:
    return Conflict(low[1], high[1], low[0].gap_ratio(high[0]))


def _order(c: Conflict) -> tuple[float, str, str]:
    return (-c.gap, c.a.id, c.b.id)


def disagreement(
    dim: str, items: Sequence[Item], ends: tuple[list[Item], list[Item]] | None = None
) -> Disagreement | None:
    """Claims of one dimension summed up in O(n log n): how many pairs conflict, the most
    extreme pair, the clusters of claims whose intervals chain together. None when no two
    conflict."""
    by_hi, by_lo = ends or _ends(items)
    (low_q, lowest), (high_q, highest) = by_hi[0], by_lo[0]
    if not high_q.lo > low_q.hi:
        return None
    los = sorted(q.lo for q, _ in items)
    pairs = sum(len(los) - bisect_right(los, q.hi) for q, _ in items)
    clusters: list[list[Claim]] = []
    spans: list[tuple[float, float]] = []
    reach = INF
    for q, c in sorted(items, key=lambda x: (x[0].lo, x[0].hi, x[1].id)):
        if not clusters or q.lo > reach:
            clusters.append([])
            spans.append((q.lo, q.hi))
            reach = q.hi
        clusters[-1].append(c)
        reach = max(reach, q.hi)
        spans[-1] = (spans[-1][0], reach)
    return Disagreement(
        dim,
        pairs,
        lowest,
        highest,
        tuple(tuple(c) for c in clusters),
        low_q.gap_ratio(high_q),
        tuple(spans),
    )


def most_severe(claims: Sequence[Claim], limit: int = SHOWN) -> list[Conflict]:
    """The `limit` widest conflicts, widest first, found without building every pair."""
    found = [c for xs in _dimensions(claims).values() for c in _widest(*_ends(xs), limit)]
    return sorted(found, key=_order)[:limit]


def _widest(lows: list[Item], highs: list[Item], limit: int) -> list[Conflict]:
    """A best-first walk from the most extreme pair (0, 0) outwards: the gap of pair (i, j)
    only shrinks as i or j grows, so the next widest is always next to one already taken."""
    heap: list[tuple[float, str, str, int, int]] = []
    seen: set[tuple[int, int]] = set()
    out: list[Conflict] = []

    def push(i: int, j: int) -> None:
        if i < len(lows) and j < len(highs) and (i, j) not in seen:
            seen.add((i, j))
            if highs[j][0].lo > lows[i][0].hi:
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
    for items in _dimensions(claims).values():
        lows, highs = _ends(items)
        for low in lows:
            for high in highs:
                if not high[0].lo > low[0].hi:
                    break
                yield _conflict(low, high)


def conflicts_in(claims: Sequence[Claim]) -> list[Conflict]:
    """Every pair in units of one dimension (converted: "328 days" against "12 months") whose
    intervals have a gap between them, widest first."""
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
    for dim, items in sorted(_dimensions(claims).items()):
        ends = _ends(items)  # sorted once, for the summary and the widest pairs both
        d = disagreement(dim, items, ends)
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
    elif len({dimension(u) for u in units}) > 1:
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

"""Which pairs of claims link, and which come near: the pairs worth comparing (the nodes of one
key, and the candidates of `blocking`), each judged by `match.judge`, on both cores for large
inputs (see `cores`). `group` clusters what links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from discrepancy.blocking import Candidates
from discrepancy.cores import shared
from discrepancy.match import Verdict, apart_reason, judge
from discrepancy.model import Claim, Period, Progress
from discrepancy.normalise import Key
from discrepancy.score import Weights, key_score

Pair = tuple[int, int]


@dataclass(slots=True)
class Node:
    """Claims that match as one: the same key, dimension and period (and no `not_with`)."""

    key: int
    dim: str
    period: Period | None
    alone: bool  # a claim with `not_with`, or named by one: a node of its own
    claims: list[Claim] = field(default_factory=list)


class Judge:
    """Verdicts on pairs of nodes (`match.judge` decides). Nothing is kept per pair: a million
    claims make tens of millions of candidate pairs; the pairs that matter are kept by the
    caller (linked, near misses)."""

    def __init__(self, nodes: list[Node], keys: list[Key], weigh: Weights, scored: bool) -> None:
        self.nodes, self.keys, self.weigh, self.scored = nodes, keys, weigh, scored

    def __call__(self, x: int, y: int) -> Verdict:
        a, b = self.nodes[x], self.nodes[y]
        if a.dim != b.dim:
            return Verdict(0.0, f"units differ: {a.dim} vs {b.dim}")
        if (a.alone or b.alone) and any(
            p.id in q.not_with or q.id in p.not_with for p in a.claims for q in b.claims
        ):
            return Verdict(0.0, "not_with")
        key_a, key_b = self.keys[a.key], self.keys[b.key]
        apart = apart_reason(key_a, key_b, self.weigh, a.period, b.period)
        if apart and not self.scored:  # kept apart, and no near miss wanted: no score needed
            return Verdict(0.0, apart)
        score = key_score(key_a, key_b, self.weigh)
        return judge(key_a, key_b, self.weigh, a.period, b.period, score, apart)


def link(
    nodes: list[Node],
    nodes_of: list[list[int]],
    keys: list[Key],
    verdict: Judge,
    threshold: float,
    floor: float | None,
    progress: Progress,
) -> tuple[dict[Pair, float], dict[Pair, Verdict]]:
    """The pairs of nodes that link (score at least `threshold`, never apart), with their
    scores; and, unless `floor` is None, the pairs that came near (score at least `floor`),
    with their verdicts. The same whichever core judged which pair."""
    candidates = Candidates(
        [k.blocked for k in keys],
        [" ".join(k.numbers) for k in keys],
        threshold,
        [k.measure for k in keys],  # measures apart: never linked, nor a near miss to look at
        verdict.weigh.names,
    )
    total = len(keys)

    def judged(share: Sequence[int]) -> tuple[list[tuple], None]:
        out: list[tuple] = []
        for n, i in enumerate(share):
            if n % 512 == 0:
                progress("matching", i, total)
            mine = nodes_of[i]
            pairs = _overlapping(mine, nodes) if len(mine) > 1 else []
            pairs += [(x, y) for j in candidates(i) for x in mine for y in nodes_of[j]]
            kept = []
            for x, y in pairs:
                v = verdict(x, y)
                if (not v.apart and v.score >= threshold) or (
                    floor is not None and v.score >= floor and v.apart != "not_with"
                ):
                    kept.append((min(x, y), max(x, y), v))
            out.append(tuple(kept))
        return out, None

    linked: dict[Pair, float] = {}
    near: dict[Pair, Verdict] = {}
    for kept in shared(judged, range(total))[0]:
        for x, y, v in kept:
            if not v.apart and v.score >= threshold:
                linked[x, y] = v.score
            else:
                near[x, y] = v
    progress("matching", total, total)
    return linked, near


def _overlapping(same: list[int], nodes: list[Node]) -> list[Pair]:
    """The pairs of one key's nodes that may match: in one dimension, periods overlapping (a
    sweep over periods by start, so 100,000 claims of one about on different days cost no
    quadratic work). A node with no period meets every other."""
    out: list[Pair] = []
    by_dim: dict[str, list[int]] = {}
    for x in same:
        by_dim.setdefault(nodes[x].dim, []).append(x)
    for xs in by_dim.values():
        timeless = [x for x in xs if nodes[x].period is None]
        timed = sorted(
            (x for x in xs if nodes[x].period is not None),
            key=lambda x: (nodes[x].period.start, x),  # type: ignore[union-attr]
        )
        out.extend((t, x) for t in timeless for x in xs if x != t and (x not in timeless or t < x))
        open_: list[int] = []
        for x in timed:
            start = nodes[x].period.start  # type: ignore[union-attr]
            open_ = [y for y in open_ if nodes[y].period.end >= start]  # type: ignore[union-attr]
            out.extend((y, x) for y in open_)
            open_.append(x)
    return out

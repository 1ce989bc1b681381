"""Group claims that count the same thing: keys (see `normalise`) scored with rapidfuzz, the
pairs worth scoring found by blocking on rare words, then complete-linkage clustering."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz, process

from discrepancy.model import Claim, Group, Member, NearMiss, Period, Progress, Settings, no_progress
from discrepancy.normalise import Key, Normaliser, fold, why_apart
from discrepancy.quantities import CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATIONS

__all__ = ["Normaliser", "fold", "group_claims", "score", "dimension"]

_CURRENCIES = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
_DURATIONS = frozenset(DURATIONS.values())


def score(a: str, b: str) -> float:
    """How alike two keys' texts are, 0-100, regardless of word order."""
    return fuzz.token_sort_ratio(a, b)


def dimension(unit: str) -> str:
    """What a unit measures: claims are compared only within one (USD and EUR are both money,
    days and months both time; USD and USD/month are not comparable)."""
    base, _, rate = unit.partition("/")
    base = "money" if base in _CURRENCIES else "time" if base in _DURATIONS else base
    return f"{base}/{rate}" if rate else base


@dataclass
class _Node:
    """Claims that match as one: the same key, dimension and period (and no `not_with`)."""

    key: int
    dim: str
    period: Period | None
    claims: list[Claim] = field(default_factory=list)


def _comparable(a: _Node, b: _Node) -> bool:
    if a.dim != b.dim:
        return False
    if a.period is not None and b.period is not None and not a.period.overlaps(b.period):
        return False
    return not any(x.id in y.not_with or y.id in x.not_with for x in a.claims for y in b.claims
                   if x.not_with or y.not_with)


def _order(c: Claim) -> tuple:
    return (c.id, c.source, c.about, c.value, c.quantity.unit, str(c.period), c.location)


def group_claims(claims: Sequence[Claim], normaliser: Normaliser, settings: Settings,
                 progress: Progress = no_progress) -> tuple[list[Group], list[NearMiss]]:
    """Claims into groups (complete linkage: every member matches every other, so no chaining),
    plus the near misses that fell just under the threshold. Independent of input order."""
    normaliser.learn({c.about for c in claims})
    forced: dict[str, list[Claim]] = {}
    free: list[Claim] = []
    for c in sorted(claims, key=_order):
        (forced.setdefault(c.group, []) if c.group else free).append(c)

    keys: list[Key] = []
    key_index: dict[Key, int] = {}
    claim_key: dict[str, Key] = {}
    nodes: list[_Node] = []
    node_index: dict[tuple, int] = {}
    apart = {c.id for c in free if c.not_with} | {x for c in free for x in c.not_with}
    for n, c in enumerate(free):
        if n % 4096 == 0:
            progress("normalising", n, len(free))
        key = normaliser.key(c.about)
        k = key_index.get(key)
        if k is None:
            k = key_index[key] = len(keys)
            keys.append(key)
        sig = (k, dimension(c.quantity.unit), c.period, c.id if c.id in apart else "")
        i = node_index.get(sig)
        if i is None:
            i = node_index[sig] = len(nodes)
            nodes.append(_Node(k, sig[1], c.period))
        nodes[i].claims.append(c)
    for c in (c for members in forced.values() for c in members):
        claim_key[c.id] = normaliser.key(c.about)

    nodes_of: list[list[int]] = [[] for _ in keys]
    for i, node in enumerate(nodes):
        nodes_of[node.key].append(i)
    floor = settings.match_threshold - settings.near_miss_margin
    linked: dict[tuple[int, int], float] = {}
    near: list[tuple[float, int, int]] = []

    def link(s: float, x: int, y: int) -> None:
        a, b = (x, y) if x < y else (y, x)
        if not _comparable(nodes[a], nodes[b]):
            return
        if s >= settings.match_threshold:
            linked[(a, b)] = s
        else:
            near.append((s, a, b))

    for same in nodes_of:
        for x, y in combinations(same, 2):
            link(100.0, x, y)
    for i, j, s in _candidates([k.sorted for k in keys], floor, progress):
        if not why_apart(keys[i], keys[j]):
            for x in nodes_of[i]:
                for y in nodes_of[j]:
                    link(s, x, y)

    progress("grouping", 0, 1)
    cluster_of = list(range(len(nodes)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
    for (a, b), s in sorted(linked.items(), key=lambda e: (-e[1], e[0])):
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        if not all((min(x, y), max(x, y)) in linked for x in members[ca] for y in members[cb]):
            continue
        keep, gone = min(ca, cb), max(ca, cb)
        for x in members[gone]:
            cluster_of[x] = keep
        members[keep].extend(members.pop(gone))

    groups: list[Group] = []
    for name, group_members in sorted(forced.items()):
        groups.append(_group(name, [Member(c, claim_key[c.id].text, 100.0, f"forced by group: {name}")
                                    for c in group_members]))
    for cluster in members.values():
        groups.append(_group("", _fuzzy_members(cluster, nodes, keys, linked)))
    groups = _unique_ids(groups)
    progress("grouping", 1, 1)
    return groups, _near_misses(near, linked, cluster_of, nodes)


def _candidates(texts: Sequence[str], floor: float,
                progress: Progress) -> Iterator[tuple[int, int, float]]:
    """Pairs of keys (i < j) whose texts score at least `floor`. Only keys that share a block
    are scored. A block is a pair of words among each key's rarest few, so two keys that share
    all but about (100 - floor)% of their words always meet; or a single word used by at most
    RARE keys, so small inputs are compared nearly pair by pair."""
    words = [sorted(set(t.split())) for t in texts]
    df = Counter(w for ws in words for w in ws)
    blocks: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for b in _blocks(ws, df, floor):
            blocks.setdefault(b, []).append(i)  # appended in order of i: each list is sorted
    total = len(texts)
    for i, ws in enumerate(words):
        if i % 1024 == 0:
            progress("matching", i, total)
        found: set[int] = set()
        for b in _blocks(ws, df, floor):
            posting = blocks[b]
            found.update(posting[bisect_right(posting, i):])
        if not found:
            continue
        others = sorted(found)
        for _, s, n in process.extract(texts[i], [texts[j] for j in others], scorer=fuzz.ratio,
                                       processor=None, score_cutoff=floor, limit=None):
            yield i, others[n], s
    progress("matching", total, total)


RARE = 100  # a word in at most this many keys is a block of its own


def _blocks(words: Sequence[str], df: Counter[str], floor: float) -> list[str]:
    rarest = sorted(words, key=lambda w: (df[w], w))
    differ = max(1, round(len(rarest) * (100 - floor) / 100))  # words two matches may not share
    prefix = sorted(rarest[:differ + 2])
    out = [f"{a} {b}" for a, b in combinations(prefix, 2)]
    out.extend(w for w in rarest if df[w] <= RARE or len(rarest) == 1)
    return out


def _fuzzy_members(cluster: list[int], nodes: list[_Node], keys: list[Key],
                   linked: dict[tuple[int, int], float]) -> list[Member]:
    """Each claim with its lowest score against the others, and whom that score was against."""
    out = []
    for x in cluster:
        others = [(linked[(min(x, y), max(x, y))], nodes[y].claims[0].id) for y in cluster if y != x]
        for c in nodes[x].claims:
            twins = [(100.0, o.id) for o in nodes[x].claims[:2] if o is not c][:1]
            if others or twins:
                lowest, against = min(others + twins)
                out.append(Member(c, keys[nodes[x].key].text, lowest, "fuzzy", against))
            else:
                out.append(Member(c, keys[nodes[x].key].text, 100.0, "alone"))
    return out


def _near_misses(near: list[tuple[float, int, int]], linked: dict[tuple[int, int], float],
                 cluster_of: list[int], nodes: list[_Node]) -> list[NearMiss]:
    """The best-scoring pair between each two groups that nearly merged: under the threshold,
    or over it but not matching every member of the other group."""
    best: dict[tuple[int, int], tuple[float, Claim, Claim]] = {}
    for s, a, b in [*near, *((s, a, b) for (a, b), s in linked.items())]:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        pair = (min(ca, cb), max(ca, cb))
        x, y = sorted((nodes[a].claims[0], nodes[b].claims[0]), key=lambda c: c.id)
        if pair not in best or (-s, x.id, y.id) < (-best[pair][0], best[pair][1].id, best[pair][2].id):
            best[pair] = (s, x, y)
    out = [NearMiss(x, y, s) for s, x, y in best.values()]
    out.sort(key=lambda n: (-n.score, n.a.id, n.b.id))
    return out


def _group(name: str, members: list[Member]) -> Group:
    members.sort(key=lambda m: (m.claim.quantity.unquantified, m.claim.quantity.lo,
                                m.claim.quantity.hi, m.claim.source, m.claim.id))
    # The wording most members use; ties go to the claim whose id sorts first.
    counts = Counter(m.claim.about for m in members)
    about = min(members, key=lambda m: (-counts[m.claim.about], m.claim.id)).claim.about
    return Group(name or _slug(about), about, tuple(members))


def _slug(text: str) -> str:
    return "-".join(fold(text).split()[:8]) or "group"


def _unique_ids(groups: list[Group]) -> list[Group]:
    groups.sort(key=lambda g: (g.id, [c.id for c in g.claims]))
    seen: dict[str, int] = {}
    out = []
    for g in groups:
        n = seen.get(g.id, 0) + 1
        seen[g.id] = n
        out.append(g if n == 1 else Group(f"{g.id}-{n}", g.about, g.members))
    return out

"""Group claims that count the same thing: keys (see `normalise`) scored with rapidfuzz, the
pairs worth scoring found by blocking on rare words, then complete-linkage clustering."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from rapidfuzz import fuzz, process

from discrepancy.lexicon import CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS, DURATIONS
from discrepancy.model import (
    Claim,
    Group,
    Member,
    NearMiss,
    Period,
    Progress,
    Settings,
    no_progress,
)
from discrepancy.normalise import Key, Normaliser, fold, why_apart

__all__ = ["Normaliser", "dimension", "fold", "group_claims"]

_CURRENCIES = (
    frozenset(CURRENCY_SIGNS.values())
    | frozenset(CURRENCY_NAMES.values())
    | frozenset(c.upper() for c in CURRENCY_CODES)
)
_DURATIONS = frozenset(DURATIONS.values())


@cache
def dimension(unit: str) -> str:
    """What a unit measures: claims are compared only within one (USD and EUR are both money,
    days and months both time; USD and USD/month are not comparable)."""
    base, _, rate = unit.partition("/")
    base = "money" if base in _CURRENCIES else "time" if base in _DURATIONS else base
    return f"{base}/{rate}" if rate else base


@dataclass(slots=True)
class _Node:
    """Claims that match as one: the same key, dimension and period (and no `not_with`)."""

    key: int
    dim: str
    period: Period | None
    alone: bool  # a claim with `not_with`, or named by one: a node of its own
    claims: list[Claim] = field(default_factory=list)


def _comparable(a: _Node, b: _Node) -> bool:
    if a.dim != b.dim:
        return False
    if a.period is not None and b.period is not None and not a.period.overlaps(b.period):
        return False
    return not any(
        x.id in y.not_with or y.id in x.not_with
        for x in a.claims
        for y in b.claims
        if x.not_with or y.not_with
    )


def _order(c: Claim) -> tuple:
    return (c.id, c.source, c.about, c.value, c.quantity.unit, str(c.period), c.location)


def group_claims(
    claims: Sequence[Claim],
    normaliser: Normaliser,
    settings: Settings,
    progress: Progress = no_progress,
    near_misses: bool = True,
) -> tuple[list[Group], list[NearMiss]]:
    """Claims into groups (complete linkage: every member matches every other, so no chaining),
    plus the near misses that fell just under the threshold (unless not wanted: finding them
    costs time on large inputs). Independent of input order."""
    progress("learning spellings and names", 0, 1)
    normaliser.learn({c.about for c in claims})
    forced: dict[str, list[Claim]] = {}
    free: list[Claim] = []
    for c in sorted(claims, key=_order):
        (forced.setdefault(c.group, []) if c.group else free).append(c)

    keys: list[Key] = []
    key_index: dict[Key, int] = {}
    about_index: dict[str, int] = {}
    nodes: list[_Node] = []
    nodes_of: list[list[int]] = []  # each key's nodes
    apart = {c.id for c in free if c.not_with} | {x for c in free for x in c.not_with}
    for n, c in enumerate(free):
        if n % 4096 == 0:
            progress("normalising", n, len(free))
        k = about_index.get(c.about)
        if k is None:
            key = normaliser.key(c.about)
            k = about_index[c.about] = key_index.setdefault(key, len(keys))
            if k == len(keys):
                keys.append(key)
                nodes_of.append([])
        dim, alone = dimension(c.quantity.unit), c.id in apart
        i = next(
            (
                i
                for i in nodes_of[k]
                if nodes[i].dim == dim
                and nodes[i].period == c.period
                and not alone
                and not nodes[i].alone
            ),
            None,
        )
        if i is None:
            i = len(nodes)
            nodes.append(_Node(k, dim, c.period, alone))
            nodes_of[k].append(i)
        nodes[i].claims.append(c)
    del key_index, about_index
    claim_key = {c.id: normaliser.key(c.about) for members in forced.values() for c in members}
    floor = settings.match_threshold - (settings.near_miss_margin if near_misses else 0)
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
    for i, j, s in _candidates([k.sorted for k in keys], settings.match_threshold, floor, progress):
        if not why_apart(keys[i], keys[j]):
            for x in nodes_of[i]:
                for y in nodes_of[j]:
                    link(s, x, y)

    progress("grouping", 0, 1)
    cluster_of = list(range(len(nodes)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
    for (a, b), _s in sorted(linked.items(), key=lambda e: (-e[1], e[0])):
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
        groups.append(
            _group(
                name,
                [
                    Member(c, claim_key[c.id].text, 100.0, f"forced by group: {name}")
                    for c in group_members
                ],
            )
        )
    for cluster in members.values():
        groups.append(_group("", _fuzzy_members(cluster, nodes, keys, linked)))
    groups = _unique_ids(groups)
    progress("grouping", 1, 1)
    return groups, _near_misses(near, linked, cluster_of, nodes) if near_misses else []


def _candidates(
    texts: Sequence[str], threshold: float, floor: float, progress: Progress
) -> Iterator[tuple[int, int, float]]:
    """Pairs of keys (i < j) whose texts score at least `floor`, among the keys that share a
    block (see `_blocks`): every pair that could reach `threshold` meets in one; pairs under
    it (near misses) are found where they happen to meet."""
    vocab: dict[str, int] = {}
    words = [tuple({vocab.setdefault(w, len(vocab)) for w in t.split()}) for t in texts]
    df = [0] * len(vocab)
    for ws in words:
        for w in ws:
            df[w] += 1
    del vocab
    postings: dict[int, int | list[int]] = {}  # block -> its keys (a lone key as an int)
    key_blocks = []
    rare = _rare(len(texts))
    for i, ws in enumerate(words):
        mine = _blocks(ws, df, threshold, rare)
        for b in mine:
            held = postings.setdefault(b, i)
            if held != i:
                if isinstance(held, int):
                    postings[b] = [held, i]
                else:
                    held.append(i)  # appended in order of i: each list is sorted
        key_blocks.append(mine)
    del words
    total = len(texts)
    for i, mine in enumerate(key_blocks):
        if i % 1024 == 0:
            progress("matching", i, total)
        key_blocks[i] = ()
        found: set[int] = set()
        for b in mine:
            posting = postings[b]
            if not isinstance(posting, int):
                found.update(posting[bisect_right(posting, i) :])
        if not found:
            continue
        others = list(found)  # in any order: what is found does not depend on it
        for _, s, n in process.extract(
            texts[i],
            [texts[j] for j in others],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=floor,
            limit=None,
        ):
            yield i, others[n], s
    progress("matching", total, total)


def _rare(keys: int) -> int:
    """A word in at most this many keys is a block of its own: up to 100, so that small inputs
    compare nearly every pair; fewer on large inputs, where a typo recurs in hundreds of keys."""
    return max(10, min(100, 2_000_000 // max(1, keys)))


def _blocks(
    words: Sequence[int], df: Sequence[int], threshold: float, rare: int = 100
) -> tuple[int, ...]:
    """A key's blocks (numbered): the triples (and, for keys of four words or fewer, the pairs)
    of its rarest words, enough of them that two keys sharing all but `differ` words always
    share a block; and each of its words used by at most `rare` keys. Triples, not pairs:
    words that always come together ("air defence") would make a pair as common as one word.
    A word in one key only is in no block."""
    rarest = sorted(words, key=lambda w: (df[w], w))
    n = len(rarest)
    differ = max(1, round(n * (100 - threshold) / 100))  # words two matches may not share
    v = len(df)
    out = [w * 4 + 1 for w in rarest if 1 < df[w] <= rare]
    if n <= 2:
        out.append(_block(sorted(words), v))
    if 2 < n <= 4:
        out.extend(
            _block(c, v)
            for c in combinations(sorted(w for w in rarest[: differ + 2] if df[w] > 1), 2)
        )
    if n >= 3:
        out.extend(
            _block(c, v)
            for c in combinations(sorted(w for w in rarest[: differ + 3] if df[w] > 1), 3)
        )
    return tuple(out)


def _block(words: Sequence[int], v: int) -> int:
    """A block's number: its words' numbers in base v, then how many words (so a pair is never
    read as a triple)."""
    out = 0
    for w in words:
        out = out * v + w
    return out * 4 + len(words)


def _fuzzy_members(
    cluster: list[int], nodes: list[_Node], keys: list[Key], linked: dict[tuple[int, int], float]
) -> list[Member]:
    """Each claim with its lowest score against the others, and whom that score was against."""
    out = []
    for x in cluster:
        others = [
            (linked[(min(x, y), max(x, y))], nodes[y].claims[0].id) for y in cluster if y != x
        ]
        for c in nodes[x].claims:
            twins = [(100.0, o.id) for o in nodes[x].claims[:2] if o is not c][:1]
            if others or twins:
                lowest, against = min(others + twins)
                out.append(Member(c, keys[nodes[x].key].text, lowest, "fuzzy", against))
            else:
                out.append(Member(c, keys[nodes[x].key].text, 100.0, "alone"))
    return out


def _near_misses(
    near: list[tuple[float, int, int]],
    linked: dict[tuple[int, int], float],
    cluster_of: list[int],
    nodes: list[_Node],
) -> list[NearMiss]:
    """The best-scoring pair between each two groups that nearly merged: under the threshold,
    or over it but not matching every member of the other group."""
    best: dict[tuple[int, int], tuple[float, Claim, Claim]] = {}
    for s, a, b in [*near, *((s, a, b) for (a, b), s in linked.items())]:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        pair = (min(ca, cb), max(ca, cb))
        x, y = sorted((nodes[a].claims[0], nodes[b].claims[0]), key=lambda c: c.id)
        held = best.get(pair)
        if held is None or (-s, x.id, y.id) < (-held[0], held[1].id, held[2].id):
            best[pair] = (s, x, y)
    out = [NearMiss(x, y, s) for s, x, y in best.values()]
    out.sort(key=lambda n: (-n.score, n.a.id, n.b.id))
    return out


def _group(name: str, members: list[Member]) -> Group:
    members.sort(
        key=lambda m: (
            m.claim.quantity.unquantified,
            m.claim.quantity.lo,
            m.claim.quantity.hi,
            m.claim.source,
            m.claim.id,
        )
    )
    # The wording most members use; ties go to the claim whose id sorts first.
    counts = Counter(m.claim.about for m in members)
    about = min(members, key=lambda m: (-counts[m.claim.about], m.claim.id)).claim.about
    return Group(name or _slug(about), about, tuple(members))


def _slug(text: str) -> str:
    return "-".join(fold(text).split()[:8]) or "group"


def _unique_ids(groups: list[Group]) -> list[Group]:
    groups.sort(key=lambda g: (g.id, min(m.claim.id for m in g.members)))
    seen: dict[str, int] = {}
    out = []
    for g in groups:
        n = seen.get(g.id, 0) + 1
        seen[g.id] = n
        out.append(g if n == 1 else Group(f"{g.id}-{n}", g.about, g.members))
    return out

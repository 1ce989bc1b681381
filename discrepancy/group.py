"""Group claims that count the same thing: each `about` read into a key (see `normalise`), the
pairs worth comparing found by blocking (see `blocking`), each pair judged by `match.judge`,
then average linkage that never joins two claims judged apart."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from discrepancy.blocking import candidates
from discrepancy.lexicon import CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS, DURATIONS
from discrepancy.match import Verdict, apart_reason, judge
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
from discrepancy.normalise import Key, Normaliser
from discrepancy.score import Weights, key_score
from discrepancy.words import fold

__all__ = ["Normaliser", "dimension", "fold", "group_claims"]

_CURRENCIES = (
    frozenset(CURRENCY_SIGNS.values())
    | frozenset(CURRENCY_NAMES.values())
    | frozenset(c.upper() for c in CURRENCY_CODES)
)
_DURATIONS = frozenset(DURATIONS.values())
# Average linkage: two groups join when no pair across them is judged apart and their pairs
# score on average at least the threshold less this (a large set of true variants holds
# together though its farthest spellings score under the threshold).
LINKAGE_SLACK = 10.0
# Pairs kept apart by a rule that are shown as near misses, when their words match: names
# spelled alike (a person may know they are one), or a linkage that kept them apart. Periods,
# units and `not_with` are the file's own word, and known different names or measures are
# different: never near misses.
_WORTH_A_LOOK = ("names spelled alike", "linkage")
LINKAGE_MOST = 40_000  # pairs across two groups beyond which they join only on every pair linked
TITLE_WORDINGS = 300  # distinct wordings of a group beyond which its title is the most frequent


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


def _order(c: Claim) -> tuple:
    return (c.id, c.source, c.about, c.value, c.quantity.unit, str(c.period), c.location)


class _Judge:
    """Verdicts on pairs of nodes (`match.judge` decides). Nothing is kept per pair: a million
    claims make tens of millions of candidate pairs; the pairs that matter are kept by the
    caller (linked, near misses)."""

    def __init__(self, nodes: list[_Node], keys: list[Key], weigh: Weights, scored: bool) -> None:
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


def group_claims(
    claims: Sequence[Claim],
    normaliser: Normaliser,
    settings: Settings,
    progress: Progress = no_progress,
    near_misses: bool = True,
) -> tuple[list[Group], list[NearMiss]]:
    """Claims into groups, plus the near misses: pairs kept apart that came closest to
    grouping (unless not wanted: finding them costs time on large inputs). Independent of
    input order."""
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
    node_index: dict[tuple, int] = {}
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
        slot = (k, dim, c.period, c.id if alone else "")
        i = node_index.get(slot)
        if i is None:
            i = node_index[slot] = len(nodes)
            nodes.append(_Node(k, dim, c.period, alone))
            nodes_of[k].append(i)
        nodes[i].claims.append(c)
    del key_index, about_index, node_index
    claim_key = {c.id: normaliser.key(c.about) for members in forced.values() for c in members}
    threshold = settings.match_threshold
    floor = threshold - settings.near_miss_margin if near_misses else threshold
    verdict = _Judge(nodes, keys, Weights(keys, normaliser.name_words), near_misses)
    linked: dict[tuple[int, int], float] = {}
    near: dict[tuple[int, int], Verdict] = {}

    def link(x: int, y: int) -> None:
        v = verdict(x, y)
        pair = (x, y) if x < y else (y, x)
        if not v.apart and v.score >= threshold:
            linked[pair] = v.score
        elif near_misses and v.score >= floor and v.apart != "not_with":
            near[pair] = v

    for same in nodes_of:
        if len(same) > 1:
            for x, y in _overlapping(same, nodes):
                link(x, y)
    tags = [" ".join(k.numbers) for k in keys]
    # measures apart: a pair never linked, and no near miss worth a look (`_near_misses`)
    classes: dict[str, int] = {"": 0}
    kinds = [
        (
            classes.setdefault(k.measure.measure, len(classes)),
            classes.setdefault(k.measure.subject, len(classes)),
        )
        for k in keys
    ]
    for i, others in candidates([k.blocked for k in keys], tags, threshold, progress, kinds):
        for j in others:
            for x in nodes_of[i]:
                for y in nodes_of[j]:
                    link(x, y)

    progress("grouping", 0, 1)
    cluster_of, members, why_not = _cluster(linked, len(nodes), verdict, threshold)
    groups: list[Group] = []
    for name, group_members in sorted(forced.items()):
        groups.append(
            _group(
                name,
                [
                    _member(c, claim_key[c.id], 100.0, f"forced by group: {name}")
                    for c in group_members
                ],
            )
        )
    for cluster in members.values():
        groups.append(_group("", _fuzzy_members(cluster, nodes, keys, verdict, linked)))
    groups = _unique_ids(groups)
    progress("grouping", 1, 1)
    if not near_misses:
        return groups, []
    return groups, _near_misses(near, linked, why_not, cluster_of, nodes, threshold)


def _overlapping(same: list[int], nodes: list[_Node]) -> list[tuple[int, int]]:
    """The pairs of one key's nodes that may match: in one dimension, periods overlapping (a
    sweep over periods by start, so 100,000 claims of one about on different days cost no
    quadratic work). A node with no period meets every other."""
    out: list[tuple[int, int]] = []
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


def _cluster(
    linked: dict[tuple[int, int], float], n: int, verdict: _Judge, threshold: float
) -> tuple[list[int], dict[int, list[int]], dict[tuple[int, int], str]]:
    """Average linkage over the linked pairs, best first (ties by node number, so the input's
    order never matters): two groups join when no pair across them is judged apart and their
    pairs score on average at least the threshold less LINKAGE_SLACK. Returns each node's
    group, the groups, and for each linked pair left apart, why."""
    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    why_not: dict[tuple[int, int], str] = {}
    for (a, b), _s in sorted(linked.items(), key=lambda e: (-e[1], e[0])):
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        why = _why_not_join(members[ca], members[cb], linked, verdict, threshold)
        if why:
            why_not[(a, b)] = why
            continue
        keep, gone = min(ca, cb), max(ca, cb)
        for x in members[gone]:
            cluster_of[x] = keep
        members[keep].extend(members.pop(gone))
    return cluster_of, members, why_not


def _why_not_join(
    xs: list[int],
    ys: list[int],
    linked: dict[tuple[int, int], float],
    verdict: _Judge,
    threshold: float,
) -> str:
    if len(xs) * len(ys) > LINKAGE_MOST:
        ok = all((min(x, y), max(x, y)) in linked for x in xs for y in ys)
        return "" if ok else "linkage: not every pair across the two groups matches"
    total = 0.0
    for x in xs:
        for y in ys:
            known = linked.get((x, y) if x < y else (y, x))
            if known is not None:
                total += known
                continue
            v = verdict(x, y)
            if v.apart:
                return f"linkage: {v.apart} ({_first_id(verdict, x)} vs {_first_id(verdict, y)})"
            total += v.score
    mean = total / (len(xs) * len(ys))
    if mean < threshold - LINKAGE_SLACK:
        return f"linkage: the two groups score {mean:.0f} on average"
    return ""


def _first_id(verdict: _Judge, x: int) -> str:
    return verdict.nodes[x].claims[0].id


def _member(c: Claim, key: Key, score: float, reason: str, against: str = "") -> Member:
    return Member(
        c,
        key.text,
        score,
        reason,
        against,
        str(key.measure) if key.measure.measure else "",
        key.scope,
        str(c.period) if c.period is not None else key.when.text,
        key.aside,
    )


def _score(x: int, y: int, linked: dict[tuple[int, int], float], verdict: _Judge) -> float:
    known = linked.get((x, y) if x < y else (y, x))
    return known if known is not None else verdict(x, y).score


def _fuzzy_members(
    cluster: list[int],
    nodes: list[_Node],
    keys: list[Key],
    verdict: _Judge,
    linked: dict[tuple[int, int], float],
) -> list[Member]:
    """Each claim with its lowest score against the others, and whom that score was against."""
    out = []
    for x in cluster:
        others = [(_score(x, y, linked, verdict), nodes[y].claims[0].id) for y in cluster if y != x]
        key = keys[nodes[x].key]
        for c in nodes[x].claims:
            twins = [(100.0, o.id) for o in nodes[x].claims[:2] if o is not c][:1]
            if others or twins:
                lowest, against = min(others + twins)
                out.append(_member(c, key, lowest, "fuzzy", against))
            else:
                out.append(_member(c, key, 100.0, "alone"))
    return out


def _near_misses(
    near: dict[tuple[int, int], Verdict],
    linked: dict[tuple[int, int], float],
    why_not: dict[tuple[int, int], str],
    cluster_of: list[int],
    nodes: list[_Node],
    threshold: float,
) -> list[NearMiss]:
    """The pair most likely the same thing between each two groups that were kept apart, with
    what kept them apart: a score under the threshold, a measure, a name, a period, or the
    linkage. Ranked by score, those kept apart only by their score first."""
    best: dict[tuple[int, int], tuple[tuple, NearMiss]] = {}
    pairs = [
        (p, v.score, v.apart or _under(v, threshold))
        for p, v in near.items()
        if not v.apart or (v.score >= threshold and v.apart.startswith(_WORTH_A_LOOK))
    ]
    pairs += [(p, linked[p], why) for p, why in why_not.items()]
    for (a, b), score, why in pairs:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        pair = (min(ca, cb), max(ca, cb))
        x, y = sorted((nodes[a].claims[0], nodes[b].claims[0]), key=lambda c: c.id)
        rank = (not why.startswith("score"), -score, x.id, y.id)
        held = best.get(pair)
        if held is None or rank < held[0]:
            best[pair] = (rank, NearMiss(x, y, score, why))
    return [m for _, m in sorted(best.values(), key=lambda e: e[0])]


def _under(v: Verdict, threshold: float) -> str:
    extra = f"; {v.penalty}" if v.penalty else ""
    shown = f"{v.score:.0f}"
    if float(shown) >= threshold:  # 84.96 is "84.9 under 85", never "85 under 85"
        shown = f"{math.floor(v.score * 10) / 10:.1f}"
    return f"score {shown} under the threshold of {threshold:g}{extra}"


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
    about = _title(members)
    return Group(name or _slug(about), about, tuple(members))


def _title(members: list[Member]) -> str:
    """The wording most members use: the one whose words the members share most (summed word
    overlap, Jaccard, over every member), so that one misspelt variant never names a group of
    others that agree ("Porto Rico" beside three "Puerto Rico"); ties go to the claim whose id
    sorts first. Past TITLE_WORDINGS distinct wordings, the most frequent wording."""
    counts = Counter(m.claim.about for m in members)
    share: dict[str, float] = dict(counts)
    if 1 < len(counts) <= TITLE_WORDINGS:
        words = {w: frozenset(fold(w).split()) for w in counts}
        for w, mine in words.items():
            total = 0.0
            for v, theirs in words.items():
                both = len(mine | theirs)
                total += counts[v] * (len(mine & theirs) / both if both else 1.0)
            share[w] = round(total, 9)
    return min(members, key=lambda m: (-share[m.claim.about], m.claim.id)).claim.about


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

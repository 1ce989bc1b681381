"""Group claims that count the same thing: each `about` read into a key (see `normalise`), the
pairs worth comparing found by blocking (see `blocking`), each pair judged by `match.judge`,
then average linkage that never joins two claims judged apart."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cache
from operator import attrgetter

from discrepancy import units
from discrepancy.cores import shared
from discrepancy.lexicon import CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS
from discrepancy.linking import Judge, Node, link
from discrepancy.match import Verdict
from discrepancy.model import (
    Claim,
    Group,
    Member,
    NearMiss,
    Progress,
    Settings,
    no_progress,
)
from discrepancy.normalise import Key, Normaliser
from discrepancy.score import Weights
from discrepancy.words import fold

__all__ = ["Normaliser", "dimension", "fold", "group_claims"]

_CURRENCIES = (
    frozenset(CURRENCY_SIGNS.values())
    | frozenset(CURRENCY_NAMES.values())
    | frozenset(c.upper() for c in CURRENCY_CODES)
)
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
    days and months both time, km and miles both length, mph and km/h both speed; a rate by
    its period: USD/month and USD/year alike; USD and USD/month are not comparable)."""
    base, _, rate = unit.partition("/")
    base = "money" if base in _CURRENCIES else units.dimension(base)  # time, length, ... or itself
    return f"{base}/{'time' if rate in units.PERIOD_DAYS else rate}" if rate else base


def _order(c: Claim) -> tuple:
    return (c.id, c.source, c.about, c.value, c.quantity.unit, str(c.period), c.location)


def _in_order(claims: Sequence[Claim]) -> list[Claim]:
    """The claims sorted by `_order`: by id, then the few that share one (a claim coded twice,
    its id made from its content) by the rest (a quarter of the time of the whole key)."""
    out = sorted(claims, key=attrgetter("id"))
    start = 0
    for end in range(1, len(out) + 1):
        if end == len(out) or out[end].id != out[start].id:
            if end - start > 1:
                out[start:end] = sorted(out[start:end], key=_order)
            start = end
    return out


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
    forced: dict[str, list[Claim]] = {}
    free: list[Claim] = []
    for c in _in_order(claims):
        (forced.setdefault(c.group, []) if c.group else free).append(c)

    keys: list[Key] = []
    key_index: dict[Key, int] = {}
    about_index: dict[str, int] = {}
    nodes: list[Node] = []
    node_index: dict[tuple, int] = {}
    nodes_of: list[list[int]] = []  # each key's nodes
    apart = {c.id for c in free if c.not_with} | {x for c in free for x in c.not_with}
    abouts = list(dict.fromkeys(c.about for c in free))
    n_free = len(abouts)
    abouts += sorted({c.about for m in forced.values() for c in m}.difference(abouts))
    learnt = normaliser.learn_keys(abouts, progress)
    for about, key in zip(abouts[:n_free], learnt):
        k = about_index[about] = key_index.setdefault(key, len(keys))
        if k == len(keys):
            keys.append(key)
            nodes_of.append([])
    key_of = dict(zip(abouts[n_free:], learnt[n_free:]))  # of abouts only forced claims have
    claim_key = {
        c.id: key_of[c.about] if c.about in key_of else keys[about_index[c.about]]
        for members in forced.values()
        for c in members
    }
    del abouts, learnt, key_of
    for c in free:
        k = about_index[c.about]
        dim, alone = dimension(c.quantity.unit), c.id in apart
        slot = (k, dim, c.period, c.id if alone else "")
        i = node_index.get(slot)
        if i is None:
            i = node_index[slot] = len(nodes)
            nodes.append(Node(k, dim, c.period, alone))
            nodes_of[k].append(i)
        nodes[i].claims.append(c)
    del key_index, about_index, node_index
    threshold = settings.match_threshold
    floor = threshold - settings.near_miss_margin if near_misses else None
    verdict = Judge(nodes, keys, Weights(keys, normaliser.name_words), near_misses)
    linked, near = link(nodes, nodes_of, keys, verdict, threshold, floor, progress)

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
    clusters = list(members.values())

    def summed_up(share: Sequence[list[int]]) -> tuple[list[tuple], None]:
        return [
            (
                _lowest(cluster, nodes, verdict, linked),
                _title([c for x in cluster for c in nodes[x].claims]),
            )
            for cluster in share
        ], None

    for cluster, (lowest, title) in zip(clusters, shared(summed_up, clusters)[0]):
        groups.append(_group("", _fuzzy_members(cluster, nodes, keys, lowest), title))
    groups = _unique_ids(groups)
    progress("grouping", 1, 1)
    if not near_misses:
        return groups, []
    return groups, _near_misses(near, linked, why_not, cluster_of, nodes, threshold)


def _cluster(
    linked: dict[tuple[int, int], float], n: int, verdict: Judge, threshold: float
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
    verdict: Judge,
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


def _first_id(verdict: Judge, x: int) -> str:
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


def _score(x: int, y: int, linked: dict[tuple[int, int], float], verdict: Judge) -> float:
    known = linked.get((x, y) if x < y else (y, x))
    return known if known is not None else verdict(x, y).score


def _lowest(
    cluster: list[int], nodes: list[Node], verdict: Judge, linked: dict[tuple[int, int], float]
) -> list[tuple[float, str] | None]:
    """Each node's lowest score against the other nodes of its group, and whom that score
    was against (None for a group of one node)."""
    if len(cluster) == 1:
        return [None]
    return [
        min((_score(x, y, linked, verdict), nodes[y].claims[0].id) for y in cluster if y != x)
        for x in cluster
    ]


def _fuzzy_members(
    cluster: list[int],
    nodes: list[Node],
    keys: list[Key],
    lowest: list[tuple[float, str] | None],
) -> list[Member]:
    """Each claim with its lowest score against the others (see `_lowest`), and whom that
    score was against."""
    out = []
    for x, low in zip(cluster, lowest):
        key = keys[nodes[x].key]
        for c in nodes[x].claims:
            twins = [(100.0, o.id) for o in nodes[x].claims[:2] if o is not c][:1]
            if low is not None or twins:
                score, against = min(([low] if low is not None else []) + twins)
                out.append(_member(c, key, score, "fuzzy", against))
            else:
                out.append(_member(c, key, 100.0, "alone"))
    return out


def _near_misses(
    near: dict[tuple[int, int], Verdict],
    linked: dict[tuple[int, int], float],
    why_not: dict[tuple[int, int], str],
    cluster_of: list[int],
    nodes: list[Node],
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


def _group(name: str, members: list[Member], about: str = "") -> Group:
    members.sort(
        key=lambda m: (
            m.claim.quantity.unquantified,
            m.claim.quantity.lo,
            m.claim.quantity.hi,
            m.claim.source,
            m.claim.id,
        )
    )
    about = about or _title([m.claim for m in members])
    return Group(name or _slug(about), about, tuple(members))


def _title(claims: list[Claim]) -> str:
    """The wording most claims use: the one whose words the claims share most (summed word
    overlap, Jaccard, over every member), so that one misspelt variant never names a group of
    others that agree ("Porto Rico" beside three "Puerto Rico"); ties go to the claim whose id
    sorts first. Past TITLE_WORDINGS distinct wordings, the most frequent wording."""
    if len(claims) == 1:
        return claims[0].about
    counts = Counter(c.about for c in claims)
    share: dict[str, float] = dict(counts)
    if 1 < len(counts) <= TITLE_WORDINGS:
        words = {w: frozenset(fold(w).split()) for w in counts}
        for w, mine in words.items():
            total = 0.0
            for v, theirs in words.items():
                both = len(mine | theirs)
                total += counts[v] * (len(mine & theirs) / both if both else 1.0)
            share[w] = round(total, 9)
    return min(claims, key=lambda c: (-share[c.about], c.id)).about


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

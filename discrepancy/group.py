"""Group claims that count the same thing: normalised `about` keys compared with rapidfuzz."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from discrepancy.model import Claim, Group, Member, NearMiss, Settings

STOP_WORDS = frozenset(
    "a an the of to in into on at by for from with and or as its their his her this that "
    "these those who which were was be been being is are has have had than".split()
)
# Arabic article forms written before a name ("al-Sarraj", "ad-Dawla"): noise for matching.
ARTICLES = frozenset("al el ad ar as ash az at an ul".split())
# Transliteration alternations folded to one spelling (applied to each word, in order).
FOLDS = (("dh", "d"), ("kh", "h"), ("ou", "u"), ("ee", "i"), ("q", "k"), ("g", "k"),
         ("y", "i"), ("e", "i"), ("j", "i"))
_PUNCT = re.compile(r"[^\w\s]|_")
_DOUBLE = re.compile(r"(\w)\1+")


def fold(text: str) -> str:
    """Case, accents and punctuation out: 'Ḥaftar’s  Forces' -> 'haftar s forces'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


class Normaliser:
    """Turns an `about` into the key that is compared: aliases applied, spelling noise folded."""

    def __init__(self, aliases: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        table: dict[str, str] = {}
        for canonical, variants in aliases:
            for name in (canonical, *variants):
                if fold(name):
                    table[fold(name)] = fold(canonical)
        self._table = table
        names = sorted(table, key=lambda n: (-len(n), n))
        self._pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        self.key = lru_cache(maxsize=None)(self._key)

    def _key(self, about: str) -> str:
        text = fold(about)
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: self._table[m.group(0)], text)
        return " ".join(w for w in (_word(t) for t in text.split()
                                    if t not in STOP_WORDS and t not in ARTICLES) if w)


@lru_cache(maxsize=None)
def _word(token: str) -> str:
    if token.isdigit():
        return token
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]  # plurals: "fighters" and "fighter" count the same thing
    for a, b in FOLDS:
        token = token.replace(a, b)
    return _DOUBLE.sub(r"\1", token)


def score(a: str, b: str) -> float:
    """How alike two normalised keys are, 0-100, regardless of word order."""
    return fuzz.token_sort_ratio(a, b)


def _comparable(a: Claim, b: Claim) -> bool:
    if a.id in b.not_with or b.id in a.not_with:
        return False
    return a.period is None or b.period is None or a.period.overlaps(b.period)


def group_claims(claims: Sequence[Claim], normaliser: Normaliser,
                 settings: Settings) -> tuple[list[Group], list[NearMiss]]:
    """Claims into groups (complete linkage: every member matches every other, so no chaining),
    plus the near misses that fell just under the threshold. Independent of input order."""
    ordered = sorted(claims, key=lambda c: (c.id, c.source, c.about, c.value))
    keys = {c.id: normaliser.key(c.about) for c in ordered}
    forced: dict[str, list[Claim]] = {}
    free: list[Claim] = []
    for c in ordered:
        (forced.setdefault(c.group, []) if c.group else free).append(c)

    floor = settings.match_threshold - settings.near_miss_margin
    scores: dict[tuple[str, str], float] = {}
    near: list[NearMiss] = []
    for i, a in enumerate(free):
        for b in free[i + 1:]:
            if not _comparable(a, b):
                continue
            s = score(keys[a.id], keys[b.id])
            if s >= settings.match_threshold:
                scores[(a.id, b.id)] = scores[(b.id, a.id)] = s
            elif s >= floor:
                near.append(NearMiss(a, b, s))

    clusters: dict[str, list[Claim]] = {c.id: [c] for c in free}
    where = {c.id: c.id for c in free}
    edges = sorted(((s, a, b) for (a, b), s in scores.items() if a < b),
                   key=lambda e: (-e[0], e[1], e[2]))
    for _, a, b in edges:
        ca, cb = where[a], where[b]
        if ca == cb:
            continue
        if all((x.id, y.id) in scores for x in clusters[ca] for y in clusters[cb]):
            clusters[ca].extend(clusters.pop(cb))
            for c in clusters[ca]:
                where[c.id] = ca

    groups: list[Group] = []
    for name, members in sorted(forced.items()):
        groups.append(_group(name, members, keys, scores, f"forced by group: {name}"))
    for members in clusters.values():
        groups.append(_group("", members, keys, scores, "fuzzy"))
    groups = _unique_ids(groups)
    grouped = {c.id: g.id for g in groups for c in g.claims}
    near = [n for n in near if grouped[n.a.id] != grouped[n.b.id]]
    near.sort(key=lambda n: (-n.score, n.a.id, n.b.id))
    return groups, near


def _group(name: str, claims: list[Claim], keys: dict[str, str],
           scores: dict[tuple[str, str], float], reason: str) -> Group:
    claims = sorted(claims, key=lambda c: (c.quantity.unquantified, c.quantity.lo,
                                           c.quantity.hi, c.source, c.id))
    members = []
    for c in claims:
        others = [scores.get((c.id, o.id), 100.0) for o in claims if o is not c]
        why = reason if len(claims) > 1 else "alone"
        members.append(Member(c, keys[c.id], min(others, default=100.0), why))
    # The wording most members use; ties go to the claim whose id sorts first.
    counts = Counter(c.about for c in claims)
    about = min(claims, key=lambda c: (-counts[c.about], c.id)).about
    gid = name or _slug(about)
    return Group(gid, about, tuple(members))


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

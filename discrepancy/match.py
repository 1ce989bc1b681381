"""Whether two claims may count the same thing, and why not: the one place that decides."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from discrepancy.capitals import capitals
from discrepancy.measure_words import PART_CLASSES
from discrepancy.model import Period
from discrepancy.names import Name, country_names, place_names
from discrepancy.normalise import CAPITAL, MODIFIER, NATIONAL, Key
from discrepancy.words import ADJECTIVE, skeleton

CLOSE = 0.9  # Jaro-Winkler similarity from which two words are spellings of one (Cohen et al.)
MEASURE_WEIGHT = 2.5  # the least a measure word weighs: the same measure is strong evidence
DEFAULT_SCOPE_WEIGHT = 0.3  # "nationwide": what a count with no place means anyway
PLAIN_WORD = 0.3  # a word that is neither a name nor the measure weighs this share of its rarity
KIND_WORD = 0.8  # ... and one that says what kind ("mail ballots", "length of the contracts") this
ONE_SIDED_PLACE = 0.6  # a city or region on one side only: the other counts the whole
ONE_SIDED_MEASURE = 0.9  # what is counted read on one side only: the rest must agree well
# A name a typo away from another is that name only when the input writes the other at least
# ten times as often, and at least ten times (as `Normaliser.learn` corrects words).
SPELLING_RATIO = 10
SPELLING_USES = 10
_last_unpaired: list = []  # [a, b, df, answer]: judge asks again what why_apart just asked


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether two claims may count the same thing: how alike their keys are (0-100, soft
    TF-IDF), and when they never can, why (`apart`); `penalty` says what lowered the score."""

    score: float
    apart: str = ""
    penalty: str = ""


class Weights:
    """Each word's weight: its rarity across the input's keys (inverse document frequency),
    so that the word that distinguishes outweighs the words every claim shares."""

    def __init__(self, keys: Iterable[Key], names: Container[str] = frozenset()) -> None:
        df: Counter[str] = Counter()
        n = 0
        for key in keys:
            n += 1
            df.update(set(key.text.split()))
        self.n = max(n, 1)
        # the measure's least weight, never more than a word of one key weighs: in a handful
        # of claims it would outweigh what tells two claims apart
        self.floor = min(MEASURE_WEIGHT, math.log(1 + self.n))
        self.df = df
        self.names = names
        self._vectors: dict[str, dict[str, float]] = {}
        self._cache: dict[str, float] = {}

    def vector(self, text: str) -> dict[str, float]:
        """A key's words with their weights, of length one."""
        v = self._vectors.get(text)
        if v is None:
            weights = {w: self(w) for w in text.split()}
            norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
            v = {w: x / norm for w, x in weights.items()}
            if len(self._vectors) > 100_000:
                self._vectors.clear()
            self._vectors[text] = v
        return v

    def __call__(self, word: str) -> float:
        w = self._cache.get(word)
        if w is None:
            w = math.log(1 + self.n / max(1, self.df.get(word, 0)))
            if word.startswith("#"):
                w = max(w, self.floor)
            elif word == NATIONAL or word in _countries():
                w = min(w, DEFAULT_SCOPE_WEIGHT)
            elif word[0] == MODIFIER:
                w *= KIND_WORD
            elif word not in self.names:
                w *= PLAIN_WORD

            self._cache[word] = w
        return w


@cache
def _countries() -> frozenset[str]:
    from discrepancy.words import tokens_of

    return frozenset(
        "_".join(t.skel for t in tokens_of(c) if t.kind != "stop") for c in country_names()
    )


@cache
def _capitals() -> frozenset[str]:
    from discrepancy.words import tokens_of

    return frozenset("_".join(t.skel for t in tokens_of(c) if t.kind != "stop") for c in capitals())


def _similar(a: str, b: str, names: Container[str]) -> float:
    if NATIONAL in (a, b):
        return 1.0 if (b if a == NATIONAL else a) in _countries() else 0.0
    if CAPITAL in (a, b):
        return 1.0 if (b if a == CAPITAL else a) in _capitals() else 0.0
    if a[0] == "#" or b[0] == "#":
        return 0.0
    a, b = a.lstrip(MODIFIER), b.lstrip(MODIFIER)
    if (a in names) != (b in names):  # a name is spelled like a name, never like a word
        return 0.0
    if 2 * min(len(a), len(b)) < max(len(a), len(b)):  # Jaro-Winkler under CLOSE anyway
        return 0.0
    s = JaroWinkler.similarity(a, b, score_cutoff=CLOSE)
    if not s and min(len(a), len(b)) >= 5:
        limit = 2 if max(len(a), len(b)) >= 9 else 1
        if OSA.distance(a, b, score_cutoff=limit) <= limit:
            return CLOSE
    return s


def soft_tfidf(a: str, b: str, weigh: Weights) -> float:
    """Soft TF-IDF (Cohen, Ravikumar & Fienberg 2003), both ways averaged: each word weighed
    by rarity and matched to its closest word on the other side (Jaro-Winkler >= CLOSE)."""
    va, vb = weigh.vector(a), weigh.vector(b)
    if not va or not vb:
        return 0.0
    total = 2.0 * sum(v * vb[w] for w, v in va.items() if w in vb)
    left_a = [w for w in va if w not in vb]
    left_b = [w for w in vb if w not in va]
    if left_a and left_b:
        names = weigh.names
        best_a = dict.fromkeys(left_a, 0.0)
        best_b = dict.fromkeys(left_b, 0.0)
        for w in left_a:
            for u in left_b:
                sim = _similar(w, u, names) * va[w] * vb[u]
                if sim > best_a[w]:
                    best_a[w] = sim
                if sim > best_b[u]:
                    best_b[u] = sim
        total += sum(best_a.values()) + sum(best_b.values())
    return min(100.0, 50.0 * total)


def key_score(a: Key, b: Key, weigh: Weights) -> float:
    """How alike two keys' words are, 0 to 100. What one side does not say is no evidence
    either way (Fellegi and Sunter): a measure read on one side only, and a subject that names
    the people counted said on one side only ("migrants missing", "people missing"), are left
    out of the comparison. A subject that is a part of them ("children killed") is not."""
    if a.text == b.text:
        return 100.0
    ma, mb = a.measure, b.measure
    drop = ""
    if bool(ma.measure) != bool(mb.measure):
        drop = "#"  # every measure token of the side that has one
    elif bool(ma.subject) != bool(mb.subject) and (ma.subject or mb.subject) not in PART_CLASSES:
        drop = f"#{ma.subject or mb.subject}"
    if not drop:
        return soft_tfidf(a.sorted, b.sorted, weigh)
    return soft_tfidf(_without(a.sorted, drop), _without(b.sorted, drop), weigh)


def _without(text: str, drop: str) -> str:
    """The key's words less those starting `drop` ("#": the measure) or equal to it."""
    if drop == "#":
        return " ".join(w for w in text.split() if w[0] != "#")
    return " ".join(w for w in text.split() if w != drop)


def _one_sided_place(a: Key, b: Key, df: Mapping[str, int]) -> str:
    """A city or region named on one side only, where the other names no place: a part
    against the whole ("in Paris" against a count with no place, or one for the country).
    So too whom it is for, named on one side only ("pledged for Syria" against all pledges),
    and a nationality ("Iranians killed in Itaewon" against all the dead there)."""
    left_a, left_b = _unpaired(a, b, df)
    for left, other in ((left_a, b), (left_b, a)):
        for narrows in (_local, _for_whom, _nationality):
            mine = [n for n in left if narrows(n)]
            if mine and not any(narrows(n) for n in other.names):
                return f"{mine[0].label} on one side only"
    return ""


def _nationality(name: Name) -> bool:
    """A country said of the people or things counted, not where ("Iranians killed",
    "U.S. citizens", "US aid"): a part of the whole the other side counts."""
    return name.known and name.role != "place" and name.ident in country_names()


def _for_whom(name: Name) -> bool:
    return name.role == "side"


def _local(name: Name) -> bool:
    """A place inside a country: named after "in", "at", "to" (and not a country), or a
    known city or region, or "the capital"."""
    ident = name.ident
    if ident == NATIONAL or ident in country_names():
        return False
    if name.role == "place":
        return True
    return name.role == "" and (ident == CAPITAL or (name.known and ident in place_names()))


def judge(
    a: Key,
    b: Key,
    weigh: Weights,
    pa: Period | None = None,
    pb: Period | None = None,
    score: float | None = None,
    apart: str | None = None,
) -> Verdict:
    """Whether the claims keyed a and b (with periods pa and pb) may count the same thing:
    never when their measures, names, numbers or times differ; otherwise as alike as the
    rarity-weighted soft match of their words, less a penalty for a place on one side only.
    `score` and `apart`, when given, are their words' score and `apart_reason`, already
    computed."""
    if apart is None:
        apart = apart_reason(a, b, weigh, pa, pb)
    if score is None:
        score = key_score(a, b, weigh)
    if apart:
        return Verdict(score, apart)
    penalty = "" if a.roll == b.roll else _one_sided_place(a, b, weigh.df)
    if penalty:
        score *= ONE_SIDED_PLACE
    elif bool(a.measure.measure) != bool(b.measure.measure):
        penalty = "what is counted read on one side only"
        score *= ONE_SIDED_MEASURE
    return Verdict(score, "", penalty)


def apart_reason(
    a: Key, b: Key, weigh: Weights, pa: Period | None = None, pb: Period | None = None
) -> str:
    """Why the claims keyed a and b can never count the same thing, or ''."""
    return _time_apart(a, b, pa, pb) or why_apart(a, b, weigh.df)


def _time_apart(a: Key, b: Key, pa: Period | None, pb: Period | None) -> str:
    if pa is not None and pb is not None and not pa.overlaps(pb):
        return f"periods differ: {pa} vs {pb}"
    if a.when is b.when:  # the same time (each is kept once: see Normaliser): never apart
        return ""
    clash = a.when.clash(b.when) if a.when and b.when else ""
    if clash:
        return clash
    if a.when == b.when:  # both abouts name the same time: it cannot set them apart
        return ""
    # A time in an about stands for the claim's period only when it has none.
    for when, own, period in ((a.when, pa, pb), (b.when, pb, pa)):
        if when and own is None and period is not None and not when.fits(period):
            return f"time differs: {when.text} vs {period}"
    return ""


def _roles_fit(a: str, b: str) -> bool:
    """Roles that may name one thing: the same, one unsaid, an adjective for an origin
    ("Syrian" for "from Syria"), or a place and a side ("votes for Biden, Bucks County" and
    "Biden votes in Bucks County"). An origin is never a destination ("from" vs "to", "in")."""
    return (
        a == b or not a or not b or {a, b} == {ADJECTIVE, "source"} or {a, b} == {"place", "side"}
    )


def _of_and_in(x: Name, y: Name, a: Key, b: Key) -> bool:
    """A country's adjective and the country as a place (x of key a, y of key b): "the
    Turkish death toll" is the toll in Turkey, when neither says more ("Libyan fighters sent
    to Syria" is no count in Libya)."""
    if {x.role, y.role} != {ADJECTIVE, "place"}:
        return False
    adjective, place = (a, b) if x.role == ADJECTIVE else (b, a)
    return not any(n.role == "place" for n in adjective.names) and not any(
        n.role == ADJECTIVE for n in place.names
    )


@lru_cache(maxsize=1 << 16)
def _alike(a: str, b: str) -> bool:
    """Spellings of each other: equal once folded, or a typo apart (one edit, two from nine
    letters on) as written or once folded. Words under five letters must match exactly; names
    of several words, word by word ("Hardin County" is not "Hardeman County")."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    if len(wa) > 1:
        return all(_alike(x, y) for x, y in zip(wa, wb))
    longest = max(len(a), len(b))
    if longest < 5:
        return False
    limit = 2 if longest >= 9 else 1
    if OSA.distance(a, b, score_cutoff=limit) <= limit:
        return True
    sa, sb = _skeletons(a), _skeletons(b)
    return sa == sb or OSA.distance(sa, sb, score_cutoff=limit) <= limit


@cache
def _skeletons(words: str) -> str:
    return " ".join(skeleton(w) for w in words.split())


def _same(x: Name, y: Name, df: Mapping[str, int] | None = None) -> bool:
    """The same name: the same known name, or written alike (a typo of a known name that was
    not recognised is still that name). "Nationwide" is any country; "the capital" is any
    capital city."""
    if NATIONAL in (x.ident, y.ident):
        other = y if x.ident == NATIONAL else x
        return other.ident == NATIONAL or (other.known and other.ident in country_names())
    if CAPITAL in (x.ident, y.ident):
        other = y if x.ident == CAPITAL else x
        return other.ident == CAPITAL or other.label in capitals() or other.ident in _capitals()
    if x.known and y.known:
        return x.ident == y.ident
    if not _alike(x.written, y.written):
        return False
    if df is None or x.known or y.known or _skeletons(x.written) == _skeletons(y.written):
        return True
    # A typo apart: one spelling must be the input's usual one, the other rare beside it.
    # Two spellings used alike (Zhaodong and Zhaotong, Macon and Bacon) are two names.
    nx, ny = df.get(x.ident, 0), df.get(y.ident, 0)
    return max(nx, ny) >= max(SPELLING_USES, SPELLING_RATIO * min(nx, ny))


def _unpaired(a: Key, b: Key, df: Mapping[str, int] | None = None) -> tuple[list[Name], list[Name]]:
    """Names of a and of b left once each is paired with the same name in a fitting role:
    the same role first, then one that fits, then a spelling of it."""
    last = _last_unpaired
    if last and last[0] is a and last[1] is b and last[2] is df:
        return last[3]
    free = list(b.names)
    left = []
    for x in a.names:
        y = (
            next((y for y in free if y.ident == x.ident and y.role == x.role), None)
            or next((y for y in free if y.ident == x.ident and _roles_fit(x.role, y.role)), None)
            or next((y for y in free if y.ident == x.ident and _of_and_in(x, y, a, b)), None)
            or next((y for y in free if _roles_fit(x.role, y.role) and _same(x, y, df)), None)
        )
        if y is not None:
            free.remove(y)
        else:
            left.append(x)
    out = ([x for x in left if not _written_in(x, b)], [y for y in free if not _written_in(y, a)])
    _last_unpaired[:] = [a, b, df, out]
    return out


def _written_in(name: Name, key: Key) -> bool:
    """An unknown name that the other about has as a plain word ("Armed" and "armed")."""
    return not name.known and _in_words(name.written, key.words)


@lru_cache(maxsize=1 << 16)
def _in_words(written: str, words: str) -> bool:
    split = words.split()
    mine = _skeletons(written)
    return written in split or any(_skeletons(w) == mine for w in split)


def why_apart(a: Key, b: Key, df: Mapping[str, int] | None = None) -> str:
    """'' when a and b may count the same thing; otherwise why they never can: they count
    different measures, name different actors or places in the same role, or hold different
    numbers."""
    if a.measure.differs(b.measure):
        return f"measures differ: {a.measure} vs {b.measure}"
    if a.numbers != b.numbers:
        return (
            f"numbers differ: {', '.join(a.numbers) or 'none'} vs {', '.join(b.numbers) or 'none'}"
        )
    if a.roll == b.roll:
        return ""
    left_a, left_b = _unpaired(a, b, df)
    for x in left_a:
        for y in left_b:
            if _roles_fit(x.role, y.role) or (
                _same(x, y, df) and ADJECTIVE not in (x.role, y.role)
            ):
                if not (x.known and y.known) and _alike(x.written, y.written):
                    return f"names spelled alike but not taken as one: {x} vs {y}"
                return f"names differ: {x} vs {y}"
    return _wider(left_a, b) or _wider(left_b, a)


def _wider(left: list[Name], other: Key) -> str:
    """A scope that adds a name to the other's, in the same role, where neither can hold the
    other: "in Turkey and Syria" is more than "in Turkey", "from the US and the EU" more than
    "from the US". Names with no role, or said as adjectives, may be no list ("Russian-recruited
    Syrians"); places are only sure to be apart when both are countries ("in Paris, France" is
    no more than "in Paris"), and then a country with no role counts ("in Turkey and Syria" is
    more than "areas of Syria")."""
    for x in left:
        for y in other.names:
            countries = x.known and y.known and {x.ident, y.ident} <= country_names()
            if x.role == "place" and y.role in ("", "place"):
                if not countries:  # "in Paris, France" is no more than "in Paris"
                    continue
            elif x.role != y.role or x.role in ("", ADJECTIVE):
                continue  # "Russian-recruited Syrians" is no list
            return f"scope wider on one side: {x} beside {y.label}"
    return ""

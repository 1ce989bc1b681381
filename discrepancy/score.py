"""How alike two keys' words are, 0 to 100: soft TF-IDF (Cohen, Ravikumar & Fienberg 2003),
each word weighed by its rarity across the input and by what it is (the measure, a name, a word
that says what kind, any other word), matched to its closest spelling with Jaro-Winkler. Whether
two claims may count the same thing at all is `match.py`'s to say."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Iterable
from functools import cache

from rapidfuzz.distance import OSA, JaroWinkler

from discrepancy.capitals import capitals
from discrepancy.kinds import MODIFIER
from discrepancy.measure_words import PART_CLASSES
from discrepancy.names import country_names
from discrepancy.normalise import CAPITAL, NATIONAL, Key

CLOSE = 0.9  # Jaro-Winkler similarity from which two words are spellings of one (Cohen et al.)
MEASURE_WEIGHT = 2.5  # the least a measure word weighs: the same measure is strong evidence
DEFAULT_SCOPE_WEIGHT = 0.3  # "nationwide": what a count with no place means anyway
PLAIN_WORD = 0.3  # a word that is neither a name nor the measure weighs this share of its rarity
KIND_WORD = 0.8  # ... and one that says what kind ("mail ballots", "length of the contracts") this


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
def capital_keys() -> frozenset[str]:
    from discrepancy.words import tokens_of

    return frozenset("_".join(t.skel for t in tokens_of(c) if t.kind != "stop") for c in capitals())


def _similar(a: str, b: str, names: Container[str]) -> float:
    if NATIONAL in (a, b):
        return 1.0 if (b if a == NATIONAL else a) in _countries() else 0.0
    if CAPITAL in (a, b):
        return 1.0 if (b if a == CAPITAL else a) in capital_keys() else 0.0
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

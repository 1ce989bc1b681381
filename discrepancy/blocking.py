"""Which keys are worth comparing: those that share a block of rare words and hold the same
numbers (keys with different numbers never count the same thing, so they never meet: 20,000
abouts differing only in a number cost no pair). See docs/grouping.md, "Scale"."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Sequence
from itertools import combinations

from rapidfuzz import fuzz, process

from discrepancy.measures import Measure

# Candidates whose sorted words are less alike than this (rapidfuzz ratio, 0-100) are never
# judged: a cheap first sieve, well under the scores of the pairs that group (see
# docs/grouping.md, "Scale").
PREFILTER = 65.0


class Candidates:
    """Which keys each key is compared with: the keys j > i that share a block with it (see
    `_blocks`) and the same tag (its numbers), and whose texts are at least PREFILTER alike
    or one's words all in the other's, but for plain words (`_within`): every pair sharing
    all but the words the threshold lets differ meets in one. With each key's measure given,
    keys whose measures differ (`Measure.differs`) never meet."""

    def __init__(
        self,
        texts: Sequence[str],
        tags: Sequence[str],
        threshold: float,
        measures: Sequence[Measure] = (),
        names: Container[str] = frozenset(),
    ) -> None:
        vocab: dict[str, int] = {}
        words = [
            tuple({vocab.setdefault(f"{tag} {w}" if tag else w, len(vocab)) for w in t.split()})
            for t, tag in zip(texts, tags)
        ]
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
        self.texts, self.measures, self.names = texts, measures, names
        # the blocks that hold more than one key, and each key's such blocks
        self.postings = {b: keys for b, keys in postings.items() if isinstance(keys, list)}
        self.blocks = [tuple(b for b in mine if b in self.postings) for mine in key_blocks]

    def __call__(self, i: int) -> list[int]:
        """The keys key i is compared with, in ascending order."""
        found: set[int] = set()
        for b in self.blocks[i]:
            posting = self.postings[b]
            found.update(posting[bisect_right(posting, i) :])
        measures = self.measures
        if found and measures:
            mine = measures[i]
            if mine.measure or mine.subject:
                found = {j for j in found if not mine.differs(measures[j])}
        if not found:
            return []
        texts = self.texts
        others = sorted(found)
        kept = process.extract(
            texts[i],
            [texts[j] for j in others],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=PREFILTER,
            limit=None,
        )
        out = {others[n] for _, _, n in kept}
        if len(out) < len(others):
            words = set(texts[i].split())
            out.update(j for j in others if j not in out and self._within(words, texts[j]))
        return sorted(out)

    def _within(self, mine: set[str], text: str) -> bool:
        """All the words of one key in the other's, the rest plain words, not names: "#deaths"
        and "#deaths port explosion" may count one thing, however short one is beside the
        other (a name on one side only is for the judge to weigh only once they are alike)."""
        theirs = set(text.split())
        if not (mine <= theirs or theirs <= mine):
            return False
        return not any(w in self.names for w in mine ^ theirs)


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
    rarest = sorted(sorted(words), key=df.__getitem__)  # by use, then by number
    n = len(rarest)
    differ = max(1, round(n * (100 - threshold) / 100))  # words two matches may not share
    v = len(df)
    out = [w * 4 + 1 for w in rarest if 1 < df[w] <= rare]
    if n <= 2:
        out.append(_block(sorted(words), v))
    if 2 < n <= 4:
        shared = sorted(w for w in rarest[: differ + 2] if df[w] > 1)
        out.extend((a * v + b) * 4 + 2 for a, b in combinations(shared, 2))  # as `_block`
    if n >= 3:
        shared = sorted(w for w in rarest[: differ + 3] if df[w] > 1)
        out.extend(((a * v + b) * v + c) * 4 + 3 for a, b, c in combinations(shared, 3))
    return tuple(out)


def _block(words: Sequence[int], v: int) -> int:
    """A block's number: its words' numbers in base v, then how many words (so a pair is never
    read as a triple)."""
    out = 0
    for w in words:
        out = out * v + w
    return out * 4 + len(words)

"""Known names: the built-in list and a claims file's `aliases:` and `names:`, each spelling
matched on folded words (see docs/grouping.md, "Names")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product

from rapidfuzz.distance import OSA

from discrepancy.cores import sent_as_fields
from discrepancy.words import STOP_WORDS, Token, fold, letters, tokens_of

Entry = tuple[str, tuple[str, ...], tuple[str, ...]]  # a name, its spellings, its adjectives


@dataclass(frozen=True, slots=True)
class _Form:
    canonical: str
    adjective: bool
    acronym: bool  # written in capitals: matches only capitals ("WHO", never "who")


def _max_typos(word: str) -> int:
    return 2 if len(word) >= 9 else 1


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    for _ in range(depth):
        out |= {w[:i] + w[i + 1 :] for w in out for i in range(len(w))}
    return out


class Typos:
    """The words of a set that are a typo away from a given word (found through the words
    left when letters are deleted: a swap, a slip or a lost letter all meet there)."""

    def __init__(self, words: Iterable[str], most: int = 2) -> None:
        self.most = most
        self.index: dict[str, list[str]] = {}
        for w in words:
            for d in _deletions(w, min(most, _max_typos(w))):
                self.index.setdefault(d, []).append(w)

    def near(self, word: str) -> list[str]:
        limit = min(self.most, _max_typos(word))
        found = {w for d in _deletions(word, limit) for w in self.index.get(d, ())}
        found.discard(word)
        return sorted(w for w in found if OSA.distance(word, w, score_cutoff=limit) <= limit)


class NameTable:
    """Known names: every spelling of each, matched on folded words. Forms of four letters or
    fewer must match as written (any case); longer ones match on their skeleton, and a
    capitalised word a typo away from a word of a known name of several words completes it."""

    def __init__(self, entries: Iterable[tuple[str, Sequence[str], Sequence[str]]]) -> None:
        self.long: dict[tuple[str, ...], _Form] = {}
        self.short: dict[tuple[str, ...], _Form] = {}
        self.lengths: dict[str, set[int]] = {}  # first word -> lengths of the forms it starts
        self.display: dict[str, str] = {}  # canonical -> the word a key shows for it
        for canonical, spellings, adjectives in entries:
            # One word in the key ("waknir_krup"): a name is one thing, however many words.
            self.display[canonical] = (
                "_".join(t.skel for t in tokens_of(canonical) if t.kind != "stop") or canonical
            )
            for text, adjective in [
                (canonical, False),
                *((s, False) for s in spellings),
                *((a, True) for a in adjectives),
            ]:
                self._add(text, _Form(canonical, adjective, False))
        self.known_words = frozenset(w for words in self.long for w in words)
        self.typos = Typos(w for w in self.known_words if len(w) >= 4)

    def _add(self, text: str, form: _Form) -> None:
        tokens = tokens_of(text)
        if not tokens:
            return
        if letters(tokens) <= 4:
            acronym = all(t.word.isupper() for t in tokens) and letters(tokens) > 1
            key = tuple(t.plain for t in tokens)
            self.short[key] = _Form(form.canonical, form.adjective, acronym)
        else:
            key = tuple(t.skel for t in tokens)
            self.long[key] = form
        self.lengths.setdefault(key[0], set()).add(len(key))

    def typo_of(self, skel: str) -> str:
        """The other known word this one is a typo of, or ''. Closest first, then alphabetical."""
        if len(skel) < 4:
            return ""
        near = sorted((OSA.distance(skel, w), w) for w in self.typos.near(skel))
        return near[0][1] if near else ""

    def match(
        self,
        tokens: Sequence[Token],
        skels: Sequence[str],
        typos: Sequence[str],
        i: int,
        lower: bool = False,
    ) -> tuple[_Form, int] | None:
        """The longest known name starting at token i, and how many tokens it spans. A word's
        typo look-alike (`typos`) counts only inside a name of several words ("Vagner Group"),
        never alone: "Marines" is not "Maine". In text all in lower case (`lower`), names
        written in capitals match in lower case too, unless they are stop words ("who")."""
        lengths = {
            *self.lengths.get(skels[i], ()),
            *self.lengths.get(tokens[i].plain, ()),
            *self.lengths.get(typos[i], ()),
        }
        for n in sorted(lengths, reverse=True):
            if i + n > len(tokens):
                continue
            exact = skels[i : i + n]
            form = self.long.get(tuple(exact))
            alts = [k for k in range(n) if typos[i + k]][:4] if n > 1 else []
            for use in product((False, True), repeat=len(alts)):
                if form is not None:
                    break
                if any(use):
                    words = list(exact)
                    for k, on in zip(alts, use):
                        if on:
                            words[k] = typos[i + k]
                    form = self.long.get(tuple(words))
            if form is not None:
                return form, n
            window = tokens[i : i + n]
            form = self.short.get(tuple(t.plain for t in window))
            if form is not None and (
                not form.acronym
                or all(t.word.isupper() for t in window)
                or (
                    lower
                    and letters(window) > 2
                    and not any(t.plain in STOP_WORDS for t in window)
                    and all(t.word.lower() == t.plain for t in window)  # "cars" is not CAR
                )
            ):
                return form, n
        return None


@sent_as_fields
@dataclass(frozen=True, slots=True)
class Name:
    """A name an `about` mentions: known (ident is its canonical name) or just capitalised."""

    ident: str
    label: str  # as shown: the canonical name, or the word as written
    role: str = ""  # "source", "place", "side", "against", "adjective", or "" when unsaid
    known: bool = True
    written: str = ""  # the words it was written with (plain: no case, plural or accents)

    def __str__(self) -> str:
        return f"{self.label} ({self.role})" if self.role else self.label


def merge_names(
    builtin: Iterable[tuple[str, Sequence[str], Sequence[str]]],
    aliases: Sequence[tuple[str, Sequence[str]]],
) -> list[Entry]:
    """Built-in names, then the claims file's, which take over any built-in name they share a
    spelling with (all its spellings then mean the claims file's name)."""
    entries = [(c, tuple(s), tuple(a)) for c, s, a in builtin]
    owner: dict[str, int] = {}
    for n, (c, s, a) in enumerate(entries):
        for text in (c, *s, *a):
            owner.setdefault(fold(text), n)
    taken: set[int] = set()
    mine = []
    for canonical, variants in aliases:
        spellings: list[str] = list(variants)
        adjectives: list[str] = []
        for text in (canonical, *variants):
            held = owner.get(fold(text))
            if held is not None and held not in taken:
                taken.add(held)
                spellings += [entries[held][0], *entries[held][1]]
                adjectives += entries[held][2]
        mine.append((canonical, tuple(dict.fromkeys(spellings)), tuple(dict.fromkeys(adjectives))))
    return [e for n, e in enumerate(entries) if n not in taken] + mine


@cache
def country_names() -> frozenset[str]:
    """The canonical names of the built-in countries."""
    from discrepancy.known_names import COUNTRIES

    return frozenset(line.split("|")[0].strip() for line in COUNTRIES.strip().splitlines())


@cache
def place_names() -> frozenset[str]:
    """The canonical names of the built-in places below countries: cities, regions, states."""
    from discrepancy.known_names import PLACES, US_STATES

    lines = (PLACES + US_STATES).strip().splitlines()
    return frozenset(line.split("|")[0].strip() for line in lines if line.strip())

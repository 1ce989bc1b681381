"""What an `about` is compared as: its words with spelling noise folded, the names it mentions
(each in a role), and the numbers in it. `why_apart` says when two keys can never count the same
thing, however alike their words are."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from rapidfuzz.distance import OSA

from discrepancy import known_names

STOP_WORDS = frozenset(
    "a an the of to in into on at by for from with and or as its their his her this that "
    "these those who which were was be been being is are has have had than us it".split()
)
# Arabic article forms written before a name ("al-Sarraj", "ez-Zor"): noise for matching. The
# ones that are also English words count only when joined to the name by a hyphen ("as-Sarraj").
ARTICLES = frozenset("al el ez ul ash az ad ar ed es et er".split())
HYPHEN_ARTICLES = frozenset("as at an".split())
# Transliteration alternations folded to one spelling (applied to each word, in this order):
# q/k/g, j/dj/g, kh/h, dh/z, ou/u, ee/i, y/i, e/i, o/u.
FOLDS = (("dj", "j"), ("kh", "h"), ("dh", "z"), ("ou", "u"), ("ee", "i"), ("q", "k"),
         ("g", "k"), ("j", "k"), ("y", "i"), ("e", "i"), ("o", "u"))
# The word before a name says its role: who acts or where from, where to or in, on whose side.
ROLES = {"by": "source", "from": "source", "to": "place", "into": "place", "toward": "place",
         "towards": "place", "in": "place", "at": "place", "inside": "place", "within": "place",
         "near": "place", "across": "place", "for": "side", "alongside": "side",
         "against": "against"}
ADJECTIVE = "adjective"  # "Syrian fighters": a description, which may also read "from Syria"
# Words looked through when finding a name's role ("by the Wagner Group", "in Tripoli, Libya").
_SEE_THROUGH = frozenset("the a an and or".split())
# Capitalised, but never a name for these rules.
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_TOKEN = re.compile(r"([^\W_]+)(-?)")
_PUNCT = re.compile(r"[^\w\s]|_")
_DOUBLE = re.compile(r"(\w)\1+")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def _strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, accents and punctuation out: 'Ḥaftar’s  Forces' -> 'haftar s forces'."""
    return " ".join(_PUNCT.sub(" ", _strip_accents(text).casefold()).split())


@lru_cache(maxsize=None)
def plain(word: str) -> str:
    """A word without case, plural or ordinal ending: 'Fighters' -> 'fighter', '7th' -> '7'."""
    word = word.casefold()
    if word.isdigit():
        return word.lstrip("0") or "0"
    m = _ORDINAL.match(word)
    if m:
        return m[1].lstrip("0") or "0"
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]  # plurals: "fighters" and "fighter" count the same thing
    return word


@lru_cache(maxsize=None)
def skeleton(word: str) -> str:
    """A plain word with transliteration noise folded: 'Qaddafi' and 'Gadafi' -> 'kadafi'."""
    word = plain(word)
    if word.isdigit():
        return word
    for a, b in FOLDS:
        word = word.replace(a, b)
    return _DOUBLE.sub(r"\1", word)


@dataclass(frozen=True, slots=True)
class _Token:
    word: str  # as written, accents removed
    plain: str
    skel: str
    capital: bool  # starts with a capital letter
    acronym: bool  # all capitals, or capitals after the first letter ("MiG", "GNA")


def _tokens(text: str) -> list[_Token]:
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", _strip_accents(text)))
    out = []
    for m in _TOKEN.finditer(text):
        low = m[1].casefold()
        if low in ARTICLES or low == "the" or (m[2] and low in HYPHEN_ARTICLES):
            continue
        out.append(_token(m[1]))
    return out


@lru_cache(maxsize=None)
def _token(word: str) -> _Token:
    return _Token(word, plain(word), skeleton(word), word[0].isupper(),
                  len(word) > 1 and word.isalpha() and any(c.isupper() for c in word[1:]))


def _letters(tokens: Sequence[_Token]) -> int:
    return sum(len(t.plain) for t in tokens)


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
        out |= {w[:i] + w[i + 1:] for w in out for i in range(len(w))}
    return out


class _Typos:
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
        self.display: dict[str, str] = {}  # canonical -> its words as a key shows them
        for canonical, spellings, adjectives in entries:
            self.display[canonical] = " ".join(
                t.skel for t in _tokens(canonical) if t.plain not in STOP_WORDS) or canonical
            for text, adjective in [(canonical, False), *((s, False) for s in spellings),
                                    *((a, True) for a in adjectives)]:
                self._add(text, _Form(canonical, adjective, False))
        self.known_words = frozenset(w for words in self.long for w in words)
        self.typos = _Typos(w for w in self.known_words if len(w) >= 4)
        self.max_len = max((len(k) for k in (*self.long, *self.short)), default=0)

    def _add(self, text: str, form: _Form) -> None:
        tokens = _tokens(text)
        if not tokens:
            return
        if _letters(tokens) <= 4:
            acronym = all(t.word.isupper() for t in tokens) and _letters(tokens) > 1
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

    def match(self, tokens: Sequence[_Token], skels: Sequence[str], typos: Sequence[str],
              i: int, lower: bool = False) -> tuple[_Form, int] | None:
        """The longest known name starting at token i, and how many tokens it spans. A word's
        typo look-alike (`typos`) counts only inside a name of several words ("Vagner Group"),
        never alone: "Marines" is not "Maine". In text all in lower case (`lower`), names
        written in capitals match in lower case too, unless they are stop words ("who")."""
        lengths = {*self.lengths.get(skels[i], ()), *self.lengths.get(tokens[i].plain, ()),
                   *self.lengths.get(typos[i], ())}
        for n in sorted(lengths, reverse=True):
            if i + n > len(tokens):
                continue
            exact = skels[i:i + n]
            form = self.long.get(tuple(exact))
            alts = [k for k in range(n) if typos[i + k]][:4]
            for use in product((False, True), repeat=len(alts) if n > 1 else 0):
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
            window = tokens[i:i + n]
            form = self.short.get(tuple(t.plain for t in window))
            if form is not None and (not form.acronym or all(t.word.isupper() for t in window) or (
                    lower and not any(t.plain in STOP_WORDS for t in window))):
                return form, n
        return None


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


@dataclass(frozen=True, slots=True)
class Key:
    """What is compared: the words (folded, in the about's order), its names and numbers."""

    text: str
    names: tuple[Name, ...] = ()
    numbers: tuple[str, ...] = ()
    words: str = ""  # its plain words, stop words left out (where a name may be written)

    @property
    def sorted(self) -> str:
        return " ".join(sorted(self.text.split()))


def _title_case(tokens: Sequence[_Token]) -> bool:
    """Headline Case or ALL CAPS: capitals then say nothing about which words are names. Four
    capitalised long words and no lower-case one ("Voters in Lincoln, Nebraska" is not)."""
    words = [t for t in tokens if t.word.isalpha() and len(t.word) > 3 and t.plain not in STOP_WORDS]
    return len(words) >= 4 and all(t.capital for t in words)


class Normaliser:
    """Turns an `about` into the Key that is compared: known names (the built-in list, then the
    claims file's `aliases:` and `names:`, which win) recognised and spelling noise folded.
    `learn` first reads the whole input for its spellings and its names."""

    def __init__(self, aliases: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.table = NameTable(_merge(known_names.entries(), aliases))
        self._typos: dict[str, str] = {}
        self._keys: dict[str, Key] = {}
        self.corrections: dict[str, str] = {}
        self.lexicon: frozenset[str] = frozenset()

    def learn(self, abouts: Iterable[str]) -> None:
        """Learn from the whole input, so that no about is read alone:
        - a word in at most five abouts that is a typo of a word in ten times as many is read
          as that word: "Sirtte" where "Sirte" is common;
        - a word written as a name (capitalised mid-sentence) anywhere is a name everywhere,
          also where an about is all lower case or in Headline Case."""
        abouts = sorted(set(abouts))
        df: Counter[str] = Counter()
        for about in abouts:
            df.update({t.skel for t in _tokens(about) if t.plain not in STOP_WORDS
                       and not t.plain.isdigit()})
        common = _Typos((w for w, n in df.items() if n >= 10 and len(w) >= 4), most=1)
        corrections = {}
        for w, n in df.items():
            if n <= 5 and len(w) >= 5 and w not in self.table.known_words:
                near = [c for c in common.near(w) if df[c] >= 10 * n]
                if near:
                    corrections[w] = min(near, key=lambda c: (-df[c], c))
        self.corrections, self.lexicon = corrections, frozenset()
        self._keys.clear()
        lexicon = frozenset(n.written for about in abouts for n in self.key(about).names
                            if not n.known)
        self.lexicon = lexicon
        for about in abouts:  # read again where a learned name was read as a plain word
            key = self._keys[about]
            names = {n.written for n in key.names}
            if any(w in lexicon and w not in names for w in key.words.split()):
                del self._keys[about]

    def key(self, about: str) -> Key:
        key = self._keys.get(about)
        if key is None:
            key = self._keys[about] = self._key(about)
        return key

    def _typo(self, skel: str) -> str:
        hit = self._typos.get(skel)
        if hit is None:
            hit = self._typos[skel] = self.table.typo_of(skel)
        return hit

    def _key(self, about: str) -> Key:
        tokens = _tokens(about)
        title = _title_case(tokens)
        lower = about == about.lower()
        skels = [self.corrections.get(t.skel, t.skel) for t in tokens]
        typos = [self._typo(s) if t.capital or t.acronym else "" for t, s in zip(tokens, skels)]
        items: list[_Item] = []
        i = 0
        while i < len(tokens):
            hit = self.table.match(tokens, skels, typos, i, lower) if self.table.max_len else None
            if hit is not None:
                form, n = hit
                written = " ".join(t.plain for t in tokens[i:i + n])
                name = Name(form.canonical, form.canonical, ADJECTIVE if form.adjective else "",
                            True, written)
                items.append(_Item("name", self.table.display[form.canonical], written, name))
                i += n
                continue
            t, skel = tokens[i], skels[i]
            if t.plain.isdigit():
                items.append(_Item("number", t.plain, t.plain))
            elif t.plain in STOP_WORDS:
                items.append(_Item("stop", "", t.plain))
            elif _unknown_name(t, i, title) or (t.plain in self.lexicon and _nameable(t)):
                items.append(_Item("name", skel, t.plain, Name(skel, t.word, "", False, t.plain)))
            else:
                items.append(_Item("word", skel, t.plain))
            i += 1
        names = []
        for k, item in enumerate(items):
            name = item.name
            if name is not None and name.role != ADJECTIVE:  # "for the Russian-recruited":
                name = Name(name.ident, name.label, _role(items, k), name.known, name.written)
            if name is not None:  # still an adjective
                names.append(name)
        text = " ".join(item.key for item in items if item.key) or fold(about)
        numbers = tuple(sorted({item.plain for item in items if item.kind == "number"},
                               key=lambda s: (len(s), s)))
        words = " ".join(item.plain for item in items if item.kind in ("word", "name"))
        return Key(text, tuple(names), numbers, words)


def _unknown_name(t: _Token, i: int, title: bool) -> bool:
    """A word written as a name: capitalised (not as the first word, nor in Headline Case), or
    in capitals ("RAF") or with capitals inside ("MiG")."""
    return (t.acronym or (t.capital and i > 0)) and not title and _nameable(t)


def _nameable(t: _Token) -> bool:
    return (t.word.isalpha() and t.plain not in STOP_WORDS and t.plain not in ROLES
            and t.plain not in NOT_NAMES)


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str  # name, number, stop, word
    key: str  # what it adds to the key's text
    plain: str
    name: Name | None = None


def _role(items: Sequence[_Item], k: int) -> str:
    for item in reversed(items[:k]):
        if item.kind == "name" or item.plain in _SEE_THROUGH:
            continue
        return ROLES.get(item.plain, "")
    return ""


def _merge(builtin: Iterable[tuple[str, Sequence[str], Sequence[str]]],
           aliases: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
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
        spellings, adjectives = list(variants), []
        for text in (canonical, *variants):
            n = owner.get(fold(text))
            if n is not None and n not in taken:
                taken.add(n)
                spellings += [entries[n][0], *entries[n][1]]
                adjectives += entries[n][2]
        mine.append((canonical, tuple(dict.fromkeys(spellings)), tuple(dict.fromkeys(adjectives))))
    return [e for n, e in enumerate(entries) if n not in taken] + mine


def _roles_fit(a: str, b: str) -> bool:
    return a == b or not a or not b or {a, b} == {ADJECTIVE, "source"}


def _alike(a: str, b: str) -> bool:
    """Spellings of each other: equal once folded, or a typo apart (one edit, two from nine
    letters on) as written or once folded. Words under five letters must match exactly."""
    if a == b:
        return True
    longest = max(len(a), len(b))
    if longest < 5:
        return False
    limit = 2 if longest >= 9 else 1
    if OSA.distance(a, b, score_cutoff=limit) <= limit:
        return True
    sa, sb = _skeletons(a), _skeletons(b)
    return sa == sb or OSA.distance(sa, sb, score_cutoff=limit) <= limit


@lru_cache(maxsize=None)
def _skeletons(words: str) -> str:
    return " ".join(skeleton(w) for w in words.split())


def _same(x: Name, y: Name) -> bool:
    """The same name: the same known name, or written alike (a typo of a known name that was
    not recognised is still that name)."""
    if x.known and y.known:
        return x.ident == y.ident
    return _alike(x.written, y.written)


def _unpaired(a: Key, b: Key) -> tuple[list[Name], list[Name]]:
    """Names of a and of b left once each is paired with the same name in a fitting role."""
    free = list(b.names)
    left = []
    for x in a.names:
        fits = [y for y in free if _same(x, y) and _roles_fit(x.role, y.role)]
        if fits:
            free.remove(min(fits, key=lambda y: y.role != x.role))
        else:
            left.append(x)
    return ([x for x in left if not _written_in(x, b)],
            [y for y in free if not _written_in(y, a)])


def _written_in(name: Name, key: Key) -> bool:
    """An unknown name that the other about has as a plain word ("Armed" and "armed")."""
    return not name.known and any(_alike(name.written, w) for w in key.words.split())


def why_apart(a: Key, b: Key) -> str:
    """'' when a and b may count the same thing; otherwise why they never can: they name
    different actors or places in the same role, or hold different numbers."""
    if a.numbers != b.numbers:
        return f"numbers differ: {', '.join(a.numbers) or 'none'} vs {', '.join(b.numbers) or 'none'}"
    if a.names == b.names:
        return ""
    left_a, left_b = _unpaired(a, b)
    for x in left_a:
        for y in left_b:
            if _roles_fit(x.role, y.role) or _same(x, y):
                return f"names differ: {x} vs {y}"
    return ""

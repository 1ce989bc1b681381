"""What an `about` is compared as: its words with spelling noise folded, the names it mentions
(each in a role), and the numbers in it. `why_apart` says when two keys can never count the same
thing, however alike their words are."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from typing import Any

from rapidfuzz.distance import OSA

from discrepancy import known_names

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "into",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "as",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
        "were",
        "was",
        "be",
        "been",
        "being",
        "is",
        "are",
        "has",
        "have",
        "had",
        "than",
        "us",
        "it",
    ]
)
# Arabic article forms written before a name ("al-Sarraj", "ez-Zor"): noise for matching. The
# ones that are also English words count only when joined to the name by a hyphen ("as-Sarraj").
ARTICLES = frozenset(["al", "el", "ez", "ul", "ash", "az", "ad", "ar", "ed", "es", "et", "er"])
HYPHEN_ARTICLES = frozenset(["as", "at", "an"])
# Transliteration alternations folded to one spelling (applied to each word, in this order):
# q/k/g, j/dj/g, kh/h, dh/z, ou/u, ee/i, y/i, e/i, o/u, w/v ("Vagner").
FOLDS = (
    ("dj", "j"),
    ("kh", "h"),
    ("dh", "z"),
    ("ou", "u"),
    ("ee", "i"),
    ("q", "k"),
    ("g", "k"),
    ("j", "k"),
    ("y", "i"),
    ("e", "i"),
    ("o", "u"),
    ("w", "v"),
)
# The word before a name says its role: who acts or where from, where to or in, on whose side.
ROLES = {
    "by": "source",
    "from": "source",
    "to": "place",
    "into": "place",
    "toward": "place",
    "towards": "place",
    "in": "place",
    "at": "place",
    "inside": "place",
    "within": "place",
    "near": "place",
    "across": "place",
    "for": "side",
    "alongside": "side",
    "against": "against",
}
ADJECTIVE = "adjective"  # "Syrian fighters": a description, which may also read "from Syria"
# Words looked through when finding a name's role ("by the Wagner Group", "in Tripoli, Libya").
_SEE_THROUGH = frozenset(["the", "a", "an", "and", "or"])
# Capitalised, but never a name for these rules.
NOT_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_TOKEN = re.compile(r"([^\W_]+)(-?)")
_PUNCT = re.compile(r"[^\w\s]|_")
_DOUBLE = re.compile(r"(\w)\1+")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, accents and punctuation out: 'Ḥaftar’s  Forces' -> 'haftar s forces'."""
    return " ".join(_PUNCT.sub(" ", _strip_accents(text).casefold()).split())


@cache
def plain(word: str) -> str:
    """A word without case, accents, plural or ordinal ending: 'Fighters' -> 'fighter',
    '7th' -> '7'."""
    word = _strip_accents(word).casefold()
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


@cache
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
    kind: str  # "number", "stop" (a stop word), "article" (dropped) or "word"
    nameable: bool  # may be a name: letters only, and not a stop word, role word or month


def _tokens(text: str) -> list[_Token]:
    text = _strip_accents(text)
    if "'" in text or "’" in text:
        text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    out = []
    for word, hyphen in _TOKEN.findall(text):
        t = _token(word)
        if t.kind != "article" and not (hyphen and t.plain in HYPHEN_ARTICLES):
            out.append(t)
    return out


@cache
def _token(word: str) -> _Token:
    p = plain(word)
    low = word.casefold()
    kind = (
        "article"
        if low in ARTICLES or low == "the"
        else "number"
        if p.isdigit()
        else "stop"
        if p in STOP_WORDS
        else "word"
    )
    return _Token(
        word,
        p,
        skeleton(word),
        word[0].isupper(),
        len(word) > 1 and word.isalpha() and any(c.isupper() for c in word[1:]),
        kind,
        kind == "word" and word.isalpha() and p not in ROLES and p not in NOT_NAMES,
    )


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
        out |= {w[:i] + w[i + 1 :] for w in out for i in range(len(w))}
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
        self.display: dict[str, str] = {}  # canonical -> the word a key shows for it
        for canonical, spellings, adjectives in entries:
            # One word in the key ("waknir_krup"): a name is one thing, however many words.
            self.display[canonical] = (
                "_".join(t.skel for t in _tokens(canonical) if t.kind != "stop") or canonical
            )
            for text, adjective in [
                (canonical, False),
                *((s, False) for s in spellings),
                *((a, True) for a in adjectives),
            ]:
                self._add(text, _Form(canonical, adjective, False))
        self.known_words = frozenset(w for words in self.long for w in words)
        self.typos = _Typos(w for w in self.known_words if len(w) >= 4)

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

    def match(
        self,
        tokens: Sequence[_Token],
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
            window = tokens[i : i + n]
            form = self.short.get(tuple(t.plain for t in window))
            if form is not None and (
                not form.acronym
                or all(t.word.isupper() for t in window)
                or (lower and not any(t.plain in STOP_WORDS for t in window))
            ):
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
    sorted: str  # the same words in alphabetical order: what is scored (order does not matter)
    names: tuple[Name, ...] = ()
    numbers: tuple[str, ...] = ()
    words: str = ""  # its plain words, stop words left out (where a name may be written)
    roll: tuple[tuple[str, str], ...] = ()  # the names as (ident, role), sorted


def _title_case(tokens: Sequence[_Token]) -> bool:
    """Headline Case or ALL CAPS: capitals then say nothing about which words are names. Four
    capitalised long words and no lower-case one ("Voters in Lincoln, Nebraska" is not)."""
    words = [t for t in tokens if t.nameable and len(t.word) > 3]
    return len(words) >= 4 and all(t.capital for t in words)


def _reading(about: str) -> tuple[list[_Token], bool]:
    tokens = _tokens(about)
    return tokens, _title_case(tokens)


class Normaliser:
    """Turns an `about` into the Key that is compared: known names (the built-in list, then the
    claims file's `aliases:` and `names:`, which win) recognised and spelling noise folded.
    `learn` first reads the whole input for its spellings and its names."""

    def __init__(self, aliases: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.table = NameTable(_merge(known_names.entries(), aliases))
        self._typos: dict[str, str] = {}
        self._shared: dict[tuple, Any] = {}  # one copy of each name and roll, for all keys
        self.corrections: dict[str, str] = {}
        self.lexicon: frozenset[str] = frozenset()
        self._read: dict[str, tuple[list[_Token], bool]] = {}  # read by `learn`, not yet keyed

    def learn(self, abouts: Iterable[str]) -> None:
        """Learn from the whole input, so that no about is read alone:
        - a rare word (in at most five abouts, or one in 20,000) that is a typo of a word in ten
          times as many abouts is read as that word: "Sirtte" where "Sirte" is common;
        - a word written as a name (capitalised mid-sentence) anywhere is a name everywhere,
          also where an about is all lower case or in Headline Case."""
        df: Counter[str] = Counter()
        lexicon = set()
        self._read = {}
        for about in set(abouts):
            tokens, title = self._read[about] = _reading(about)
            df.update({t.skel for t in tokens if t.kind == "word"})
            lexicon.update(t.plain for i, t in enumerate(tokens) if _unknown_name(t, i, title))
        common = _Typos((w for w, n in df.items() if n >= 10 and len(w) >= 4), most=1)
        corrections = {}
        rare = max(5, len(self._read) // 20_000)  # typos recur in large inputs
        for w, n in df.items():
            if n <= rare and len(w) >= 5 and w not in self.table.known_words:
                near = [c for c in common.near(w) if df[c] >= 10 * n]
                if near:
                    corrections[w] = min(near, key=lambda c: (-df[c], c))
        known = self.table.known_words
        self.corrections = corrections
        # Words of known names ("Army" in "Libyan National Army") are not names on their own.
        self.lexicon = frozenset(w for w in lexicon if _correct(corrections, w) not in known)

    def _name(self, *fields: Any) -> Name:
        name = self._shared.get(fields)
        if name is None:
            name = self._shared[fields] = Name(*fields)
        return name

    def _typo(self, skel: str) -> str:
        hit = self._typos.get(skel)
        if hit is None:
            hit = self._typos[skel] = self.table.typo_of(skel)
        return hit

    def key(self, about: str) -> Key:
        """The key of one about (not kept: callers keep what they need)."""
        tokens, title = self._read.pop(about, None) or _reading(about)
        lower = about == about.lower()
        corrections, lexicon, starts = self.corrections, self.lexicon, self.table.lengths
        skels = (
            [corrections.get(t.skel, t.skel) for t in tokens]
            if corrections
            else [t.skel for t in tokens]
        )
        typo = self._typos.get
        typos = [
            (typo(s) or self._typo(s)) if t.capital or t.acronym else ""
            for t, s in zip(tokens, skels)
        ]
        kinds: list[str] = []
        keys: list[str] = []
        plains: list[str] = []
        names: list[Name] = []
        numbers: set[str] = set()
        i = 0
        while i < len(tokens):
            t, skel = tokens[i], skels[i]
            if skel in starts or t.plain in starts or typos[i] in starts:
                hit = self.table.match(tokens, skels, typos, i, lower)
                if hit is not None:
                    form, n = hit
                    written = " ".join(t.plain for t in tokens[i : i + n])
                    # an adjective stays one: "for the Russian-recruited"
                    role = ADJECTIVE if form.adjective else _role(kinds, plains)
                    names.append(self._name(form.canonical, form.canonical, role, True, written))
                    kinds.append("name")
                    keys.append(self.table.display[form.canonical])
                    plains.append(written)
                    i += n
                    continue
            kind = t.kind
            if t.nameable and (
                ((t.acronym or (t.capital and i > 0)) and not title) or t.plain in lexicon
            ):
                kind = "name"
                names.append(self._name(skel, t.word, _role(kinds, plains), False, t.plain))
            elif kind == "number":
                numbers.add(t.plain)
            kinds.append(kind)
            keys.append("" if kind == "stop" else skel)
            plains.append(t.plain)
            i += 1
        text = " ".join(filter(None, keys)) or fold(about)
        words = " ".join([p for k, p in zip(kinds, plains) if k != "stop" and k != "number"])
        roll = tuple(sorted([(n.ident, n.role) for n in names]))
        roll = self._shared.setdefault(roll, roll)
        return Key(
            text,
            " ".join(sorted(text.split())),
            tuple(names),
            tuple(sorted(numbers, key=lambda s: (len(s), s))),
            words,
            roll,
        )


def _correct(corrections: dict[str, str], word: str) -> str:
    s = skeleton(word)
    return corrections.get(s, s)


def _unknown_name(t: _Token, i: int, title: bool) -> bool:
    """A word written as a name: capitalised (not as the first word, nor in Headline Case), or
    in capitals ("RAF") or with capitals inside ("MiG")."""
    return t.nameable and (t.acronym or (t.capital and i > 0)) and not title


def _role(kinds: Sequence[str], plains: Sequence[str]) -> str:
    """The role of a name that comes next: the role word before it, looking through names
    and articles ("by the Wagner Group", "in Tripoli, Libya")."""
    for j in range(len(kinds) - 1, -1, -1):
        if kinds[j] == "name" or plains[j] in _SEE_THROUGH:
            continue
        return ROLES.get(plains[j], "")
    return ""


Entry = tuple[str, tuple[str, ...], tuple[str, ...]]  # a name, its spellings, its adjectives


def _merge(
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


@cache
def _skeletons(words: str) -> str:
    return " ".join(skeleton(w) for w in words.split())


def _same(x: Name, y: Name) -> bool:
    """The same name: the same known name, or written alike (a typo of a known name that was
    not recognised is still that name)."""
    if x.known and y.known:
        return x.ident == y.ident
    return _alike(x.written, y.written)


def _unpaired(a: Key, b: Key) -> tuple[list[Name], list[Name]]:
    """Names of a and of b left once each is paired with the same name in a fitting role:
    the same role first, then one that fits, then a spelling of it."""
    free = list(b.names)
    left = []
    for x in a.names:
        y = (
            next((y for y in free if y.ident == x.ident and y.role == x.role), None)
            or next((y for y in free if y.ident == x.ident and _roles_fit(x.role, y.role)), None)
            or next((y for y in free if _roles_fit(x.role, y.role) and _same(x, y)), None)
        )
        if y is not None:
            free.remove(y)
        else:
            left.append(x)
    return ([x for x in left if not _written_in(x, b)], [y for y in free if not _written_in(y, a)])


def _written_in(name: Name, key: Key) -> bool:
    """An unknown name that the other about has as a plain word ("Armed" and "armed")."""
    if name.known:
        return False
    words = key.words.split()
    return name.written in words or any(
        _alike(name.written, w) for w in words if abs(len(w) - len(name.written)) <= 2
    )


def why_apart(a: Key, b: Key) -> str:
    """'' when a and b may count the same thing; otherwise why they never can: they name
    different actors or places in the same role, or hold different numbers."""
    if a.numbers != b.numbers:
        return (
            f"numbers differ: {', '.join(a.numbers) or 'none'} vs {', '.join(b.numbers) or 'none'}"
        )
    if a.roll == b.roll:
        return ""
    left_a, left_b = _unpaired(a, b)
    for x in left_a:
        for y in left_b:
            if _roles_fit(x.role, y.role) or _same(x, y):
                return f"names differ: {x} vs {y}"
    return ""

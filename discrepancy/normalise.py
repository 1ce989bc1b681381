"""What an `about` is compared as: its words with spelling noise folded, the names it mentions
(each in a role), the measure it counts, and the numbers in it; who said it and when are set
aside (see `asides`). `match.judge` decides whether two keys may count the same thing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Generator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from discrepancy import known_names
from discrepancy.asides import When
from discrepancy.cores import SMALLER, sent_as_fields, steps
from discrepancy.kinds import MODIFIER, mark_kinds
from discrepancy.measure_words import COUNT_WORDS, FILLER_WORDS, PEOPLE_WORDS
from discrepancy.measures import Lexicon, Measure
from discrepancy.model import Progress, no_progress
from discrepancy.names import Name, NameTable, Typos, merge_names
from discrepancy.reading import AboutReading, read_about
from discrepancy.short_names import Sightings, short_form
from discrepancy.words import (
    ABBREVIATIONS,
    ADJECTIVE,
    DIRECTIONS,
    PLACE_KINDS,
    Token,
    fold,
    role_before,
    skeleton,
)

# Words that say nothing about what is counted once the measure is read.
FILLER = PEOPLE_WORDS | COUNT_WORDS | FILLER_WORDS
_NOT_A_NAME = Name("", "")
NATIONAL = "~national"  # "nationwide", "across the country": the whole country
CAPITAL = "~capital"  # "the capital": the country's capital
_SCOPE_WORDS = {"nationwide": NATIONAL, "countrywide": NATIONAL, "country": NATIONAL}
_SCOPE_WORDS["capital"] = CAPITAL


@sent_as_fields
@dataclass(frozen=True, slots=True)
class Key:
    """What is compared: the words (folded, in the about's order), its names and numbers,
    the measure it counts, the time it names, and what was set aside."""

    text: str
    sorted: str  # the same words in alphabetical order: what is scored (order does not matter)
    names: tuple[Name, ...] = ()
    numbers: tuple[str, ...] = ()
    words: str = ""  # its plain words, no names, numbers or stop words (a name written plain)
    roll: tuple[tuple[str, str], ...] = ()  # the names as (ident, role), sorted
    measure: Measure = Measure()
    when: When = When()
    aside: tuple[str, ...] = ()
    shown: str = ""  # the words it was matched on besides the measure, as written
    marks: frozenset[str] = frozenset()  # a negation ("not") and directions: see `kinds`

    @property
    def scope(self) -> str:
        return self.shown or "-"

    @property
    def blocked(self) -> str:
        """The words it is blocked on: its words less the measure's subject, which one side
        may leave unsaid ("migrants missing", "people missing"; see `score.key_score`)."""
        subject = f"#{self.measure.subject}" if self.measure.subject else ""
        return " ".join(w for w in self.sorted.split() if w != subject) if subject else self.sorted


class Normaliser:
    """Turns an `about` into the Key that is compared: known names (the built-in list, then the
    claims file's `aliases:` and `names:`, which win) recognised and spelling noise folded.
    `learn_keys` first reads the whole input for its spellings and its names."""

    def __init__(
        self,
        aliases: Sequence[tuple[str, Sequence[str]]] = (),
        measures: Sequence[tuple[str, Sequence[str]]] = (),
    ) -> None:
        self.table = NameTable(merge_names(known_names.entries(), aliases))
        self.measures = Lexicon(measures)
        self.name_words: set[str] = {NATIONAL, CAPITAL}  # the words of keys that are names
        self._typos: dict[str, str] = {}
        self._shared: dict[tuple, Any] = {}  # one copy of each name and roll, for all keys
        self._whens: dict[When, When] = {}  # and of each time (`match` compares them often)
        self.corrections: dict[str, str] = {}
        self.lexicon: frozenset[str] = frozenset()
        self.surnames: frozenset[tuple[str, str]] = frozenset()  # see `short_names`
        self.lowercase: frozenset[str] = frozenset()  # words the input writes in lower case
        # read by `learn_keys`, not yet keyed
        self._read: dict[str, AboutReading] = {}

    def learn_keys(self, abouts: Sequence[str], progress: Progress = no_progress) -> list[Key]:
        """Learn from the whole input, so that no about is read alone, then key each about;
        on two cores for large inputs (see `cores`):
        - a rare word (in at most five abouts, or one in 20,000) that is a typo of a word in ten
          times as many abouts is read as that word: "Sirtte" where "Sirte" is common;
        - a word written as a name (capitalised mid-sentence) anywhere is a name everywhere,
          but in lower case after "the" in an about that uses capitals ("the typhoon")."""
        keys: list[Key]
        name_words: list[set[str]]
        keys, name_words = steps(
            partial(self._learning, progress=progress),
            self._joining,
            abouts,
            split=SMALLER,
        )
        for words in name_words:
            self.name_words |= words
        return keys

    def _learning(
        self, abouts: Sequence[str], progress: Progress = no_progress
    ) -> Generator[Any, Any, tuple]:
        """One share of `learn_keys`: what it shows of spellings, then of names (each joined
        with the other share's by `_joining`), then its keys."""
        progress("learning spellings and names", 0, 1)
        self._read = {about: read_about(about) for about in abouts}
        df: Counter[str] = Counter()
        lowercase: set[str] = set()
        for about, (tokens, *_) in self._read.items():
            df.update({t.skel for t in tokens if t.kind == "word"})
            if about != about.lower():  # an about all in lower case says nothing of names
                lowercase.update(t.plain for t in tokens if not t.capital)
        self.lowercase = yield len(abouts), df, lowercase
        lexicon: set[str] = set()
        seen = Sightings()
        for tokens, title, _, breaks, *_ in self._read.values():
            named = [
                (t.capital or t.acronym)
                and _unknown_name(t, i, title, self.measures, self.lowercase)
                for i, t in enumerate(tokens)
            ]
            lexicon.update(t.plain for t, n in zip(tokens, named) if n)
            seen.see(tokens, named, breaks)
        self.corrections, self.lexicon, self.surnames = yield lexicon, seen
        keys = []
        for n, about in enumerate(abouts):
            if n % 4096 == 0:
                progress("normalising", n, len(abouts))
            keys.append(self.key(about))
        return keys, self.name_words

    def _joining(self) -> Generator[Any, list[tuple], None]:
        """The shares of `_learning` joined: after its first step, the words the input writes
        in lower case; after its second, what it learnt."""
        parts = yield
        df: Counter[str] = Counter()
        for _, more, _ in parts:
            df.update(more)
        abouts = sum(n for n, _, _ in parts)
        parts = yield frozenset().union(*(lowercase for _, _, lowercase in parts))
        known = self.table.known_words
        common = Typos((w for w, n in df.items() if n >= 10 and len(w) >= 4), most=1)
        corrections = {}
        rare = max(5, abouts // 20_000)  # typos recur in large inputs
        for w, n in df.items():
            if n <= rare and len(w) >= 5 and w not in known:
                near = [c for c in common.near(w) if df[c] >= 10 * n]
                if near:
                    corrections[w] = min(near, key=lambda c: (-df[c], c))
        lexicon: set[str] = set().union(*(words for words, _ in parts))
        seen = Sightings()
        for _, more in parts:
            seen.join(more)
        # Words of known names ("Army" in "Libyan National Army") are not names on their own.
        yield (
            corrections,
            frozenset(w for w in lexicon if _correct(corrections, w) not in known),
            seen.surnames(),
        )

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
        cached = self._read.pop(about, None)
        tokens, title, quoted, breaks, articled, said = (
            cached if cached is not None else read_about(about)
        )
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
        shows: list[str] = []  # each position as shown
        hidden: list[int] = []  # names and quotations: never read for the measure
        after_the: list[int] = []  # positions an article came before
        plural: list[int] = []  # positions of words written in the plural ("arrivals")
        unknown: dict[int, int] = {}  # position of each unknown name -> its place in `names`
        i = 0
        while i < len(tokens):
            t, skel = tokens[i], skels[i]
            if i in quoted:
                hidden.append(len(kinds))
            if i in articled:
                after_the.append(len(kinds))
            if skel in starts or t.plain in starts or typos[i] in starts:
                hit = self.table.match(tokens, skels, typos, i, lower)
                if hit is not None and (
                    i + hit[1] >= len(tokens)
                    or i + hit[1] in breaks
                    or ABBREVIATIONS.get(tokens[i + hit[1]].plain, tokens[i + hit[1]].plain)
                    not in PLACE_KINDS
                    or not tokens[i + hit[1]].capital
                ):
                    form, n = hit
                    written = " ".join(t.plain for t in tokens[i : i + n])
                    # an adjective stays one: "for the Russian-recruited"
                    role = (
                        ADJECTIVE
                        if form.adjective
                        else ""
                        if _attributive(tokens, i + n, breaks)
                        else role_before(kinds, plains)
                    )
                    names.append(self._name(form.canonical, form.canonical, role, True, written))
                    hidden.append(len(kinds))
                    kinds.append("name")
                    keys.append(self.table.display[form.canonical])
                    self.name_words.add(keys[-1])
                    plains.append(written)
                    shows.append(form.canonical)
                    i += n
                    continue
            kind = t.kind
            if t.plain in _SCOPE_WORDS and not t.capital and (i or t.word.lower() == t.plain):
                # "across the country", "in both countries" are a scope; an about that starts
                # with "countries" counts them
                ident = _SCOPE_WORDS[t.plain]
                names.append(self._name(ident, ident, role_before(kinds, plains), True, t.plain))
                hidden.append(len(kinds))
                kind, skel = "name", ident
            elif t.nameable and (
                _unknown_name(t, i, title, self.measures, self.lowercase)
                # a name's word in lower case after "the", where the about uses capitals, is
                # a common noun: "the typhoon" beside "Typhoon Haiyan"
                or (t.plain in lexicon and (t.capital or lower or title or i not in articled))
                or (
                    t.plain in DIRECTIONS
                    and i + 1 < len(tokens)
                    and i + 1 not in breaks
                    and tokens[i + 1].nameable
                    and (tokens[i + 1].capital or tokens[i + 1].plain in lexicon)
                )
            ):
                # a name of several words ("Mount Pleasant", "Anoka County") is one name
                n = 1
                while (
                    i + n < len(tokens)
                    and i + n not in breaks
                    and (
                        tokens[i + n].capital
                        or tokens[i + n].plain in lexicon
                        or not self.measures.knows(tokens[i + n].plain)
                    )
                    and tokens[i + n].nameable
                    and self.table.match(tokens, skels, typos, i + n, lower) is None
                    and (
                        _unknown_name(tokens[i + n], i + n, title, self.measures, self.lowercase)
                        or tokens[i + n].plain in lexicon
                    )
                ):
                    n += 1
                if n > 1 or t.acronym:  # one capitalised word may say what is counted
                    hidden.append(len(kinds))
                parts = [ABBREVIATIONS.get(w.plain, w.plain) for w in tokens[i : i + n]]
                role = "" if _attributive(tokens, i + n, breaks) else role_before(kinds, plains)
                short = short_form(parts, self.surnames)
                skel = "_".join([w if len(w) <= 4 else skeleton(w) for w in short])
                if len(short) == 1 and len(short[0]) > 4:
                    skel = skels[i + parts.index(short[0])]
                written = " ".join(parts)
                label = " ".join(w.word for w in tokens[i : i + n])
                unknown[len(kinds)] = len(names)
                names.append(self._name(skel, label, role, False, written))
                kinds.append("name")
                keys.append(skel)
                plains.append(written)
                shows.append(label)
                i += n
                continue
            elif kind == "number":
                numbers.add(t.plain)
            elif kind == "word" and t.plural:
                plural.append(len(kinds))
            kinds.append(kind)
            keys.append("" if kind == "stop" else skel)
            plains.append(t.plain)
            shows.append(t.word)
            i += 1
        measure = self.measures.read(plains, hidden, after_the, plural)
        for j in measure.words:
            keys[j] = ""
            if j in unknown:
                names[unknown[j]] = _NOT_A_NAME
        names = [n for n in names if n is not _NOT_A_NAME]
        self.name_words.update(n.ident for n in names if not n.known)
        for j, p in enumerate(plains):
            if kinds[j] == "word" and p in FILLER:
                keys[j] = ""
        marks = mark_kinds(measure.words, kinds, plains, keys)
        shown = " ".join(w.lstrip(MODIFIER) for k, w in zip(keys, shows) if k)
        if measure.measure:
            keys.insert(0, f"#{measure.measure}")
            if measure.subject:
                keys.insert(1, f"#{measure.subject}")
        text = " ".join(filter(None, keys)) or fold(said.core)
        words = " ".join([p for k, p in zip(kinds, plains) if k == "word"])
        roll = tuple(sorted([(n.ident, n.role) for n in names]))
        roll = self._shared.setdefault(roll, roll)
        return Key(
            text,
            " ".join(sorted(text.split())),
            tuple(names),
            tuple(sorted(numbers, key=lambda s: (len(s), s))),
            words,
            roll,
            self._shared.setdefault(
                (measure.measure, measure.subject), Measure(measure.measure, measure.subject)
            ),
            self._whens.setdefault(said.when, said.when),
            said.aside,
            shown,
            marks,
        )


def _correct(corrections: dict[str, str], word: str) -> str:
    s = skeleton(word)
    return corrections.get(s, s)


def _unknown_name(
    t: Token, i: int, title: bool, measures: Lexicon, lowercase: Container[str] = ()
) -> bool:
    """A word written as a name: capitalised (not in Headline Case; as the first word only
    when it is no word of the measure lexicon: "Aragvaris, Brazil population", not
    "Demonstrators in Paris"), or in capitals ("RAF") or with capitals inside ("MiG")."""
    return (
        t.nameable
        and (t.acronym or (t.capital and (i > 0 or _unknown_first(t, measures, lowercase))))
        and not title
    )


def _unknown_first(t: Token, measures: Lexicon, lowercase: Container[str]) -> bool:
    """A capitalised first word is a name when the input never writes it in lower case and
    it is no word of the measure lexicon."""
    return (
        len(t.plain) > 3
        and t.plain not in lowercase
        and t.plain not in FILLER
        and not measures.knows(t.plain)
    )


def _attributive(tokens: Sequence[Token], after: int, breaks: Container[int]) -> bool:
    """A name followed by a plain word describes it ("by the Lahaina fire", "from the Maui
    wildfires"): the word before the name gives it no role."""
    if after >= len(tokens) or after in breaks:
        return False
    t = tokens[after]
    return t.kind == "word" and t.nameable and not t.capital and t.plain not in FILLER

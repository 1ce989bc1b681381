"""What a claim counts: the measure, read from the words of its `about` through a built-in
lexicon of what news counts, which a claims file extends with `measures:` (see
docs/grouping.md, "Measures").

One class a line: `class | kind | phrases, ...`. Phrases are matched on plain words (no case,
accents or plural), the longest phrase first. The kind says how a phrase reads:

- `event`: something that happened to whoever is counted ("killed", "arrested"): the measure,
  with the thing counted before it as its subject ("police injured" is injured police);
- `thing`: what is counted ("protesters", "troops", "aid"), when no event is said;
- `via`: a verb that only says where a thing went ("deployed", "sent"): the thing is the measure;
  said of people ("people mobilised"), it reads as the class named in brackets;
- `event noun`: an occasion ("protest", "march"): "people at the march" counts participants,
  a bare "protests held" counts the occasions (the class);
- `people`: a word for people in general ("people", "citizens"): the event decides.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from discrepancy.cores import sent_as_fields
from discrepancy.measure_words import COUNT_WORDS, LEXICON, PEOPLE_CLASSES, PEOPLE_WORDS
from discrepancy.names import Typos
from discrepancy.words import tokens_of

TYPO_FROM = 6  # a word this long may be a typo of a lexicon word (one edit away): shorter
# ones are too often other words ("train" is not "trainee", "tally" not "rally")


@dataclass(frozen=True, slots=True)
class _Phrase:
    measure: str
    kind: str  # "event", "thing", "via", "event noun"
    of_people: str  # a "via" phrase said of people reads as this class


@sent_as_fields
@dataclass(frozen=True, slots=True)
class Measure:
    """What a claim counts: the class, and for an event the thing it happened to ("police"
    for "police injured"); `words` are the positions of the words it was read from."""

    measure: str = ""
    subject: str = ""
    words: tuple[int, ...] = ()

    def __str__(self) -> str:
        if not self.measure:
            return "?"
        return f"{self.measure} ({self.subject})" if self.subject else self.measure

    def differs(self, other: Measure) -> bool:
        """Two measures that are never one: both known and different, or of two subjects."""
        if self.measure and other.measure and self.measure != other.measure:
            return True
        return bool(self.subject and other.subject and self.subject != other.subject)


def stem(word: str) -> str:
    """A plain word as the lexicon matches it: "marches" and "march" alike."""
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


# Words after a head noun that end its phrase: "cost of the damage" counts a cost.
_HEAD_ENDS = frozenset(
    stem(w)
    # "workforce before the layoffs": a time ends it too
    for w in [
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "from",
        "with",
        "over",
        "among",
        "per",
        "by",
        "before",
        "after",
        "since",
        "during",
        "until",
    ]
)
# Words that say where people are: "people in shelters", "people on the ship".
_WHERE = frozenset(
    stem(w)
    for w in [
        "in",
        "on",
        "at",
        "inside",
        "into",
        "onto",
        "from",
        "across",
        "near",
        "under",
        "by",
        "within",
        "outside",
    ]
)
# So do the words that start a clause ("depth where the vessel sank" counts a depth), unless
# the clause says what happened to them ("workers who went on strike" are strikers).
_CLAUSE_STARTS = frozenset(
    stem(w) for w in ["where", "when", "who", "which", "that", "whose", "while"]
)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(stem(t.plain) for t in tokens_of(phrase.replace("-", " ")))


def _parse(text: str, extra: Sequence[tuple[str, Sequence[str]]]) -> dict[tuple[str, ...], _Phrase]:
    out: dict[tuple[str, ...], _Phrase] = {}
    for line in text.strip().splitlines():
        name, kind, phrases = (p.strip() for p in line.split("|"))
        of_people = ""
        if "(" in kind:
            kind, of_people = (p.strip(" )") for p in kind.split("("))
        for phrase in phrases.split(","):
            words = _words(phrase)
            if words:
                out[words] = _Phrase(name, kind, of_people)
    for name, wordings in extra:  # a claims file's `measures:`: a thing each, and they win
        for phrase in (name, *wordings):
            words = _words(phrase)
            if words:
                held = out.get(words)
                out[words] = _Phrase(name, held.kind if held else "thing", "")
    return out


class Lexicon:
    """The built-in measures, extended (and overridden where a phrase is the same) by a
    claims file's `measures:` (class: [phrases])."""

    def __init__(self, extra: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.phrases = _parse(LEXICON, extra)
        self.longest: dict[str, int] = {}
        for words in self.phrases:
            self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))
        self.classes = tuple(sorted({p.measure for p in self.phrases.values()}))
        vocabulary = self._vocabulary = frozenset(w for words in self.phrases for w in words)
        self._typos = Typos((w for w in vocabulary if len(w) >= TYPO_FROM), most=1)
        self._spelled: dict[str, str] = {w: w for w in vocabulary | COUNT_WORDS}
        self._read: dict[str, str] = {}

    def as_read(self, word: str) -> str:
        """A plain word as the lexicon reads it: stemmed, and a typo of one of its words
        read as that word."""
        hit = self._read.get(word)
        if hit is None:
            hit = self._read[word] = self.spelled(stem(word))
        return hit

    def knows(self, word: str) -> bool:
        """Whether a plain word is (a typo of) a word of a phrase of the lexicon."""
        return self.spelled(stem(word)) in self._vocabulary

    def spelled(self, word: str) -> str:
        """The lexicon's word this one is a typo of ("woundde", "mercenarses"), or itself.
        Words under TYPO_FROM letters must be spelled right."""
        hit = self._spelled.get(word)
        if hit is None:
            near = self._typos.near(word) if len(word) >= TYPO_FROM else []
            hit = self._spelled[word] = near[0] if len(near) == 1 else word
        return hit

    def hits(self, plains: Sequence[str], skip: Iterable[int]) -> list[tuple[int, int, _Phrase]]:
        """(start, length, phrase) of each phrase in the words, longest first, left to right;
        words at `skip` (names, quotations, what is set aside) are never part of one."""
        return self._hits(self._all_read(plains), set(skip))

    def _all_read(self, plains: Sequence[str]) -> list[str]:
        """`as_read` of each word (its cache looked up here: a million abouts are read)."""
        known = self._read
        return [known.get(p) or self.as_read(p) for p in plains]

    def _hits(self, plains: list[str], banned: set[int]) -> list[tuple[int, int, _Phrase]]:
        out = []
        longest, phrases = self.longest, self.phrases
        after = 0  # the first word after the last phrase found
        for i in [i for i, p in enumerate(plains) if p in longest and i not in banned]:
            if i < after:
                continue
            for k in range(min(longest[plains[i]], len(plains) - i), 0, -1):
                if banned and not banned.isdisjoint(range(i, i + k)):
                    continue
                phrase = phrases.get(tuple(plains[i : i + k]))
                if phrase is not None:
                    out.append((i, k, phrase))
                    after = i + k
                    break
        return out

    def read(
        self,
        plains: Sequence[str],
        skip: Iterable[int] = (),
        articled: Container[int] = (),
        plural: Container[int] = (),
    ) -> Measure:
        """The measure of an about's words (see the module's docstring for the rules); words
        at `articled` had an article before them ("passengers the boat carried"), those at
        `plural` were written in the plural ("small-boat arrivals")."""
        read = self._all_read(plains)
        banned = set(skip)
        hits = _not_where_people_are(self._hits(read, banned), plains, read)
        hits = _not_adjuncts(hits, plural, banned)
        if not hits:
            return Measure()
        people = any(p in PEOPLE_WORDS for p in plains)
        plains = read
        all_hits = hits

        # A run of things, one after the other, ends in its head: "voter turnout"; a
        # participle after a thing says what was done with it ("tanks pledged").
        while (
            len(hits) > 1
            and hits[0][2].kind == "thing"
            and hits[1][2].kind == "thing"
            and hits[1][0] == hits[0][0] + hits[0][1]
            and hits[1][0] not in articled  # "passengers the boat carried": no compound
            and not (hits[1][1] == 1 and plains[hits[1][0]].endswith("ed"))
        ):
            hits = hits[1:]
        first_i, first_k, first = hits[0]
        thing = _done_to(hits, plains, banned)
        if thing:
            return _measure(all_hits, thing, "")
        if len(hits) > 1 and hits[1][2].kind == "event":
            ends = _HEAD_ENDS - {"among"}  # "children among the dead" are children dead
        elif any(p.kind == "event" for _, _, p in hits[1:]):
            ends = _HEAD_ENDS
        else:
            ends = _HEAD_ENDS | _CLAUSE_STARTS
        if (
            len(hits) > 1
            and first.kind == hits[1][2].kind == "thing"
            and first.measure != hits[1][2].measure
            and plains[first_i + first_k : hits[1][0]] == ["and"]
        ):  # "damage and losses" count the two together: neither alone
            second = hits[1]
            both = tuple(range(first_i, second[0] + second[1]))
            return Measure(f"{first.measure} and {second[2].measure}", "", both)
        if first.kind == "thing" and (
            len(hits) == 1 or _ends_phrase(plains[first_i + first_k : hits[1][0]], ends)
        ):
            # the head of "cost of the damage", "aid to displaced people": what is counted
            return _measure(all_hits, first.measure, "")

        def thing_before(n: int, people: bool = False) -> str:
            for _i, _k, p in reversed(hits[:n]):
                if p.kind == "thing" and (not people or p.measure in PEOPLE_CLASSES):
                    return p.measure
            return ""

        def thing_after(n: int) -> str:  # "wounded soldiers": the soldiers were wounded
            i, k, _ = hits[n]
            participle = plains[i + k - 1].endswith(("ed", "en"))
            if (
                participle
                and n + 1 < len(hits)
                and hits[n + 1][0] == i + k
                and hits[n + 1][2].kind == "thing"
                and hits[n + 1][2].measure in PEOPLE_CLASSES
            ):
                return hits[n + 1][2].measure
            return ""

        for n, (i, k, p) in enumerate(hits):
            if p.kind == "event" and not (
                n + 1 < len(hits) and hits[n + 1][0] == i + k and hits[n + 1][2].kind == "event"
            ):  # "attack death toll": the last of two events is the head
                subject = thing_before(n, people=True) or thing_after(n)
                return _measure(all_hits, p.measure, "" if subject == p.measure else subject)
        for n, (_i, _k, p) in enumerate(hits):
            if p.kind == "via":
                thing = thing_before(n)
                if thing:
                    return _measure(all_hits, thing, "")
                # said of nothing it names ("sent to Libya"), it says nothing of what is counted
                return _measure(all_hits, p.of_people if people else "", "")
        if first.kind == "thing":
            return _measure(all_hits, first.measure, "")
        things = [p for _, _, p in hits if p.kind == "thing"]
        if things:
            return _measure(all_hits, things[0].measure, "")
        # only occasions: people at a march are its participants, a bare "protests" the count
        return _measure(all_hits, "participants" if people else first.measure, "")


def _done_to(
    hits: list[tuple[int, int, _Phrase]], plains: Sequence[str], names: Container[int]
) -> str:
    """The things counted when the first two phrases are a thing that is not people and a
    participle of an event next to it (or with only names between), either way round:
    "hospitals affected", "affected hospitals", "tanks Russia lost" (people so are the
    event's subject: "police injured")."""
    if len(hits) < 2 or any(j not in names for j in range(hits[0][0] + hits[0][1], hits[1][0])):
        return ""
    for (i, k, event), (_, _, thing) in (hits[:2], hits[1::-1]):
        if (
            event.kind == "event"
            and thing.kind == "thing"
            and thing.measure not in PEOPLE_CLASSES
            and plains[i + k - 1].endswith(("ed", "en"))
        ):
            return thing.measure
    return ""


def _not_adjuncts(
    hits: list[tuple[int, int, _Phrase]], plural: Container[int], banned: Container[int]
) -> list[tuple[int, int, _Phrase]]:
    """The hits less the nouns that only say what kind the next is, a plural noun of no
    class: "small-boat arrivals", "hospital beds", "strike benefits" count arrivals, beds
    and benefits, not boats, hospitals or strikes."""
    starts = {i for i, _, _ in hits}
    return [
        (i, k, p)
        for i, k, p in hits
        if p.kind not in ("thing", "event noun")
        or i + k not in plural
        or i + k in starts
        or i + k in banned
    ]


def _not_where_people_are(
    hits: list[tuple[int, int, _Phrase]], plains: Sequence[str], read: Sequence[str]
) -> list[tuple[int, int, _Phrase]]:
    """The hits less the things that only say where the people counted are: "people in
    shelters", "people on the ship" count people, not shelters or ships (the words stay in
    the key, as scope)."""
    person = next((j for j, p in enumerate(plains) if p in PEOPLE_WORDS), len(plains))
    return [
        h
        for h in hits
        if h[2].kind != "thing"
        or h[0] <= person
        or not any(w in _WHERE for w in read[person + 1 : h[0]])
    ]


def _ends_phrase(between: Sequence[str], ends: frozenset[str]) -> bool:
    """Whether the words between a thing and the next phrase end the thing's phrase: a
    preposition does, "to" before "be" does not ("residents to be evacuated")."""
    return any(
        w in ends and not (w == "to" and between[j + 1 : j + 2] in (["be"], ["been"]))
        for j, w in enumerate(between)
    )


def _measure(hits: list[tuple[int, int, _Phrase]], measure: str, subject: str) -> Measure:
    """The measure read, with the words it was read from: the phrases of its class and its
    subject's, the occasions ("march", "protest") and the verbs that only say where things
    went; for an event, every lexicon word (what else it says is circumstance: "injured in
    clashes with protesters"). Otherwise other lexicon words stay scope ("length of military
    training": the training)."""
    by_event = any(p.measure == measure and p.kind == "event" for _, _, p in hits)
    used = tuple(
        j
        for i, k, p in hits
        if by_event or p.measure in (measure, subject) or p.kind in ("via", "event noun")
        for j in range(i, i + k)
    )
    return Measure(measure, subject, used)


@cache
def builtin() -> Lexicon:
    return Lexicon()

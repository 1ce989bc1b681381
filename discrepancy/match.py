"""Whether two claims may count the same thing, and why not: the one place that decides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from discrepancy.capitals import capitals
from discrepancy.cores import sent_as_fields
from discrepancy.kinds import marks_apart
from discrepancy.measure_words import TOLLS
from discrepancy.model import Period
from discrepancy.names import Name, country_names, place_names
from discrepancy.normalise import CAPITAL, NATIONAL, Key
from discrepancy.score import Weights, capital_keys, key_score
from discrepancy.words import ADJECTIVE, skeleton

ONE_SIDED_PLACE = 0.6  # a city or region on one side only: the other counts the whole
ONE_SIDED_MEASURE = 0.9  # what is counted read on one side only: the rest must agree well
# A name a typo away from another is that name only when the input writes the other at least
# ten times as often, and at least ten times (as `Normaliser.learn_keys` corrects words).
SPELLING_RATIO = 10
SPELLING_USES = 10
_last_unpaired: list = []  # [a, b, df, answer]: judge asks again what why_apart just asked


@sent_as_fields
@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether two claims may count the same thing: how alike their keys are (0-100, soft
    TF-IDF), and when they never can, why (`apart`); `penalty` says what lowered the score."""

    score: float
    apart: str = ""
    penalty: str = ""


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
        return other.ident == CAPITAL or other.label in capitals() or other.ident in capital_keys()
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
        y = _partner(x, free, a, b, df)
        if y is not None:
            free.remove(y)
        else:
            left.append(x)
    out = ([x for x in left if not _written_in(x, b)], [y for y in free if not _written_in(y, a)])
    _last_unpaired[:] = [a, b, df, out]
    return out


def _partner(
    x: Name, free: list[Name], a: Key, b: Key, df: Mapping[str, int] | None
) -> Name | None:
    """x's partner among the names of b not yet paired: the same name in the same role, or in
    a role that fits, or as a country's adjective and place; else a spelling of it in a role
    that fits."""
    same = [y for y in free if y.ident == x.ident]
    for y in same:
        if y.role == x.role:
            return y
    for y in same:
        if _roles_fit(x.role, y.role):
            return y
    for y in same:
        if _of_and_in(x, y, a, b):
            return y
    for y in free:
        if _roles_fit(x.role, y.role) and _same(x, y, df):
            return y
    return None


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
    if a.marks != b.marks:
        marked = marks_apart(a.marks, b.marks)
        if marked:
            return marked
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


def _happens(key: Key) -> bool:
    """Whether the key counts a toll of what happened in a place, to no one in particular: a
    country's adjective then says where ("the Turkish death toll"), not where what is counted
    came from ("Syrian fighters sent to Libya", "Libyan forces in training")."""
    return key.measure.measure in TOLLS and not key.measure.subject


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
            elif x.role == "place" and y.role == ADJECTIVE and countries and _happens(other):
                pass  # "killed in Turkey and Syria" is more than "the Turkish death toll"
            elif x.role != y.role or x.role in ("", ADJECTIVE):
                continue  # "Russian-recruited Syrians" is no list
            return f"scope wider on one side: {x} beside {y.label}"
    return ""

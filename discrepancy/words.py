"""Words as compared: case, accents, plurals, possessives, Arabic articles and spelling
noise folded (see docs/grouping.md, "From an `about` to a key")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

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
        "whose",
        "whom",
        "where",
        "when",
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
SEE_THROUGH = frozenset(["the", "a", "an", "and", "or"])
# Words that make "to" a cause, no destination: "due to the typhoon", "owing to", "thanks to".
CAUSES = frozenset(["due", "owing", "thank"])
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
_COMPASS = re.compile(r"\b(north|south)[- ]((?:east|west)(?:ern)?)\b", re.IGNORECASE)
_DIRECTION = re.compile(r"\b((?:north|south)(?:east|west)?|east|west)ern\b", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s]|_")
_DOUBLE = re.compile(r"(\w)\1+")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


# Letters NFKD does not take apart: Adıyaman is Adiyaman, Łódź is Lodz.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
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
    for _ in range(2):  # twice: "Zanqhalrin" is "Zankhalrin" only once q is k
        for a, b in FOLDS:
            word = word.replace(a, b)
    return _DOUBLE.sub(r"\1", word)


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # as written, accents removed
    plain: str
    skel: str
    capital: bool  # starts with a capital letter
    acronym: bool  # all capitals, or capitals after the first letter ("MiG", "GNA")
    kind: str  # "number", "stop" (a stop word), "article" (dropped) or "word"
    nameable: bool  # may be a name: letters only, and not a stop word, role word or month
    plural: bool = False  # a word written in the plural ("arrivals"): it is a noun


def tokens_of(text: str) -> list[Token]:
    return read_tokens(text)[0]


def read_tokens(text: str) -> tuple[list[Token], list[int]]:
    """A text's tokens, articles dropped, and the places of those an article came before:
    "passengers the boat carried" is no compound of two nouns, as "passenger boat" is."""
    # "north-west" is "northwest", and "north-western" and "western" are the same as it
    text = _DIRECTION.sub(r"\1", _COMPASS.sub(r"\1\2", _strip_accents(text)))
    if "'" in text or "’" in text:
        text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    out: list[Token] = []
    articled: list[int] = []
    for word, hyphen in _TOKEN.findall(text):
        t = _token(word)
        if t.kind == "article":
            articled.append(len(out))
        elif not (hyphen and t.plain in HYPHEN_ARTICLES):
            out.append(t)
    return out, articled


@cache
def _token(word: str) -> Token:
    p = plain(word)
    low = word.casefold()
    kind = (
        "article"
        if (low in ARTICLES and not word.isupper()) or low == "the"
        else "number"
        if p.isdigit()
        else "stop"
        if p in STOP_WORDS
        else "word"
    )
    return Token(
        word,
        p,
        skeleton(word),
        word[0].isupper(),
        len(word) > 1 and word.isalpha() and any(c.isupper() for c in word[1:]),
        kind,
        kind == "word" and word.isalpha() and p not in ROLES and p not in NOT_NAMES,
        kind == "word" and word.isalpha() and low != p,
    )


def letters(tokens: Sequence[Token]) -> int:
    return sum(len(t.plain) for t in tokens)


# Words that make a name a place of its own: "Washington County" is not Washington.
PLACE_KINDS = frozenset(
    [
        "county",
        "city",
        "township",
        "district",
        "province",
        "region",
        "governorate",
        "oblast",
        "prefecture",
        "parish",
        "borough",
        "municipality",
    ]
)
# Words that make a place of their own of the name they come before: "North Guwahati".
DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
        "central",
    ]
)
# Abbreviations inside names, written out: "Mt Pleasant" is "Mount Pleasant".
ABBREVIATIONS = {"mt": "mount", "st": "saint", "ft": "fort", "co": "county", "twp": "township"}


def role_before(kinds: Sequence[str], plains: Sequence[str]) -> str:
    """The role of a name that comes next: the role word before it, looking through names,
    articles and directions ("by the Wagner Group", "in Tripoli, Libya", "in eastern Libya");
    none after a cause ("deaths due to Typhoon Yolanda")."""
    for j in range(len(kinds) - 1, -1, -1):
        if kinds[j] == "name" or plains[j] in SEE_THROUGH or plains[j] in DIRECTIONS:
            continue
        if plains[j] == "to" and j and plains[j - 1] in CAUSES:
            return ""
        return ROLES.get(plains[j], "")
    return ""

"""Tokens of a value and tables of phrases looked up at a token."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Generic, NamedTuple, TypeVar

from discrepancy import lexicon as lx
from discrepancy.units import DOLLAR_PREFIXES

CACHE_SIZE = 65536  # distinct expressions remembered per Settings (and words normalised)


class Token(NamedTuple):
    kind: str  # num, frac (½), ord (the "rd" of "3rd"), name (MIM-23, 1990s), word, sym, other
    text: str  # normalised: lower case, any dash as "-", no abbreviation dot
    col: int  # 0-based column in the value's text
    raw: str  # as written


DASHES = "-‐‑‒–—−"
_DASH_CLASS = re.escape(DASHES)
# Spaces and marks that real pages put between groups of three digits: a space, a no-break
# space, a narrow no-break space, a thin space, a figure space; "‚" (U+201A) for a comma.
GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
_SPACE_CLASS = re.escape(GROUP_SPACES)
_ABBREVIATIONS = sorted([*lx.ABBREVIATIONS, *lx.AMBIGUOUS_ABBREVIATIONS], key=len, reverse=True)
# Alternatives in the order that is both right and fast: what follows digits ("3rd", "2k") first,
# then words, which are most tokens (a designation like "MIM-23" or "mid-2019" is one word).
_TOKEN = re.compile(
    rf"""
     (?P<ord>(?<=[0-9])(?:st|nd|rd|th)\b)
    |(?P<plural>(?<=[0-9])['’]?s\b)
    |(?P<abbr>(?<=[0-9])(?:{"|".join(_ABBREVIATIONS)})\b)
    |(?P<frac>[{"".join(lx.FRACTION_CHARS)}])
    |(?P<word>u\.s\.\$?|[^\W\d_]+(?:['’][^\W\d_]+)*(?P<name>(?:[{_DASH_CLASS}][0-9]\w*)+)?\.?)
    |(?P<num>[0-9]{{1,3}}(?:[{_SPACE_CLASS}][0-9]{{3}})+(?:\.[0-9]+)?(?![0-9])         # 3 500
            |[0-9]+(?:[.,\u201a][0-9]+)*(?:e[+-]?[0-9]{{1,2}}(?![\w.,]))?          # 3,500 1e6
            |\.[0-9]+)                                                        # .5
    |(?P<sym><=|>=|[$€£₺₽¥₹₴₪₩₦₱₫₸₾฿₼₵~≈<>≤≥+%/²³{_DASH_CLASS}])
    |(?P<other>\S)
""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD_FORMS = {"u.s": "us", "u.s.$": "us$", "rs": "rs"}


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m[0]
        if m.lastgroup == "plural" and tokens and tokens[-1].kind == "num":
            tokens.extend(_round_plural(tokens.pop(), raw))
            continue
        kind, norm = _NORMAL.get((m.lastgroup, raw)) or _normal(
            m.lastgroup or "other", raw, bool(m["name"])
        )
        col = m.start()
        if tokens and (kind == "num" or raw == "$") and _glue(tokens, kind, col, raw):
            continue
        tokens.append(_new_token(Token, (kind, norm, col, raw)))
    return tokens


def _glue(tokens: list[Token], kind: str, col: int, raw: str) -> bool:
    """Join what the regular expression split: "C$" (a sign, as one word); "1. 8" (a decimal
    with a stray space, as real pages print it)."""
    last = tokens[-1]
    if raw == "$":
        if last.text in DOLLAR_PREFIXES and last.col + len(last.raw) == col:
            tokens[-1] = Token("word", last.text + "$", last.col, last.raw + raw)
            return True
        return False
    if len(tokens) < 2 or last.raw != "." or last.col + 2 != col or raw[0] == ".":
        return False
    whole = tokens[-2]
    if whole.kind != "num" or whole.col + len(whole.raw) != last.col or "." in whole.text:
        return False
    tokens[-2:] = [Token("num", f"{whole.text}.{raw}", whole.col, f"{whole.raw}. {raw}")]
    return True


_new_token = tuple.__new__  # Token(...) without its Python-level __new__: a tenth of tokenize
_NORMAL: dict[tuple[str | None, str], tuple[str, str]] = {}  # words recur: normalise each once


def _normal(group: str, raw: str, name: bool) -> tuple[str, str]:
    kind, norm = group, raw
    if group == "word":
        kind = "name" if name else "word"
        norm = raw.lower().rstrip(".").replace("’", "'")
        norm = _WORD_FORMS.get(norm, norm)
    elif group in ("abbr", "ord"):
        kind, norm = ("word" if group == "abbr" else group), raw.lower()
    elif raw in DASHES:
        norm = "-"
    elif group == "num":
        norm = raw.replace("\u201a", ",")
    if len(_NORMAL) > CACHE_SIZE:
        _NORMAL.clear()
    if group != "num":  # numbers hardly recur
        _NORMAL[group, raw] = (kind, norm)
    return kind, norm


GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
INDIAN = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?")  # 73,27,000


def _round_plural(t: Token, s: str) -> list[Token]:
    """ "1,000s" as the words "thousands" (each token spanning all of it); "1990s" as a name."""
    digits = t.text.replace(",", "") if GROUPED.fullmatch(t.text) or t.text.isdigit() else ""
    words = lx.ROUND_PLURALS.get(digits)
    if words is None:
        return [Token("name", t.text + "s", t.col, t.raw + s)]
    return [Token("word", w, t.col, t.raw + s) for w in words.split()]


def is_year(t: Token) -> bool:
    return len(t.text) == 4 and t.kind == "num" and t.text.isdigit() and int(t.text) in lx.YEARS


V = TypeVar("V")


class Phrases(Generic[V]):
    """A table of phrases looked up at a token position, the longest phrase first."""

    def __init__(self, table: Mapping[str, V]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, V]]] = {}
        for phrase, value in table.items():
            words = tuple(phrase.split())
            self._by_first.setdefault(words[0], []).append((words, phrase, value))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, texts: Sequence[str], i: int) -> tuple[str, V, int] | None:
        """(phrase, value, tokens spanned) of the longest phrase starting at token i (None
        past the end: "at least 13 and" ends where a second bound would start)."""
        if i >= len(texts):
            return None
        for words, phrase, value in self._by_first.get(texts[i], ()):
            n = len(words)
            if n == 1 or tuple(texts[i : i + n]) == words:
                return phrase, value, n
        return None

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

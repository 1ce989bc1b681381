"""An about read into tokens, before any is taken for a name or the measure: its words,
whether it is in Headline Case, what it quotes, where its punctuation breaks, and what
`asides.read` set aside (who said it, and when). `normalise` keys what is read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from discrepancy.asides import Reading, read
from discrepancy.words import Token, read_tokens

_QUOTE = re.compile(r"[\"“”«»]")
_PUNCTUATION = re.compile(r"([\"“”«»,;:()\[\]])")


class AboutReading(NamedTuple):
    tokens: list[Token]
    title: bool  # in Headline Case or ALL CAPS
    quoted: frozenset[int]  # the tokens inside quotation marks
    breaks: frozenset[int]  # the tokens that start a new stretch after punctuation
    articled: frozenset[int]  # the tokens an article ("the") came before
    said: Reading  # what was set aside, and the core left


def _title_case(tokens: Sequence[Token]) -> bool:
    """Headline Case or ALL CAPS: capitals then say nothing about which words are names. Four
    capitalised long words and no lower-case one ("Voters in Lincoln, Nebraska" is not)."""
    words = [t for t in tokens if t.nameable and len(t.word) > 3]
    return len(words) >= 4 and all(t.capital for t in words)


def read_about(about: str) -> AboutReading:
    """An about's tokens, whether it is in Headline Case, which tokens are quoted, which
    start a new stretch after punctuation (a name does not run across a comma), and what
    `asides.read` set aside."""
    said = read(about)
    tokens: list[Token] = []
    quoted: set[int] = set()
    breaks: set[int] = set()
    articled: set[int] = set()
    inside = False
    for n, piece in enumerate(_PUNCTUATION.split(said.core)):
        if n % 2:  # a mark (split on a group, the marks are every other piece)
            inside = not inside if _QUOTE.fullmatch(piece) else inside
            breaks.add(len(tokens))
            continue
        more, after = read_tokens(piece)
        articled.update(len(tokens) + j for j in after)
        if inside:
            quoted.update(range(len(tokens), len(tokens) + len(more)))
        tokens.extend(more)
    return AboutReading(
        tokens,
        _title_case(tokens),
        frozenset(quoted),
        frozenset(breaks),
        frozenset(articled),
        said,
    )

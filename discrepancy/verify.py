"""Check claims against the articles they came from: each quote is in its source's document, and
every number of each value is in its quote ("two thousand" and "2,000" alike).

Pure: the documents arrive already read (`Article`, or None when the file is missing); the shell
finds and reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from discrepancy.documents import Article, Passage, find_quote, line_col, normalise
from discrepancy.errors import Location
from discrepancy.model import VAGUE_DEFAULTS, Claim, Claims, Quantity
from discrepancy.quantities import QuantityError, parse_quantity


class Status(str, Enum):
    verified = "verified"
    failed = "not verified"
    unverifiable = "unverifiable"


@dataclass(frozen=True)
class Problem:
    """One reason a claim is not verified."""

    kind: str  # "quote", "number", "document"
    message: str
    details: tuple[str, ...] = ()  # exactly what differs


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    status: Status
    document: str  # the document's name, "" when the source has none
    passage: Passage | None = None  # where the quote is, or the closest passage to it
    at: Location | None = None  # that passage's place in the document
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Verification:
    verdicts: tuple[Verdict, ...]

    def count(self, status: Status) -> int:
        return sum(v.status is status for v in self.verdicts)

    @property
    def clean(self) -> bool:
        return all(v.status is Status.verified for v in self.verdicts)


def verify(
    claims: Claims, articles: Mapping[str, Article | None], looked_in: str = ""
) -> Verification:
    """A verdict per claim, in the input's order. `articles` maps each document name the
    sources give to its text, or to None when the file is missing (from `looked_in`)."""
    verdicts = []
    for claim in claims.claims:
        source = claims.sources.get(claim.source)
        name = source.document if source is not None else ""
        verdicts.append(verify_claim(claim, name, articles.get(name), looked_in))
    return Verification(tuple(verdicts))


def verify_claim(claim: Claim, name: str, article: Article | None, looked_in: str = "") -> Verdict:
    """One claim against its document (`name`, read as `article`; None when missing). The
    value's numbers are checked against the quote even when the document cannot be."""
    numbers = tuple(number_problems(claim.value, claim.quote))
    why = ""
    if not name:
        why = f"source `{claim.source}` has no `document:` to check the claim against"
    elif article is None:
        where = f" in {looked_in}" if looked_in else ""
        why = f"document {name} of source `{claim.source}` is missing (looked{where})"
    elif not claim.quote.strip():
        why = "the claim has no `quote` to look for in the document"
    if why:
        status = Status.failed if numbers else Status.unverifiable
        return Verdict(claim, status, name, problems=(Problem("document", why), *numbers))
    assert article is not None
    problems: list[Problem] = []
    search = find_quote(claim.quote, article.searchable, article.text.text)
    at = None
    if search.passage is not None:
        line, col = line_col(article.source, article.in_source(search.passage.start))
        at = Location(name, line, col)
    if not search.found:
        what = "the quote is not in the document"
        if search.passage is not None:
            what += f"; the closest passage ({search.score:.0f}% alike) is at {at}"
        problems.append(Problem("quote", what, search.differences))
    problems.extend(numbers)
    status = Status.failed if problems else Status.verified
    return Verdict(claim, status, name, search.passage, at, tuple(problems))


# --- Numbers -------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<name>[^\W\d_]+-[0-9][\w-]*)"  # MIM-23, COVID-19: a name, not a number
    r"|(?P<num>[0-9]+(?:[.,][0-9]+)*(?:[^\W\d_]+)?)"  # 3,500  3.5  2k  $1.2bn's "1.2bn"
    r"|(?P<word>[^\W\d_]+)"
)
_JOINERS = ("and", "a", "an")
# Vague quantity words: not numbers, but a value that says "thousands" where its quote says
# "hundreds" is wrong all the same
_VAGUE_WORDS = {w for phrase in VAGUE_DEFAULTS for w in phrase.split()} - {"a", "of"}


@dataclass(frozen=True)
class Number:
    text: str  # as written
    value: float


@lru_cache(maxsize=4096)
def _read(text: str) -> Quantity | None:
    try:
        q = parse_quantity(text)
    except QuantityError:
        return None
    if q.unquantified or q.lo != q.hi or q.lo_open or q.hi_open:
        return None  # vague or bounded: not a number
    return q


def _is_number(kind: str, text: str) -> bool:
    if kind == "num":
        return True
    return kind == "word" and text not in _JOINERS and _read(text) is not None


def numbers_in(text: str) -> list[Number]:
    """The numbers written in text, in digits or words ("two thousand", "3,500", "1.2bn"). A run
    of number words joined by "and" also gives its parts: "two million and 300 thousand" says
    2,300,000, and also "two million" and "300 thousand"."""
    tokens = [(m.lastgroup or "", m[0].lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Number] = []
    i = 0
    while i < len(tokens):
        if not _is_number(*tokens[i][:2]):
            i += 1
            continue
        j = i + 1  # the run of number words: "one and a half", "two million three hundred"
        while j < len(tokens):
            k = j
            while k < len(tokens) and tokens[k][1] in _JOINERS and _next_to(text, tokens, k):
                k += 1
            if k < len(tokens) and _is_number(*tokens[k][:2]) and _next_to(text, tokens, k):
                j = k + 1
            else:
                break
        cuts = [k for k in range(i + 1, j) if tokens[k][1] == "and"]
        pieces = [(i, j), *zip([i, *[c + 1 for c in cuts]], [*cuts, j], strict=True)]
        for a, b in dict.fromkeys(pieces):
            q = _read(text[tokens[a][2] : tokens[b - 1][3]]) if a < b else None
            if q is not None:
                out.append(Number(text[tokens[a][2] : tokens[b - 1][3]], q.lo))
            elif (a, b) != (i, j) or not cuts:  # a part unread: each of its numbers alone
                for kind, word, s, e in tokens[a:b]:
                    part = _read(text[s:e]) if _is_number(kind, word) else None
                    if part is not None:
                        out.append(Number(text[s:e], part.lo))
        i = j
    return out


def _next_to(text: str, tokens: list[tuple[str, str, int, int]], k: int) -> bool:
    """Only spaces or a hyphen between token k and the one before it ("31 (2.5" is two)."""
    between = text[tokens[k - 1][3] : tokens[k][2]]
    return not between.strip(" -\u00a0")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", normalise(text).text))


def number_problems(value: str, quote: str) -> list[Problem]:
    """Every number (and vague quantity word) of `value` must be in `quote`."""
    if not quote.strip():
        return []
    problems = []
    quote = re.sub(r"\[[^\]]*\]", " ", quote)  # an editor's [words] are not the article's
    in_quote = numbers_in(quote)
    have = {round(n.value, 9) for n in in_quote}
    shown = ", ".join(dict.fromkeys(n.text for n in in_quote)) or "none"
    for n in numbers_in(value):
        if round(n.value, 9) not in have:
            problems.append(
                Problem(
                    "number",
                    f'the value\'s number "{n.text}" is not in the quote',
                    (f"numbers in the quote: {shown}",),
                )
            )
    vague = {w for w in _words(value) & _VAGUE_WORDS if _read(w) is None}  # not "hundred"
    missing = sorted(vague - _words(quote))
    for word in missing:
        problems.append(Problem("number", f'the value says "{word}", which the quote does not'))
    return problems


def summary(verdicts: Sequence[Verdict]) -> str:
    """'36 verified, 1 not verified, 1 unverifiable'."""
    counts = {s: sum(v.status is s for v in verdicts) for s in Status}
    return ", ".join(f"{n} {s.value}" for s, n in counts.items())

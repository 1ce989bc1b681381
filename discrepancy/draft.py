"""Candidate claims drafted from an article, and the YAML a person edits.

For each quantity expression `extract.find` finds: the value as printed, the sentence (or, in
a long sentence, the clause) around it as the quote, the noun phrase it counts as `about`, who
the sentence says said it, and the period the sentence dates it by. Whatever is a guess
carries a `# check:` comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from discrepancy.about import about_of, borrowed
from discrepancy.context import attribution
from discrepancy.context import period as find_period
from discrepancy.documents import Article, compact
from discrepancy.extract import Found, Token, find, read
from discrepancy.model import Progress, no_progress
from discrepancy.sentences import sentences

LONG_SENTENCE = 250  # characters; a longer sentence is quoted by its clause
SHORTEST_CLAUSE = 80
BORROW_WITHIN = (
    5  # tokens: a number this close after another, with nothing after it, counts the same
)


@dataclass(frozen=True)
class Candidate:
    value: str
    quote: str
    about: str
    attributed_to: str
    period: str
    line: int  # the value's line in the article
    checks: tuple[str, ...] = ()
    left_out: str = ""  # why it is not a claim by default ("a year"), "" when it is

    @property
    def checks_about(self) -> bool:
        """Is `about` a guess a person must check?"""
        return any(c == _GUESSED_ABOUT or c.startswith("`about`") for c in self.checks)


@dataclass(frozen=True)
class Draft:
    source: str
    document: str
    title: str
    candidates: tuple[Candidate, ...]


def draft(article: Article, document: str, source: str, progress: Progress = no_progress) -> Draft:
    """Every candidate claim in an article, in order (left-out ones included, marked)."""
    text = article.text.text
    out = []
    for start, end in sentences(article):
        progress(f"reading {document}", start, len(text))
        tokens, found = find(text, start, end)
        # what the number just before counted: "killed 12 people and injured 30"
        counted: tuple[int, str, str] = (-99, "", "")  # its last token, `about`, unit
        for f in found:
            near = f.first - counted[0] <= BORROW_WITHIN and f.quantity.unit == counted[2]
            c = _candidate(text, start, end, tokens, f, counted[1] if near else "")
            out.append(c)
            if not f.left_out and not c.checks_about:
                counted = (f.last, c.about, f.quantity.unit)
    return Draft(source, document, article.title, tuple(out))


def _candidate(
    text: str, start: int, end: int, tokens: list[Token], f: Found, counted: str
) -> Candidate:
    v0, v1 = tokens[f.first].start, tokens[f.last - 1].end
    checks = list(f.unsure)
    about = about_of(tokens, f)
    if not about and counted:
        about = borrowed(counted, tokens, f.first)
        checks.append(f'`about` is what the number before it counts ("{counted}"): is it?')
    elif not about:
        before = [t.text for t in tokens[max(0, f.first - 5) : f.first] if t.low[0].isalnum()]
        about = " ".join(before) or compact(text[v0:v1])
        checks.append(_GUESSED_ABOUT)
    if f.first >= 2 and tokens[f.first - 1].low in ("in", "of") and read(tokens[f.first - 2].text):
        checks.append(f'part of a share ("{compact(text[tokens[f.first - 2].start : v1])}")?')
    period, why = find_period(text[start:end])
    if why:
        checks.append(why)
    return Candidate(
        value=compact(text[v0:v1]),
        quote=_quote(text, start, end, v0, v1),
        about=about,
        attributed_to=attribution(text[start:end], v0 - start),
        period=period,
        line=text.count("\n", 0, v0) + 1,
        checks=tuple(checks),
        left_out=f.left_out,
    )


_GUESSED_ABOUT = "say what is counted: `about` is only the words before the value"


def _quote(text: str, start: int, end: int, v0: int, v1: int) -> str:
    """The sentence; in a long one, the clause holding the value, grown to a readable length."""
    if end - start <= LONG_SENTENCE:
        return compact(text[start:end])
    cuts = [start] + [m.end() for m in _CLAUSE.finditer(text, start, end)] + [end]
    lo = max(c for c in cuts if c <= v0)
    hi = min(c for c in cuts if c >= v1)
    while hi - lo < SHORTEST_CLAUSE and (lo > start or hi < end):
        later = [c for c in cuts if c > hi]
        earlier = [c for c in cuts if c < lo]
        if later:
            hi = later[0]
        elif earlier:
            lo = earlier[-1]
    return compact(text[lo:hi]).rstrip(",;:–— ")


_CLAUSE = re.compile(r"(?:[,;:]|\s[–—-])\s+")

# --- YAML ----------------------------------------------------------------------------------------


def render(drafts: Sequence[Draft], everything: bool = False) -> str:
    """The drafts as a claims file a person edits; loads with no error."""
    n = sum(1 for d in drafts for c in d.candidates if everything or not c.left_out)
    names = ", ".join(d.document for d in drafts)
    lines = [
        f"# Drafted by `discrepancy extract` from {names}: {n} candidate claims.",
        "# Edit each one (what it counts, who said it, when), delete what is not a claim,",
        "# then check the file with `discrepancy verify`.",
        "version: 1",
        "",
        "sources:",
    ]
    for d in drafts:
        lines += [f"  {_scalar(d.source)}:", f"    title: {_scalar(d.title)}"]
        lines.append(f"    document: {_scalar(d.document)}")
    lines += ["", "claims:"]
    if not n:
        lines[-1] = "claims: []"
    for d in drafts:
        for c in d.candidates:
            if c.left_out and not everything:
                continue
            lines.append("")
            lines.append(f"  # {d.document} line {c.line}")
            if c.left_out:
                lines.append(f"  # check: left out without --all: {c.left_out}")
            lines += [f"  # check: {why}" for why in c.checks]
            lines.append(f"  - source: {_scalar(d.source)}")
            for key in ("about", "value", "period", "attributed_to", "quote"):
                text = getattr(c, key)
                if text:
                    lines.append(f"    {key}: {_scalar(text)}")
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """A YAML scalar that reads back as exactly `text`: plain when it can be, else quoted."""
    plain = text
    try:
        if (
            plain.strip() == plain
            and ": " not in plain
            and " #" not in plain
            and not plain.startswith(("'", '"', "&", "*", "!", "|", ">", "%", "@", "`", "-", "?"))
            and yaml.safe_load(plain) == text
        ):
            return plain
    except yaml.YAMLError:
        pass
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", escaped) + '"'


# What YAML cannot hold as it is in a double-quoted scalar, or would read as a line break
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

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

from discrepancy.documents import Article, compact
from discrepancy.extract import Found, Token, find, read, sentences

LONG_SENTENCE = 250  # characters; a longer sentence is quoted by its clause
SHORTEST_CLAUSE = 80


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


@dataclass(frozen=True)
class Draft:
    source: str
    document: str
    title: str
    candidates: tuple[Candidate, ...]


def draft(article: Article, document: str, source: str) -> Draft:
    """Every candidate claim in an article, in order (left-out ones included, marked)."""
    text = article.text.text
    out = []
    for start, end in sentences(article):
        tokens, found = find(text, start, end)
        for f in found:
            out.append(_candidate(text, start, end, tokens, f))
    return Draft(source, document, article.title, tuple(out))


def _candidate(text: str, start: int, end: int, tokens: list[Token], f: Found) -> Candidate:
    v0, v1 = tokens[f.first].start, tokens[f.last - 1].end
    checks = list(f.unsure)
    about = _about(tokens, f)
    if not about:
        before = [t.text for t in tokens[max(0, f.first - 5) : f.first] if t.low[0].isalnum()]
        about = " ".join(before) or compact(text[v0:v1])
        checks.append("say what is counted: `about` is only the words before the value")
    period, why = _period(text[start:end])
    if why:
        checks.append(why)
    return Candidate(
        value=compact(text[v0:v1]),
        quote=_quote(text, start, end, v0, v1),
        about=about,
        attributed_to=_attribution(text[start:end]),
        period=period,
        line=text.count("\n", 0, v0) + 1,
        checks=tuple(checks),
        left_out=f.left_out,
    )


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

# --- about ---------------------------------------------------------------------------------------

_STOP = set(
    [
        "to",
        "in",
        "at",
        "on",
        "from",
        "by",
        "with",
        "for",
        "into",
        "during",
        "after",
        "before",
        "since",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "have",
        "has",
        "had",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "shall",
        "did",
        "do",
        "does",
        "and",
        "or",
        "but",
        "as",
        "than",
        "while",
        "including",
        "inside",
        "outside",
        "near",
        "across",
        "against",
        "over",
        "under",
        "between",
        "within",
        "without",
        "through",
        "toward",
        "towards",
        "among",
        "around",
        "about",
        "per",
        "each",
        "every",
        "via",
        "alongside",
        "despite",
        "amid",
        "until",
        "when",
        "where",
        "if",
        "so",
        "because",
        "also",
        "still",
        "already",
        "now",
        "then",
        "there",
        "here",
        "this",
        "these",
        "those",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "no",
        "only",
        "just",
        "more",
        "most",
        "according",
        "against",
    ]
)
_PARTICIPLES = set(
    [
        "made",
        "sent",
        "held",
        "led",
        "known",
        "taken",
        "given",
        "seen",
        "built",
        "kept",
        "left",
        "brought",
        "fought",
        "caught",
        "put",
        "set",
        "told",
        "said",
        "paid",
        "shot",
        "killed",
        "wounded",
        "hurt",
        "trained",
        "drawn",
        "flown",
        "thrown",
    ]
)
_CONNECTORS = {"of", "the", "a", "an", "and"}


def _about(tokens: list[Token], f: Found) -> str:
    """The noun phrase the quantity counts: the words after it ("paid Syrian fighters"), or,
    for an amount with nothing after it, the noun it is "of" ("bounties of up to $150,000")."""
    k = f.last
    if k < len(tokens) and tokens[k].low == "of":
        k += 1  # "hundreds of Russian mercenaries"
    words: list[Token] = []
    while k < len(tokens) and len(words) < 8:
        t = tokens[k]
        w = t.low
        if not (w[0].isalnum()) or w in _STOP or read(t.text) is not None:
            break
        if words and t.text[0].islower() and (w.endswith(("ing", "ed")) or w in _PARTICIPLES):
            break
        if w == "of" and not (len(words) <= 2 and k + 1 < len(tokens)):
            break
        words.append(t)
        k += 1
    while words and words[-1].low in _CONNECTORS:
        words.pop()
    while words and words[0].low in _CONNECTORS:
        words.pop(0)
    if words:
        return " ".join(t.text for t in words)
    i = f.first
    before = tokens[i - 2].low if i >= 2 else ""
    if tokens[i - 1].low == "of" and before[:1].isalpha() and before not in _STOP:
        return tokens[i - 2].text  # "bounties of up to $150,000"
    inner = [t for t in tokens[f.first : f.last]]
    for n, t in enumerate(inner[1:], 1):
        if t.low == "of" and inner[n - 1].low[0].isalpha():
            return inner[n - 1].text  # "an approximate salary of $1,000"
    return ""


# --- attributed_to -------------------------------------------------------------------------------

_CAP = r"[A-Z][\w’'.&-]*"
_NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:(?:of|for|the|and|de|al|el|on)\s+)*{_CAP})*"
_VERBS = (
    r"said|says|say|reported|reports|report|told|tells|announced|announces|claimed|claims|claim|"
    r"stated|states|estimated|estimates|added|noted|wrote|writes|believes?|concluded|accused|"
    r"confirmed|confirms|revealed|counted|quoted|cited|found"
)
_ADVERBS = r"(?:(?:also|has|have|had|constantly|previously|later|earlier|recently|reportedly)\s+)*"
_PRONOUNS = {"He", "She", "They", "It", "We", "I", "This", "That", "These", "Those", "There"}
_ATTRIBUTION = [
    re.compile(  # "a report by local news outlet Naher", "a statement from the Interior Ministry"
        rf"\b(?:report|statement|study|survey|count|estimate|investigation|tally|analysis)"
        rf"\s+(?:by|from)\s+(?:[a-z]+\s+){{0,4}}?({_NAME})"
    ),
    re.compile(rf"\b[Aa]ccording\s+to\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?({_NAME})"),
    re.compile(
        r"\b[Aa]ccording\s+to\s+((?:the\s+)?(?:[a-z]+\s+)?[a-z]+)(?=[,.;]|\s+(?:[a-z]+\s+)?(?:said|says|claim|report))"
    ),
    re.compile(rf"({_NAME})(?:’s|'s)\s+(?:[a-z]+\s+)?(?:report|statement|study|estimate|count)"),
    re.compile(rf"({_NAME}(?:\s+[a-z]+){{0,2}}?)\s+{_ADVERBS}(?:{_VERBS})\b"),
    re.compile(rf"\b(?:said|says|told|reported)\s+({_NAME})"),
]


def _attribution(sentence: str) -> str:
    """Who the sentence says said it ("according to X", "X said", "a report by X"), or ""."""
    for pattern in _ATTRIBUTION:
        for m in pattern.finditer(sentence):
            name = compact(m[1]).rstrip(".")
            if name.split()[0] in _PRONOUNS or name in ("The", "A", "An"):
                continue
            return name
    return ""


# --- period --------------------------------------------------------------------------------------

_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_YEAR = r"(1[89][0-9]{2}|20[0-9]{2})"
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}
_DATES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{_MONTH}\s+([0-9]{{1,2}}),?\s+{_YEAR}\b"), "mdy"),
    (re.compile(rf"\b([0-9]{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b"), "dmy"),
    (re.compile(rf"\b(first|second|third|fourth|last|final)\s+quarter\s+of\s+{_YEAR}\b"), "q"),
    (re.compile(rf"\bfirst\s+([\w-]+)\s+months\s+of\s+{_YEAR}\b"), "months"),
    (re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"), "my"),
    (
        re.compile(rf"\b(?:in|during|throughout|for|of)\s+(?:the\s+year\s+)?{_YEAR}\b(?!\s*[-–])"),
        "y",
    ),
]


def _period(sentence: str) -> tuple[str, str]:
    """The period the sentence dates its numbers by, and a check when it is unsure."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _DATES:
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if re.search(
                r"\b(?:since|until|till|by|before|after|from)\s+(?:the\s+)?$", sentence[: m.start()]
            ):
                found.append(f"not {m[0].strip()} (a start or an end)")
                continue
            p = _date(kind, m.groups())
            if p:
                found.append(p)
    bounds = [f for f in found if f.startswith("not ")]
    distinct = [f for f in dict.fromkeys(found) if not f.startswith("not ")]
    if bounds:
        return "", f"the sentence dates only a start or an end ({bounds[0][4:-20]}): set `period`?"
    if len(distinct) == 1:
        return distinct[0], f"period {distinct[0]} from the sentence's date: is it when this held?"
    if len(distinct) > 1:
        return "", f"the sentence gives several dates ({', '.join(distinct)}): which, if any?"
    return "", ""


def _date(kind: str, g: Sequence[str]) -> str:
    if kind in ("mdy", "dmy"):
        month, day, year = (g[0], g[1], g[2]) if kind == "mdy" else (g[1], g[0], g[2])
        m, d = _MONTHS.index(month.lower()) + 1, int(day)
        return f"{year}-{m:02d}-{d:02d}" if 1 <= d <= 31 else ""
    if kind == "q":
        q = _QUARTERS[g[0].lower()]
        last = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}[q]
        return f"{g[1]}-{3 * q - 2:02d}-01/{g[1]}-{last}"
    if kind == "months":
        n = read(g[0])
        if n is None or n.lo != n.hi or not 1 <= n.lo <= 12 or not float(n.lo).is_integer():
            return ""
        months = int(n.lo)
        last_day = [31, 29 if int(g[1]) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return f"{g[1]}-01-01/{g[1]}-{months:02d}-{last_day[months - 1]}"
    if kind == "my":
        return f"{g[1]}-{_MONTHS.index(g[0].lower()) + 1:02d}"
    return g[0]


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
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m[0]):02x}", escaped)
    return f'"{escaped}"'

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
    about = _about(tokens, f)
    if not about and counted:
        about = counted
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

# --- about ---------------------------------------------------------------------------------------

_STOP = {
    "to", "in", "at", "on", "from", "by", "with", "for", "into", "during", "after",
    "before", "since", "who", "whom", "whose", "which", "that", "have", "has", "had",
    "were", "was", "are", "is", "be", "been", "being", "will", "would", "could", "can",
    "may", "might", "should", "shall", "did", "do", "does", "and", "or", "but", "as",
    "than", "while", "including", "inside", "outside", "near", "across", "against", "over",
    "under", "between", "within", "without", "through", "toward", "towards", "among",
    "around", "about", "per", "each", "every", "via", "alongside", "despite", "amid",
    "until", "when", "where", "if", "so", "because", "also", "still", "already", "now",
    "then", "there", "here", "this", "these", "those", "it", "they", "he", "she", "we",
    "you", "i", "not", "no", "only", "just", "more", "most", "according"
}  # fmt: skip
# Verbs in the past, irregular ones (regular ones end in -ed): where a noun phrase ends
_PARTICIPLES = {
    "made", "sent", "held", "led", "known", "taken", "given", "seen", "built", "kept", "left",
    "brought", "fought", "caught", "put", "set", "told", "said", "paid", "shot", "hurt",
    "drawn", "flown", "thrown", "spent", "went", "came", "fled", "died", "lost", "won", "rose",
    "fell", "grew", "began", "took", "gave", "got", "saw", "stood", "met", "ran", "felt",
    "became", "sat", "lay", "struck", "hit", "sold", "bought", "taught", "thought", "found",
    "drove", "flew", "stole", "broke", "chose", "wrote", "spoke", "hid", "bore",
    "remain", "remains", "are", "were", "was", "is",
}  # fmt: skip
_PERIODS = {"day", "week", "month", "year", "hour", "minute", "night", "quarter", "decade"}
_CONNECTORS = {"of", "the", "a", "an", "and"}


def _about(tokens: list[Token], f: Found) -> str:
    """The noun phrase the quantity counts: the words after it ("paid Syrian fighters"), or,
    for an amount with nothing after it, the noun it is "of" ("bounties of up to $150,000")."""
    k = f.last
    while k < len(tokens) and tokens[k].low in ("”", '"', "’", "'"):
        k += 1  # "“More than two million” people"
    if k < len(tokens) and tokens[k].low == "of":
        k += 1  # "hundreds of Russian mercenaries"
    rate = k + 1 < len(tokens) and tokens[k].low in ("a", "an", "per", "each", "every")
    if rate and tokens[k + 1].low in _PERIODS:
        k += 2  # "500 a day before the war": a rate, not what is counted
    words: list[Token] = []
    while k < len(tokens) and len(words) < 8:
        t = tokens[k]
        w = t.low
        if not (w[0].isalnum()) or w in _STOP or read(t.text) is not None:
            break
        verb = t.text[0].islower() and (w.endswith(("ing", "ed")) or w in _PARTICIPLES)
        if verb and (words or not _noun_follows(tokens, k + 1)):
            break  # "1.1 million protested", but "3,500 paid Syrian fighters"
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
    if i >= 2 and tokens[i - 1].low == "of" and before[:1].isalpha() and before not in _STOP:
        return tokens[i - 2].text  # "bounties of up to $150,000"
    inner = tokens[f.first : f.last]
    for n, t in enumerate(inner[1:], 1):
        if t.low == "of" and inner[n - 1].low[0].isalpha():
            return inner[n - 1].text  # "an approximate salary of $1,000"
    return _linked(tokens, f.first)


def _noun_follows(tokens: list[Token], k: int) -> bool:
    if k >= len(tokens):
        return False
    w = tokens[k].low
    return w[0].isalpha() and w not in _STOP and w not in _CONNECTORS and w not in _PARTICIPLES


# "the death toll rose to 1,250", "estimated damage at $1.2 billion", "the number of
# participants reached 800,000": the noun phrase before a linking verb
_LINKS = {
    "to", "at", "of", "reached", "rose", "climbed", "stood", "was", "is", "were", "are", "hit",
    "jumped", "increased", "grew", "topped", "exceeded", "totalled", "totaled", "numbered",
    "put", "estimated", "fell", "dropped", "declined", "surpassed", "passed", "now", "has",
    "had", "have", "been", "be", "will", "would",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}


def _linked(tokens: list[Token], first: int) -> str:
    k, skipped = first - 1, 0
    while k >= 0 and tokens[k].low in _LINKS and skipped < 3:
        k, skipped = k - 1, skipped + 1
    if not skipped:
        return _number_of(tokens, first)
    phrase: list[Token] = []
    while k >= 0 and len(phrase) < 5:
        t = tokens[k]
        w = t.low
        if w in _TIME_PREPOSITIONS and len(phrase) <= 2 and not _counted(phrase):
            phrase, k = [], k - 1  # "the death toll since October rose to": past "since October"
            continue
        if not w[0].isalnum() or w in _STOP or read(t.text) is not None:
            break
        if t.text[0].islower() and (w.endswith(("ed", "ing")) or w in _PARTICIPLES):
            break
        phrase.insert(0, t)
        k -= 1
    while phrase and phrase[0].low in _DETERMINERS | _CONNECTORS:
        phrase.pop(0)
    text = " ".join(t.text for t in phrase)
    m = re.search(r"\b(?:number|total|count|tally|toll) of (.+)$", text)
    return m[1] if m else text or _number_of(tokens, first)


_TIME_PREPOSITIONS = {"since", "in", "on", "from", "until", "during", "after", "before", "by"}


def _counted(phrase: list[Token]) -> bool:
    """Does the phrase name something counted, not a time ("October", "Monday", "2020")?"""
    return any(t.low in ("toll", "number", "total", "count", "tally") for t in phrase)


def _number_of(tokens: list[Token], first: int) -> str:
    """ "the number of hostages still held at 130": what the number of, before the value, is of."""
    for k in range(first - 2, max(-1, first - 10), -1):
        if tokens[k].low == "of" and k > 0 and tokens[k - 1].low in ("number", "total", "count"):
            words = []
            for t in tokens[k + 1 : first]:
                if not t.low[0].isalpha() or t.low in _STOP or t.low in _PARTICIPLES:
                    break
                words.append(t.text)
            return " ".join(words)
    return ""


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

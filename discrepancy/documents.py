"""An article's text: read from plain text or HTML, normalised for matching, searched for a quote.

Every normalised text keeps a map back to the text it came from, so that a match or a near
miss is shown as the article wrote it, at its own line and column. Normalising makes matching
robust to what typesetting changes (line breaks, runs of whitespace, typographic quotes,
apostrophes and dashes, soft hyphens, accents, HTML entities, letter case) and to nothing
else: a changed word is still a changed word.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

from rapidfuzz import fuzz

_QUOTES = {c: "'" for c in "‘’‚‛′`´ʼ"} | {c: '"' for c in "“”„‟″«»"}
_DASHES = {c: "-" for c in "‐‑‒–—―−⁃"}
_INVISIBLE = set("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # soft hyphen, zero-width marks
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# Where a quote leaves words out: an ellipsis, or an editor's words in brackets ("[Turkey] sent")
_GAP = re.compile(r"\s*(?:\[[^\]]*\]|\.\.\.|…)\s*")
_EDGES = " \"'.,;:"  # the coder's own quote marks and closing punctuation around a part


@dataclass(frozen=True)
class Mapped:
    """A text and, for each of its characters, the offset in the original it came from;
    `origin` has one more entry than `text`: where the original ends."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of text[start:end]."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def _fold(c: str) -> str:
    """One character as it is compared: typographic marks folded, accents dropped, lower case."""
    if c in _QUOTES:
        return _QUOTES[c]
    if c in _DASHES:
        return "-"
    if c in _INVISIBLE:
        return ""
    if c.isspace():
        return " "
    if c.isascii():
        return c.lower()
    out = unicodedata.normalize("NFKD", c)
    return "".join(_fold(d) if d != c else d.lower() for d in out if not unicodedata.combining(d))


def normalise(text: str) -> Mapped:
    """Text as it is compared, mapped back to `text` (see the module docstring)."""
    chars: list[str] = []
    origin: list[int] = []
    pieces = _entities(text)
    for start, piece, whole in pieces:
        for k, c in enumerate(piece):
            at = start if whole else start + k
            folded = _fold(c)
            if folded == " ":
                if not chars or chars[-1] == " ":
                    continue
                # a line broken after a hyphen joins the hyphenated word again
                if "\n" in c and len(chars) > 1 and chars[-1] == "-" and chars[-2].isalnum():
                    continue
            for f in folded:
                chars.append(f)
                origin.append(at)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    out = "".join(chars)
    return Mapped(out, (*origin, len(text)))


def _entities(text: str) -> list[tuple[int, str, bool]]:
    """(offset, text, whether it stands for one entity) pieces, entities decoded."""
    pieces: list[tuple[int, str, bool]] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m[0])
        if decoded == m[0]:
            continue
        pieces.append((pos, text[pos : m.start()], False))
        pieces.append((m.start(), decoded, True))
        pos = m.end()
    pieces.append((pos, text[pos:], False))
    return pieces


def compact(text: str) -> str:
    """Whitespace runs as one space, ends trimmed: a quote as the YAML shows it."""
    return " ".join(text.split())


# --- HTML ----------------------------------------------------------------------------------------

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "figure", "figcaption", "hr",
    "title", "pre", "dd", "dt", "main", "aside",
}  # fmt: skip
# Not the article's text: code, page furniture, forms
_SKIPPED = {
    "script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form",
    "button", "select", "menu", "iframe", "dialog",
}  # fmt: skip


def looks_like_html(name: str, text: str) -> bool:
    """True for an .html/.htm file, or text that opens like an HTML page."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


class _Text(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = [0]
        for line in source.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def at(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def emit(self, text: str, at: int, whole: bool = False) -> None:
        if self.in_title:
            self.title.append(text)
            return
        if self.skip:
            return
        for k, c in enumerate(text):
            self.chars.append(c)
            self.origin.append(at if whole else at + k)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self.emit("\n\n" if tag != "br" else "\n", self.at(), whole=True)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.emit("\n\n", self.at(), whole=True)

    def handle_data(self, data: str) -> None:
        self.emit(data, self.at())

    def handle_entityref(self, name: str) -> None:
        self.emit(html.unescape(f"&{name};"), self.at(), whole=True)

    def handle_charref(self, name: str) -> None:
        self.emit(html.unescape(f"&#{name};"), self.at(), whole=True)


@dataclass(frozen=True)
class Article:
    """A document as read (`source`) and its readable text (HTML reduced to its text), mapped
    back to `source`; `searchable` is that text normalised for matching."""

    source: str
    text: Mapped  # the readable text, mapped to `source`
    title: str

    @cached_property
    def searchable(self) -> Mapped:
        """The readable text normalised, mapped to the readable text."""
        return normalise(self.text.text)

    def in_source(self, offset: int) -> int:
        """Where an offset in the readable text is in `source`."""
        return self.text.origin[offset]


def read_article(name: str, source: str) -> Article:
    """The readable text of a document: plain text as it is, HTML by its text."""
    if not looks_like_html(name, source):
        first = compact(next((line for line in source.splitlines() if line.strip()), ""))
        return Article(source, Mapped(source, tuple(range(len(source) + 1))), first)
    parser = _Text(source)
    parser.feed(source)
    parser.close()
    text = "".join(parser.chars)
    # blank runs of lines, as a plain-text article has them
    chars: list[str] = []
    origin: list[int] = []
    for c, at in zip(text, parser.origin, strict=True):
        if c == "\n" and len(chars) >= 2 and chars[-1] == "\n" and chars[-2] == "\n":
            continue
        if c == "\n" and chars and chars[-1] in " \t":
            while chars and chars[-1] in " \t":
                chars.pop()
                origin.pop()
        chars.append(c)
        origin.append(at)
    while chars and chars[0].isspace():
        chars.pop(0)
        origin.pop(0)
    title = compact("".join(parser.title))
    body = "".join(chars)
    if not title:
        title = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return Article(source, Mapped(body, (*origin, len(source))), title)


# --- Finding a quote -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """A stretch of the original document: offsets, and its text with whitespace compacted."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Search:
    """Where a quote is (found), or the closest passage and how the quote differs from it."""

    found: bool
    passage: Passage | None
    score: float  # 100 when found
    differences: tuple[str, ...] = ()


def quote_parts(quote: str) -> list[str]:
    """A quote's parts between gaps ("X ... Y" and "[X] Y" quote X and, later, Y), normalised,
    without quote marks or punctuation at their ends."""
    return [p for p in (normalise(part).text.strip(_EDGES) for part in _GAP.split(quote)) if p]


def find_quote(quote: str, doc: Mapped, original: str) -> Search:
    """Find `quote` in the normalised text `doc` (mapped to `original`), part by part. The
    passage found, or the closest one, is given in `original`'s offsets and words."""
    parts = quote_parts(quote)
    if not parts:
        return Search(False, None, 0.0, ("the quote is empty",))
    pos, first, last = 0, -1, -1
    for part in parts:
        at = _find_word(doc.text, part, pos)
        if at < 0:
            return closest(quote, doc, original)
        first = at if first < 0 else first
        pos = last = at + len(part)
    start, end = doc.span(first, last)
    return Search(True, Passage(start, end, compact(original[start:end])), 100.0)


def _find_word(hay: str, needle: str, pos: int) -> int:
    """needle's first occurrence in hay from pos that does not start or end inside a word."""
    while True:
        at = hay.find(needle, pos)
        if at < 0:
            return -1
        end = at + len(needle)
        before_ok = at == 0 or not (hay[at - 1].isalnum() and needle[0].isalnum())
        after_ok = end == len(hay) or not (hay[end].isalnum() and needle[-1].isalnum())
        if before_ok and after_ok:
            return at
        pos = at + 1


_WORD = re.compile(r"[^\W_]+(?:[-'.,][^\W_]+)*")  # words and numbers; punctuation aside


def closest(quote: str, doc: Mapped, original: str) -> Search:
    """The passage of the document closest to `quote` (rapidfuzz alignment), and what differs."""
    wanted = " ".join(quote_parts(quote))
    if not doc.text or not wanted:
        return Search(False, None, 0.0, ("the document has no text",))
    al = fuzz.partial_ratio_alignment(wanted, doc.text)
    if al is None:
        return Search(False, None, 0.0, ("no passage of the document resembles the quote",))
    # widen the aligned stretch to whole words and a little slack either side, then let the
    # word-level diff decide where the passage really starts and ends
    slack = len(wanted) // 2 + 10
    lo = max(0, al.dest_start - slack)
    hi = min(len(doc.text), al.dest_end + slack)
    while lo > 0 and doc.text[lo - 1] != " ":
        lo -= 1
    while hi < len(doc.text) and doc.text[hi] != " ":
        hi += 1
    words = [(m.start() + lo, m.end() + lo, m[0]) for m in _WORD.finditer(doc.text[lo:hi])]
    qwords = _WORD.findall(wanted)
    ops = difflib.SequenceMatcher(None, qwords, [w for _, _, w in words], autojunk=False)
    codes = ops.get_opcodes()
    while codes and codes[0][0] == "insert":
        codes.pop(0)
    while codes and codes[-1][0] == "insert":
        codes.pop()
    if not qwords or not codes or not any(c[0] == "equal" for c in codes):
        return Search(False, None, al.score, ("no passage of the document resembles the quote",))
    j0, j1 = codes[0][3], codes[-1][4]
    if j1 <= j0:  # the quote's words are all missing from the passage
        j1 = min(j0 + 1, len(words))
    start, end = doc.span(words[j0][0], words[j1 - 1][1])
    passage = Passage(start, end, compact(original[start:end]))
    diffs = []
    for op, i0, i1, k0, k1 in codes:
        if op != "equal":
            shown = (
                compact(original[slice(*doc.span(words[k0][0], words[k1 - 1][1]))])
                if k1 > k0
                else ""
            )
            diffs.append(_difference(op, " ".join(qwords[i0:i1]), shown))
    if not diffs:
        diffs.append("the words are the same; the punctuation differs")
    score = fuzz.ratio(wanted, doc.text[words[j0][0] : words[j1 - 1][1]])  # of the passage shown
    return Search(False, passage, score, tuple(diffs))


def _difference(op: str, quoted: str, doc_words: str) -> str:
    if op == "replace":
        return f'the quote has "{quoted}" where the document has "{doc_words}"'
    if op == "delete":
        return f'the quote has "{quoted}", which the document does not have here'
    if op == "insert":
        return f'the document has "{doc_words}" here, which the quote leaves out'
    return ""


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset in text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

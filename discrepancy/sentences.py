"""An article's sentences: paragraphs from its lines, sentences from their full stops, with the
abbreviations and initials of English news ("Gen. Haftar", "U.S. forces") kept inside."""

from __future__ import annotations

import re
from collections.abc import Iterator

from discrepancy.documents import Article

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "sen", "rep", "gov", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs",
    "etc", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "est", "approx", "dept", "univ", "ave"
}  # fmt: skip

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")


def sentences(article: Article) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each sentence in the article's running text. Lines are joined only
    when a sentence runs on to the next line; a headline or caption without a full stop is its
    own. Short lines after the first that end no sentence (a byline, a menu, "Updated 10:45
    GMT") are not running text."""
    text = article.text.text
    for n, (start, end) in enumerate(_blocks(text)):
        if n and not _running_text(text[start:end]):
            continue
        pos = start
        for m in _END.finditer(text, start, end):
            word = re.search(r"([^\W\d_]+)\.$", text[max(start, m.start() - 12) : m.start() + 1])
            if word and m[0].startswith(".") and len(m[0].rstrip("\"'”’)]")) == 1:
                w = word[1]
                if w.lower() in _ABBREVIATIONS or len(w) == 1:
                    continue  # "Gen. Haftar", "U.S. forces"
            nxt = text[m.end() : m.end() + 3].lstrip()
            if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“'‘("):
                continue
            yield pos, m.end()
            pos = m.end()
            while pos < end and text[pos].isspace():
                pos += 1
        if pos < end:
            yield pos, end


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs: runs of lines, broken at blank lines and after a line that ends a sentence or
    is a heading. A line with no full stop runs on when the next starts in lower case, or, in
    text wrapped at a fixed width, when it is about as long as that width."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    lengths = sorted(len(text[a:b].rstrip()) for a, b in lines if text[a:b].strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = len(lengths) >= 3 and 50 <= width <= 100
    block: tuple[int, int] | None = None
    prev = (-1, -1)
    for ls, le in lines:
        line = text[ls:le].strip()
        if not line:
            continue
        last = text[prev[0] : prev[1]].rstrip()
        joins = (
            block is not None
            and text.count("\n", prev[1], ls) == 1
            and not re.search(r"[.!?:;\"”)]$", last)
            and (line[0].islower() or line[0].isdigit() or (wrapped and len(last) >= 0.7 * width))
        )
        if joins and block is not None:
            block = (block[0], le)
        else:
            if block is not None:
                yield _trim(text, *block)
            block = (ls, le)
        prev = (ls, le)
    if block is not None:
        yield _trim(text, *block)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


SHORT_LINE = 6  # words


def _running_text(block: str) -> bool:
    if re.search(r"[.!?][\"'”’)]*$", block):
        return True
    return len(re.findall(r"[^\W\d_]+", block)) >= SHORT_LINE

"""Text laid out for a width in terminal columns: wrapping, cutting and plain tables whose
columns share the width they have. Pure functions; every width counts terminal columns (a wide
CJK character takes two, a combining mark none), not characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

SEP = "  "  # between table columns
# Text made only of these characters (Latin, Greek, Cyrillic, Hebrew letters, punctuation,
# currency, arrows, mathematical signs, box drawing, the report's own glyphs) takes one column a
# character: no need to ask unicodedata about each (tests/test_layout.py checks the ranges).
_ONE_COLUMN = re.compile(
    "[\x00-\u02ff\u0370-\u0482\u048a-\u0590\u2000-\u20cf\u2100-\u22ff\u2500-\u259f"
    "\u25b6\u25c0\u25cf\u2717]*"
)


def columns(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    if _ONE_COLUMN.fullmatch(text):  # nearly always
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def cut(text: str, width: int) -> str:
    """Text cut to at most `width` columns, ending in … when cut."""
    if columns(text) <= width:
        return text
    text = text[: 4 * width]  # however many combining marks, no more can show
    while text and columns(text) > width - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def pad(text: str, width: int) -> str:
    """Text cut to `width` columns (… when cut) and padded with spaces to exactly that."""
    text = cut(text, width)
    return text + " " * (width - columns(text))


def _split_long(word: str, width: int) -> list[str]:
    parts, current = [], ""
    for ch in word:
        if current and columns(current + ch) > width:
            parts.append(current)
            current = ""
        current += ch
    return [*parts, current] if current else parts


def wrap(text: str, width: int, indent: str = "", hang: str | None = None) -> list[str]:
    """Words filled into lines of at most `width` columns; the first line starts with `indent`,
    the others with `hang` (default: `indent`). A word longer than a line is split. No text, no
    lines."""
    hang = indent if hang is None else hang
    room = max(1, width - max(columns(indent), columns(hang)))
    lines: list[str] = []
    line = indent
    started = False
    for word in text.split():
        for piece in _split_long(word, room) if columns(word) > room else [word]:
            if started and columns(line) + 1 + columns(piece) > width:
                lines.append(line)
                line = hang + piece
            else:
                line = f"{line} {piece}" if started else line + piece
            started = True
    return [*lines, line] if started else []


def wrap_parts(
    parts: Sequence[str], width: int, indent: str = "", hang: str | None = None, joiner: str = " · "
) -> list[str]:
    """Parts joined by `joiner`, lines broken between parts (a part too long for a line of its
    own is wrapped at its spaces); the first line starts with `indent`, the others with `hang`."""
    hang = indent if hang is None else hang
    lines: list[str] = []
    line = ""
    for part in (p for p in parts if p):
        candidate = f"{line}{joiner}{part}" if line else (hang if lines else indent) + part
        if line and columns(candidate) > width:
            lines.append(line)
            candidate = hang + part
        if columns(candidate) > width:
            prefix = hang if lines else indent
            *done, candidate = wrap(candidate[len(prefix) :], width, prefix, hang)
            lines.extend(done)
        line = candidate
    return [*lines, line] if line else lines


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int], indent: str = ""
) -> list[str]:
    """A plain table: headers, a rule of dashes, then the rows, each cell wrapped to its column's
    width and left-aligned; no trailing spaces."""
    lines = []

    def emit(cells: Sequence[list[str]]) -> None:
        for i in range(max(len(c) for c in cells)):
            parts = [pad(c[i] if i < len(c) else "", w) for c, w in zip(cells, widths)]
            lines.append((indent + SEP.join(parts)).rstrip())

    emit([[h] for h in headers])
    lines.append(indent + SEP.join("-" * w for w in widths))
    for row in rows:
        emit([wrap(cell, w) or [""] for cell, w in zip(row, widths)])
    return lines


def share(natural: Sequence[int], minimum: Sequence[int], width: int) -> list[int] | None:
    """Column widths that fit `width` (separators included): every column starts at its natural
    width and the widest one above its minimum gives a column at a time until they fit; None
    when even the minimums do not fit."""
    widths = list(natural)
    floor = [min(m, n) for m, n in zip(minimum, natural)]
    room = width - columns(SEP) * (len(widths) - 1)
    if sum(floor) > room:
        return None
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda j: (widths[j] - floor[j] > 0, widths[j]))
        widths[i] -= 1
    return widths

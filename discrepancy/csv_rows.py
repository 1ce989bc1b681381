"""CSV text into records, each with the line it starts on, refusing what breaks a record: a
quoted cell that never closes (it would swallow every row after it), text after a closing
quote, a row with fewer or more cells than the header. Pure: text in, rows and problems out."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from discrepancy.errors import Location, Problem
from discrepancy.limits import MAX_ROW, MAX_TEXT, where


class _Lines:
    """The lines of a text, one at a time, remembering those read since the last `take()`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.start = 0  # where the current record's first line starts
        self.line = 0  # lines read so far

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.text):
            raise StopIteration
        end = self.text.find("\n", self.pos)
        end = len(self.text) if end < 0 else end + 1
        line = self.text[self.pos : end]
        self.pos = end
        self.line += 1
        return line

    def take(self) -> str:
        """The raw text of the record just read."""
        raw = self.text[self.start : self.pos]
        self.start = self.pos
        return raw


def records(text: str, name: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for the header and every record after it, each with the file's line it
    starts on (a quoted cell may span lines). A record with the wrong number of cells is a
    problem at its line; a broken quote is a problem at its line and column, and stops the file
    (what follows it cannot be told apart from the broken cell)."""
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    width = 0
    first = True
    while True:
        start = lines.line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raw = lines.take() + text[lines.pos :]
            if "field limit" in str(e):  # csv's own cap on one cell, 131,072 characters
                problems.append(
                    Problem(
                        Location(name, start, 1),
                        f"a cell longer than {csv.field_size_limit():,} characters "
                        f"(a text value holds at most {MAX_TEXT:,})",
                    )
                )
                return
            offset, message = _trouble(raw)
            problems.append(Problem(where(raw, max(offset, 0), name, start), message))
            return
        raw = lines.take()
        if first:
            first, width = False, len(cells)
            yield start, cells
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(raw) > MAX_ROW:
            problems.append(
                Problem(
                    Location(name, start, 1),
                    f"a row of {len(raw):,} characters: the limit is {MAX_ROW:,}",
                )
            )
            continue
        if len(cells) != width:
            col = width + 1 if len(cells) > width else 1
            cut = " (the file ends mid-row: cut short?)" if not raw.endswith(("\n", "\r")) else ""
            problems.append(
                Problem(
                    Location(name, start, col),
                    f"{len(cells)} cell{'s' * (len(cells) != 1)} in a row, but the header "
                    f"names {width} columns{cut}",
                )
            )
            continue
        yield start, cells


def _trouble(raw: str) -> tuple[int, str]:
    """Where a record's quoting breaks, and how. A cell that closes its quote lines later and is
    then followed by text most likely never closed where it was meant to: said as such."""
    in_quote = False
    cell_start = True
    opened = -1
    i = 0
    while i < len(raw):
        ch = raw[i]
        if in_quote:
            if ch == '"':
                if raw[i + 1 : i + 2] == '"':
                    i += 2
                    continue
                in_quote = False
                after = raw[i + 1 : i + 2]
                if after not in ("", ",", "\n", "\r"):
                    if "\n" in raw[opened:i]:
                        break
                    return i + 1, (
                        "text after a closing quote: quote the whole cell and double each "
                        'quote inside it ("like ""this""")'
                    )
        elif ch == '"' and cell_start:
            in_quote, opened = True, i
        cell_start = not in_quote and ch in ",\r\n"
        i += 1
    return opened, 'a quoted cell opens here and never closes (a missing `"`?)'

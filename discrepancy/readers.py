"""Claims files by format into Documents of located nodes: YAML whole, CSV and JSON Lines one
row at a time (a million rows are never all held at once). No validation: that is `load`'s."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import yaml

from discrepancy import limits
from discrepancy.claim import CLAIM_FIELDS, REQUIRED, SYNONYMS
from discrepancy.csv_rows import records
from discrepancy.errors import InputError, Location, Problem
from discrepancy.located import JsonReader, Node, YamlWalker, suggest

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Document:
    name: str
    root: Node | None
    digest: str = ""  # sha256 of the text read, so a report can say what it was made from
    # Claims read one row at a time (CSV, JSON Lines): rows(problems) yields each claim's Node
    # and adds the problems of rows it cannot read. Rows are never all held at once. With each
    # Node comes, when its fields were located only roughly, how to locate them exactly.
    rows: Callable[..., Iterator[tuple[Node, Callable[[], Node] | None]]] | None = None
    size: int = 0  # how many rows, roughly (for progress); for JSON Lines, how many lines
    # One row a line (JSON Lines): rows(problems, lines) reads only the rows of those lines
    # (numbered from 0), so that two cores may share them.
    by_line: bool = False
    problems: tuple[Problem, ...] = ()  # found while reading (duplicate keys, bad tags)


def parse_document(text: str, name: str) -> Document:
    """YAML text into located nodes; malformed YAML, duplicate keys and alias bombs raise."""
    digest = _digest(text)
    # Before anything is built: characters YAML cannot hold, then nesting, aliases and tags
    # (issue 12: a recursive alias or an alias bomb must never reach the composer).
    early = limits.screen(text, name) or limits.check_yaml(text, name, _Loader)
    if early:
        raise InputError(early)
    try:
        tree = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        loc = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        message = f"malformed YAML: {e.problem or e.context}"
        if (
            e.context
            and e.context_mark
            and e.problem_mark
            and e.context_mark.line != e.problem_mark.line
        ):
            message += (
                f" ({e.context} that began at line {e.context_mark.line + 1}, "
                f"column {e.context_mark.column + 1})"
            )
        raise InputError.at(loc, message) from None
    except yaml.YAMLError as e:
        raise InputError.at(Location(name), f"malformed YAML: {e}") from None
    if tree is None:
        return Document(name, None, digest)
    problems: list[Problem] = []
    root = YamlWalker(name, problems, text).walk(tree)
    # Not raised here: build() lists them with every other problem of the file.
    return Document(name, root, digest, problems=tuple(problems))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_jsonl(text: str, name: str) -> Document:
    """JSON Lines: one claim per line, an object with the YAML field names. Locations are
    line:column, the column being where the field's value starts (found only for a line with
    a problem: a million lines are read faster without)."""
    screened = limits.screen(text, name, yaml_text=False)
    if screened:
        raise InputError(screened)

    def rows(
        problems: list[Problem], lines: Iterable[int] | None = None
    ) -> Iterator[tuple[Node, Callable[[], Node]]]:
        wanted = lines if lines is None or isinstance(lines, range) else set(lines)
        for number, line in enumerate(_lines(text), 1):
            if (wanted is not None and number - 1 not in wanted) or not line.strip():
                continue
            if len(line) > limits.MAX_ROW:  # refused before it is decoded
                problems.append(
                    Problem(
                        Location(name, number, 1),
                        f"a line of {len(line):,} characters: the limit is {limits.MAX_ROW:,}",
                    )
                )
                continue
            deep = limits.too_deep(line)
            if deep:
                problems.append(
                    Problem(
                        Location(name, number, deep),
                        f"nested deeper than {limits.MAX_DEPTH} levels: a claim needs only a few",
                    )
                )
                continue
            try:
                row = _JSON.decode(line)
                lone = _lone_surrogate_escape(line) if "\\u" in line else -1
                if lone >= 0:
                    raise _JSONProblem(
                        f"{limits.describe(chr(int(line[lone + 2 : lone + 6], 16)))} cannot be "
                        "text: remove it",
                        col=lone + 1,
                    )
            except json.JSONDecodeError as e:
                problems.append(
                    Problem(Location(name, number, e.colno), f"malformed JSON: {e.msg}")
                )
                continue
            except _JSONProblem as e:
                if e.duplicate:  # the located reader says where the second one stands
                    JsonReader(line, name, problems, number, keys_at_values=True).read()
                else:
                    col = line.find(e.needle) + 1 if e.needle else e.col
                    problems.append(Problem(Location(name, number, col), e.message))
                continue
            where = Location(name, number, len(line) - len(line.lstrip()) + 1)
            if not isinstance(row, dict):
                problems.append(
                    Problem(
                        where,
                        "each line must be a JSON object: one claim "
                        "with `source`, `about` and `value`",
                    )
                )
                continue
            rough = {
                key: Node(_json_node(value, where), where, key_loc=where)
                for key, value in row.items()
            }
            yield Node(rough, where), partial(_located_row, line, where)

    return Document(name, None, _digest(text), rows, text.count("\n") + 1, by_line=True)


def _located_row(line: str, where: Location) -> Node:
    """A JSON line's claim with each field located where its value starts."""
    problems: list[Problem] = []  # none: the fast decoder has accepted the line
    return JsonReader(line, where.file, problems, where.line, keys_at_values=True).read()


def parse_csv(text: str, name: str) -> Document:
    """CSV with a header row of the YAML field names, one claim per row. Locations are
    line:column: the file's line where the cell starts, as editors, GitHub and SARIF count (the
    spreadsheet's row, unless a quoted cell above holds a line break), and the cell's column
    (the first is 1). `not_with` takes claim ids separated by commas or semicolons."""
    screened = limits.screen(text, name, yaml_text=False)
    if screened:
        raise InputError(screened)
    header_problems: list[Problem] = []
    first = next(records(text, name, header_problems), (0, None))[1]
    if header_problems:
        raise InputError(header_problems)
    if first is None:
        return Document(name, None, _digest(text))
    header = [h.strip() for h in first]
    problems = []
    for col, field in enumerate(header, 1):
        if field not in CLAIM_FIELDS:
            problems.append(
                Problem(
                    Location(name, 1, col),
                    f"unknown column `{field}` in the header{suggest(field, CLAIM_FIELDS, SYNONYMS)}",
                )
            )
        elif header.index(field) != col - 1:
            problems.append(
                Problem(
                    Location(name, 1, col),
                    f"column `{field}` appears twice (first in column {header.index(field) + 1})",
                )
            )
    for field in REQUIRED:
        if field not in header:
            problems.append(
                Problem(
                    Location(name, 1, 1),
                    f"no `{field}` column in the header "
                    "(every claim needs `source`, `about` and `value`)",
                )
            )
    if problems:
        raise InputError(problems)

    def rows(problems: list[Problem]) -> Iterator[tuple[Node, None]]:
        found = records(text, name, problems)
        next(found)  # the header
        for number, cells in found:
            fields = {}
            line = number
            for col, (field, cell) in enumerate(zip(header, cells), 1):
                if cell.strip():
                    at = Location(name, line, col)
                    value: Any = cell
                    if field == "not_with":
                        value = [Node(v.strip(), at) for v in re.split(r"[,;]", cell) if v.strip()]
                    # no text_col: a problem in a cell is located at its column, not a character
                    fields[field] = Node(value, at, key_loc=at)
                line += cell.count("\n")
            yield Node(fields, Location(name, number, 1)), None

    return Document(name, None, _digest(text), rows, text.count("\n"))


READERS: dict[str, Callable[[str, str], Document]] = {".csv": parse_csv, ".jsonl": parse_jsonl}
SUFFIXES = (".yaml", ".yml", *READERS)  # what a folder's claims files are called


def reader_for(name: str) -> Callable[[str, str], Document]:
    """The reader for a file, by its extension; YAML when the extension is not known."""
    return READERS.get(name[name.rfind(".") :].lower() if "." in name else "", parse_document)


def _lines(text: str, keep_ends: bool = False) -> Iterator[str]:
    """Each line of text, without copying the text whole."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end] if keep_ends else text[start:end].rstrip("\r\n")
        start = end


class _JSONProblem(ValueError):
    def __init__(
        self, message: str, duplicate: bool = False, needle: str = "", col: int = 1
    ) -> None:
        super().__init__(message)
        self.message = message
        self.duplicate = duplicate  # a key repeated in one object
        self.needle = needle  # where the problem stands: this text of the line, or `col`
        self.col = col


def _lone_surrogate_escape(line: str) -> int:
    """Where a JSON line escapes half a character ("\\ud800"): no output could print it."""
    for m in re.finditer(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", line):
        start = m.start()
        if _escaped_backslash(line, start):
            continue
        code = int(line[start + 2 : start + 6], 16)
        after = line[start + 6 : start + 12]
        before = line[start - 6 : start]
        if code < 0xDC00:
            if not re.fullmatch(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}", after):
                return start
        elif not re.fullmatch(r"\\u[dD][89abAB][0-9a-fA-F]{2}", before):
            return start
    return -1


def _escaped_backslash(line: str, pos: int) -> bool:
    """Whether the backslash at pos is itself escaped (an odd run of backslashes before it)."""
    n = 0
    while pos - n - 1 >= 0 and line[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _int(digits: str) -> int:
    """A JSON integer, refused past MAX_DIGITS (5,000 digits is past Python's own limit)."""
    message = limits.big_number(digits)
    if message:
        raise _JSONProblem(message, needle=digits)
    return int(digits)


def _float(digits: str) -> float:
    message = limits.big_number(digits)
    if message:
        raise _JSONProblem(message, needle=digits)
    return float(digits)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JSONProblem(f"duplicate key '{key}'", duplicate=True)
        out[key] = value
    return out


def _no_constant(word: str) -> Any:
    raise _JSONProblem(f"{word} is not a number a claim can hold", needle=word)


_JSON = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_constant=_no_constant,
    parse_int=_int,
    parse_float=_float,
)


def _json_node(value: Any, at: Location) -> Any:
    if isinstance(value, dict):
        return {k: Node(_json_node(v, at), at, key_loc=at) for k, v in value.items()}
    if isinstance(value, list):
        return [Node(_json_node(v, at), at) for v in value]
    return value

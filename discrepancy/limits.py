"""Limits on what an input may hold, enforced before the work they bound can explode, and the
screening of text no reader should see (control characters, lone surrogates, bytes that are
not UTF-8), each reported at its line and column. Plain text in, problems out: no files."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

import yaml

from discrepancy.errors import InputError, Location, Problem

MAX_DEPTH = 32  # lists and mappings inside each other; a claims file needs five or six
MAX_ALIAS_NODES = 100_000  # values YAML aliases may bring in, over a whole document
MAX_TEXT = 10_000  # characters in any one text value (a quote, a note)
MAX_ABOUT = 1_000  # characters in an `about`: what is counted, in a few words
MAX_PAIRS = 1_000_000  # conflicting pairs `check` and `baseline` list, one entry each
MAX_ROW = 200_000  # characters in one JSON line or CSV row: every field at its limit fits
MAX_DIGITS = 30  # digits in a number written without an exponent
MAX_NUMBER = 1e30  # the largest amount a claim may hold
MAX_YAML_BYTES = 50_000_000  # a YAML file; CSV and JSON Lines are read row by row
MAX_ROWS_BYTES = 256_000_000  # a CSV or JSON Lines file (a million claims are about 150 MB)
MAX_BASELINE_BYTES = 50_000_000

# What no claims file may contain: C0 controls but tab and line ends, DEL, C1 controls (YAML
# reads U+0085 as a line break, which would shift every line number after it), U+2028/U+2029
# (line breaks to YAML, not to editors), lone surrogates, and the non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_FORBIDDEN_IN_ROWS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BREAK = re.compile(r"\r\n|[\r\n]")


def where(text: str, pos: int, name: str, first_line: int = 1) -> Location:
    """The 1-based line and column of a character position, lines as editors count them."""
    line = first_line + len(_BREAK.findall(text, 0, pos))
    start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    return Location(name, line, pos - start + 1)


def describe(ch: str) -> str:
    """'U+001B (ESC)', 'U+D800 (a lone surrogate)', for a message."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} (a lone surrogate, half of a character)"
    if code in (0xFFFE, 0xFFFF):
        return f"U+{code:04X} (not a character)"
    label = _NAMES.get(code) or unicodedata.name(ch, "a control character")
    return f"U+{code:04X} ({label})"


_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x1B: "ESC",
    0x7F: "DEL",
    0x85: "NEL, a line break to YAML",
    0x2028: "LINE SEPARATOR",
    0x2029: "PARAGRAPH SEPARATOR",
}


def screen(text: str, name: str, yaml_text: bool = True, limit: int = 20) -> list[Problem]:
    """Every forbidden character of a file's text (up to `limit`), located. A NUL next to the
    first character is most likely UTF-16 without a byte-order mark, and says so. Outside YAML,
    U+0085, U+2028 and U+2029 break no line: they are read, and escaped wherever shown."""
    problems = []
    for m in (_FORBIDDEN if yaml_text else _FORBIDDEN_IN_ROWS).finditer(text):
        utf16 = m.group() == "\x00" and m.start() < 4
        message = (
            "a NUL character (U+0000) here: is this UTF-16 text without a byte-order mark? "
            "Save the file as UTF-8"
            if utf16
            else f"character {describe(m.group())} is not allowed in a claims file: remove it"
        )
        problems.append(Problem(where(text, m.start(), name), message))
        if utf16 or len(problems) >= limit:
            break
    return problems


def lone_surrogate(text: str) -> int:
    """The position of the first lone surrogate in text (from a JSON escape such as
    "\\ud800"), or -1: no file can hold one, and no output can print it."""
    m = _SURROGATE.search(text)
    return m.start() if m else -1


def not_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> Problem:
    """A byte that is not UTF-8, at its line and column (characters before it on its line)."""
    head = data[: error.start]
    line_start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    line = 1 + len(_BREAK.findall(head.decode("utf-8", "replace")))
    col = len(head[line_start:].decode("utf-8", "replace")) + 1
    byte = data[error.start]
    return Problem(
        Location(name, line, col),
        f"not UTF-8 text: byte 0x{byte:02X} cannot be read here (save the file as UTF-8)",
    )


def file_limit(name: str) -> int:
    """The most bytes a claims file may hold: YAML is built whole, rows are read one by one.
    (Looked up when called, so that a test can lower a limit.)"""
    rows = name.lower().endswith((".csv", ".jsonl"))
    return MAX_ROWS_BYTES if rows else MAX_YAML_BYTES


def _bytes(n: int) -> str:
    return f"{n:,} bytes" if n < 1_000_000 else f"{n / 1e6:,.1f} MB"


def too_big(size: int, limit: int, what: str, name: str) -> Problem:
    kind = {".csv": "CSV", ".jsonl": "JSON Lines"}.get(name[name.rfind(".") :].lower(), "YAML")
    what = f"a {kind} file" if what == "a claims file" else what
    return Problem(Location(name), f"{what} of {_bytes(size)} is over the limit of {_bytes(limit)}")


def too_big_stream(limit: int, name: str) -> Problem:
    """Standard input past a claims file's limit (a stream's size is not known before)."""
    rows = name.lower().endswith((".csv", ".jsonl"))
    hint = "" if rows else " (CSV and JSON Lines may hold more: name them --stdin-filename x.csv)"
    kind = "as rows" if rows else "as YAML"
    return Problem(
        Location(name), f"standard input, read {kind}, is over the limit of {_bytes(limit)}{hint}"
    )


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes, name: str) -> str:
    """A file's bytes as text: UTF-8, or UTF-16 when a byte-order mark says so (the mark is
    dropped). A byte that is not UTF-8 is refused at its line and column."""
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], enc
            break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        if encoding != "utf-8":
            raise InputError.at(
                Location(name), f"not {encoding.upper()} text, though it starts with its mark"
            ) from None
        raise InputError([not_utf8(data, e, name)]) from None


# A letter or a digit, in any script: what an `about` or a `source` must hold at least one of.
has_word = re.compile(r"[^\W_]").search


# Tags a claims file may carry: the plain YAML types. Anything else (`!!python/object`,
# `!!binary`, `!!set`, a custom `!thing`) is refused where it stands.
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
) | {"!"}


def check_yaml(text: str, name: str, loader: Any) -> list[Problem]:
    """A YAML text's events read before anything is built from them: nesting past MAX_DEPTH,
    an alias inside its own anchor, aliases bringing in more than MAX_ALIAS_NODES values, or
    a text value past MAX_TEXT stop the reading at once (raised); a tag that is not plain YAML
    is returned as a problem. Malformed YAML is left to the composer to report."""
    problems: list[Problem] = []
    stack: list[tuple[str | None, int]] = []  # open collections: anchor, values before it
    open_anchors: Counter[str] = Counter()
    sizes: dict[str, int] = {}  # values under each anchor, aliases expanded
    values = expanded = 0

    def at(event: Any) -> Location:
        return Location(name, event.start_mark.line + 1, event.start_mark.column + 1)

    def tag(event: Any) -> None:
        t = getattr(event, "tag", None)
        if t is not None and t not in ALLOWED_TAGS:
            shown = t.replace("tag:yaml.org,2002:", "!!")
            problems.append(
                Problem(
                    at(event),
                    f"YAML tag `{shown}` is not allowed: a claims file holds plain text, "
                    "numbers, lists and mappings",
                )
            )

    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise InputError.at(
                        at(event),
                        f"nested deeper than {MAX_DEPTH} levels: a claims file needs only a few",
                    )
                tag(event)
                stack.append((event.anchor, values))
                if event.anchor:
                    open_anchors[event.anchor] += 1
                values += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, before = stack.pop()
                if anchor:
                    open_anchors[anchor] -= 1
                    sizes[anchor] = values - before
            elif isinstance(event, yaml.ScalarEvent):
                tag(event)
                if len(event.value) > MAX_TEXT:
                    raise InputError.at(
                        at(event),
                        f"a value of {len(event.value):,} characters: the limit is {MAX_TEXT:,}",
                    )
                problems.extend(_scalar(event.value, event.implicit[0], at(event)))
                values += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                anchor = event.anchor or ""
                if open_anchors[anchor] > 0:
                    raise InputError.at(
                        at(event),
                        f"the alias `*{event.anchor}` stands inside its own anchor "
                        f"`&{event.anchor}`: a value cannot contain itself",
                    )
                n = sizes.get(anchor, 1)
                values += n
                expanded += n
                if expanded > MAX_ALIAS_NODES:
                    raise InputError.at(
                        at(event),
                        f"YAML aliases bring in more than {MAX_ALIAS_NODES:,} values (an alias "
                        "bomb?): write the values out",
                    )
    except yaml.YAMLError:
        pass  # malformed: the composer says where, the same way for every file
    return problems


_NUMBER = re.compile(r"[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")


def _scalar(value: str, plain: bool, loc: Location) -> list[Problem]:
    """A YAML scalar's problems: a lone surrogate (from a "\\ud800" escape), a number too
    large to hold (refused before it is built: 5,000 digits is past Python's own limit)."""
    out = []
    pos = lone_surrogate(value)
    if pos >= 0:
        out.append(Problem(loc, f"{describe(value[pos])} cannot be text: remove it"))
    if plain and len(value) > MAX_DIGITS and _NUMBER.fullmatch(value):
        out.append(Problem(loc, big_number(value.replace("_", ""))))
    return [p for p in out if p.message]


def too_deep(line: str) -> int:
    """The 1-based column where a JSON line nests past MAX_DEPTH, or 0."""
    return deep_at(line) + 1


def deep_at(text: str) -> int:
    """Where JSON text nests past MAX_DEPTH (0-based), or -1; brackets in strings aside."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return -1
    depth = 0
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif ch in "]}":
            depth -= 1
    return -1


def big_number(digits: str) -> str:
    """A message when a number written in JSON or YAML has too many digits, else ''."""
    n = sum(ch.isdigit() for ch in re.split(r"[.eE]", digits)[0])
    if n > MAX_DIGITS:
        return f"a number of {n:,} digits is too large: numbers here go up to 10^30"
    return ""

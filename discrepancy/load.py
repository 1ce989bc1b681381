"""Claims files (text in) into located, validated records (Claims out). Every problem is collected."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from functools import lru_cache, partial
from typing import Any

import yaml
from rapidfuzz import process

from discrepancy import limits
from discrepancy.csv_rows import records
from discrepancy.errors import InputError, Location, Problem
from discrepancy.model import (
    Claim,
    Claims,
    Period,
    Progress,
    Quantity,
    Settings,
    Source,
    no_progress,
)
from discrepancy.quantities import QuantityError, bounded, parse_quantity, parse_unit

TOP_FIELDS = ("version", "aliases", "names", "sources", "claims", "settings")
SOURCE_FIELDS = ("title", "publisher", "published", "url", "document", "via")
CLAIM_FIELDS = (
    "id",
    "source",
    "about",
    "value",
    "unit",
    "period",
    "attributed_to",
    "quote",
    "group",
    "not_with",
    "note",
)
REQUIRED = ("source", "about", "value")
SETTINGS_FIELDS = tuple(f.name for f in fields(Settings))
# Words a coder may reach for instead of the field's name: offered as "did you mean".
SYNONYMS = {
    "quantity": "value", "amount": "value", "number": "value", "count": "value",
    "figure": "value", "date": "period", "when": "period", "attribution": "attributed_to",
    "said_by": "attributed_to", "according_to": "attributed_to", "attributed": "attributed_to",
    "text": "quote", "excerpt": "quote", "notes": "note", "comment": "note", "topic": "about",
    "subject": "about", "what": "about", "outlet": "source", "units": "unit", "groups": "group",
    "not-with": "not_with", "notwith": "not_with", "attributed-to": "attributed_to",
}  # fmt: skip
ALIAS_EXPANSION_LIMIT = 10_000  # repeated visits of one YAML node: past this, an alias bomb

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value with where it stands: dict[str, Node], list[Node] or a scalar."""

    value: Any
    loc: Location
    text_col: int = 0  # a scalar shown as is on one line: the column of its text's first
    # character (inside its quotes), so that a column in the text is a column in the file
    key_loc: Location | None = None  # in a mapping: where its key stands


@dataclass(frozen=True)
class Document:
    name: str
    root: Node | None
    digest: str = ""  # sha256 of the text read, so a report can say what it was made from
    # Claims read one row at a time (CSV, JSON Lines): rows(problems) yields each claim's Node
    # and adds the problems of rows it cannot read. Rows are never all held at once. With each
    # Node comes, when its fields were located only roughly, how to locate them exactly.
    rows: Callable[[list[Problem]], Iterator[tuple[Node, Callable[[], Node] | None]]] | None = None
    size: int = 0  # how many rows, roughly (for progress)
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
        if e.context and e.context_mark and e.problem_mark and e.context_mark.line != mark.line:
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
    root = _Walker(name, problems, text).walk(tree)
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

    def rows(problems: list[Problem]) -> Iterator[tuple[Node, Callable[[], Node]]]:
        for number, line in enumerate(_lines(text), 1):
            if not line.strip():
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
                if "\\u" in line and _ESCAPED_SURROGATE.search(line):
                    _no_lone_surrogates(row)
            except json.JSONDecodeError as e:
                problems.append(
                    Problem(Location(name, number, e.colno), f"malformed JSON: {e.msg}")
                )
                continue
            except _JSONProblem as e:
                col = line.find(e.needle) + 1 if e.needle else _json_col(line, e.key, e.nth)
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
            yield Node(rough, where), partial(_located_row, row, line, where)

    return Document(name, None, _digest(text), rows, text.count("\n") + 1)


def _located_row(row: dict[str, Any], line: str, where: Location) -> Node:
    """A JSON line's claim with each field located where its value starts."""
    fields = {}
    for key, value in row.items():
        at = replace(where, col=_json_col(line, key))
        fields[key] = Node(_json_node(value, at), at, _json_text_col(line, value, at), key_loc=at)
    return Node(fields, where)


def parse_csv(text: str, name: str) -> Document:
    """CSV with a header row of the YAML field names, one claim per row. Locations are
    row:column as a spreadsheet shows them: the header is row 1, the first column is 1.
    `not_with` takes claim ids separated by commas or semicolons."""
    screened = limits.screen(text, name, yaml_text=False)
    if screened:
        raise InputError(screened)
    header_problems: list[Problem] = []
    found = records(text, name, header_problems)
    first = next(found, (0, None))[1]
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
                    f"unknown column `{field}` in the header{_suggest(field, CLAIM_FIELDS)}",
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
            for col, (field, cell) in enumerate(zip(header, cells), 1):
                if cell.strip():
                    at = Location(name, number, col)
                    value: Any = cell
                    if field == "not_with":
                        value = [Node(v.strip(), at) for v in re.split(r"[,;]", cell) if v.strip()]
                    # no text_col: a problem in a cell is located at its column, not a character
                    fields[field] = Node(value, at, key_loc=at)
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
    def __init__(self, key: str, message: str, nth: int = 1, needle: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.message = message
        self.nth = nth  # which of the key's occurrences is wrong
        self.needle = needle  # or: the text of the line where the problem stands


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _no_lone_surrogates(value: Any, key: str = "") -> None:
    """A JSON escape may make half a character ("\\ud800"): no output could print it."""
    if isinstance(value, dict):
        for k, v in value.items():
            _no_lone_surrogates(k, k)
            _no_lone_surrogates(v, key or k)
    elif isinstance(value, list):
        for v in value:
            _no_lone_surrogates(v, key)
    elif isinstance(value, str):
        pos = limits.lone_surrogate(value)
        if pos >= 0:
            raise _JSONProblem(key, f"{limits.describe(value[pos])} cannot be text: remove it")


def _int(digits: str) -> int:
    """A JSON integer, refused past MAX_DIGITS (a 5,000-digit one is past Python's own limit)."""
    message = limits.big_number(digits)
    if message:
        raise _JSONProblem("", message, needle=digits)
    return int(digits)


def _float(digits: str) -> float:
    message = limits.big_number(digits)
    if message:
        raise _JSONProblem("", message, needle=digits)
    return float(digits)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JSONProblem(key, f"duplicate key '{key}'", nth=2)
        out[key] = value
    return out


def _no_constant(word: str) -> Any:
    raise _JSONProblem("", f"{word} is not a number a claim can hold", needle=word)


_JSON = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_constant=_no_constant,
    parse_int=_int,
    parse_float=_float,
)


def _json_col(line: str, key: str, nth: int = 1) -> int:
    """1-based column where the value of `key` starts in a JSON line (its nth time; 1 if not
    found)."""
    at = -1
    for _ in range(nth if key else 0):
        at = line.find(_quoted(key), at + 1)
    if at < 0:
        return 1
    at = line.find(":", at) + 1
    while at < len(line) and line[at] in " \t":
        at += 1
    return at + 1


@lru_cache(maxsize=1024)
def _quoted(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def _json_node(value: Any, at: Location) -> Any:
    if isinstance(value, dict):
        return {k: Node(_json_node(v, at), at, key_loc=at) for k, v in value.items()}
    if isinstance(value, list):
        return [Node(_json_node(v, at), at) for v in value]
    return value


def _json_text_col(line: str, value: Any, at: Location) -> int:
    """Where a string value's text starts, when it is written without escapes (as Node.text_col)."""
    if isinstance(value, str) and line.startswith(f'"{value}"', at.col - 1):
        return at.col + 1
    return 0


UNREADABLE = "\x00unreadable"  # a scalar whose tag could not make a value: already a problem


class _Walker:
    def __init__(self, name: str, problems: list[Problem], text: str) -> None:
        self.name = name
        self.problems = problems
        self.text = text
        self.seen: set[int] = set()
        self.repeats = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def loc(self, node: yaml.Node) -> Location:
        return Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1)

    def walk(self, node: yaml.Node) -> Node:
        if id(node) in self.seen:
            self.repeats += 1
            if self.repeats > ALIAS_EXPANSION_LIMIT:
                raise InputError.at(
                    self.loc(node),
                    "too many YAML alias expansions (an alias bomb?): write the values out",
                )
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Node] = {}
            merged: list[Node] = []
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *defaults`
                    merged.extend(self.merge(value_node))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(
                        Problem(
                            self.loc(key_node),
                            "a mapping key must be plain text, not a list or mapping",
                        )
                    )
                    continue
                key = str(self.construct(key_node))
                if key in out:
                    first = out[key].loc.line
                    self.problems.append(
                        Problem(
                            self.loc(key_node), f"duplicate key '{key}' (first at line {first})"
                        )
                    )
                    continue
                child = self.walk(value_node)
                key_loc = self.loc(key_node)
                # An empty value (`about:`) has no position worth pointing at: use its key's.
                out[key] = replace(
                    child, loc=key_loc if child.value is None else child.loc, key_loc=key_loc
                )
            for m in merged:  # keys written in the mapping itself win, as in YAML's merge
                for key, child in m.value.items():
                    out.setdefault(key, child)
            return Node(out, self.loc(node))
        if isinstance(node, yaml.SequenceNode):
            return Node([self.walk(n) for n in node.value], self.loc(node))
        value = self.construct(node)
        return Node(value, self.loc(node), text_col=self.text_col(node, value))

    def construct(self, node: yaml.Node) -> Any:
        """A scalar's value; a tag that cannot make one (`!foo`, `!!int abc`) is a problem."""
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as e:
            reason = getattr(e, "problem", None) or str(e)
            self.problems.append(
                Problem(self.loc(node), f"cannot read this YAML value ({node.tag}): {reason}")
            )
            return UNREADABLE

    def merge(self, node: yaml.Node) -> list[Node]:
        """The mappings a merge key brings in: one mapping or a list of them."""
        parts = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for part in parts:
            walked = self.walk(part)
            if isinstance(walked.value, dict):
                out.append(walked)
            else:
                self.problems.append(Problem(walked.loc, "`<<` merges mappings only"))
        return out

    def text_col(self, node: yaml.Node, value: Any) -> int:
        start, end = node.start_mark, node.end_mark
        if not isinstance(value, str) or start.line != end.line:
            return 0  # folded over lines: a column in the text is no column in the file
        raw = self.text[start.index : end.index]
        if raw == value:
            return start.column + 1
        if node.style in ("'", '"') and raw[1:-1] == value:
            return start.column + 2
        return 0  # escapes ("\t", "''") shift the columns


def build(
    documents: Iterable[Document],
    overrides: dict[str, Any] | None = None,
    check_references: bool = True,
    progress: Progress = no_progress,
    require_claims: bool = True,
) -> Claims:
    """Validate documents together (sources may live in one file, claims in another).
    Without `check_references`, ids and sources named across files are not checked (for when
    a file that may define them could not be read)."""
    documents = list(documents)
    problems: list[Problem] = [p for d in documents for p in d.problems]
    tops = [(d, _top(d, problems)) for d in documents]
    settings = _settings(tops, overrides or {}, problems)
    aliases = _aliases(tops, problems)
    sources, have_sources = _sources(tops, problems)
    claims: list[Claim] = []
    for items in _sections(tops, "claims", list, "`claims` must be a list", problems):
        for item in items.value:
            claim = _claim(item, settings, problems)
            if claim is not None:
                claims.append(claim)
    for d in documents:
        if d.rows is not None:
            for n, (item, located) in enumerate(d.rows(problems)):
                if n % 4096 == 0:
                    progress(f"reading {d.name}", n, d.size)
                mark = len(problems)
                claim = _claim(item, settings, problems)
                if len(problems) > mark and located is not None:  # say exactly where
                    del problems[mark:]
                    claim = _claim(located(), settings, problems)
                if claim is not None:
                    claims.append(claim)
    if check_references:
        _check_references(claims, sources, have_sources, problems)
        if require_claims and not claims and not problems:
            problems.extend(
                Problem(Location(d.name), "no claims here (a claims file needs a `claims:` list)")
                for d in documents
            )
    if problems:
        raise InputError(problems)
    if not have_sources:
        sources = {c.source: Source(c.source, location=c.location) for c in claims}
    return Claims(
        tuple(claims),
        sources,
        aliases,
        settings,
        tuple(d.name for d in documents),
        tuple(d.digest for d in documents),
    )


def _sections(
    tops: list[tuple[Document, dict[str, Node]]],
    name: str,
    kind: type,
    message: str,
    problems: list[Problem],
) -> Iterator[Node]:
    """Each file's `name` section that has the right shape; the others become problems."""
    for _, top in tops:
        node = top.get(name)
        if node is None:
            continue
        if not isinstance(node.value, kind):
            problems.append(Problem(node.loc, message))
            continue
        yield node


def _suggest(word: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    lookup = {**{c: c for c in choices}, **{s: f for s, f in SYNONYMS.items() if f in choices}}
    hit = process.extractOne(word.lower(), list(lookup), score_cutoff=60)
    return f" (did you mean `{lookup[hit[0]]}`?)" if hit else ""


def _unknown_fields(
    node: Node, allowed: tuple[str, ...], what: str, problems: list[Problem]
) -> None:
    for key, child in node.value.items():
        if key not in allowed:
            problems.append(
                Problem(
                    child.key_loc or child.loc,
                    f"unknown field `{key}` in {what}{_suggest(key, allowed)}",
                )
            )


def _top(doc: Document, problems: list[Problem]) -> dict[str, Node]:
    if doc.root is None:
        return {}
    if not isinstance(doc.root.value, dict):
        problems.append(
            Problem(
                doc.root.loc,
                "a claims file must be a mapping with `version`, `sources` and `claims`",
            )
        )
        return {}
    top: dict[str, Node] = doc.root.value
    _unknown_fields(doc.root, TOP_FIELDS, "the claims file", problems)
    version = top.get("version")
    if version is not None and version.value != 1:
        problems.append(
            Problem(
                version.loc,
                f"unsupported version {version.value!r}: this discrepancy reads version 1",
            )
        )
    return top


def _text(node: Node | None, what: str, problems: list[Problem], required: bool = False) -> str:
    if node is None or node.value is None:
        return ""
    value = node.value
    if isinstance(value, (dict, list, bool)):
        problems.append(Problem(node.loc, f"`{what}` must be text"))
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _settings(
    tops: list[tuple[Document, dict[str, Node]]], overrides: dict[str, Any], problems: list[Problem]
) -> Settings:
    values: dict[str, Any] = {}
    for node in _sections(tops, "settings", dict, "`settings` must be a mapping", problems):
        _unknown_fields(node, SETTINGS_FIELDS, "settings", problems)
        for key, child in node.value.items():
            if key == "vague":
                vague = _vague(child, problems)
                if vague is not None:
                    values["vague"] = vague
            elif key in SETTINGS_FIELDS:
                v = child.value
                if (
                    isinstance(v, bool)
                    or not isinstance(v, (int, float))
                    or abs(v) > limits.MAX_NUMBER
                    or not (math.isfinite(v))
                    or v < 0
                    or (key == "match_threshold" and v > 100)
                    or (key.endswith("tolerance") and v >= 1)
                ):
                    problems.append(
                        Problem(
                            child.loc,
                            f"`{key}` must be a number ({_SETTING_RANGES.get(key, '≥ 0')})",
                        )
                    )
                else:
                    values[key] = float(v)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)


_SETTING_RANGES = {
    "match_threshold": "0 to 100",
    "approx_tolerance": "0 to 1, e.g. 0.1",
    "nearly_tolerance": "0 to 1, e.g. 0.1",
}


def _vague(
    node: Node, problems: list[Problem]
) -> tuple[tuple[str, tuple[float, float]], ...] | None:
    if not isinstance(node.value, dict):
        problems.append(Problem(node.loc, "`vague` must map a word to [low, high]"))
        return None
    table = dict(Settings().vague)
    for word, child in node.value.items():
        v = child.value
        if (
            not isinstance(v, list)
            or len(v) != 2
            or not all(
                isinstance(x.value, (int, float))
                and not isinstance(x.value, bool)
                and abs(x.value) <= limits.MAX_NUMBER
                and math.isfinite(x.value)
                and x.value >= 0
                for x in v
            )
            or v[0].value > v[1].value
        ):
            problems.append(
                Problem(
                    child.loc, f"vague word `{word}` must be [low, high], two numbers from 0 up"
                )
            )
            continue
        table[" ".join(word.lower().split())] = (float(v[0].value), float(v[1].value))
    return tuple(table.items())


def _aliases(
    tops: list[tuple[Document, dict[str, Node]]], problems: list[Problem]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table: dict[str, tuple[str, ...]] = {}
    owner: dict[str, tuple[str, Location]] = {}
    for node in _sections(
        tops, "aliases", dict, "`aliases` must map a name to its variants", problems
    ):
        for canonical, child in node.value.items():
            variants = child.value if isinstance(child.value, list) else [child]
            names = []
            for v in variants:
                name = _text(v, f"aliases.{canonical}", problems)
                if not name:
                    continue
                key = name.casefold()
                if key in owner and owner[key][0] != canonical:
                    problems.append(
                        Problem(
                            v.loc,
                            f"alias `{name}` is already a variant of "
                            f"`{owner[key][0]}` (line {owner[key][1].line})",
                        )
                    )
                    continue
                owner[key] = (canonical, v.loc)
                names.append(name)
            table[canonical] = tuple(dict.fromkeys(table.get(canonical, ()) + tuple(names)))
    # `names:` lists names with no other spellings: a known name, like an alias with no variants.
    for node in _sections(tops, "names", list, "`names` must be a list of names", problems):
        for child in node.value:
            name = _text(child, "names", problems)
            if name and name.casefold() not in owner:
                table.setdefault(name, ())
    return tuple(sorted(table.items()))


def _sources(
    tops: list[tuple[Document, dict[str, Node]]], problems: list[Problem]
) -> tuple[dict[str, Source], bool]:
    sources: dict[str, Source] = {}
    have = any("sources" in top for _, top in tops)
    for node in _sections(
        tops, "sources", dict, "`sources` must map a source id to its details", problems
    ):
        for sid, child in node.value.items():
            if sid in sources:
                problems.append(
                    Problem(
                        child.loc,
                        f"source `{sid}` is defined twice (first at {sources[sid].location})",
                    )
                )
                continue
            if child.value is None:
                sources[sid] = Source(sid, location=child.loc)
                continue
            if not isinstance(child.value, dict):
                problems.append(
                    Problem(
                        child.loc, f"source `{sid}` must be a mapping (title, published, url, ...)"
                    )
                )
                continue
            _unknown_fields(child, SOURCE_FIELDS, f"source `{sid}`", problems)
            f = child.value
            published = _text(f.get("published"), "published", problems)
            if published:
                try:
                    parse_period(published)
                except ValueError:
                    problems.append(
                        Problem(
                            f["published"].loc,
                            f"`published` must be a date (YYYY-MM-DD), not {published!r}",
                        )
                    )
            sources[sid] = Source(
                id=sid,
                title=_text(f.get("title"), "title", problems),
                publisher=_text(f.get("publisher"), "publisher", problems),
                published=published,
                url=_text(f.get("url"), "url", problems),
                document=_text(f.get("document"), "document", problems),
                via=_names(f.get("via"), "via", problems),
                location=child.loc,
            )
    return sources, have


def _names(node: Node | None, what: str, problems: list[Problem]) -> tuple[str, ...]:
    if node is None or node.value is None:
        return ()
    items = node.value if isinstance(node.value, list) else [node]
    return tuple(n for n in (_text(i, what, problems) for i in items) if n)


def _claim(node: Node, settings: Settings, problems: list[Problem]) -> Claim | None:
    if not isinstance(node.value, dict):
        problems.append(
            Problem(node.loc, "each claim must be a mapping with `source`, `about` and `value`")
        )
        return None
    f: dict[str, Node] = node.value
    _unknown_fields(node, CLAIM_FIELDS, "a claim", problems)
    if any(child.value is UNREADABLE for child in f.values()):
        return None  # its problem is listed already
    missing = [name for name in REQUIRED if f.get(name) is None or f[name].value in (None, "")]
    for name in missing:
        problems.append(
            Problem(
                f[name].loc if name in f else node.loc, f"claim is missing required field `{name}`"
            )
        )
    if missing:
        return None
    text = {
        k: _text(f.get(k), k, problems)
        for k in ("id", "source", "about", "unit", "attributed_to", "quote", "group", "note")
    }
    for k, limit in (("about", limits.MAX_ABOUT), *((k, limits.MAX_TEXT) for k in text)):
        long = limits.too_long(text[k], f[k].loc if k in f else node.loc, f"`{k}`", limit)
        if long:
            problems.append(long)
            return None
    for k in ("source", "about"):  # whitespace, punctuation or zero-width only say nothing
        if not any(ch.isalnum() for ch in text[k]):
            problems.append(Problem(f[k].loc, f"`{k}` has no letters or digits"))
            return None
    value_text, quantity = _value(f["value"], settings, problems)
    period = None
    if f.get("period") is not None and f["period"].value is not None:
        raw = _text(f["period"], "period", problems)
        try:
            period = parse_period(raw)
        except ValueError as e:
            problems.append(Problem(f["period"].loc, str(e)))
    # A claim with a problem is still returned, so that its source and id are checked too;
    # any problem stops the report, so its placeholder quantity is never used.
    quantity = quantity or Quantity(unquantified=True)
    if text["unit"]:
        quantity = replace(quantity, unit=parse_unit(text["unit"]))
    cid = text["id"] or _content_id(text["source"], text["about"], value_text)
    return Claim(
        id=cid,
        source=text["source"],
        about=text["about"],
        value=value_text,
        quantity=quantity,
        location=node.loc,
        period=period,
        attributed_to=text["attributed_to"],
        quote=text["quote"],
        group=text["group"],
        not_with=_names(f.get("not_with"), "not_with", problems),
        note=text["note"],
        explicit_id=bool(text["id"]),
    )


def _content_id(source: str, about: str, value: str) -> str:
    key = "\x1f".join((source, " ".join(about.lower().split()), " ".join(value.lower().split())))
    return f"{source}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def _value(node: Node, settings: Settings, problems: list[Problem]) -> tuple[str, Quantity | None]:
    """A claim's `value`: text as the source said it, a YAML number, [low, high] or a mapping."""
    v = node.value
    if isinstance(v, (bool, dt.date)):
        problems.append(
            Problem(
                node.loc,
                "`value` must be a quantity, not "
                f"{'true/false' if isinstance(v, bool) else 'a date'}",
            )
        )
        return "", None
    if isinstance(v, (int, float)):
        n = _amount(node, "`value`", problems)
        return _shown(v), None if n is None else bounded("exact", n, n, "count", settings)
    if isinstance(v, list):
        return _value_list(node, settings, problems)
    if isinstance(v, dict):
        return _value_mapping(node, settings, problems)
    text = str(v)
    try:
        return text, parse_quantity(text, settings)
    except QuantityError as e:
        col = node.text_col + e.col - 1 if node.text_col else node.loc.col
        problems.append(
            Problem(Location(node.loc.file, node.loc.line, col), f"cannot read value: {e.message}")
        )
        return text, None


def _amount(node: Node, what: str, problems: list[Problem]) -> float | None:
    """A YAML number that can be a quantity: finite and not negative."""
    v = node.value
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        problems.append(Problem(node.loc, f"{what} must be a number, not {v!r}"))
    elif isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        problems.append(Problem(node.loc, f"{what} must be a finite number, not {v}"))
    elif abs(v) > limits.MAX_NUMBER:
        problems.append(Problem(node.loc, f"{what} must be at most 10^30"))
    elif v < 0:
        problems.append(Problem(node.loc, f"{what} must not be negative ({_shown(v)})"))
    else:
        return float(v)
    return None


def _shown(v: float) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _value_list(
    node: Node, settings: Settings, problems: list[Problem]
) -> tuple[str, Quantity | None]:
    items: list[Node] = node.value
    if len(items) != 2:
        hint = ""
        if len(items) > 2 and all(isinstance(i.value, int) for i in items):
            hint = " (in a YAML list a comma separates items: write 3500, not 3,500)"
        problems.append(Problem(node.loc, f"a `value` list must be [low, high]{hint}"))
        return "", None
    ends = [_amount(i, "each end of a `value` list", problems) for i in items]
    text = f"[{_shown(items[0].value)}, {_shown(items[1].value)}]"
    if ends[0] is None or ends[1] is None:
        return text, None
    lo, hi = sorted(ends)
    return text, bounded("exact", lo, hi, "count", settings, read_as="range")


# A `value` mapping's keys and the rule each stands for.
_MAPPING_RULES = {
    "min": "at-least",
    "at_least": "at-least",
    "max": "at-most",
    "at_most": "at-most",
    "about": "approx",
}


def _value_mapping(
    node: Node, settings: Settings, problems: list[Problem]
) -> tuple[str, Quantity | None]:
    f: dict[str, Node] = node.value
    _unknown_fields(node, (*_MAPPING_RULES, "unit"), "a `value` mapping", problems)
    given = {k: _amount(f[k], f"`{k}`", problems) for k in _MAPPING_RULES if k in f}
    text = ", ".join(f"{k}: {_shown(f[k].value)}" for k in f if k != "unit")
    lows = [k for k in given if _MAPPING_RULES[k] == "at-least"]
    highs = [k for k in given if _MAPPING_RULES[k] == "at-most"]
    unit = parse_unit(_text(f.get("unit"), "unit", problems) or "count")
    problem = ""
    if not given:
        problem = "a `value` mapping needs min and/or max, at_least, at_most or about"
    elif "about" in given and len(given) > 1:
        problem = "`about` stands alone in a `value` mapping: no min, max, at_least or at_most"
    elif len(lows) > 1 or len(highs) > 1:
        problem = f"`{'` and `'.join(lows if len(lows) > 1 else highs)}` both give the same end"
    if problem:
        problems.append(Problem(node.loc, problem))
    if problem or None in given.values():
        return text, None
    if "about" in given:
        return text, bounded("approx", given["about"], given["about"], unit, settings, "about")
    lo = given[lows[0]] if lows else None
    hi = given[highs[0]] if highs else None
    if lo is not None and hi is not None:
        if lo > hi:
            problems.append(
                Problem(
                    node.loc,
                    f"`value` has its low end {_shown(lo)} above its high end {_shown(hi)}",
                )
            )
            return text, None
        return text, bounded("exact", lo, hi, unit, settings, read_as="range")
    key = (lows or highs)[0]
    n = lo if lo is not None else hi
    return text, bounded(_MAPPING_RULES[key], n, n, unit, settings, key)


def _check_references(
    claims: list[Claim], sources: dict[str, Source], have_sources: bool, problems: list[Problem]
) -> None:
    ids: dict[str, Claim] = {}
    for c in claims:
        if have_sources and c.source not in sources:
            problems.append(
                Problem(
                    c.location, f"unknown source `{c.source}`{_did_you_mean(c.source, sources)}"
                )
            )
        if c.explicit_id and c.id in ids:
            problems.append(
                Problem(c.location, f"duplicate claim id `{c.id}` (first at {ids[c.id].location})")
            )
        ids.setdefault(c.id, c)
    for c in claims:
        for other in c.not_with:
            if other not in ids:
                problems.append(
                    Problem(
                        c.location,
                        f"`not_with` names unknown claim `{other}`{_did_you_mean(other, ids)}",
                    )
                )
            elif c.group and ids[other].group == c.group:
                problems.append(
                    Problem(
                        c.location,
                        f"claim `{c.id}` is both in group `{c.group}` and not_with `{other}`",
                    )
                )


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    hit = process.extractOne(word, list(choices), score_cutoff=60)
    return f" (did you mean `{hit[0]}`?)" if hit else ""


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=4096)  # periods recur: a large input has few distinct ones
def parse_period(text: str) -> Period:
    """'2020', '2020-04', '2020-04-01' or 'start/end' of those, into a date interval."""
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"`period` must be a date or start/end (YYYY-MM-DD), not {text!r}")
    spans = [_date_span(p, text) for p in parts]
    start, end = spans[0][0], spans[-1][1]
    if start > end:
        raise ValueError(f"`period` {text!r} ends before it starts")
    return Period(start, end)


def _date_span(part: str, whole: str) -> tuple[dt.date, dt.date]:
    m = _DATE.match(part)
    try:
        if not m:
            raise ValueError
        y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if d:
            day = dt.date(y, mo, d)
            return day, day
        if mo:
            first = dt.date(y, mo, 1)
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        raise ValueError(
            f"`period` must be a date or start/end (YYYY-MM-DD), not {whole!r}"
        ) from None

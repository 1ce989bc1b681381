"""Values with where they stand: the YAML walker and the JSON reader that make located nodes,
the checks every reader shares on them (unknown fields, text), and the one did-you-mean."""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from discrepancy.errors import InputError, Location, Problem

ALIAS_EXPANSION_LIMIT = 10_000  # repeated visits of one YAML node: past this, an alias bomb


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value with where it stands: dict[str, Node], list[Node] or a scalar."""

    value: Any
    loc: Location
    text_col: int = 0  # a scalar shown as is on one line: the column of its text's first
    # character (inside its quotes), so that a column in the text is a column in the file
    key_loc: Location | None = None  # in a mapping: where its key stands


def closest(
    word: str,
    choices: Sequence[str],
    cutoff: float = 60,
    scorer: Callable[..., float] = fuzz.WRatio,
    processor: Callable[[str], str] | None = None,
) -> str | None:
    """The choice most like `word`, scored 0-100 by `scorer`, if it scores at least `cutoff`
    (the first of equals, so `choices` in a fixed order give a fixed answer). The one
    did-you-mean of the project: field names, source ids, typos in a value."""
    hit = process.extractOne(word, choices, scorer=scorer, processor=processor, score_cutoff=cutoff)
    return hit[0] if hit else None


def suggest(word: str, choices: Iterable[str], synonyms: Mapping[str, str] | None = None) -> str:
    """' (did you mean `x`?)' for the choice closest to `word`, or ''. `synonyms` maps words a
    person may reach for to the choice they mean ("amount" -> "value")."""
    lookup = {c: c for c in choices}
    lookup.update({s: f for s, f in (synonyms or {}).items() if f in lookup})
    hit = closest(word, list(lookup), processor=str.casefold)
    return f" (did you mean `{lookup[hit]}`?)" if hit else ""


def unknown_fields(
    node: Node,
    allowed: Iterable[str],
    what: str,
    problems: list[Problem],
    synonyms: Mapping[str, str] | None = None,
) -> None:
    """A problem, with a did-you-mean, for each key of a mapping node that is not `allowed`."""
    allowed = tuple(allowed)
    for key, child in node.value.items():
        if key not in allowed:
            problems.append(
                Problem(
                    child.key_loc or child.loc,
                    f"unknown field `{key}` in {what}{suggest(key, allowed, synonyms)}",
                )
            )


def text_of(node: Node | None, what: str, problems: list[Problem]) -> str:
    if node is None or node.value is None:
        return ""
    value = node.value
    if isinstance(value, (dict, list, bool)):
        problems.append(Problem(node.loc, f"`{what}` must be text"))
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def names_of(node: Node | None, what: str, problems: list[Problem]) -> tuple[str, ...]:
    if node is None or node.value is None:
        return ()
    items = node.value if isinstance(node.value, list) else [node]
    return tuple(n for n in (text_of(i, what, problems) for i in items) if n)


UNREADABLE = "\x00unreadable"  # a scalar whose tag could not make a value: already a problem


class YamlWalker:
    """A composed YAML tree into located nodes: duplicate keys, unreadable tags and bad merges
    are problems; too many alias expansions (an alias bomb) raise."""

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
        if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"') and raw[1:-1] == value:
            return start.column + 2
        return 0  # escapes ("\t", "''") shift the columns


_SPACE = re.compile(r"[ \t\n\r]*")
# The JSON string scanner json.loads uses: a string's text and where it ends.
_scanstring: Callable[[str, int], tuple[str, int]] = getattr(json.decoder, "scanstring")  # noqa: B009
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


class JsonReader:
    """Valid JSON text (json.loads has accepted it) into located nodes, so that a problem in a
    hand-edited baseline or a JSON line can be reported at its line and column. Repeated keys
    are problems. `first_line`: the text's first line number in its file (a JSON Lines row).
    `keys_at_values`: a member's key is located where its value starts (JSON Lines reports a
    field's problems there), not at the key itself."""

    def __init__(
        self,
        text: str,
        name: str,
        problems: list[Problem],
        first_line: int = 1,
        keys_at_values: bool = False,
    ) -> None:
        self.text = text
        self.name = name
        self.problems = problems
        self.first_line = first_line
        self.keys_at_values = keys_at_values
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def read(self) -> Node:
        return self._value(0)[0]

    def _loc(self, pos: int) -> Location:
        line = bisect.bisect_right(self.line_starts, pos)
        return Location(self.name, line + self.first_line - 1, pos - self.line_starts[line - 1] + 1)

    def _skip(self, pos: int) -> int:
        return _SPACE.match(self.text, pos).end()  # type: ignore[union-attr]

    def _value(self, pos: int) -> tuple[Node, int]:
        pos = self._skip(pos)
        loc, ch = self._loc(pos), self.text[pos]
        if ch == "{":
            members: dict[str, Node] = {}
            pos = self._skip(pos + 1)
            while self.text[pos] != "}":
                key_loc = self._loc(pos)
                key, pos = _scanstring(self.text, pos + 1)
                child, pos = self._value(self._skip(pos) + 1)  # past the ':'
                if self.keys_at_values:
                    key_loc = child.loc
                if key in members:
                    first = members[key].key_loc or members[key].loc
                    self.problems.append(
                        Problem(key_loc, f"duplicate key '{key}' (first at line {first.line})")
                    )
                else:
                    members[key] = replace(child, key_loc=key_loc)
                pos = self._after_item(pos)
            return Node(members, loc), pos + 1
        if ch == "[":
            items: list[Node] = []
            pos = self._skip(pos + 1)
            while self.text[pos] != "]":
                child, pos = self._value(pos)
                items.append(child)
                pos = self._after_item(pos)
            return Node(items, loc), pos + 1
        if ch == '"':
            text, end = _scanstring(self.text, pos + 1)
            # Written without escapes, the text's columns are the file's (as YAML's text_col).
            text_col = loc.col + 1 if end - pos - 2 == len(text) else 0
            return Node(text, loc, text_col), end
        m = _SCALAR.match(self.text, pos)
        assert m is not None, "json.loads accepted the text"
        value: Any = json.loads(m.group())
        return Node(value, loc), m.end()

    def _after_item(self, pos: int) -> int:
        pos = self._skip(pos)
        return self._skip(pos + 1) if self.text[pos] == "," else pos

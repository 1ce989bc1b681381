"""Contradictions accepted as known: the baseline file's shape (parse, dumps, entries) and
today's contradictions compared with it. Plain data in, plain data out: no files, no exit
codes. What a contradiction's fingerprint is lives in `fingerprint`."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from discrepancy import limits
from discrepancy.errors import InputError, Location, Problem
from discrepancy.fingerprint import Contradiction
from discrepancy.located import JsonReader, Node, unknown_fields
from discrepancy.model import Claim, Source

VERSION = 1  # of the baseline file; bump it (and read the old one) when its shape changes
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
TOP_FIELDS = ("version", "contradictions")
ENTRY_FIELDS = ("fingerprint", "about", "claims", "reason")
ENTRY_REQUIRED = ENTRY_FIELDS[:3]  # `reason` may be left out
SIDE_FIELDS = ("id", "source", "value", "interval")
SIDE_REQUIRED = SIDE_FIELDS[:3]  # a baseline written before intervals were remembered has none


@dataclass(frozen=True)
class Side:
    """One claim of a baseline entry as a reviewer accepted it: its value and the interval it
    was read as, so that a claim whose value changes since is not silently still accepted."""

    id: str
    source: str
    value: str
    interval: str = ""  # "" in a baseline written before intervals were remembered

    @classmethod
    def of(cls, claim: Claim) -> Side:
        from discrepancy.render.formatting import interval  # only when a baseline is made

        return cls(claim.id, claim.source, claim.value, interval(claim.quantity))

    def differs(self, now: Side) -> bool:
        """The accepted value (or its reading) is not today's."""
        return _words(self.value) != _words(now.value) or (
            bool(self.interval) and self.interval != now.interval
        )


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Entry:
    """A contradiction accepted as known, and why (`reason`, written by a reviewer)."""

    fingerprint: str
    about: str
    claims: tuple[Side, ...]
    reason: str = ""
    location: Location = Location("")  # where it stands in the baseline file, when read from one


@dataclass(frozen=True)
class Baseline:
    name: str  # the file, as the user named it
    entries: tuple[Entry, ...] = ()
    exists: bool = True  # False: no baseline file, so every contradiction is new

    @property
    def claim_ids(self) -> frozenset[str]:
        return frozenset(side.id for e in self.entries for side in e.claims)


@dataclass(frozen=True)
class Comparison:
    """Today's contradictions against a baseline: new ones, known ones, and resolved entries."""

    baseline: Baseline
    new: tuple[Contradiction, ...]
    known: tuple[tuple[Contradiction, Entry], ...]
    resolved: tuple[Entry, ...]  # in the baseline, no longer found
    changed: tuple[tuple[Contradiction, Entry], ...] = ()  # accepted, but a value changed since
    require_reasons: bool = False  # `check --require-reasons`: an entry without one fails

    @property
    def unreasoned(self) -> tuple[Entry, ...]:
        """Baseline entries nobody has said why they were accepted."""
        return tuple(e for e in self.baseline.entries if not e.reason.strip())

    sources: Mapping[str, Source] = field(default_factory=dict)  # for the claims' provenance

    def fails(self, strict: bool) -> bool:
        """A new or changed contradiction fails the check; with `strict`, so does a resolved
        entry, and with `require_reasons` an entry without a `reason`."""
        return bool(
            self.new
            or self.changed
            or (strict and self.resolved)
            or (self.require_reasons and self.unreasoned)
        )

    def newer(self, c: Contradiction) -> tuple[Claim, Claim]:
        """The claim a new contradiction is reported at, then the other one. The newer claim is
        the one no baseline entry names (the other existed when the baseline was made); when
        that does not tell them apart, the one later in file order."""
        a, b = c.conflict.a, c.conflict.b
        named = self.baseline.claim_ids
        if (a.id in named) != (b.id in named):
            return (b, a) if a.id in named else (a, b)
        return (a, b) if a.location > b.location else (b, a)


def changed(c: Contradiction, e: Entry) -> bool:
    """Whether a claim of an accepted contradiction reads differently today."""
    now = {s.id: s for s in (Side.of(c.conflict.a), Side.of(c.conflict.b))}
    return any(side.id in now and side.differs(now[side.id]) for side in e.claims)


def compare(
    found: Sequence[Contradiction], baseline: Baseline, require_reasons: bool = False
) -> Comparison:
    accepted = {e.fingerprint: e for e in baseline.entries}
    seen = {c.fingerprint for c in found}
    matched = [(c, accepted[c.fingerprint]) for c in found if c.fingerprint in accepted]
    return Comparison(
        baseline,
        new=tuple(c for c in found if c.fingerprint not in accepted),
        known=tuple((c, e) for c, e in matched if not changed(c, e)),
        resolved=tuple(e for e in baseline.entries if e.fingerprint not in seen),
        changed=tuple((c, e) for c, e in matched if changed(c, e)),
        require_reasons=require_reasons,
    )


def entries(
    found: Sequence[Contradiction],
    previous: Baseline,
    accept: frozenset[str] | None = None,
    prune: bool = False,
) -> tuple[Entry, ...]:
    """The baseline to write, sorted by fingerprint, every reason a reviewer wrote kept.
    `accept` None: today's contradictions, all accepted as they read today. Otherwise the
    previous entries as they were, but those whose fingerprint is in `accept` taken as they
    read today (added when new). `prune`: entries no longer found are dropped."""
    old = {e.fingerprint: e for e in previous.entries}
    today = {c.fingerprint: c for c in found}

    def accepted(c: Contradiction) -> Entry:
        sides = (Side.of(c.conflict.a), Side.of(c.conflict.b))
        reason = old[c.fingerprint].reason if c.fingerprint in old else ""
        return Entry(c.fingerprint, c.about, sides, reason)

    if accept is None and not prune:
        out = {fp: accepted(c) for fp, c in today.items()}
    else:
        out = {fp: e for fp, e in old.items() if not prune or fp in today}
        out.update({fp: accepted(today[fp]) for fp in accept or () if fp in today})
    return tuple(out[fp] for fp in sorted(out))


def dumps(baseline_entries: Sequence[Entry]) -> str:
    """The baseline file: JSON, one entry per contradiction and one line per claim, with no line
    numbers or dates, so that its diff in a pull request shows only contradictions that changed."""

    from discrepancy.render.formatting import json_safe  # only when a baseline is written

    def q(value: Any) -> str:
        return json_safe(json.dumps(value, ensure_ascii=False))

    items = [
        "    {\n"
        f'      "fingerprint": {q(e.fingerprint)},\n'
        f'      "about": {q(e.about)},\n'
        '      "claims": [\n'
        + ",\n".join(f"        {q(side_fields(s))}" for s in e.claims)
        + "\n      ],\n"
        f'      "reason": {q(e.reason)}\n'
        "    }"
        for e in baseline_entries
    ]
    body = "[\n" + ",\n".join(items) + "\n  ]" if items else "[]"
    return f'{{\n  "version": {VERSION},\n  "contradictions": {body}\n}}\n'


def side_fields(s: Side) -> dict[str, str]:
    """A side as written: without an interval when it has none (an old baseline's, kept)."""
    return {k: v for k, v in asdict(s).items() if v or k != "interval"}


def parse(text: str, name: str) -> Baseline:
    """A baseline file's text into entries. Bad JSON, a wrong shape, an unknown version or a
    repeated fingerprint raise InputError with every problem located."""
    problems: list[Problem] = []
    try:
        json.loads(text, parse_int=lambda s: _small(s, text, name))
        root = JsonReader(text, name, problems).read()
    except json.JSONDecodeError as e:
        raise InputError.at(Location(name, e.lineno, e.colno), f"not valid JSON: {e.msg}") from None
    except ValueError as e:
        raise InputError.at(Location(name), f"not a baseline: {e}") from None
    except RecursionError:  # a baseline needs four levels: say where it goes past the limit
        deep = max(limits.deep_at(text), 0)
        raise InputError.at(
            limits.where(text, deep, name), f"nested deeper than {limits.MAX_DEPTH} levels"
        ) from None
    found = _entries(root, problems)
    if problems:
        raise InputError(problems)
    return Baseline(name, found)


def _small(digits: str, text: str, name: str) -> int:
    """A JSON integer, refused at its place past limits.MAX_DIGITS digits."""
    message = limits.big_number(digits)
    if message:
        raise InputError.at(limits.where(text, text.find(digits), name), message)
    return int(digits)


def _entries(root: Node, problems: list[Problem]) -> tuple[Entry, ...]:
    if not isinstance(root.value, dict):
        problems.append(
            Problem(
                root.loc, "a baseline must be a JSON object with `version` and `contradictions`"
            )
        )
        return ()
    top: dict[str, Node] = root.value
    _fields(root, TOP_FIELDS, TOP_FIELDS, "the baseline", problems)
    version = top.get("version")
    if version is not None and (type(version.value) is not int or version.value != VERSION):
        problems.append(
            Problem(
                version.loc,
                f"unsupported baseline version "
                f"{json.dumps(version.value)}: this discrepancy reads version "
                f"{VERSION}",
            )
        )
    items = top.get("contradictions")
    if items is None:
        return ()
    if not isinstance(items.value, list):
        problems.append(Problem(items.loc, "`contradictions` must be a list"))
        return ()
    out: list[Entry] = []
    first: dict[str, Location] = {}
    for item in items.value:
        entry = _entry(item, problems)
        if entry is None:
            continue
        if entry.fingerprint in first:
            problems.append(
                Problem(
                    entry.location,
                    f"fingerprint {entry.fingerprint} is listed "
                    f"twice (first at line {first[entry.fingerprint].line})",
                )
            )
            continue
        first[entry.fingerprint] = entry.location
        out.append(entry)
    return tuple(out)


def _entry(node: Node, problems: list[Problem]) -> Entry | None:
    if not isinstance(node.value, dict):
        problems.append(
            Problem(
                node.loc,
                "each baseline entry must be an object with `fingerprint`, `about` and `claims`",
            )
        )
        return None
    before = len(problems)
    _fields(node, ENTRY_FIELDS, ENTRY_REQUIRED, "a baseline entry", problems)
    f: dict[str, Node] = node.value
    fp = _string(f.get("fingerprint"), "fingerprint", problems)
    if fp and not FINGERPRINT.match(fp):
        problems.append(
            Problem(
                f["fingerprint"].loc,
                f"`fingerprint` must be 16 hex digits "
                f"as `discrepancy baseline` writes them, not {json.dumps(fp)}",
            )
        )
    about = _string(f.get("about"), "about", problems)
    reason = _string(f.get("reason"), "reason", problems)
    sides = _sides(f.get("claims"), problems)
    if len(problems) > before:
        return None
    return Entry(fp, about, sides, reason, node.loc)


def _sides(node: Node | None, problems: list[Problem]) -> tuple[Side, ...]:
    if node is None:
        return ()
    if not isinstance(node.value, list) or len(node.value) != 2:
        problems.append(
            Problem(
                node.loc,
                "`claims` must list the two claims of the "
                "contradiction, each with `id`, `source` and `value`",
            )
        )
        return ()
    sides = []
    for item in node.value:
        if not isinstance(item.value, dict):
            problems.append(
                Problem(
                    item.loc, "a baseline claim must be an object with `id`, `source` and `value`"
                )
            )
            continue
        _fields(item, SIDE_FIELDS, SIDE_REQUIRED, "a baseline claim", problems)
        sides.append(Side(*(_string(item.value.get(k), k, problems) for k in SIDE_FIELDS)))
    return tuple(sides)


def _fields(
    node: Node,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
    what: str,
    problems: list[Problem],
) -> None:
    unknown_fields(node, allowed, what, problems)
    for key in required:
        if key not in node.value:
            problems.append(Problem(node.loc, f"{what} is missing `{key}`"))


def _string(node: Node | None, what: str, problems: list[Problem]) -> str:
    if node is None:
        return ""
    if not isinstance(node.value, str):
        problems.append(Problem(node.loc, f"`{what}` must be a string, not {_kind(node.value)}"))
        return ""
    pos = limits.lone_surrogate(node.value)
    if pos >= 0:
        problems.append(
            Problem(node.loc, f"{limits.describe(node.value[pos])} cannot be text: remove it")
        )
        return ""
    return node.value


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return json.dumps(value)  # null, true, 3

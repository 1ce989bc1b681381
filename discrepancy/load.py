"""Documents (located nodes from `readers`) into validated Claims: the top-level sections
(settings, aliases, names, sources, claims) of every file checked together. Every problem is
collected, never just the first."""

from __future__ import annotations

import math
import posixpath
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from functools import partial
from typing import Any

from discrepancy import limits
from discrepancy.claim import SYNONYMS, parse_period, read_claim
from discrepancy.claim import check_references as check_claim_references
from discrepancy.cores import SMALLER, shared
from discrepancy.errors import InputError, Location, Problem
from discrepancy.located import Node, names_of, text_of, unknown_fields
from discrepancy.model import Claim, Claims, Progress, Settings, Source, no_progress
from discrepancy.readers import Document

TOP_FIELDS = ("version", "aliases", "names", "measures", "sources", "claims", "settings")
SOURCE_FIELDS = ("title", "publisher", "published", "url", "document", "via")
SETTINGS_FIELDS = tuple(f.name for f in fields(Settings))


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
    measures = _variants(tops, "measures", "a measure to the phrases that name it", problems)
    sources, have_sources = _sources(tops, problems)
    claims: list[Claim] = []
    for items in _sections(tops, "claims", list, "`claims` must be a list", problems):
        for item in items.value:
            claim = read_claim(item, settings, problems)
            if claim is not None:
                claims.append(claim)
    for d in documents:
        if d.rows is not None:
            claims.extend(_rows(d, settings, problems, progress))
    if check_references:
        check_claim_references(claims, sources, have_sources, problems)
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
        measures,
    )


def _rows(
    d: Document, settings: Settings, problems: list[Problem], progress: Progress
) -> list[Claim]:
    """A file's rows as claims, in order, and their problems; JSON Lines on both cores when
    long (see `cores`), giving what one core gives."""
    if not d.by_line:
        return _read_rows(d, settings, problems, progress)
    per_line, found = shared(partial(_share, d, settings, progress), range(d.size), SMALLER)
    # each share found its problems in the order of its lines: so are they all, once sorted
    problems.extend(sorted((p for share in found for p in share), key=lambda p: p.location.line))
    return [c for c in per_line if c is not None]


def _share(
    d: Document, settings: Settings, progress: Progress, lines: Sequence[int]
) -> tuple[list[Claim | None], list[Problem]]:
    """The claim of each of these lines of a JSON Lines file (None for a line with none), and
    the problems of those lines."""
    problems: list[Problem] = []
    at = {c.location.line: c for c in _read_rows(d, settings, problems, progress, lines)}
    return [at.get(n + 1) for n in lines], problems


def _read_rows(
    d: Document,
    settings: Settings,
    problems: list[Problem],
    progress: Progress,
    lines: Sequence[int] | None = None,
) -> list[Claim]:
    """The claims of a file's rows (of those lines only, when given), in order."""
    assert d.rows is not None
    claims = []
    for n, (item, located) in enumerate(
        d.rows(problems) if lines is None else d.rows(problems, lines)
    ):
        if n % 4096 == 0:
            progress(f"reading {d.name}", item.loc.line, d.size)
        mark = len(problems)
        claim = read_claim(item, settings, problems)
        if len(problems) > mark and located is not None:  # say exactly where
            del problems[mark:]
            claim = read_claim(located(), settings, problems)
        if claim is not None:
            claims.append(claim)
    return claims


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
    unknown_fields(doc.root, TOP_FIELDS, "the claims file", problems, SYNONYMS)
    version = top.get("version")
    if version is not None and version.value != 1:
        problems.append(
            Problem(
                version.loc,
                f"unsupported version {version.value!r}: this discrepancy reads version 1",
            )
        )
    return top


def _settings(
    tops: list[tuple[Document, dict[str, Node]]], overrides: dict[str, Any], problems: list[Problem]
) -> Settings:
    values: dict[str, Any] = {}
    for node in _sections(tops, "settings", dict, "`settings` must be a mapping", problems):
        unknown_fields(node, SETTINGS_FIELDS, "settings", problems, SYNONYMS)
        for key, child in node.value.items():
            if key == "vague":
                vague = _vague(child, problems)
                if vague is not None:
                    values["vague"] = vague
            elif key == "rounding":
                if isinstance(child.value, bool):
                    values[key] = child.value
                else:
                    problems.append(Problem(child.loc, "`rounding` must be true or false"))
            elif key == "documents":
                if not isinstance(child.value, str) or not child.value.strip():
                    problems.append(
                        Problem(child.loc, "`documents` must be a folder, relative to this file")
                    )
                else:  # relative to the claims file that says it
                    here = posixpath.dirname(child.loc.file)
                    values["documents"] = posixpath.join(here, child.value.strip())
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
    owner: dict[str, tuple[str, Location]] = {}
    table = dict(_variants(tops, "aliases", "a name to its variants", problems, owner))
    # `names:` lists names with no other spellings: a known name, like an alias with no variants.
    for node in _sections(tops, "names", list, "`names` must be a list of names", problems):
        for child in node.value:
            name = text_of(child, "names", problems)
            if name and name.casefold() not in owner:
                table.setdefault(name, ())
    return tuple(sorted(table.items()))


def _variants(
    tops: list[tuple[Document, dict[str, Node]]],
    field: str,
    what: str,
    problems: list[Problem],
    owner: dict[str, tuple[str, Location]] | None = None,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A block mapping a name to its variants (`aliases:`, `measures:`); a variant may belong
    to one name only."""
    table: dict[str, tuple[str, ...]] = {}
    owner = {} if owner is None else owner
    for node in _sections(tops, field, dict, f"`{field}` must map {what}", problems):
        for canonical, child in node.value.items():
            variants = child.value if isinstance(child.value, list) else [child]
            names = []
            for v in variants:
                name = text_of(v, f"{field}.{canonical}", problems)
                if not name:
                    continue
                key = name.casefold()
                if key in owner and owner[key][0] != canonical:
                    problems.append(
                        Problem(
                            v.loc,
                            f"`{name}` is already a variant of "
                            f"`{owner[key][0]}` (line {owner[key][1].line})",
                        )
                    )
                    continue
                owner[key] = (canonical, v.loc)
                names.append(name)
            table[canonical] = tuple(dict.fromkeys(table.get(canonical, ()) + tuple(names)))
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
            unknown_fields(child, SOURCE_FIELDS, f"source `{sid}`", problems, SYNONYMS)
            f = child.value
            published = text_of(f.get("published"), "published", problems)
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
                title=text_of(f.get("title"), "title", problems),
                publisher=text_of(f.get("publisher"), "publisher", problems),
                published=published,
                url=text_of(f.get("url"), "url", problems),
                document=text_of(f.get("document"), "document", problems),
                via=names_of(f.get("via"), "via", problems),
                location=child.loc,
            )
    return sources, have

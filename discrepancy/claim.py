"""One claim's node into a Claim: its fields, its `value` in every form (text, number,
[low, high], a mapping), its period; then ids, sources and `not_with` checked across claims."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from dataclasses import replace
from functools import lru_cache

from discrepancy import limits
from discrepancy.errors import Location, Problem
from discrepancy.located import UNREADABLE, Node, names_of, suggest, text_of, unknown_fields
from discrepancy.model import Claim, Period, Quantity, Settings, Source
from discrepancy.quantities import QuantityError, bounded, parse_quantity, parse_unit

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
# Words a coder may reach for instead of the field's name: offered as "did you mean".
SYNONYMS = {
    "quantity": "value", "amount": "value", "number": "value", "count": "value",
    "figure": "value", "date": "period", "when": "period", "attribution": "attributed_to",
    "said_by": "attributed_to", "according_to": "attributed_to", "attributed": "attributed_to",
    "text": "quote", "excerpt": "quote", "notes": "note", "comment": "note", "topic": "about",
    "subject": "about", "what": "about", "outlet": "source", "units": "unit", "groups": "group",
    "not-with": "not_with", "notwith": "not_with", "attributed-to": "attributed_to",
}  # fmt: skip


def read_claim(node: Node, settings: Settings, problems: list[Problem]) -> Claim | None:
    if not isinstance(node.value, dict):
        problems.append(
            Problem(node.loc, "each claim must be a mapping with `source`, `about` and `value`")
        )
        return None
    f: dict[str, Node] = node.value
    unknown_fields(node, CLAIM_FIELDS, "a claim", problems, SYNONYMS)
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
        k: text_of(f.get(k), k, problems)
        for k in ("id", "source", "about", "unit", "attributed_to", "quote", "group", "note")
    }
    for k, v in text.items():
        limit = limits.MAX_ABOUT if k == "about" else limits.MAX_TEXT
        if len(v) > limit:
            problems.append(
                Problem(f[k].loc, f"`{k}` is {len(v):,} characters long: the limit is {limit:,}")
            )
            return None
    for k in ("source", "about"):  # whitespace, punctuation or zero-width only say nothing
        if not limits.has_word(text[k]):
            problems.append(Problem(f[k].loc, f"`{k}` has no letters or digits"))
            return None
    value_text, quantity = _value(f["value"], settings, problems)
    period = None
    if f.get("period") is not None and f["period"].value is not None:
        raw = text_of(f["period"], "period", problems)
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
        not_with=names_of(f.get("not_with"), "not_with", problems),
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
    lo, hi = sorted((ends[0], ends[1]))
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
    unknown_fields(node, (*_MAPPING_RULES, "unit"), "a `value` mapping", problems, SYNONYMS)
    given = {k: _amount(f[k], f"`{k}`", problems) for k in _MAPPING_RULES if k in f}
    text = ", ".join(f"{k}: {_shown(f[k].value)}" for k in f if k != "unit")
    lows = [k for k in given if _MAPPING_RULES[k] == "at-least"]
    highs = [k for k in given if _MAPPING_RULES[k] == "at-most"]
    unit = parse_unit(text_of(f.get("unit"), "unit", problems) or "count")
    problem = ""
    if not given:
        problem = "a `value` mapping needs min and/or max, at_least, at_most or about"
    elif "about" in given and len(given) > 1:
        problem = "`about` stands alone in a `value` mapping: no min, max, at_least or at_most"
    elif len(lows) > 1 or len(highs) > 1:
        problem = f"`{'` and `'.join(lows if len(lows) > 1 else highs)}` both give the same end"
    if problem:
        problems.append(Problem(node.loc, problem))
    amounts = {k: v for k, v in given.items() if v is not None}
    if problem or len(amounts) < len(given):
        return text, None
    if "about" in amounts:
        return text, bounded("approx", amounts["about"], amounts["about"], unit, settings, "about")
    lo = amounts[lows[0]] if lows else None
    hi = amounts[highs[0]] if highs else None
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
    n = amounts[key]
    return text, bounded(_MAPPING_RULES[key], n, n, unit, settings, key)


def check_references(
    claims: list[Claim], sources: dict[str, Source], have_sources: bool, problems: list[Problem]
) -> None:
    ids: dict[str, Claim] = {}
    for c in claims:
        if have_sources and c.source not in sources:
            problems.append(
                Problem(c.location, f"unknown source `{c.source}`{suggest(c.source, sources)}")
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
                        f"`not_with` names unknown claim `{other}`{suggest(other, ids)}",
                    )
                )
            elif c.group and ids[other].group == c.group:
                problems.append(
                    Problem(
                        c.location,
                        f"claim `{c.id}` is both in group `{c.group}` and not_with `{other}`",
                    )
                )


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

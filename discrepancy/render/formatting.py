"""Formatting shared by every renderer: numbers, intervals, and text made safe to print."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from discrepancy.model import Claim, Conflict, Finding, Quantity, Source, gap_of

if TYPE_CHECKING:  # a type only: importing baseline here would slow every start
    from discrepancy.baseline import Side

# Control characters (tab and newline aside), DEL, C1, zero-width and bidi controls (they
# reorder what a reader sees: U+202E, U+2066-U+2069, U+200F, U+061C), line and paragraph
# separators, byte-order marks, interlinear annotations and lone surrogates: never shown raw.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_ASCII_PLAIN = bytes(range(0x20, 0x7F)) + b"\t\n"  # the ASCII characters _CONTROL leaves
# A line a CI log would run as a GitHub workflow command: `::` at its start (after spaces),
# or the old `##[` anywhere in it.
_COMMAND_START = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)


def number(x: float) -> str:
    """3500.0 -> '3,500'; 13.5 -> '13.5'; 0.001 -> '0.001'; 1200000000 -> '1,200,000,000'.
    Up to six decimals, so small values stay distinct ("2.0× apart" never shows as 0 vs 0)."""
    if math.isinf(x):
        return "∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{x:.2g}"


def plural(n: int, word: str, many: str = "") -> str:
    """'1 claim', '2 claims'; `many` for irregular plurals ('unit mismatches')."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def interval(q: Quantity, with_unit: bool = True) -> str:
    """The interval in mathematical notation: [2,000, ∞), (3,500, ∞), [0, 400)."""
    if q.unquantified:
        return "unquantified"
    if q.lo == q.hi and not (q.lo_open or q.hi_open):
        text = number(q.lo)
    else:
        left = "(" if q.lo_open else "["
        right = ")" if q.hi_open or math.isinf(q.hi) else "]"
        text = f"{left}{number(q.lo)}, {number(q.hi)}{right}"
    # A unit may come from a claim's own `unit:` field, so it is cleaned like any claim text.
    return text if q.unit == "count" or not with_unit else f"{text} {clean(q.unit)}"


def gap(x: float) -> str:
    """ "4.9% (minor)", "2.0× (major)": as model.gap_of shows and grades it."""
    return str(gap_of(x))


def apart(x: float) -> str:
    """ "4.9% apart (minor)", "2.0× apart (major)"."""
    g = gap_of(x)
    return f"{g.text} apart ({g.grade})"


def clean(text: str) -> str:
    """One line of text, with control characters shown escaped instead of reaching the terminal."""
    return visible(" ".join(text.split()))


def visible(text: str) -> str:
    """Control and invisible formatting characters shown as escapes; tabs and newlines kept."""
    return _CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def ci_safe(text: str) -> str:
    """Text output with nothing a CI log reads as a workflow command: a line's leading `::`
    becomes `\\::`, and `##[` becomes `##\\[` (issue 12)."""
    if "::" in text:  # a search of every line's start costs a quarter second on 18 MB
        text = _COMMAND_START.sub(r"\1\\:", text)
    return text.replace("##[", "##\\[")


def json_safe(text: str) -> str:
    """JSON text with every character `visible` would escape written as a \\u escape (the same
    value to a parser, nothing raw to a terminal or log), `##[` included."""
    # ASCII with none of _CONTROL's characters is most output: told in a tenth of the search
    if not text.isascii() or text.encode("ascii").translate(None, _ASCII_PLAIN):
        text = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("##[", "##\\u005b")


def period(claim: Claim) -> str:
    """When the claim's number held, as the coder gave it ("2020-01-01/2020-03-31"), or ""."""
    return "" if claim.period is None else str(claim.period)


def published(claim: Claim, sources: dict[str, Source]) -> str:
    """When the claim's source was published, or "": a different date from the claim's period,
    so every output shows the two apart."""
    source = sources.get(claim.source)
    return source.published if source is not None else ""


def shown_conflicts(f: Finding, all_pairs: bool) -> Sequence[Conflict]:
    """The pairs a report lists: the widest few (detect.SHOWN), or every one on request."""
    from discrepancy.detect import conflicts_in

    if all_pairs and f.conflict_count > len(f.conflicts):
        return conflicts_in(f.group.claims)
    return f.conflicts


CLUSTERS_SHOWN = 5


def disagreement(f: Finding, all_pairs: bool) -> list[str]:
    """A group's conflicts in a few lines, however many pairs there are: how many, the range
    of disagreement (its most extreme pair), and the clusters of claims that agree among
    themselves. Nothing when every pair is listed anyway."""
    if f.conflict_count <= len(f.conflicts) or all_pairs:
        return []
    out = []
    for d in f.disagreements:
        unit = "" if d.unit == "count" else f" ({clean(d.unit)})"
        lo, hi = d.lowest, d.highest
        out.append(
            f"{d.pairs:,} conflicting pair{'s' * (d.pairs != 1)}{unit}: from {clean(lo.value)} "
            f"({clean(lo.source)}, {clean(lo.id)}) to {clean(hi.value)} ({clean(hi.source)}, "
            f"{clean(hi.id)}), {apart(d.gap)}"
        )
        spans = [
            f"{interval(Quantity(a, b, unit=d.unit), with_unit=False)} ({plural(len(cs), 'claim')})"
            for cs, (a, b) in zip(d.clusters[:CLUSTERS_SHOWN], d.spans)
        ]
        more = len(d.clusters) - CLUSTERS_SHOWN
        out.append(
            f"{plural(len(d.clusters), 'cluster')} of claims that overlap: {', '.join(spans)}"
            + (f", and {more} more" if more > 0 else "")
        )
    out.append(
        f"the {plural(len(f.conflicts), 'widest pair')} below; --all-pairs lists all "
        f"{f.conflict_count:,}"
    )
    return out


def baseline_command(args: str, rerun: str = "") -> str:
    """A `discrepancy baseline` command to paste, on the claims and baseline `check` was given."""
    return f"`discrepancy baseline {args}{rerun}`"


def claim_line(c: Claim | Side) -> str:
    """A claim in a sentence: its value, then its source and id."""
    return f"{clean(c.value)} ({clean(c.source)}, {clean(c.id)})"

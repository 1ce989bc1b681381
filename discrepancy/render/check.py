"""`discrepancy check`: new contradictions first, then what matched the baseline and what it
lists that no longer occurs. As text for people, JSON, or GitHub Actions workflow commands."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from discrepancy.baseline import Comparison, Contradiction, Entry, Side
from discrepancy.model import Claim
from discrepancy.render import json as json_render
from discrepancy.render.text import ci_safe, clean, gap, interval, plural

VERSION = 1  # of the JSON form
GITHUB_ERRORS = 10  # GitHub shows at most 10 error annotations per step


def claim_line(c: Claim | Side) -> str:
    """A claim in a sentence: its value, then its source and id."""
    return f"{clean(c.value)} ({clean(c.source)}, {clean(c.id)})"


def _entry_line(e: Entry) -> str:
    sides = " vs ".join(claim_line(s) for s in e.claims)
    reason = f" (reason: {clean(e.reason)})" if e.reason else ""
    return f"{e.fingerprint}  {clean(e.about)}: {sides}{reason}"


def _new_block(c: Contradiction) -> str:
    rows = [
        [clean(str(x.location)), clean(x.id), clean(x.source), clean(x.value), interval(x.quantity)]
        for x in (c.conflict.a, c.conflict.b)
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"NEW CONTRADICTION  {clean(c.about)}"]
    lines += ["  " + "  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"  no overlap: {gap(c.conflict.gap)} apart · fingerprint {c.fingerprint}")
    return "\n".join(lines) + "\n"


def _changed_block(c: Contradiction, e: Entry) -> str:
    now = {x.id: x for x in (c.conflict.a, c.conflict.b)}
    lines = [f"CHANGED  {clean(c.about)}"]
    for side in e.claims:
        x = now.get(side.id)
        if x is None or not side.differs(Side.of(x)):
            continue
        lines.append(
            f'  {clean(side.id)} ({clean(side.source)}): accepted as "{clean(side.value)}"'
            f"{' ' + clean(side.interval) if side.interval else ''}, now "
            f'"{clean(x.value)}" {interval(x.quantity)}'
        )
    lines.append(
        f"  still no overlap: {gap(c.conflict.gap)} apart · fingerprint {c.fingerprint}"
        + (f" · reason: {clean(e.reason)}" if e.reason else "")
    )
    return "\n".join(lines) + "\n"


def accept_command(fingerprints: list[str]) -> str:
    """The command that accepts exactly these contradictions, and nothing else."""
    if len(fingerprints) > 10:
        return "`discrepancy baseline --accept FINGERPRINT`, once for each fingerprint above"
    return "`discrepancy baseline " + " ".join(f"--accept {fp}" for fp in fingerprints) + "`"


def _preamble(comparison: Comparison) -> list[str]:
    b = comparison.baseline
    if b.exists:
        return []
    return [f"No baseline file {clean(b.name)}: every contradiction is new.\n"]


def _tail(comparison: Comparison, strict: bool) -> list[str]:
    b, new, known, resolved = (
        comparison.baseline,
        comparison.new,
        comparison.known,
        comparison.resolved,
    )
    where = f" (in {clean(b.name)})" if b.exists else ""
    changed = comparison.changed
    out = [
        f"{plural(len(new), 'new contradiction')} · {len(changed)} changed · {len(known)} "
        f"known{where} · {len(resolved)} resolved\n"
    ]
    if resolved:
        entries = (
            "1 baseline entry no longer occurs"
            if len(resolved) == 1
            else f"{len(resolved)} baseline entries no longer occur"
        )
        out.append(
            f"Resolved: {entries}; you can drop them with `discrepancy baseline --prune`"
            + (" (--strict fails until you do)" if strict else "")
            + ":\n"
            + "".join(f"  {clean(str(e.location))}  {_entry_line(e)}\n" for e in resolved)
        )
    unreasoned = comparison.unreasoned if comparison.require_reasons else ()
    if unreasoned:
        entries = plural(len(unreasoned), "baseline entry has", "baseline entries have")
        out.append(
            f"{entries} no `reason`: write why each was accepted in {clean(b.name)}:\n"
            + "".join(f"  {clean(str(e.location))}  {_entry_line(e)}\n" for e in unreasoned)
        )
    failing = [c.fingerprint for c in new] + [c.fingerprint for c, _ in changed]
    if failing:
        what = " and ".join(
            x
            for x in (
                plural(len(new), "new contradiction") if new else "",
                f"{len(changed)} changed since accepted" if changed else "",
            )
            if x
        )
        out.append(
            f"FAILED: {what}. Correct a claim or, once reviewed, accept exactly these:\n"
            f"{accept_command(failing)}, then say why in its `reason`.\n"
        )
    elif unreasoned:
        out.append("FAILED (--require-reasons): every accepted contradiction needs a reason.\n")
    elif comparison.fails(strict):
        out.append("FAILED (--strict): the baseline lists contradictions that no longer occur.\n")
    else:
        out.append("OK: no new contradictions.\n")
    return out


def text(comparison: Comparison, strict: bool) -> str:
    blocks = (
        _preamble(comparison)
        + [_new_block(c) for c in comparison.new]
        + [_changed_block(c, e) for c, e in comparison.changed]
    )
    return "\n".join([*blocks, "".join(_tail(comparison, strict))])


def _contradiction(c: Contradiction) -> dict[str, Any]:
    return {
        "fingerprint": c.fingerprint,
        "group": c.group,
        "about": c.about,
        "gap": None if math.isinf(c.conflict.gap) else round(c.conflict.gap, 4),
        "claims": [json_render._claim(x) for x in (c.conflict.a, c.conflict.b)],
    }


def _entry(e: Entry) -> dict[str, Any]:
    return {
        "fingerprint": e.fingerprint,
        "about": e.about,
        "claims": [asdict(s) for s in e.claims],
        "reason": e.reason,
    }


def json(comparison: Comparison, strict: bool) -> str:
    b = comparison.baseline
    return json_render.dumps(
        {
            "version": VERSION,
            "baseline": {"file": b.name, "exists": b.exists},
            "summary": {
                "new": len(comparison.new),
                "changed": len(comparison.changed),
                "known": len(comparison.known),
                "resolved": len(comparison.resolved),
                "unreasoned": len(comparison.unreasoned),
                "strict": strict,
                "require_reasons": comparison.require_reasons,
                "fails": comparison.fails(strict),
            },
            "new": [
                {**_contradiction(c), "newer": comparison.newer(c)[0].id} for c in comparison.new
            ],
            "changed": [
                {**_contradiction(c), "accepted": [asdict(s) for s in e.claims], "reason": e.reason}
                for c, e in comparison.changed
            ],
            "known": [{**_contradiction(c), "reason": e.reason} for c, e in comparison.known],
            "resolved": [_entry(e) for e in comparison.resolved],
        }
    )


def escape_data(text: str) -> str:
    """A workflow command's message: GitHub reads %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also : and , escaped."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{k}={escape_property(ci_safe(str(v)))}" for k, v in properties.items())
    return f"::{kind} {props}::{escape_data(ci_safe(message))}"


def github(comparison: Comparison, strict: bool) -> str:
    """One error annotation per new contradiction, at the newer claim's line (at most ten:
    GitHub shows no more per step; a warning says how many more), then the text summary."""
    lines = []
    failing = [("New", c) for c in comparison.new] + [("Changed", c) for c, _ in comparison.changed]
    for kind, c in failing[:GITHUB_ERRORS]:
        newer, other = comparison.newer(c)
        what = "contradicts" if kind == "New" else "changed since accepted, and still contradicts"
        message = (
            f"{claim_line(newer)} {what} {claim_line(other)} at {other.location}: "
            f"{gap(c.conflict.gap)} apart (fingerprint {c.fingerprint}). Correct a claim, "
            f"or once reviewed accept it with `discrepancy baseline --accept {c.fingerprint}`."
        )
        lines.append(
            _command(
                "error",
                clean(message),
                file=newer.location.file,
                line=newer.location.line,
                col=newer.location.col,
                title=f"{kind} contradiction: {clean(c.about)}",
            )
        )
    more = len(failing) - GITHUB_ERRORS
    if more > 0:
        lines.append(
            _command(
                "warning",
                f"{plural(more, 'more new contradiction')} not "
                "annotated (GitHub shows 10 per step): run `discrepancy check` "
                "to list them all.",
                title="More new contradictions",
            )
        )
    body = _preamble(comparison) + _tail(comparison, strict)
    # the commands above are ours; in the summary, nothing may read as one
    return "".join(line + "\n" for line in lines) + ci_safe("".join(body))

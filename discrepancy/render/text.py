"""`--format text`, for people. `check`: new contradictions first, then what matched the baseline
and what it lists that no longer occurs. `verify`: each claim not verified, located at the claim,
with what differs and the closest passage of its document, then the counts."""

from __future__ import annotations

from collections.abc import Sequence

from discrepancy.baseline import Baseline, Comparison, Entry, Side
from discrepancy.fingerprint import Contradiction
from discrepancy.render.formatting import (
    apart,
    baseline_command,
    claim_line,
    clean,
    interval,
    plural,
)
from discrepancy.render.options import Options
from discrepancy.render.style import GREEN, RED, style
from discrepancy.verify import Status, Verdict, Verification, summary


def _entry_line(e: Entry) -> str:
    sides = " vs ".join(claim_line(s) for s in e.claims)
    reason = f" (reason: {clean(e.reason)})" if e.reason else ""
    return f"{e.fingerprint}  {clean(e.about)}: {sides}{reason}"


def _new_block(c: Contradiction, colour: bool = False) -> str:
    rows = [
        [clean(str(x.location)), clean(x.id), clean(x.source), clean(x.value), interval(x.quantity)]
        for x in (c.conflict.a, c.conflict.b)
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"{style('NEW CONTRADICTION', RED + ';1', colour)}  {clean(c.about)}"]
    lines += ["  " + "  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"  no overlap: {apart(c.conflict.gap)} · fingerprint {c.fingerprint}")
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
        f"  still no overlap: {apart(c.conflict.gap)} · fingerprint {c.fingerprint}"
        + (f" · reason: {clean(e.reason)}" if e.reason else "")
    )
    return "\n".join(lines) + "\n"


def accept_command(fingerprints: list[str], rerun: str = "") -> str:
    """The command that accepts exactly these contradictions, and nothing else (issue 12:
    `check` never suggests one that would accept what nobody has seen)."""
    if len(fingerprints) > 10:
        return baseline_command("--accept FINGERPRINT", rerun) + ", once for each fingerprint above"
    return baseline_command(" ".join(f"--accept {fp}" for fp in fingerprints), rerun)


def preamble(comparison: Comparison) -> list[str]:
    b = comparison.baseline
    if b.exists:
        return []
    return [f"No baseline file {clean(b.name)}: every contradiction is new.\n"]


def tail(comparison: Comparison, strict: bool, colour: bool = False, rerun: str = "") -> list[str]:
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
        verb = "occurs" if len(resolved) == 1 else "occur"
        entries = f"{plural(len(resolved), 'baseline entry', 'baseline entries')} no longer {verb}"
        out.append(
            f"Resolved: {entries}; you can drop them with {baseline_command('--prune', rerun)}"
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
    failed, ok = style("FAILED", RED + ";1", colour), style("OK", GREEN + ";1", colour)
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
            f"{failed}: {what}. Correct a claim or, once reviewed, accept exactly these:\n"
            f"{accept_command(failing, rerun)}, then say why in its `reason`.\n"
        )
    elif unreasoned:
        out.append(f"{failed} (--require-reasons): every accepted contradiction needs a reason.\n")
    elif comparison.fails(strict):
        out.append(
            f"{failed} (--strict): the baseline lists contradictions that no longer occur.\n"
        )
    else:
        out.append(f"{ok}: no new contradictions.\n")
    return out


def render(comparison: Comparison, options: Options) -> str:
    """Each new and changed contradiction, then the counts, resolved entries and the verdict
    (with --quiet, the new and changed contradictions only)."""
    blocks = [_new_block(c, options.colour) for c in comparison.new]
    blocks += [_changed_block(c, e) for c, e in comparison.changed]
    if options.quiet:
        return "\n".join(blocks)
    end = "".join(tail(comparison, options.strict, options.colour, options.rerun))
    return "\n".join([*preamble(comparison), *blocks, end])


def accepted(previous: Baseline, written: Sequence[Entry], comparison: Comparison) -> str:
    """What `discrepancy baseline` did: entries added and dropped, reasons kept, and how many
    new contradictions it left unaccepted (with --accept or --prune)."""
    before = {e.fingerprint for e in previous.entries}
    after = {e.fingerprint for e in written}
    left = len(comparison.new) - len(after - before)
    kept = sum(1 for e in written if e.reason)
    return (
        f"{plural(len(written), 'contradiction')} in the baseline: {len(after - before)} "
        f"added, {len(before - after)} dropped, {plural(kept, 'reason')} kept"
        + (f"; {left} new not accepted" if left > 0 else "")
    )


def verify(result: Verification, options: Options) -> str:
    """Every claim not verified, then the counts (with --quiet, the claims only)."""
    lines = []
    for v in result.verdicts:
        if v.status is not Status.verified:
            lines += [f"{v.claim.location}: {v.claim.id}: {v.status.value}", *_problems(v), ""]
    if options.quiet:
        lines = lines[:-1]  # no counts, nor the blank line before them
    else:
        lines.append(summary(result.verdicts))
    return "".join(_indented(line) + "\n" for line in lines)


def _problems(v: Verdict) -> list[str]:
    out = []
    for p in v.problems:
        out.append(f"  {p.message}")
        out += [f"    {d}" for d in p.details]
        if p.kind == "quote" and v.passage is not None:
            out.append(f'    document says: "{v.passage.text}"')
    return out


def _indented(line: str) -> str:
    body = line.lstrip(" ")
    return " " * (len(line) - len(body)) + clean(body)


def verdict_message(v: Verdict) -> str:
    """A claim's verdict on one line: status, each problem and what differs, the passage."""
    return clean(f"{v.claim.id}: {v.status.value}. {problems_message(v)}")


def problems_message(v: Verdict) -> str:
    """Each problem of a verdict and what differs, and the closest passage, on one line."""
    parts = [p.message + "".join(f" ({d})" for d in p.details) for p in v.problems]
    if v.passage is not None and any(p.kind == "quote" for p in v.problems):
        parts.append(f'document says: "{v.passage.text}"')
    return clean(". ".join(parts))

"""`--format github`: GitHub Actions workflow commands, then the text form. `check`: an error
annotation per new contradiction at the newer claim's line. `verify`: an error per claim not
verified and a warning per claim unverifiable, at the claim's line."""

from __future__ import annotations

from discrepancy.baseline import Comparison, Entry
from discrepancy.render import text
from discrepancy.render.formatting import (
    apart,
    baseline_command,
    ci_safe,
    claim_line,
    clean,
    plural,
)
from discrepancy.render.options import Options
from discrepancy.render.text import preamble, tail, verdict_message
from discrepancy.verify import Status, Verification

GITHUB_ERRORS = 10  # GitHub shows at most 10 error annotations per step


def escape_data(text: str) -> str:
    """A workflow command's message: GitHub reads %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also : and , escaped."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{k}={escape_property(ci_safe(str(v)))}" for k, v in properties.items())
    return f"::{kind} {props}::{escape_data(ci_safe(message))}"


def _resolved(e: Entry, strict: bool, rerun: str) -> str:
    sides = " vs ".join(claim_line(s) for s in e.claims)
    message = f"Baseline entry {e.fingerprint} ({e.about}: {sides}) no longer occurs" + (
        f": --strict fails until you drop it with {baseline_command('--prune', rerun)}."
        if strict
        else f"; you can drop it with {baseline_command('--prune', rerun)}."
    )
    where = {"line": e.location.line, "col": e.location.col} if e.location.line else {}
    return _command(
        "error" if strict else "notice",
        clean(message),
        file=e.location.file,
        **where,
        title="Resolved baseline entry",
    )


def render(comparison: Comparison, options: Options) -> str:
    """One error annotation per new contradiction, at the newer claim's line, and one per
    baseline entry that no longer occurs, at its line in the baseline (an error with --strict,
    which then fails, else a notice); at most ten errors, as GitHub shows no more per step, and
    a warning says how many more. Then the text summary (none with --quiet)."""
    errors = []
    failing = [("New", c) for c in comparison.new] + [("Changed", c) for c, _ in comparison.changed]
    for kind, c in failing:
        newer, other = comparison.newer(c)
        what = "contradicts" if kind == "New" else "changed since accepted, and still contradicts"
        message = (
            f"{claim_line(newer)} {what} {claim_line(other)} at {other.location}: "
            f"{apart(c.conflict.gap)} (fingerprint {c.fingerprint}). Correct a claim, "
            f"or once reviewed accept it with {baseline_command('--accept ' + c.fingerprint, options.rerun)}."
        )
        errors.append(
            _command(
                "error",
                clean(message),
                file=newer.location.file,
                line=newer.location.line,
                col=newer.location.col,
                title=f"{kind} contradiction: {clean(c.about)}",
            )
        )
    stale = [_resolved(e, options.strict, options.rerun) for e in comparison.resolved]
    if options.strict:
        errors, stale = errors + stale, []
    lines = errors[:GITHUB_ERRORS] + stale
    more = len(errors) - GITHUB_ERRORS
    if more > 0:
        what = "error" if options.strict and comparison.resolved else "new contradiction"
        lines.append(
            _command(
                "warning",
                f"{plural(more, 'more ' + what)} not annotated (GitHub shows 10 per step): run "
                "`discrepancy check` to list them all.",
                title=f"More {what}s",
            )
        )
    body = (
        []
        if options.quiet
        else preamble(comparison) + tail(comparison, options.strict, rerun=options.rerun)
    )
    # the commands above are ours; in the summary, nothing may read as one
    return "".join(line + "\n" for line in lines) + ci_safe("".join(body))


def verify(result: Verification, options: Options) -> str:
    """An annotation per claim not verified (error) or unverifiable (warning), at most ten."""
    shown = [v for v in result.verdicts if v.status is not Status.verified]
    lines = []
    for v in shown[:GITHUB_ERRORS]:
        loc = v.claim.location
        kind = "error" if v.status is Status.failed else "warning"
        lines.append(
            _command(
                kind,
                verdict_message(v),
                file=loc.file,
                line=loc.line,
                col=loc.col,
                title=f"Claim {v.status.value}",
            )
        )
    more = len(shown) - GITHUB_ERRORS
    if more > 0:
        lines.append(
            _command(
                "warning",
                f"{plural(more, 'more claim')} not annotated (GitHub shows 10 per step): run "
                "`discrepancy verify` to list them all.",
                title="More claims not verified",
            )
        )
    body = "" if options.quiet else text.verify(result, options)
    # the commands above are ours; in the summary, nothing may read as one
    return "".join(line + "\n" for line in lines) + ci_safe(body)

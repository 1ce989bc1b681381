"""`--format github`: GitHub Actions workflow commands, then the text form. `check`: an error
annotation per new contradiction at the newer claim's line. `verify`: an error per claim not
verified and a warning per claim unverifiable, at the claim's line."""

from __future__ import annotations

from discrepancy.baseline import Comparison
from discrepancy.render import text
from discrepancy.render.formatting import claim_line, clean, gap, plural
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
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def render(comparison: Comparison, options: Options) -> str:
    """One error annotation per new contradiction, at the newer claim's line (at most ten:
    GitHub shows no more per step; a warning says how many more), then the text summary."""
    lines = []
    for c in comparison.new[:GITHUB_ERRORS]:
        newer, other = comparison.newer(c)
        message = (
            f"{claim_line(newer)} contradicts {claim_line(other)} at {other.location}: "
            f"{gap(c.conflict.gap)} apart (fingerprint {c.fingerprint}). Correct a claim, "
            "or once reviewed accept it with `discrepancy baseline`."
        )
        lines.append(
            _command(
                "error",
                clean(message),
                file=newer.location.file,
                line=newer.location.line,
                col=newer.location.col,
                title=f"New contradiction: {clean(c.about)}",
            )
        )
    more = len(comparison.new) - GITHUB_ERRORS
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
    body = preamble(comparison) + tail(comparison, options.strict)
    return "".join(line + "\n" for line in lines) + "".join(body)


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
    return "".join(line + "\n" for line in lines) + text.verify(result, options)

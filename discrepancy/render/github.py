"""`check --format github`: GitHub Actions workflow commands, one error annotation per new
contradiction at the newer claim's line, then the text summary."""

from __future__ import annotations

from discrepancy.baseline import Comparison
from discrepancy.render.formatting import ci_safe, claim_line, clean, gap, plural
from discrepancy.render.options import Options
from discrepancy.render.text import preamble, tail

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


def render(comparison: Comparison, options: Options) -> str:
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
    body = preamble(comparison) + tail(comparison, options.strict)
    # the commands above are ours; in the summary, nothing may read as one
    return "".join(line + "\n" for line in lines) + ci_safe("".join(body))

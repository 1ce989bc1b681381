"""ANSI styles, for every renderer that colours its output: one palette, one way to apply it.
Whether to colour at all is decided once, by the CLI (cli_options.colour_wanted)."""

from __future__ import annotations

from discrepancy.model import Status

BOLD, DIM, RED, GREEN, YELLOW, CYAN = "1", "2", "31", "32", "33", "36"
STATUS = {
    Status.conflict: RED,
    Status.unit_mismatch: YELLOW,
    Status.single_source: CYAN,
    Status.agree: GREEN,
    Status.unquantified: DIM,
}


def style(text: str, code: str, colour: bool) -> str:
    """`text` in the style `code` ("31", "31;1"), or as it is when `colour` is off."""
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text

"""Where a command's output goes: standard output, or a file written atomically that is never
one of the inputs; and never, whatever the claims say, a line a CI log would run as a GitHub
workflow command (issue 12). The progress bar beside it, on standard error."""

from __future__ import annotations

import os
import sys
from contextlib import AbstractContextManager
from pathlib import Path

import typer

from discrepancy.model import Progress


def emit(
    text: str,
    output: Path | None,
    inputs: tuple[str, ...] = (),
    quiet: bool = False,
    commands: bool = False,
) -> None:
    """Text to standard output, or atomically to `output`, which may never be an input file;
    never a line a CI log runs, but the `github` format's own `commands`."""
    from discrepancy.render.formatting import ci_safe

    text = text if commands else ci_safe(text)
    if output is None:
        # color=True: never stripped, as click would off a terminal; the renderers colour only
        # when colour_wanted said so (--color always, FORCE_COLOR), and claims' text is cleaned
        try:
            typer.echo(text, nl=False, color=True)
        except BrokenPipeError:  # the reader went away ("| head"): nothing more to write,
            # and the command's exit status stands; standard output is let go quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    from discrepancy.files import write_output

    write_output(output, text, inputs)
    if not quiet:
        typer.echo(f"wrote {output}", err=True)


def progress_for(quiet: bool) -> AbstractContextManager[Progress]:
    """The progress bar on standard error (none with --quiet), the cycle collector paused."""
    from discrepancy.progress import working

    return working(quiet)

"""How the CLI ends a command that went wrong, in one place: bad input becomes every problem,
located, and exit 2; anything unexpected is a bug, one line and exit 3 (the traceback too with
--debug or DISCREPANCY_DEBUG=1)."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from discrepancy import __version__
from discrepancy.errors import InputError
from discrepancy.exitcodes import ExitCode

DEBUG_ENV = "DISCREPANCY_DEBUG"  # set to 1: an internal error shows its traceback
# typer's and click's own ways to stop (an exit status, a usage error): never internal errors.
# ClickException is found through a public class, whichever click typer uses.
PASS_THROUGH: tuple[type[BaseException], ...] = (
    typer.Exit,
    typer.Abort,
    next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"),
)
_debug = {"on": False}  # set by --debug, for the command about to run


def set_debug(on: bool) -> None:
    """--debug, for the command about to run."""
    _debug["on"] = on


F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(command: F) -> F:
    """Bad input becomes every problem on stderr, one per line as path:line:col, and exit 2.
    Anything unexpected is a bug: one line naming the version and how to report it, and exit 3
    (the traceback too with --debug or DISCREPANCY_DEBUG=1). typer's and click's own exits and
    usage errors pass through untouched."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as e:
            from discrepancy.render.formatting import ci_safe, clean, plural

            for problem in e.problems:
                typer.echo(ci_safe(clean(str(problem))), err=True)
            typer.echo(
                f"discrepancy: {plural(len(e.problems), 'problem')}; nothing was reported.",
                err=True,
            )
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except PASS_THROUGH:
            raise
        except Exception as e:
            if _debugging():
                traceback.print_exc(file=sys.stderr)
            typer.echo(internal_error_line(e), err=True)
            raise typer.Exit(ExitCode.INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def internal_error_line(e: BaseException) -> str:
    what = " ".join(f"{type(e).__name__}: {e}".split())
    return (
        f"discrepancy {__version__}: internal error: {what}; please report it with the "
        "command you ran (run again with --debug for the traceback)"
    )


def _debugging() -> bool:
    return _debug["on"] or os.environ.get(DEBUG_ENV, "") not in ("", "0")

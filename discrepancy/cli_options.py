"""Options several commands share, and the conventions they follow, those of ruff, typer and
git: the output format (`--format`, or the DISCREPANCY_FORMAT environment variable), colour
(`--color`, NO_COLOR, FORCE_COLOR), `--quiet`, `--statistics`, `-` for standard input, and
the width to lay text out for. Decided and declared here; cli.py only uses them."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

FORMAT_ENV = "DISCREPANCY_FORMAT"  # the output format, for every command that has --format
STDIN = "-"  # as a path: claims read from standard input
STDIN_NAME = "<stdin>"  # what messages call standard input (read as YAML)
COLOURS = ("auto", "always", "never")
# readers.SUFFIXES, spelt out so that --help need not import the readers (a test checks them)
SUFFIXES = (".yaml", ".yml", ".csv", ".jsonl")


def _choice(
    values: Sequence[str], env: str | None = None
) -> Callable[[typer.Context, typer.CallbackParam, str], str]:
    """A callback that accepts one of `values`, and otherwise says which, and where the bad
    value came from: the command line or the environment variable."""

    def check(ctx: typer.Context, param: typer.CallbackParam, value: str) -> str:
        if value in values:
            return value
        source = ctx.get_parameter_source(param.name or "")
        given = f"{env}={value}" if env and getattr(source, "name", "") == "ENVIRONMENT" else value
        raise typer.BadParameter(
            f"{given!r} is not one of {', '.join(values)}"
            + (f" for `discrepancy {ctx.info_name}`" if env else "")
        )

    return check


def format_option(formats: type[Enum], help: str) -> Any:
    """`--format/-f`, one of `formats`, also read from DISCREPANCY_FORMAT."""
    values = [str(f.value) for f in formats]
    return typer.Option(
        "--format",
        "-f",
        callback=_choice(values, FORMAT_ENV),
        metavar="[" + "|".join(values) + "]",
        envvar=FORMAT_ENV,
        show_envvar=True,
        autocompletion=lambda: values,
        help=help,
    )


ThresholdOpt = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        min=0,
        max=100,
        help="Match score (0-100) for two claims to count the same "
        "thing. Overrides the claims file's settings (default 85).",
        show_default=False,
    ),
]


ToleranceOpt = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        min=0,
        max=0.99,
        help="How far 'about N' reaches either side of N, as a "
        "fraction. Overrides the claims file's settings (default 0.1).",
        show_default=False,
    ),
]


RoundingOpt = Annotated[
    bool | None,
    typer.Option(
        "--rounding/--no-rounding",
        help="Read each figure to the precision it is stated with ('1.1 million' as 1.05 to 1.15 "
        "million). Overrides the claims file's settings (default: off).",
        show_default=False,
    ),
]


def writable_folder(value: Path | None) -> Path | None:
    """An output file whose folder exists and may be written in: said before the work, not
    after it (a minute of grouping lost to a typo in a folder's name)."""
    if value is None:
        return None
    folder = value.parent
    if not folder.is_dir():
        raise typer.BadParameter(
            f"there is no folder {folder.as_posix()!r} to write {value.name!r} in"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise typer.BadParameter(f"the folder {folder.as_posix()!r} may not be written in")
    return value


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of standard output.",
        dir_okay=False,
        callback=writable_folder,
    ),
]

BaselineOutputOpt = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help="The baseline file to write (atomically). The "
        "`reason` of each entry that still occurs is kept.",
        callback=writable_folder,
    ),
]


BaselineOpt = Annotated[
    Path,
    typer.Option(
        "--baseline",
        "-b",
        dir_okay=False,
        help="The baseline file of accepted contradictions. "
        "When it does not exist, every contradiction is new.",
    ),
]


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATHS",
        # shown in each command's help text instead: typer would print the type, <list[Path]>
        hidden=True,
        show_default=False,
    ),
]
PATHS_HELP = (
    "PATHS are claims files (" + ", ".join("*" + s for s in SUFFIXES) + ") or folders of "
    "them; - reads claims from standard input. Default: claims.yaml here."
)
ColourOpt = Annotated[
    str,
    typer.Option(
        "--color",
        "--colour",
        callback=_choice(COLOURS),
        metavar="[auto|always|never]",
        autocompletion=lambda: list(COLOURS),
        help="Colour: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), "
        "always or never.",
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Only the findings: no summary, no progress, no 'wrote FILE'."
    ),
]
StatisticsOpt = Annotated[
    bool,
    typer.Option(
        "--statistics",
        help="Only how many there are of each kind, one line each (one JSON object with "
        "--format json; other formats give the lines).",
    ),
]
StdinNameOpt = Annotated[
    str,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="The name claims read from standard input (-) go by in messages; its suffix "
        "(.csv, .jsonl, .yaml) says how to read them.",
        show_default=False,
    ),
]


def colour_wanted(choice: str, output: Path | None) -> bool:
    """The one rule for colour, in every command: --color always/never wins; else never when
    NO_COLOR is set (to anything), always on standard output when FORCE_COLOR is, and otherwise
    only on a terminal that is not TERM=dumb. A file written with --output is never coloured
    unless --color always."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or output is not None:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def width_for(output: Path | None) -> int:
    """The terminal's width on a terminal; else a fixed 100, so that files and pipes get the
    same bytes on every machine whatever its COLUMNS."""
    if output is None and sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return 100


def split_stdin(paths: list[Path] | None) -> tuple[list[Path] | None, bool]:
    """The paths without `-`, and whether `-` was among them. Only `-` given: no files at all
    (not the default claims.yaml)."""
    if not paths or not any(str(p) == STDIN for p in paths):
        return paths, False
    return [p for p in paths if str(p) != STDIN], True


# Options of single commands, declared here to keep cli.py short
ExitZeroOpt = Annotated[
    bool,
    typer.Option("--exit-zero", help="Exit 0 even when the check fails (2 still on bad input)."),
]
StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Also fail when a baseline entry no longer occurs.")
]
AllPairsOpt = Annotated[
    bool,
    typer.Option(
        "--all-pairs",
        help="List every conflicting pair. By default a group lists its widest few and sums "
        "up the rest (how many, the range, the clusters).",
    ),
]
RequireReasonsOpt = Annotated[
    bool,
    typer.Option("--require-reasons", help="Also fail when a baseline entry has no `reason`."),
]
AcceptOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--accept",
        help="Accept only this contradiction (its fingerprint, as `check` shows it), new or "
        "changed; every other entry stays as it was. Repeat for several.",
        show_default=False,
    ),
]
PruneOpt = Annotated[
    bool,
    typer.Option(
        "--prune", help="Drop the entries no longer found; accept nothing new or changed."
    ),
]


def settings_given(
    threshold: float | None, tolerance: float | None, rounding: bool | None
) -> list[str]:
    """The reading and grouping options `check` was given, for the command it suggests."""
    return [
        *(["--threshold", f"{threshold:g}"] if threshold is not None else []),
        *(["--tolerance", f"{tolerance:g}"] if tolerance is not None else []),
        *([] if rounding is None else ["--rounding" if rounding else "--no-rounding"]),
    ]

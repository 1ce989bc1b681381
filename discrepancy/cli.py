"""The shell: options parsed, the pipeline called, its result rendered, the exit status set.
Files are read and written by `files`; everything else is the pure core."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from discrepancy import __version__
from discrepancy.cli_errors import DEBUG_ENV, handles_errors, set_debug
from discrepancy.errors import InputError, Location, Problem
from discrepancy.exitcodes import ExitCode
from discrepancy.model import Claims, Progress, no_progress
from discrepancy.render.options import (
    CheckFormat,
    GroupsFormat,
    Options,
    ParseFormat,
    ReportFormat,
)

if TYPE_CHECKING:
    from discrepancy.baseline import Baseline
    from discrepancy.pipeline import Analysis


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Find where sources disagree about the same number, with the provenance of every number.",
)


BASELINE_FILE = Path(".discrepancy-baseline.json")


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Claims files or folders of them (*.yaml, *.yml). Default: claims.yaml here.",
        show_default=False,
    ),
]
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
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of standard output.",
        dir_okay=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"discrepancy {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help=f"On an internal error, show the traceback (also with {DEBUG_ENV}=1).",
        ),
    ] = False,
) -> None:
    """Find where sources disagree about the same number, with the provenance of every number."""
    set_debug(debug)


def emit(
    text: str, output: Path | None, inputs: tuple[str, ...] = (), commands: bool = False
) -> None:
    """Text to standard output, or atomically to `output`, which may never be an input file.
    Nothing in it may read as a CI workflow command, unless it is `commands` (the `github`
    format, whose renderer makes its own and keeps claim text out of their way)."""
    if not commands:
        from discrepancy.render.formatting import ci_safe

        text = ci_safe(text)
    if output is None:
        typer.echo(text, nl=False)
        return
    from discrepancy.files import write_output

    write_output(output, text, inputs)
    typer.echo(f"wrote {output}", err=True)


def on_terminal(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty()


def colour_wanted(output: Path | None) -> bool:
    return on_terminal(output) and not os.environ.get("NO_COLOR")


def width_for(output: Path | None) -> int:
    """The terminal's width on a terminal; else a fixed 100, so that files and pipes get the
    same bytes on every machine whatever its COLUMNS."""
    return shutil.get_terminal_size((100, 24)).columns if on_terminal(output) else 100


@app.command()
@handles_errors
def report(
    paths: PathsArg = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Also list groups that agree, single-source and unquantified groups."
        ),
    ] = False,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.table,
    all_pairs: Annotated[
        bool,
        typer.Option(
            "--all-pairs",
            help="List every conflicting pair. By default a group lists its widest few and "
            "sums up the rest (how many, the range, the clusters).",
        ),
    ] = False,
    output: OutputOpt = None,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """Report where sources disagree: groups in conflict, most severe first."""
    from discrepancy.pipeline import analyse
    from discrepancy.progress import ProgressBar, collector_paused
    from discrepancy.render.registry import REPORT

    options = Options(show_all, colour_wanted(output), width_for(output), all_pairs=all_pairs)
    with ProgressBar() as progress, collector_paused():
        # Near misses are only counted in the table's and Markdown's summary: not worth
        # finding for JSON or CSV.
        analysis = analyse(
            load(paths, threshold, tolerance, progress),
            progress,
            near_misses=fmt in (ReportFormat.table, ReportFormat.markdown),
        )
        text = REPORT[fmt](analysis, options)
    emit(text, output, analysis.claims.files)


@app.command()
@handles_errors
def groups(
    paths: PathsArg = None,
    near_misses: Annotated[
        bool,
        typer.Option(
            "--near-misses",
            help="Also list pairs that scored "
            "just under the threshold, to settle by hand "
            "with `group:` or `not_with:`.",
        ),
    ] = False,
    fmt: Annotated[
        GroupsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = GroupsFormat.table,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """Show how claims were grouped, and why."""
    from discrepancy.pipeline import analyse
    from discrepancy.progress import ProgressBar, collector_paused
    from discrepancy.render.registry import GROUPS

    with ProgressBar() as progress, collector_paused():
        analysis = analyse(load(paths, threshold, tolerance, progress), progress, near_misses)
    emit(GROUPS[fmt](analysis, Options(near_misses=near_misses)), None)


@app.command()
@handles_errors
def parse(
    expressions: Annotated[
        list[str],
        typer.Argument(
            help='Quantity expressions, e.g. "about four hundred"; - reads one per line from '
            "standard input.",
            show_default=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    tolerance: ToleranceOpt = None,
    settings_from: Annotated[
        Path | None,
        typer.Option(
            "--settings",
            help="Read with the `settings:` of this claims file (its vague words and tolerances).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Show how quantity expressions are read: interval, unit and the rule that fired."""
    from discrepancy.model import Settings
    from discrepancy.pipeline import read_expressions
    from discrepancy.render.registry import PARSE

    if settings_from is not None:
        settings = load([settings_from], tolerance=tolerance, require_claims=False).settings
    else:
        settings = Settings() if tolerance is None else Settings(approx_tolerance=tolerance)
    texts: list[str] = []
    for e in expressions:
        if e == "-":
            texts.extend(line.rstrip("\r\n") for line in sys.stdin if line.strip())
        else:
            texts.append(e)
    if not texts:
        raise InputError.at(
            Location("<stdin>" if "-" in expressions else "parse"), "no expressions to read"
        )
    readings = read_expressions(texts, settings)
    fmt = ParseFormat.json if as_json else ParseFormat.table
    emit(PARSE[fmt](readings, Options()), None)
    ok = all(r.quantity is not None for r in readings)
    raise typer.Exit(ExitCode.OK if ok else ExitCode.BAD_INPUT)


def load(
    paths: list[Path] | None,
    threshold: float | None = None,
    tolerance: float | None = None,
    progress: Progress = no_progress,
    require_claims: bool = True,
) -> Claims:
    """The claims files named (folders expanded) read and validated."""
    from discrepancy import pipeline
    from discrepancy.files import read_inputs
    from discrepancy.readers import SUFFIXES

    inputs, unread = read_inputs(paths, SUFFIXES)
    return pipeline.load(inputs, threshold, tolerance, progress, require_claims, unread)


def analyse_with_baseline(
    paths: list[Path] | None,
    threshold: float | None,
    tolerance: float | None,
    baseline_path: Path,
    writing: bool = False,
) -> tuple[Analysis, Baseline]:
    """The claims analysed and the baseline read; problems in either are reported together.
    `writing`: the baseline is about to be written, so it must not be one of the claims files."""
    from discrepancy.files import read_if_exists, refuse_to_overwrite
    from discrepancy.pipeline import analyse, read_baseline

    problems: list[Problem] = []
    try:
        analysis = analyse(load(paths, threshold, tolerance), near_misses=False)
        if writing:
            refuse_to_overwrite(baseline_path, analysis.claims.files)
    except InputError as e:
        problems.extend(e.problems)
    try:
        known = read_baseline(read_if_exists(baseline_path), baseline_path.as_posix())
    except InputError as e:
        problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return analysis, known


@app.command()
@handles_errors
def check(
    paths: PathsArg = None,
    baseline_path: Annotated[
        Path,
        typer.Option(
            "--baseline",
            "-b",
            dir_okay=False,
            help="The baseline file of accepted contradictions. "
            "When it does not exist, every contradiction is new.",
        ),
    ] = BASELINE_FILE,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text for "
            "people, json, github (workflow commands) or "
            "sarif (code scanning).",
        ),
    ] = CheckFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail when a baseline entry no longer occurs.")
    ] = False,
    require_reasons: Annotated[
        bool,
        typer.Option("--require-reasons", help="Also fail when a baseline entry has no `reason`."),
    ] = False,
    output: OutputOpt = None,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """CI gate: fail on contradictions not in the baseline (exit 0 none new, 1 new, 2 bad input)."""
    from discrepancy import pipeline
    from discrepancy.render.registry import CHECK

    analysis, known = analyse_with_baseline(paths, threshold, tolerance, baseline_path)
    comparison = pipeline.check(analysis, known, require_reasons)
    inputs = (*analysis.claims.files, baseline_path.as_posix())
    text = CHECK[fmt](comparison, Options(strict=strict))
    emit(text, output, inputs, commands=fmt is CheckFormat.github)
    # 1 when a contradiction is new (or, with --strict, a baseline entry no longer occurs).
    # Bad input, the baseline's included, is InputError: 2, from handles_errors.
    raise typer.Exit(ExitCode.FOUND if comparison.fails(strict) else ExitCode.OK)


@app.command("baseline")
@handles_errors
def baseline_command(
    paths: PathsArg = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="The baseline file to write (atomically). The "
            "`reason` of each entry that still occurs is kept.",
        ),
    ] = BASELINE_FILE,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            help="Accept only this contradiction (its fingerprint, as `check` shows it), new or "
            "changed; every other entry stays as it was. Repeat for several.",
            show_default=False,
        ),
    ] = None,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune", help="Drop the entries no longer found; accept nothing new or changed."
        ),
    ] = False,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """Accept today's contradictions as known: write them to the baseline file. Without
    --accept or --prune, every contradiction found today is accepted as it reads today."""
    from discrepancy import pipeline
    from discrepancy.baseline import dumps
    from discrepancy.render.formatting import plural

    analysis, previous = analyse_with_baseline(paths, threshold, tolerance, output, writing=True)
    written, comparison = pipeline.accept(analysis, previous, accept, prune)
    emit(dumps(written), output, analysis.claims.files)
    before = {e.fingerprint for e in previous.entries}
    after = {e.fingerprint for e in written}
    left = len(comparison.new) - len(after - before)
    kept = sum(1 for e in written if e.reason)
    typer.echo(
        f"{plural(len(written), 'contradiction')} in the baseline: {len(after - before)} "
        f"added, {len(before - after)} dropped, {plural(kept, 'reason')} kept"
        + (f"; {left} new not accepted" if left > 0 else ""),
        err=True,
    )


def main() -> None:
    app(prog_name="discrepancy")

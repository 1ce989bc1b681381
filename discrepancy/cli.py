"""The shell: options parsed, the pipeline called, its result rendered, the exit status set.
Files are read and written by `files`; everything else is the pure core."""

from __future__ import annotations

import gc
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from discrepancy import __version__
from discrepancy.cli_errors import DEBUG_ENV, handles_errors, set_debug
from discrepancy.cli_options import (
    PATHS_HELP,
    STDIN_NAME,
    AcceptOpt,
    AllPairsOpt,
    BaselineOpt,
    BaselineOutputOpt,
    ColourOpt,
    ExitZeroOpt,
    OutputOpt,
    PathsArg,
    PruneOpt,
    QuietOpt,
    RequireReasonsOpt,
    RoundingOpt,
    StatisticsOpt,
    StdinNameOpt,
    StrictOpt,
    ThresholdOpt,
    ToleranceOpt,
    colour_wanted,
    format_option,
    settings_given,
    split_stdin,
    width_for,
)
from discrepancy.cli_output import emit, progress_for
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
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, pwsh
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Find where sources disagree about the same number, with the provenance of every number.",
)


BASELINE_FILE = Path(".discrepancy-baseline.json")


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


@app.command(
    help=f"Report where sources disagree: groups in conflict, most severe first. {PATHS_HELP}"
)
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
        str, format_option(ReportFormat, "Output format; concise is one line per conflict.")
    ] = ReportFormat.table.value,
    all_pairs: AllPairsOpt = False,
    output: OutputOpt = None,
    colour: ColourOpt = "auto",
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    stdin_name: StdinNameOpt = STDIN_NAME,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
    rounding: RoundingOpt = None,
) -> None:
    from discrepancy.pipeline import analyse
    from discrepancy.render import statistics as stats
    from discrepancy.render.registry import REPORT

    form = ReportFormat(fmt)
    options = Options(
        show_all, colour_wanted(colour, output), width_for(output), quiet=quiet, all_pairs=all_pairs
    )
    with progress_for(quiet) as progress:
        # Near misses are only counted in the table's and Markdown's summary: not worth
        # finding for the other formats.
        analysis = analyse(
            load(paths, threshold, tolerance, progress, stdin_name=stdin_name, rounding=rounding),
            progress,
            near_misses=form in (ReportFormat.table, ReportFormat.markdown) and not statistics,
        )
        progress("writing the report", 0, 0)
        as_json = form == ReportFormat.json
        text = stats.report(analysis, as_json) if statistics else REPORT[form](analysis, options)
    emit(text, output, analysis.claims.files, quiet)


@app.command(help=f"Show how claims were grouped, and why. {PATHS_HELP}")
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
    fmt: Annotated[str, format_option(GroupsFormat, "Output format.")] = GroupsFormat.table.value,
    output: OutputOpt = None,
    colour: ColourOpt = "auto",
    quiet: QuietOpt = False,
    stdin_name: StdinNameOpt = STDIN_NAME,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
    rounding: RoundingOpt = None,
) -> None:
    from discrepancy.pipeline import analyse
    from discrepancy.render.registry import GROUPS

    options = Options(
        colour=colour_wanted(colour, output),
        width=width_for(output),
        near_misses=near_misses,
        quiet=quiet,
    )
    with progress_for(quiet) as progress:
        claims = load(
            paths, threshold, tolerance, progress, stdin_name=stdin_name, rounding=rounding
        )
        analysis = analyse(claims, progress, near_misses, findings=False)
        progress("writing the groups", 0, 0)
        text = GROUPS[GroupsFormat(fmt)](analysis, options)
    emit(text, output, analysis.claims.files, quiet)


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
    rounding: RoundingOpt = None,
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
    from discrepancy import pipeline
    from discrepancy.render.registry import PARSE

    settings = (  # the settings file's, or the defaults, with the options given
        load([settings_from], tolerance=tolerance, require_claims=False, rounding=rounding)
        if settings_from is not None
        else pipeline.load([], None, tolerance, require_claims=False, rounding=rounding)
    ).settings
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
    readings = pipeline.read_expressions(texts, settings)
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
    stdin_name: str = STDIN_NAME,
    rounding: bool | None = None,
) -> Claims:
    """The claims files named (folders expanded) read and validated; `-` is standard input,
    named `stdin_name` in messages."""
    from discrepancy import pipeline
    from discrepancy.files import read_inputs, read_stdin
    from discrepancy.readers import SUFFIXES

    files, stdin = split_stdin(paths)
    inputs, unread = read_inputs(files, SUFFIXES) if files or not stdin else ([], [])
    if stdin:
        inputs.append((stdin_name, read_stdin(stdin_name)))
    return pipeline.load(inputs, threshold, tolerance, progress, require_claims, rounding, unread)


def analyse_with_baseline(
    paths: list[Path] | None,
    threshold: float | None,
    tolerance: float | None,
    baseline_path: Path,
    progress: Progress,
    stdin_name: str = STDIN_NAME,
    writing: bool = False,
    rnd: bool | None = None,
) -> tuple[Analysis, Baseline]:
    """The claims analysed and the baseline read; problems in either are reported together.
    `writing`: the baseline is about to be written, so it must not be one of the claims files."""
    from discrepancy.files import read_if_exists, refuse_to_overwrite
    from discrepancy.pipeline import analyse, read_baseline

    problems: list[Problem] = []
    try:
        claims = load(paths, threshold, tolerance, progress, stdin_name=stdin_name, rounding=rnd)
        analysis = analyse(claims, progress, near_misses=False)
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
    progress("comparing with the baseline", 0, 0)
    return analysis, known


@app.command(
    help="CI gate: fail on contradictions not in the baseline (exit 0 none new, 1 new, 2 bad "
    f"input). {PATHS_HELP}"
)
@handles_errors
def check(
    paths: PathsArg = None,
    baseline_path: BaselineOpt = BASELINE_FILE,
    fmt: Annotated[
        str,
        format_option(
            CheckFormat,
            "Output format: text for people, concise (one line each), json, github "
            "(workflow commands) or sarif (code scanning).",
        ),
    ] = CheckFormat.text.value,
    strict: StrictOpt = False,
    require_reasons: RequireReasonsOpt = False,
    exit_zero: ExitZeroOpt = False,
    output: OutputOpt = None,
    colour: ColourOpt = "auto",
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    stdin_name: StdinNameOpt = STDIN_NAME,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
    rounding: RoundingOpt = None,
) -> None:
    from discrepancy import pipeline
    from discrepancy.render import statistics as stats
    from discrepancy.render.registry import CHECK

    named = [p.as_posix() for p in paths or ()]
    given = [
        *([] if named == ["claims.yaml"] else named),
        *settings_given(threshold, tolerance, rounding),
    ]
    if baseline_path != BASELINE_FILE:
        given += ["--output", baseline_path.as_posix()]
    rerun = (" " + shlex.join(given)) if given else ""
    options = Options(colour=colour_wanted(colour, output), strict=strict, quiet=quiet, rerun=rerun)
    with progress_for(quiet) as progress:
        analysis, known = analyse_with_baseline(
            paths, threshold, tolerance, baseline_path, progress, stdin_name, rnd=rounding
        )
        comparison = pipeline.check(analysis, known, require_reasons)
    inputs = (*analysis.claims.files, baseline_path.as_posix())
    text = (
        stats.check(comparison, strict, as_json=fmt == CheckFormat.json.value)
        if statistics
        else CHECK[CheckFormat(fmt)](comparison, options)
    )
    emit(text, output, inputs, quiet, commands=fmt == CheckFormat.github.value)
    # 1 when a contradiction is new or changed (with --strict, also a resolved entry; with
    # --require-reasons, one without a reason). Bad input is InputError: 2, from handles_errors.
    fails = comparison.fails(strict) and not exit_zero
    raise typer.Exit(ExitCode.FOUND if fails else ExitCode.OK)


@app.command(
    "baseline",
    help="Accept today's contradictions as known: write them to the baseline file (without "
    f"--accept or --prune, every one found today, as it reads today). {PATHS_HELP}",
)
@handles_errors
def baseline_command(
    paths: PathsArg = None,
    output: BaselineOutputOpt = BASELINE_FILE,
    accept: AcceptOpt = None,
    prune: PruneOpt = False,
    quiet: QuietOpt = False,
    stdin_name: StdinNameOpt = STDIN_NAME,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
    rounding: RoundingOpt = None,
) -> None:
    from discrepancy import pipeline
    from discrepancy.baseline import dumps
    from discrepancy.render.text import accepted

    with progress_for(quiet) as progress:
        analysis, previous = analyse_with_baseline(
            paths, threshold, tolerance, output, progress, stdin_name, writing=True, rnd=rounding
        )
        written, comparison = pipeline.accept(analysis, previous, accept, prune)
    emit(dumps(written), output, analysis.claims.files, quiet)
    if not quiet:
        typer.echo(accepted(previous, written, comparison), err=True)


def main() -> None:
    try:
        app(prog_name="discrepancy")
    finally:
        # What is left (caches) is freed as the process ends: frozen, the collector's last
        # pass need not walk it (a third of a second after 50,000 claims).
        gc.freeze()


# The commands between articles and claims, `extract` and `verify`, live in their own module;
# importing it registers them on `app` (it imports what it needs from here, defined above).
from discrepancy import cli_articles  # noqa: E402, F401

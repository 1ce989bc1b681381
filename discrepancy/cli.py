"""The shell: files, terminal and exit codes. Everything else is the pure core."""

from __future__ import annotations

import contextlib
import functools
import gc
import glob
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from discrepancy import __version__, limits
from discrepancy.errors import InputError, Location, Problem
from discrepancy.model import Claims, Progress, no_progress

if TYPE_CHECKING:
    from discrepancy.baseline import Baseline, Comparison
    from discrepancy.pipeline import Analysis

OK, FOUND, BAD_INPUT = 0, 1, 2  # exit statuses; 2 is also click's usage-error status

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Find where sources disagree about the same number, with the provenance of every number.",
)


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class GroupsFormat(str, Enum):
    table = "table"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


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

F = TypeVar("F", bound=Callable[..., Any])


def handles_input_errors(command: F) -> F:
    """Bad input becomes every problem on stderr, one per line as path:line:col, and exit 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as e:
            for problem in e.problems:
                typer.echo(_ci_safe(_clean(str(problem))), err=True)
            n = len(e.problems)
            typer.echo(f"discrepancy: {n} problem{'s' * (n != 1)}; nothing was reported.", err=True)
            raise typer.Exit(BAD_INPUT) from None

    return wrapper  # type: ignore[return-value]


def _clean(text: str) -> str:
    from discrepancy.render.text import clean

    return clean(text)


def _ci_safe(text: str) -> str:
    from discrepancy.render.text import ci_safe

    return ci_safe(text)


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
) -> None:
    """Find where sources disagree about the same number, with the provenance of every number."""


def read_inputs(paths: list[Path] | None) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(name, text) of every claims file named, folders expanded in sorted order, and the
    problems of those that cannot be read (missing, unreadable, too big, not UTF-8): the
    files that can be read are still read, so that every problem is listed at once."""
    from discrepancy.load import SUFFIXES

    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths or [Path("claims.yaml")]:
        if path.is_dir():
            found = _claims_files(path, SUFFIXES, problems)
            if not found and not problems:
                problems.append(
                    Problem(
                        Location(str(path)),
                        f"no claims files ({', '.join('*' + s for s in SUFFIXES)}) in this folder",
                    )
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(Location(str(path)), "no such file or folder"))
    out = []
    seen: set[Path] = set()
    for f in files:
        if f.resolve() in seen:  # a file named twice (alone and in its folder) is read once
            continue
        seen.add(f.resolve())
        name = f.as_posix()
        try:
            out.append((name, read_text(f, limits.file_limit(name), "a claims file")))
        except InputError as e:
            problems.extend(e.problems)
    return out, problems


def _claims_files(folder: Path, suffixes: tuple[str, ...], problems: list[Problem]) -> list[Path]:
    """Claims files in a folder and its subfolders, sorted. Hidden files and folders (.git,
    .github, .venv) are never claims: skipped, read only when named on their own. A subfolder
    that cannot be listed is a problem, never a silent hole in the input."""

    def unreadable(e: OSError) -> None:
        where = Path(e.filename).as_posix() if e.filename else folder.as_posix()
        problems.append(Problem(Location(where), f"cannot read this folder: {e.strerror}"))

    found = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / n
            for n in names
            if not n.startswith(".") and Path(n).suffix.lower() in suffixes
        ]
    return sorted(p for p in found if p.is_file())


def read_text(path: Path, limit: int, what: str) -> str:
    """A file's text, refused unread past `limit` bytes; a byte that is not UTF-8 is located."""
    name = path.as_posix()
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError([limits.too_big(size, limit, what, name)])
        data = path.read_bytes()
    except OSError as e:
        raise InputError.at(Location(name), f"cannot read: {e.strerror}") from None
    return limits.decode(data, name)


def load(
    paths: list[Path] | None,
    threshold: float | None = None,
    tolerance: float | None = None,
    progress: Progress = no_progress,
    require_claims: bool = True,
) -> Claims:
    from discrepancy.load import build, reader_for

    documents = []
    inputs, problems = read_inputs(paths)
    for name, text in inputs:
        try:
            documents.append(reader_for(name)(text, name))
        except InputError as e:
            problems.extend(e.problems)
    overrides = {"match_threshold": threshold, "approx_tolerance": tolerance}
    if problems:  # still list what is wrong in the files that could be read
        try:
            build(documents, overrides, check_references=False)
        except InputError as e:
            problems.extend(e.problems)
        raise InputError(problems)
    return build(documents, overrides, progress=progress, require_claims=require_claims)


def write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename over it: a reader never sees half a file. The file
    keeps its permissions, or gets the usual ones (the umask's) when it is new. A device or a
    pipe (/dev/null, a FIFO) is written to directly: renaming over it would replace it."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return
    path = path.resolve()
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    _clear_leftovers(path)
    # The writer's process id in the name: a SIGKILL between here and the rename leaves the
    # file behind, hidden and never a claims file; the next write clears it.
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _clear_leftovers(path: Path) -> None:
    """Temporary files of earlier writes to `path` whose writer is gone (killed mid-write)."""
    for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = old.name[len(path.name) + 2 :].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            old.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def refuse_to_overwrite(output: Path, inputs: tuple[str, ...]) -> None:
    if any(Path(name).resolve() == output.resolve() for name in inputs):
        raise InputError.at(
            Location(str(output)),
            "this is a claims file being read: the tool "
            "never overwrites one; choose another --output",
        )


def emit(
    text: str, output: Path | None, inputs: tuple[str, ...] = (), commands: bool = False
) -> None:
    """Text to standard output, or atomically to `output`, which may never be an input file.
    Nothing in it may read as a CI workflow command, unless it is `commands` (the `github`
    format, whose renderer makes its own commands and keeps claim text out of their way)."""
    if not commands:
        text = _ci_safe(text)
    if output is None:
        typer.echo(text, nl=False)
        return
    refuse_to_overwrite(output, inputs)
    try:
        write_atomic(output, text)
    except OSError as e:
        raise InputError.at(Location(str(output)), f"cannot write: {e.strerror}") from None
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
@handles_input_errors
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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of standard output.",
            dir_okay=False,
        ),
    ] = None,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """Report where sources disagree: groups in conflict, most severe first."""
    from discrepancy.pipeline import analyse
    from discrepancy.render import RENDERERS

    with ProgressBar() as progress, _collector_paused():
        # Near misses are only counted in the table's and Markdown's summary: not worth
        # finding for JSON or CSV.
        analysis = analyse(
            load(paths, threshold, tolerance, progress),
            progress,
            near_misses=fmt in (ReportFormat.table, ReportFormat.markdown),
        )
        text = RENDERERS[fmt.value](analysis, show_all, colour_wanted(output), width_for(output))
    emit(text, output, analysis.claims.files)


@app.command()
@handles_input_errors
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
    from discrepancy.render import groups as render_groups

    with ProgressBar() as progress, _collector_paused():
        analysis = analyse(load(paths, threshold, tolerance, progress), progress, near_misses)
    if fmt is GroupsFormat.json:
        emit(render_groups.json(analysis), None)
    else:
        emit(render_groups.table(analysis, near_misses), None)


@app.command()
@handles_input_errors
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
    from discrepancy.render import parsed

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
    text, ok = parsed.render(texts, settings, as_json)
    emit(text, None)
    raise typer.Exit(OK if ok else BAD_INPUT)


def read_baseline(path: Path) -> Baseline:
    """The baseline file; when there is none, an empty baseline marked missing."""
    from discrepancy.baseline import Baseline, parse

    name = path.as_posix()
    if not path.exists():
        return Baseline(name, exists=False)
    return parse(read_text(path, limits.MAX_BASELINE_BYTES, "a baseline file"), name)


def analyse_with_baseline(
    paths: list[Path] | None,
    threshold: float | None,
    tolerance: float | None,
    baseline_path: Path,
    writing: bool = False,
) -> tuple[Analysis, Baseline]:
    """The claims analysed and the baseline read; problems in either are reported together.
    `writing`: the baseline is about to be written, so it must not be one of the claims files."""
    from discrepancy.pipeline import analyse

    problems: list[Problem] = []
    try:
        analysis = analyse(load(paths, threshold, tolerance), near_misses=False)
        if writing:
            refuse_to_overwrite(baseline_path, analysis.claims.files)
    except InputError as e:
        problems.extend(e.problems)
    try:
        known = read_baseline(baseline_path)
    except InputError as e:
        problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return analysis, known


def check_status(comparison: Comparison, strict: bool) -> int:
    """`check`'s exit status: 1 when a contradiction is new (or, with --strict, when a baseline
    entry no longer occurs), else 0. Bad input, the baseline's included, is 2 (raised as
    InputError, turned into 2 by handles_input_errors)."""
    return FOUND if comparison.fails(strict) else OK


@app.command()
@handles_input_errors
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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of standard output.",
            dir_okay=False,
        ),
    ] = None,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """CI gate: fail on contradictions not in the baseline (exit 0 none new, 1 new, 2 bad input)."""
    from discrepancy.baseline import compare, contradictions
    from discrepancy.render import CHECK_RENDERERS

    if output is not None and output.resolve() == baseline_path.resolve():
        raise InputError.at(
            Location(str(output)),
            "this is the baseline being read: `check` never overwrites it; choose another --output",
        )
    analysis, known = analyse_with_baseline(paths, threshold, tolerance, baseline_path)
    comparison = replace(compare(contradictions(analysis), known), require_reasons=require_reasons)
    emit(
        CHECK_RENDERERS[fmt.value](comparison, strict),
        output,
        analysis.claims.files,
        commands=fmt is CheckFormat.github,
    )
    raise typer.Exit(check_status(comparison, strict))


@app.command("baseline")
@handles_input_errors
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
            "--prune", help="Drop entries no longer found, and accept nothing new or changed."
        ),
    ] = False,
    threshold: ThresholdOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """Accept today's contradictions as known: write them to the baseline file. Without
    --accept or --prune, every contradiction found today is accepted as it reads today."""
    from discrepancy.baseline import compare, contradictions, dumps, entries

    analysis, previous = analyse_with_baseline(paths, threshold, tolerance, output, writing=True)
    found = contradictions(analysis)
    today = {c.fingerprint for c in found}
    unknown = [fp for fp in accept or () if fp not in today]
    if unknown:
        raise InputError(
            [
                Problem(Location("--accept"), f"{fp} is not a contradiction found today")
                for fp in unknown
            ]
        )
    chosen = frozenset(accept) if accept else (frozenset() if prune else None)
    written = entries(found, previous, chosen, prune)
    emit(dumps(written), output, analysis.claims.files)
    before = {e.fingerprint for e in previous.entries}
    after = {e.fingerprint for e in written}
    added, dropped = len(after - before), len(before - after)
    comparison = compare(found, previous)
    left = len(comparison.new) - added
    kept = sum(1 for e in written if e.reason)
    typer.echo(
        f"{len(written)} contradiction{'s' * (len(written) != 1)} in the baseline: {added} "
        f"added, {dropped} dropped, {kept} reason{'s' * (kept != 1)} kept"
        + (f"; {left} new ones not accepted" if left > 0 else "")
        + (
            f"; {len(comparison.changed)} changed since accepted"
            if accept is None and prune
            else ""
        ),
        err=True,
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while claims are read and grouped: it would scan every
    claim again and again (a third of the time at 100,000 claims), and they hold no cycles."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class ProgressBar:
    """How far a long job has got, on standard error: only on a terminal, and only once the
    work has taken more than `delay` seconds, so quick runs and captured output never show it."""

    def __init__(
        self, stream: Any = None, delay: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.on = self.stream.isatty() and os.environ.get("TERM") != "dumb"
        self.clock = clock
        self.start = clock()
        self.delay = delay
        self.last = -1.0
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.on:
            return
        now = self.clock()
        if now - self.start < self.delay or now - self.last < 0.1:
            return
        self.last = now
        share = min(1.0, done / total) if total > 0 else 0.0
        bar = "#" * round(share * 30)
        self.stream.write(f"\r\x1b[K{_clean(stage)[-40:]} [{bar:<30}] {share:4.0%}")
        self.stream.flush()
        self.drawn = True

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def main() -> None:
    app(prog_name="discrepancy")

"""The commands between articles and claims: `extract` drafts claims from articles, `verify`
checks claims against them. Registered on `cli.app` when `cli` is imported (see its last line);
files are read and written by `files`, everything else is the pure core."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from discrepancy.cli import app, load
from discrepancy.cli_errors import handles_errors
from discrepancy.cli_options import (
    PATHS_HELP,
    ColourOpt,
    OutputOpt,
    PathsArg,
    QuietOpt,
    colour_wanted,
    format_option,
    writable_folder,
)
from discrepancy.cli_output import emit, progress_for
from discrepancy.errors import InputError, Location, Problem
from discrepancy.exitcodes import ExitCode
from discrepancy.render.options import Options, VerifyFormat

if TYPE_CHECKING:
    from discrepancy.documents import Article
    from discrepancy.model import Claim, Claims
    from discrepancy.verify import Verdict


@app.command(
    "verify",
    help="Check every quote is in its source's document and every number of each value is in "
    "its quote (exit 0 all verified, 1 any not verified or unverifiable, 2 bad input). "
    + PATHS_HELP,
)
@handles_errors
def verify_command(
    paths: PathsArg = None,
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents",
            "-d",
            file_okay=False,
            help="Folder of the sources' `document:` files. Default: the claims file's "
            "`settings: documents:`, else beside each claims file.",
        ),
    ] = None,
    fmt: Annotated[
        str,
        format_option(
            VerifyFormat,
            "Output format: text for people, concise (one line each), json, github "
            "(workflow commands) or sarif (code scanning).",
        ),
    ] = VerifyFormat.text.value,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when a claim is not verified (2 still on bad input)."
        ),
    ] = False,
    output: OutputOpt = None,
    colour: ColourOpt = "auto",
    quiet: QuietOpt = False,
) -> None:
    from discrepancy.files import is_folder
    from discrepancy.render.registry import VERIFY
    from discrepancy.verify import Verification

    if documents is not None and not is_folder(documents):
        raise InputError.at(Location(documents.as_posix()), "no such folder (--documents)")
    read: dict[Path, Article | None] = {}
    verdicts = []
    with progress_for(quiet) as progress:
        claims = load(paths, progress=progress)
        for n, claim in enumerate(claims.claims):
            progress("verifying", n, len(claims.claims))
            verdicts.append(_verify_one(claim, claims, documents, read))
    result = Verification(tuple(verdicts))
    options = Options(colour=colour_wanted(colour, output), quiet=quiet)
    text = VERIFY[VerifyFormat(fmt)](result, options)
    emit(text, output, claims.files, quiet, commands=fmt == VerifyFormat.github.value)
    raise typer.Exit(ExitCode.OK if result.clean or exit_zero else ExitCode.FOUND)


def _verify_one(
    claim: Claim, claims: Claims, documents: Path | None, read: dict[Path, Article | None]
) -> Verdict:
    """One claim against its document, found in `documents` or beside its claims file."""
    from discrepancy.documents import read_article
    from discrepancy.files import read_document
    from discrepancy.verify import verify_claim

    source = claims.sources.get(claim.source)
    name = source.document if source is not None else ""
    if documents is not None:
        folder = documents
    elif claims.settings.documents:
        folder = Path(claims.settings.documents)
    else:
        folder = Path(claim.location.file).parent
    path = folder / name
    if name and path not in read:
        text = read_document(path)
        read[path] = None if text is None else read_article(name, text)
    return verify_claim(claim, name, read.get(path) if name else None, folder.as_posix())


@app.command("extract")
@handles_errors
def extract_command(
    articles: Annotated[
        list[Path],
        typer.Argument(
            help="Articles: plain text, or HTML (read by its text).", show_default=False
        ),
    ],
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            help="The source id of the claims, once per article. Default: the file's name.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write the draft claims file here (atomically) instead of standard output.",
            callback=writable_folder,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --output if it exists.")
    ] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Also draft years, dates, times, ages, ordinals and labels, marked."
        ),
    ] = False,
    quiet: QuietOpt = False,
) -> None:
    """Draft candidate claims from articles (value as printed, quote, about, attribution,
    period) for a person to edit, then check with `verify` (exit 0; 2 bad input)."""
    from discrepancy.documents import read_article
    from discrepancy.draft import draft, render
    from discrepancy.files import is_file, read_document, refuse_existing
    from discrepancy.render.formatting import plural

    ids = _source_ids(articles, source or [])
    problems = [
        Problem(Location(a.as_posix()), "not a file (an article: plain text or HTML)")
        for a in articles
        if not is_file(a)
    ]
    if output is not None:
        try:
            refuse_existing(output, force)
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    drafts = []
    with progress_for(quiet) as progress:
        for sid, path in zip(ids, articles, strict=True):
            text = read_document(path) or ""
            drafts.append(draft(read_article(path.name, text), path.name, sid, progress))
    emit(render(drafts, everything), output, tuple(a.as_posix() for a in articles), quiet)
    if quiet:
        return
    found = sum(1 for d in drafts for c in d.candidates if everything or not c.left_out)
    left = sum(1 for d in drafts for c in d.candidates if c.left_out)
    if everything:
        note = f" ({left} of them marked: years, dates and the like)" if left else ""
    else:
        note = f" ({left} left out: years, dates and the like; --all shows them)" if left else ""
    typer.echo(
        f"{plural(found, 'candidate claim')} from {plural(len(drafts), 'article')}{note}", err=True
    )


def _source_ids(articles: list[Path], given: list[str]) -> list[str]:
    """One source id per article: as given, or made from the file's name."""
    if given and len(given) != len(articles):
        raise InputError.at(
            Location("--source"),
            f"{len(given)} --source for {len(articles)} articles: give one per article, in order",
        )
    ids = given or [re.sub(r"[^\w.-]+", "-", a.stem).strip("-") or "source" for a in articles]
    problems = [
        Problem(Location("--source"), f"not a usable source id: {sid!r}")
        for sid in ids
        if not re.fullmatch(r"[^\s:#]+", sid)
    ]
    if len(set(ids)) != len(ids):
        problems.append(Problem(Location("--source"), "each article needs its own source id"))
    if problems:
        raise InputError(problems)
    return ids

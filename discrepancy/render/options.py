"""The output formats of each command and the one options record every renderer takes. Kept
apart from the registry so the CLI can name formats without importing any renderer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    concise = "concise"


class GroupsFormat(str, Enum):
    table = "table"
    json = "json"


class ParseFormat(str, Enum):
    table = "table"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"


VerifyFormat = CheckFormat  # `verify` reports in the same four formats as `check`, for CI


@dataclass(frozen=True)
class Options:
    """What a renderer may be asked for; each reads the fields that concern it."""

    show_all: bool = False  # report: also groups that agree, single-source, unquantified
    colour: bool = False  # table, check text, groups: ANSI colours (cli_options.colour_wanted)
    width: int = 100  # table: the terminal's width; 100 for files and pipes
    near_misses: bool = False  # groups: list pairs just under the threshold
    strict: bool = False  # check: a baseline entry that no longer occurs fails too
    all_pairs: bool = False  # report: every conflicting pair, not the widest few and a summary
    quiet: bool = False  # the findings only: no summary lines
    # check: the claims and settings as given, so a suggested `discrepancy baseline …` command
    # works when pasted (" mine.yaml -o b.json"; empty for claims.yaml and the default baseline)
    rerun: str = ""

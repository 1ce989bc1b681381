"""The exit statuses of every command, in one place (README, "Exit codes")."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # clean: nothing new, every quote found
    FOUND = 1  # findings: new contradictions, unverified quotes
    BAD_INPUT = 2  # bad input or usage (2 is also click's usage-error status)
    INTERNAL = 3  # a bug in discrepancy: one line on stderr, --debug for the traceback

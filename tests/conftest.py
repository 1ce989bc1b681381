from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent


class Result:
    """What a run of the CLI gave: its exit status, standard output and standard error."""

    def __init__(self, code: int, out: str, err: str, out_bytes: bytes = b"") -> None:
        self.code = code
        self.out = out
        self.err = err
        self.out_bytes = out_bytes or out.encode()

    def __repr__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


@contextmanager
def _working_in(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> Result:
    """The CLI run in this process (typer's CliRunner), as a user runs it: from `cwd` (the
    project's root by default), COLUMNS=100 and NO_COLOR unset unless `env` says otherwise.
    Standard output is never a terminal here, as in a pipe."""
    from discrepancy.cli import app

    full_env: dict[str, str | None] = {"COLUMNS": "100", "NO_COLOR": None, **(env or {})}
    with _working_in(cwd or ROOT):
        r = CliRunner(env=full_env).invoke(
            app, list(args), input=stdin, catch_exceptions=False, prog_name="discrepancy"
        )
    return Result(r.exit_code, r.stdout, r.stderr, r.stdout_bytes)


def run_process(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    command: tuple[str, ...] = (sys.executable, "-m", "discrepancy"),
) -> Result:
    """The real CLI in a child process. Slow (a Python start-up each): only for the few smoke
    tests of what a process alone shows (the console script, exit statuses, hash seeds)."""
    full_env = {**os.environ, "COLUMNS": "100", **(env or {})}
    if env is None or "NO_COLOR" not in env:
        full_env.pop("NO_COLOR", None)
    proc = subprocess.run(
        [*command, *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli():
    return run_cli


# Hypothesis runs the same examples every time, and not too many: CI must never flake.
settings.register_profile("deterministic", derandomize=True, max_examples=200, deadline=None)
settings.load_profile("deterministic")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write tests/golden/fixture/* from what the CLI renders now (`make golden`)",
    )

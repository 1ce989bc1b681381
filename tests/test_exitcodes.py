"""Exit statuses: an internal error is 3 with one line (--debug adds the traceback), never 1."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from discrepancy import __version__, pipeline
from discrepancy.cli import app
from discrepancy.exitcodes import ExitCode
from tests.conftest import ROOT

CLAIMS = str(ROOT / "claims.yaml")


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("forced\nfailure")


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCREPANCY_DEBUG", raising=False)
    monkeypatch.setattr(pipeline, "analyse", _boom)


def test_exit_codes_are_the_documented_four() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3]
    readme = (ROOT / "README.md").read_text()
    assert "### Exit codes" in readme and "discrepancy/exitcodes.py" in readme


@pytest.mark.parametrize("command", ["report", "groups", "check"])
def test_an_internal_error_exits_3_with_one_line(broken: None, command: str) -> None:
    r = CliRunner().invoke(app, [command, CLAIMS])
    assert r.exit_code == ExitCode.INTERNAL, r.output
    assert r.stdout == ""
    assert r.stderr == (
        f"discrepancy {__version__}: internal error: RuntimeError: forced failure; please report "
        "it with the command you ran (run again with --debug for the traceback)\n"
    )


def test_debug_shows_the_traceback(broken: None, monkeypatch: pytest.MonkeyPatch) -> None:
    r = CliRunner().invoke(app, ["--debug", "report", CLAIMS])
    assert r.exit_code == ExitCode.INTERNAL
    assert "Traceback (most recent call last)" in r.stderr and "_boom" in r.stderr
    assert r.stderr.splitlines()[-1].startswith(f"discrepancy {__version__}: internal error")
    # --debug does not outlive its run
    assert "Traceback" not in CliRunner().invoke(app, ["report", CLAIMS]).stderr
    monkeypatch.setenv("DISCREPANCY_DEBUG", "1")
    r = CliRunner().invoke(app, ["report", CLAIMS])
    assert r.exit_code == ExitCode.INTERNAL and "Traceback" in r.stderr


def test_usage_errors_and_exits_are_not_internal_errors() -> None:
    assert CliRunner().invoke(app, ["report", "--format", "pdf"]).exit_code == ExitCode.BAD_INPUT
    assert CliRunner().invoke(app, ["--version"]).exit_code == ExitCode.OK
    r = CliRunner().invoke(app, ["parse", "threeish"])
    assert r.exit_code == ExitCode.BAD_INPUT and "internal error" not in r.output

"""Helpers for the hostile-input suite (tests/test_hostile_*.py): write files, run the CLI in
process, and check that an outcome is exactly a located refusal, or output that is safe."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from discrepancy.cli import app

# Characters no text output may carry raw: C0 and C1 controls (tab and newline aside), DEL,
# line and paragraph separators, bidi and zero-width controls, lone surrogates.
RAW = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff\ud800-\udfff\ufff9-\ufffb]"
)
# A line a CI log would read as a GitHub workflow command.
COMMAND = re.compile(r"^\s*::|##\[", re.MULTILINE)


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    exception: BaseException | None

    def __repr__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def run(tmp: Path, files: dict[str, str | bytes], *args: str, stdin: str | None = None) -> Outcome:
    """Write `files` into `tmp` and run `discrepancy ARGS` there, in process."""
    for name, content in files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        r = CliRunner().invoke(app, list(args), input=stdin)
    finally:
        os.chdir(cwd)
    exception = r.exception if not isinstance(r.exception, SystemExit) else None
    return Outcome(r.exit_code, r.stdout, r.stderr, exception)


def at(text: str, needle: str, nth: int = 1) -> str:
    """'line:col' (1-based) of the nth occurrence of needle in text."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    line = text.count("\n", 0, pos) + 1
    return f"{line}:{pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


def refused(o: Outcome, *expected: str) -> None:
    """Exit 2, nothing on stdout, no traceback, and each expected line (a location and the
    start of its message, e.g. 'c.yaml:3:5: unknown field') among the problems listed."""
    assert o.exception is None, o
    assert o.code == 2, o
    assert o.out == "", o
    assert "Traceback" not in o.err, o
    lines = o.err.splitlines()
    for e in expected:
        assert any(line.startswith(e) for line in lines), f"{e!r} not in\n{o.err}"
    assert lines[-1].startswith("discrepancy: "), o
    safe(o.err)


def safe(text: str) -> None:
    """No raw control or invisible character, and nothing a CI log reads as a command."""
    raw = RAW.search(text)
    assert raw is None, f"raw {raw.group()!r} in\n{text}"
    command = COMMAND.search(text)
    assert command is None, f"workflow command at {command.start()} in\n{text}"


def claims_yaml(*claims: str, head: str = "version: 1\n") -> str:
    return head + "claims:\n" + "".join(claims)


def claim(source: str = "a", about: str = "Syrian fighters in Libya", value: str = "10") -> str:
    return f"  - source: {source}\n    about: {about}\n    value: {value}\n"

"""The CLI as a real process: the few things only a process shows (the installed console script,
exit statuses, standard input, a file written, another hash seed). Everything else runs in
process, through the `cli` fixture: a child process costs a Python start-up."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from discrepancy import __version__
from tests.conftest import ROOT, run_process

CONSOLE_SCRIPT = Path(sys.executable).parent / "discrepancy"


def test_the_installed_console_script_runs():
    r = run_process("--version", command=(str(CONSOLE_SCRIPT),))
    assert r.code == 0 and r.out == f"discrepancy {__version__}\n", r


def test_exit_statuses_reach_the_shell(tmp_path):
    (tmp_path / "claims.yaml").write_text(
        "claims:\n  - {source: a, about: fighters, value: 10}\n"
        "  - {source: b, about: fighters, value: 500}\n"
    )
    r = run_process("check", "-b", "none.json", cwd=tmp_path)
    assert r.code == 1 and r.out.count("NEW CONTRADICTION") == 1, r
    (tmp_path / "bad.yaml").write_text("claims:\n  - {source: a, about: x}\n")
    r = run_process("report", "bad.yaml", cwd=tmp_path)
    assert r.code == 2 and r.out == "", r
    assert r.err.startswith("bad.yaml:2:5: claim is missing") and "Traceback" not in r.err, r


def test_standard_input_is_read_line_by_line():
    r = run_process("parse", "--json", "-", stdin="at least two thousand\n\nabout 400\n")
    assert r.code == 0, r
    assert [json.loads(line)["lo"] for line in r.out.splitlines()] == [2000, 360]


def test_a_written_report_is_the_golden_file_whatever_the_hash_seed(tmp_path):
    out = tmp_path / "report.md"
    r = run_process(
        "report", "--all", "-f", "markdown", "-o", str(out), env={"PYTHONHASHSEED": "1"}
    )
    assert r.code == 0 and r.out == "" and r.err == f"wrote {out}\n", r
    assert out.read_bytes() == (ROOT / "tests" / "golden" / "claims-all.md").read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_a_reader_that_goes_away_is_no_internal_error():
    """`discrepancy report | head`: the pipe closes before the report is written; the
    command ends with its own status, and says nothing of a broken pipe."""
    import subprocess

    proc = subprocess.Popen(
        [sys.executable, "-m", "discrepancy", "report", "--all", "--format", "json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before a byte is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and "internal error" not in err and "Broken" not in err, err

"""Hostile file systems: a missing path beside a bad file (both reported), unreadable folders and
files (never a silent hole), outputs that would overwrite an input or the baseline, and SIGKILL
in the middle of an atomic write."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from tests.hostile import claim, claims_yaml, refused, run

GOOD = claims_yaml(claim("a", value="10"), claim("b", value="5000"))
BAD = claims_yaml("  - {source: a, about: x, valeu: 5}\n")


def test_a_missing_path_beside_a_bad_file_reports_both(tmp_path):
    refused(
        run(tmp_path, {"bad.yaml": BAD}, "report", "missing.yaml", "bad.yaml"),
        "missing.yaml: no such file or folder",
        "bad.yaml:3:27: unknown field `valeu` in a claim",
    )


def test_a_missing_path_beside_a_non_utf8_file_reports_both(tmp_path):
    files = {"bad.yaml": b"version: 1\nclaims: [\xff]\n"}
    refused(
        run(tmp_path, files, "report", "bad.yaml", "gone/"),
        "gone: no such file or folder",
        "bad.yaml:2:10: not UTF-8 text: byte 0xFF",
    )


def test_a_missing_path_beside_good_files_reports_it(tmp_path):
    refused(
        run(tmp_path, {"c.yaml": GOOD}, "report", "c.yaml", "typo.yaml"),
        "typo.yaml: no such file or folder",
    )


def test_every_bad_file_in_a_folder_is_reported(tmp_path):
    files = {
        "claims/a.yaml": BAD,
        "claims/b.csv": "source,about,value\na,x\n",
        "claims/c.jsonl": '{"source": "a", "about": "x", "value": NaN}\n',
        "claims/d.yaml": GOOD,
    }
    refused(
        run(tmp_path, files, "report", "claims"),
        "claims/a.yaml:3:27: unknown field `valeu`",
        "claims/b.csv:2:1: 2 cells in a row",
        "claims/c.jsonl:1:40: NaN is not a number",
    )


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    files = {"claims/a.yaml": GOOD, "claims/locked/b.yaml": GOOD.replace("a", "c")}
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    refused(
        run(tmp_path, files, "report", "claims"),
        "claims/locked: cannot read this folder: Permission denied",
    )


def test_an_unreadable_file_is_reported(tmp_path, monkeypatch):
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    refused(
        run(tmp_path, {"a.yaml": GOOD, "b.yaml": GOOD}, "report", "a.yaml", "b.yaml"),
        "b.yaml: cannot read: Permission denied",
    )


def test_a_folder_that_links_to_itself_is_read_once(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "loop").symlink_to(tmp_path / "claims")
    o = run(tmp_path, {"claims/a.yaml": GOOD}, "report", "claims", "--format", "json")
    assert o.code == 0 and '"claims": 2' in o.out, o


def test_hidden_folders_are_never_claims(tmp_path):
    files = {"claims/a.yaml": GOOD, "claims/.git/x.yaml": BAD, "claims/.tmp.yaml": BAD}
    o = run(tmp_path, files, "report", "claims", "--format", "json")
    assert o.code == 0 and '"claims": 2' in o.out, o


def _baseline(tmp_path: Path) -> str:
    o = run(tmp_path, {"c.yaml": GOOD}, "baseline", "c.yaml", "-o", "b.json")
    assert o.code == 0, o
    return (tmp_path / "b.json").read_text()


@pytest.mark.parametrize(
    "spelling", ["b.json", "./b.json", "sub/../b.json", "{tmp}/b.json", "link.json"]
)
def test_check_output_may_not_name_its_own_baseline(tmp_path, spelling):
    before = _baseline(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.json").symlink_to(tmp_path / "b.json")
    target = spelling.format(tmp=tmp_path)
    for fmt in ("text", "sarif"):
        o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json", "-f", fmt, "-o", target)
        refused(o, f"{Path(target)}: this is a file being read (a claims file or the baseline)")
    assert (tmp_path / "b.json").read_text() == before


@pytest.mark.parametrize(
    "args",
    [
        ("report", "c.yaml", "-o", "c.yaml"),
        ("report", "c.yaml", "-f", "json", "-o", "./c.yaml"),
        ("report", ".", "-o", "c.yaml"),
        ("check", "c.yaml", "-b", "b.json", "-o", "c.yaml"),
        ("baseline", "c.yaml", "-o", "c.yaml"),
        ("baseline", ".", "-o", "c.yaml"),
    ],
)
def test_output_may_not_name_an_input(tmp_path, args):
    run(tmp_path, {"c.yaml": GOOD}, "baseline", "c.yaml", "-o", "b.json")
    o = run(tmp_path, {}, *args)
    refused(o, "c.yaml: this is a file being read")
    assert (tmp_path / "c.yaml").read_text() == GOOD


def test_baseline_output_may_be_its_own_baseline(tmp_path):
    # must not: `baseline -o FILE` reads FILE for its reasons, then replaces it: that is its job
    _baseline(tmp_path)
    o = run(tmp_path, {}, "baseline", "c.yaml", "-o", "b.json")
    assert o.code == 0, o


def _generation(i: int, n: int) -> str:
    return f"generation {i}\n" + "".join(f"{j:08d} {'x' * 60}\n" for j in range(n)) + "end\n"


def _complete(text: str, n: int) -> bool:
    lines = text.splitlines()
    return lines[0].startswith("generation ") and lines[-1] == "end" and len(lines) == n + 2


def test_sigkill_during_atomic_writes_never_damages_the_file(tmp_path):
    """50 SIGKILLs at random moments of a process writing the output over and over (with the
    write_atomic that `report --output` and `baseline --output` use): the file is always one
    complete generation; what a kill leaves behind is hidden, never a claims file, and cleared
    by the next write. The writer is forked, already warm, so 50 kills take a second or two."""
    from discrepancy.files import write_atomic

    target = tmp_path / "out.json"
    n = 20_000  # 1.4 MB a write: long enough for kills to land mid-write
    target.write_text(_generation(0, n))
    bodies = [_generation(i, n) for i in range(1, 4)]
    rng = random.Random(12)
    for _ in range(50):
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns
            try:
                os.write(ready_w, b"r")
                i = 0
                while True:
                    write_atomic(target, bodies[i % 3])
                    i += 1
            finally:
                os._exit(0)
        os.close(ready_w)
        assert os.read(ready_r, 1) == b"r"
        os.close(ready_r)
        time.sleep(rng.uniform(0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert _complete(target.read_text(), n)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out.json"]
    assert all(name.startswith(".out.json.") and name.endswith(".tmp") for name in leftovers)
    write_atomic(target, "generation x\nend\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]

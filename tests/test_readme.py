"""The README shows the Markdown summary and the range picture as they really are."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GOLDEN = (ROOT / "tests" / "golden" / "claims.md").read_text(encoding="utf-8")


def test_markdown_excerpt_is_the_real_start_of_the_report():
    [excerpt] = re.findall(r"^````markdown\n(.*?)^````$", README, re.S | re.M)
    assert len(excerpt.splitlines()) > 20 and GOLDEN.startswith(excerpt)


def test_range_picture_is_the_real_one(cli):
    section = README.split("## The range picture\n")[1]
    [picture] = re.findall(r"^```text\n(.*?)^```$", section, re.S | re.M)
    assert f"```text\n{picture}```\n" in GOLDEN
    out = cli("report").out
    shown = "".join(f"  {line}\n" for line in picture.splitlines())
    assert shown in out and shown in README  # the terminal report's example too


def test_commands_table_lists_every_report_format():
    from discrepancy.render.options import ReportFormat

    [row] = [
        line for line in README.splitlines() if line.startswith("| `discrepancy report [PATHS]`")
    ]
    [formats] = re.findall(r"`--format ([a-z\\|]+)`", row)
    assert set(formats.split("\\|")) == {f.value for f in ReportFormat}
    assert "make golden" in README

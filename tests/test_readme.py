"""The README shows the Markdown summary and the range picture as they really are."""

from __future__ import annotations

import os
import re
import shutil

import pytest

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


# ---------------------------------------------------------------- every console block is real

FENCE = re.compile(r"^( *)(`{3,})([^\n`]*)\n(.*?)^\1\2 *$", re.S | re.M)


def _fences() -> list[tuple[list[str], str, int]]:
    """(info words, body without the fence's indent, line number) of every fenced block."""
    out = []
    for m in FENCE.finditer(README):
        indent, _, info, body = m.groups()
        lines = [
            line[len(indent) :] if line.startswith(indent) else line for line in body.split("\n")
        ]
        out.append((info.split(), "\n".join(lines), README.count("\n", 0, m.start()) + 1))
    return out


# Blocks whose info string names a file (```yaml my-claims.yaml) are that file's text: the
# transcripts run where those files exist, beside a copy of claims.yaml and its baseline.
NAMED = {info[1]: body for info, body, _ in _fences() if len(info) > 1 and info[0] != "console"}
CONSOLE = [(body, line) for info, body, line in _fences() if info[:1] == ["console"]]


def _steps(body: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line!r}"
            steps[-1][1].append(line)
    return steps


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line, trailing spaces aside; a line `...` stands for any number of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(_matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return (
        bool(actual)
        and expected[0].rstrip() == actual[0].rstrip()
        and _matches(expected[1:], actual[1:])
    )


def _run(command: str, cwd) -> str:
    """A command's output (standard output and error): `discrepancy` in this process, with
    `VAR=value` before it set and `< FILE` as its standard input; anything else in a shell."""
    import shlex
    import subprocess

    from typer.testing import CliRunner

    from discrepancy.cli import app

    words = shlex.split(command)
    env = {}
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if words[:1] == ["discrepancy"] and "|" not in words:
        stdin = None
        if "<" in words:
            at = words.index("<")
            stdin = (cwd / words[at + 1]).read_text(encoding="utf-8")
            del words[at : at + 2]
        old = os.getcwd()
        os.chdir(cwd)
        try:
            return CliRunner().invoke(app, words[1:], input=stdin, env=env).output
        finally:
            os.chdir(old)
    done = subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


@pytest.mark.parametrize("index", range(len(CONSOLE)), ids=[f"README.md:{n}" for _, n in CONSOLE])
def test_console_blocks_are_real_transcripts(index, tmp_path):
    """Each block runs where a reader following the README would be: a folder holding
    claims.yaml and the README's named files, after every command of the blocks before it."""
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    for name, text in NAMED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for body, _ in CONSOLE[:index]:
        for command, _ in _steps(body):
            _run(command, tmp_path)
    body, line = CONSOLE[index]
    for command, expected in _steps(body):
        output = _run(command, tmp_path)
        actual = output.rstrip("\n").split("\n") if output else []
        assert _matches(expected, actual), f"README.md:{line}: `{command}` printed:\n" + "\n".join(
            actual
        )


def test_there_are_transcripts_and_the_quick_start_comes_first():
    assert len(CONSOLE) >= 4
    assert README.index("## Quick start") < README.index("```console")
    assert len(NAMED["my-claims.yaml"].splitlines()) <= 5


# ---------------------------------------------------------------- the contents list


def _contents() -> str:
    from discrepancy.render.markdown import Anchors

    text = FENCE.sub("", README)  # headings inside code blocks are not the README's
    anchors = Anchors()
    lines = []
    for hashes, title in re.findall(r"^(#{1,6}) (.+)$", text, re.M):
        anchor = anchors(title)
        if len(hashes) in (2, 3) and title != "Contents":
            lines.append(f"{'  ' * (len(hashes) - 2)}- [{title}](#{anchor})")
    return "\n".join(lines)


def test_the_contents_list_is_every_section_in_order():
    start = "<!-- contents: made from the ## headings; tests/test_readme.py checks it -->\n"
    listed = README.split(start, 1)[1].split("<!-- end of contents -->", 1)[0]
    assert listed.strip() == _contents(), "paste this between the contents markers:\n" + _contents()

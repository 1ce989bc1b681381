"""Every output format, byte for byte, against golden files rendered from the test fixture
tests/fixtures/claims.yaml (and its baseline.json), not from the live claims.yaml. After a change
to a renderer, regenerate them with `make golden` (pytest --update-golden) and review the diff."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from tests.conftest import ROOT, run_cli
from tests.test_cli_check import assert_sarif_2_1_0
from tests.test_render_markdown import MD, check_well_formed

FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden" / "fixture"
OUT = "{out}"  # where a written output goes, for the commands that write files

EXPRESSIONS = [
    "about four hundred",
    "more than 3,500",
    "between 3,500 and 3,800",
    "hundreds",
    "nearly 400",
    "at least two thousand",
    "2,000-plus",
    "$1,500 a month",
    "an unknown number",
    "threeish",
    "\x1b[31m400",
]
CHECK = ["check", "claims.yaml", "-b", "baseline.json"]
# claims checked against the articles beside them: verified, not verified, unverifiable
VERIFY = ["verify", "articles/claims.yaml"]

# (golden file, the command, its exit status)
CASES = [
    ("report.txt", ["report", "claims.yaml", "-o", OUT], 0),
    ("report-all.txt", ["report", "claims.yaml", "--all", "-o", OUT], 0),
    ("report.md", ["report", "claims.yaml", "-f", "markdown", "-o", OUT], 0),
    ("report-all.md", ["report", "claims.yaml", "--all", "-f", "markdown", "-o", OUT], 0),
    ("report.json", ["report", "claims.yaml", "-f", "json", "-o", OUT], 0),
    ("report-all.json", ["report", "claims.yaml", "--all", "-f", "json", "-o", OUT], 0),
    ("report-all.csv", ["report", "claims.yaml", "--all", "-f", "csv", "-o", OUT], 0),
    ("report-all.concise", ["report", "claims.yaml", "--all", "-f", "concise", "-o", OUT], 0),
    ("groups.txt", ["groups", "claims.yaml", "--near-misses"], 0),
    ("groups.json", ["groups", "claims.yaml", "-f", "json"], 0),
    ("check.txt", [*CHECK, "-o", OUT], 1),
    ("check-strict.txt", [*CHECK, "--strict", "-o", OUT], 1),
    ("check.json", [*CHECK, "-f", "json", "-o", OUT], 1),
    ("check-github.txt", [*CHECK, "-f", "github", "-o", OUT], 1),
    ("check-strict-github.txt", [*CHECK, "--strict", "-f", "github", "-o", OUT], 1),
    ("check.concise", [*CHECK, "-f", "concise", "-o", OUT], 1),
    ("check.sarif", [*CHECK, "-f", "sarif", "-o", OUT], 1),
    ("parse.txt", ["parse", *EXPRESSIONS], 2),
    ("parse.jsonl", ["parse", "--json", *EXPRESSIONS], 2),
    ("verify.txt", [*VERIFY, "-o", OUT], 1),
    ("verify.concise", [*VERIFY, "-f", "concise", "-o", OUT], 1),
    ("verify.json", [*VERIFY, "-f", "json", "-o", OUT], 1),
    ("verify-github.txt", [*VERIFY, "-f", "github", "-o", OUT], 1),
    ("verify.sarif", [*VERIFY, "-f", "sarif", "-o", OUT], 1),
    ("extract.yaml", ["extract", "articles/a.txt", "articles/b.html", "-s", "a", "-s", "b"], 0),
]


def rendered(args: list[str], tmp_path) -> tuple[int, bytes]:
    """The command's exit status and its output's bytes: the file it wrote, or its stdout."""
    out = tmp_path / "out"
    args = [str(out) if a == OUT else a for a in args]
    r = run_cli(*args, cwd=FIXTURES)
    if str(out) in args:
        assert r.out == "" and r.err == f"wrote {out}\n", r
        return r.code, out.read_bytes()
    return r.code, r.out_bytes


@pytest.mark.parametrize(("name", "args", "code"), CASES, ids=[c[0] for c in CASES])
def test_every_format_matches_its_golden_file(request, tmp_path, name, args, code):
    got_code, got = rendered(args, tmp_path)
    assert got_code == code, got.decode()
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(got)
    assert golden.is_file(), f"no {golden.name}: run `make golden`"
    assert got == golden.read_bytes(), f"tests/golden/fixture/{name} is stale: run `make golden`"


def test_every_format_and_command_has_a_golden_file():
    from discrepancy.render import registry

    names = {c[0] for c in CASES}
    suffixes = {"table": ".txt", "text": ".txt", "markdown": ".md", "github": "-github.txt"}
    suffixes_of = {"parse": {"json": ".jsonl"}}
    commands = {"report": registry.REPORT, "groups": registry.GROUPS}
    commands |= {"check": registry.CHECK, "parse": registry.PARSE, "verify": registry.VERIFY}
    for command, renderers in commands.items():
        for f in renderers:
            suffix = suffixes_of.get(command, {}).get(f.value) or suffixes.get(
                f.value, f".{f.value}"
            )
            assert {f"{command}{suffix}", f"{command}-all{suffix}"} & names, (command, f)
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(names)  # none left over


def _golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def test_the_golden_files_read_back_in_their_own_format():
    """Beyond the bytes: each golden file is what its format's readers take."""
    for name in ("report.md", "report-all.md"):
        check_well_formed(_golden(name))
    assert_sarif_2_1_0(json.loads(_golden("check.sarif")))
    assert_sarif_2_1_0(json.loads(_golden("verify.sarif")))
    verify = json.loads(_golden("verify.json"))
    assert verify["summary"] == {"verified": 2, "failed": 2, "unverifiable": 2}
    draft = yaml.safe_load(_golden("extract.yaml"))
    assert set(draft["sources"]) == {"a", "b"} and len(draft["claims"]) == 7
    rows = list(csv.DictReader(io.StringIO(_golden("report-all.csv"), newline="")))
    report = json.loads(_golden("report-all.json"))
    assert len(rows) == report["summary"]["claims"] == 12
    assert {g["status"] for g in report["groups"]} == {
        "conflict",
        "agree",
        "unit-mismatch",
        "single-source",
        "unquantified",
    }
    check = json.loads(_golden("check.json"))
    assert check["summary"] == {
        "new": 2,
        "changed": 0,
        "known": 1,
        "resolved": 1,
        "unreasoned": 0,
        "strict": False,
        "require_reasons": False,
        "fails": True,
    }
    lines = [json.loads(line) for line in _golden("parse.jsonl").splitlines()]
    assert [x["text"] for x in lines] == EXPRESSIONS
    assert "threeish" in {x["text"] for x in lines if "error" in x}


def test_hostile_text_is_escaped_for_each_destination():
    """The fixture's hostile claim (pipes, backticks, tags, a new line, colour codes, a bell) in
    the text formats: never raw on a terminal, never markup in Markdown, one line in GitHub's."""
    for name in ("report-all.txt", "report-all.concise", "groups.txt", "check.txt", "parse.txt"):
        text = _golden(name)
        assert "\x1b" not in text and "\x07" not in text, name
    assert "\\x1b[31m" in _golden("report-all.txt")
    github = [line for line in _golden("check-github.txt").splitlines() if line.startswith("::")]
    assert len(github) == 3 and "%2C 50%25%3A delivered::" in github[0]
    assert github[2].startswith("::notice file=baseline.json,line=13,col=5,")  # resolved entry
    strict = _golden("check-strict-github.txt").splitlines()
    assert strict[2].startswith("::error file=baseline.json,line=13,col=5,")  # fails: an error
    tokens = MD.parse(_golden("report-all.md"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens if t.children for c in t.children}
    assert not kinds & {"html_block", "html_inline"}

"""What users of ruff, typer, pytest and git expect: concise output, provenance in JSON, exit
codes on request, an environment variable for the format, standard input, colour by one rule,
clean messages for a bad command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from discrepancy.cli import app

CLAIMS = """\
sources:
  wire:
    title: Thousands march in the capital
    publisher: Example Wire
    published: 2023-03-08
    url: https://example.org/march
  paper:
    title: Police count the march
claims:
  - id: low
    source: paper
    about: protesters at the Saturday march
    value: "9,500"
    attributed_to: the police
    period: 2023-03-07
    quote: police counted 9,500 protesters
    note: the police's own count
  - id: high
    source: wire
    about: protesters at the Saturday march
    value: more than 40,000
"""


def invoke(*args: str, code: int = 0, stdin: str | None = None, env: dict | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=stdin, env=env)
    assert result.exit_code == code, result.output
    return result.output


def write_claims(tmp_path, monkeypatch):
    """CLAIMS in claims.yaml of a fresh folder, the current one."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path / "claims.yaml"


@pytest.fixture
def claims(tmp_path, monkeypatch):
    return write_claims(tmp_path, monkeypatch)


# ---------------------------------------------------------------- provenance in JSON


def test_json_claims_carry_their_provenance(claims):
    data = json.loads(invoke("report", "-f", "json"))
    [group] = data["groups"]
    claim = {c["id"]: c for c in group["claims"]}
    assert data["version"] == 2  # 2: conflicts bounded (issue 12); provenance added
    low, high = claim["low"], claim["high"]
    assert (low["quote"], low["attributed_to"], low["date"], low["note"]) == (
        "police counted 9,500 protesters",
        "the police",
        "2023-03-07",
        "the police's own count",
    )
    assert (low["url"], low["publisher"], low["published"]) == (None, None, None)
    assert (high["url"], high["publisher"], high["published"]) == (
        "https://example.org/march",
        "Example Wire",
        "2023-03-08",
    )
    assert (high["quote"], high["attributed_to"], high["date"], high["note"]) == (None,) * 4


# ---------------------------------------------------------------- --format concise

BASELINE_OF_ONE_GONE = """\
{
  "version": 1,
  "contradictions": [
    {
      "fingerprint": "00000000000000aa",
      "about": "gone",
      "claims": [{"id": "x", "source": "s", "value": "1"}, {"id": "y", "source": "t", "value": "9"}]
    }
  ]
}
"""


def test_concise_report_is_one_line_per_conflict_then_the_counts(claims):
    out = invoke("report", "-f", "concise")
    assert out.splitlines() == [
        "claims.yaml:18:5: conflict 4.2× (major) more than 40,000 (wire) vs 9,500 (paper, "
        "claims.yaml:10:5): protesters at the Saturday march",
        "Found 2 claims, 1 group, 1 conflict, 0 unit mismatches.",
    ]
    assert invoke("report", "-f", "concise", "--quiet") == out.splitlines()[0] + "\n"


def test_concise_check_locates_new_contradictions_and_stale_entries(claims):
    (claims.parent / "b.json").write_text(BASELINE_OF_ONE_GONE)
    out = invoke("check", "-b", "b.json", "-f", "concise", code=1).splitlines()
    assert out[0].startswith(
        "claims.yaml:18:5: new-contradiction 4.2× (major) more than 40,000 (wire)"
    )
    assert out[1].startswith("b.json:4:5: resolved-entry no longer occurs: 1 (s) vs 9 (t): gone")
    assert out[2] == "FAILED: 1 new contradiction, 0 changed, 0 known, 1 resolved."


# ---------------------------------------------------------------- the format's variable


def test_the_format_can_come_from_the_environment(claims):
    assert json.loads(invoke("report", env={"DISCREPANCY_FORMAT": "json"}))["version"] == 2
    # the command line wins over the environment
    assert invoke("report", "-f", "concise", env={"DISCREPANCY_FORMAT": "json"}).startswith(
        "claims.yaml:18:5: conflict"
    )
    assert invoke("check", "-b", "none.json", env={"DISCREPANCY_FORMAT": "concise"}, code=1)


@pytest.mark.parametrize(
    ("args", "env", "said"),
    [
        (["report", "-f", "xml"], None, "'xml' is not one of table, json, markdown, csv, concise"),
        (["report"], {"DISCREPANCY_FORMAT": "github"}, "'DISCREPANCY_FORMAT=github' is not one"),
        (
            ["check", "-f", "table"],
            None,
            "'table' is not one of text, concise, json, github, sarif",
        ),
        (["report", "--color", "sometimes"], None, "'sometimes' is not one of auto, always, never"),
    ],
)
def test_a_bad_choice_names_the_choices_cleanly(claims, args, env, said):
    out = invoke(*args, env=env, code=2)
    assert said in out and "Value error" not in out


# ---------------------------------------------------------------- standard input


def test_claims_can_come_from_standard_input(claims):
    out = invoke("report", "-", "-f", "concise", stdin=CLAIMS)
    assert out.startswith("<stdin>:18:5: conflict 4.2×")
    csv_text = "source,about,value\npaper,fighters in Libya,hundreds\nwire,fighters in Libya,5000\n"
    out = invoke("report", "-", "-f", "concise", "--stdin-filename", "x.csv", stdin=csv_text)
    assert out.startswith(
        "x.csv:3:1: conflict 5.0× (major) 5000 (wire) vs hundreds (paper, x.csv:2:1)"
    )
    # with files: both read, the file's sources too
    both = json.loads(
        invoke(
            "report", "claims.yaml", "-", "--stdin-filename", "x.csv", "-f", "json", stdin=csv_text
        )
    )
    assert both["summary"]["claims"] == 4


def test_bad_claims_on_standard_input_are_located_there(claims):
    out = invoke(
        "report", "-", stdin="claims:\n  - {source: a, about: x, value: threeish}\n", code=2
    )
    assert out.startswith("<stdin>:2:")


# -------------------------------------------------------- --exit-zero, --quiet, --statistics


def test_exit_zero_passes_a_failing_check_but_not_bad_input(claims):
    assert "FAILED" in invoke("check", "-b", "none.json", "--exit-zero")
    invoke("check", "nothing.yaml", "--exit-zero", code=2)


def test_quiet_leaves_only_the_findings(claims):
    out = invoke("report", "--quiet")
    assert out.startswith("CONFLICT") and "1 group ·" not in out
    assert invoke("check", "-b", "none.json", "-q", code=1).startswith("NEW CONTRADICTION")
    assert "resolved" not in invoke("check", "-b", "none.json", "-q", code=1)
    assert invoke("baseline", "-q") == ""  # no "wrote", no summary
    assert invoke("check", "-q") == ""  # nothing new: nothing at all, as ruff -q
    assert "groups of" not in invoke("groups", "-q")


def test_statistics_count_by_status(claims):
    assert invoke("report", "--statistics").splitlines() == [
        "1  conflict",
        "0  unit-mismatch",
        "0  single-source",
        "0  agree",
        "0  unquantified",
        "1  conflicting pairs",
        "1 group of 2 claims",
    ]
    assert invoke("check", "-b", "none.json", "--statistics", code=1).splitlines() == [
        "1  new",
        "0  changed",
        "0  known",
        "0  resolved",
        "FAILED",
    ]


@pytest.mark.parametrize("command", ["report", "groups", "baseline", "extract claims.yaml"])
def test_an_output_folder_that_is_not_there_is_said_before_any_work(claims, command):
    out = invoke(*command.split(), "--output", "nowhere/report.txt", code=2)
    assert "there is no folder 'nowhere' to write 'report.txt' in" in out
    assert not (claims.parent / "nowhere").exists()


def test_statistics_in_json_are_the_same_counts(claims):
    assert json.loads(invoke("report", "--statistics", "--format", "json")) == {
        "version": 1,
        "groups": {
            "conflict": 1,
            "unit-mismatch": 0,
            "single-source": 0,
            "agree": 0,
            "unquantified": 0,
        },
        "conflicting_pairs": 1,
        "total": {"groups": 1, "claims": 2},
    }
    out = invoke("check", "-b", "none.json", "--statistics", "-f", "json", code=1)
    assert json.loads(out) == {
        "version": 1,
        "contradictions": {"new": 1, "changed": 0, "known": 0, "resolved": 0},
        "fails": True,
    }


# ---------------------------------------------------------------- colour, one rule


@pytest.mark.parametrize(
    ("choice", "env", "tty", "output", "expected"),
    [
        ("auto", {}, True, None, True),
        ("auto", {}, False, None, False),
        ("auto", {"NO_COLOR": "1"}, True, None, False),
        ("auto", {"FORCE_COLOR": "1"}, False, None, True),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, None, False),  # NO_COLOR wins
        ("auto", {"TERM": "dumb"}, True, None, False),
        ("auto", {"FORCE_COLOR": "1"}, False, "out.txt", False),  # a file: only when asked
        ("always", {"NO_COLOR": "1"}, False, "out.txt", True),
        ("never", {"FORCE_COLOR": "1"}, True, None, False),
    ],
)
def test_the_colour_rule(monkeypatch, choice, env, tty, output, expected):
    from pathlib import Path

    from discrepancy.cli_options import colour_wanted

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdout.isatty", lambda: tty)
    assert colour_wanted(choice, Path(output) if output else None) is expected


@pytest.mark.parametrize(
    "args",
    [
        ["report"],
        ["report", "-f", "concise"],
        ["check", "-b", "none.json"],
        ["check", "-b", "none.json", "-f", "concise"],
        ["groups"],
    ],
)
def test_every_command_colours_by_the_same_rule(claims, args):
    code = 1 if args[0] == "check" else 0
    assert "\x1b[" in invoke(*args, "--color", "always", code=code)
    assert "\x1b[" not in invoke(*args, "--color", "never", code=code)
    assert "\x1b[" in invoke(*args, code=code, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" not in invoke(*args, code=code, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})

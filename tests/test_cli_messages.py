"""Issue 13's other defects, each with the test that would have caught it: help that names every
claims file and no Python types, completion, `groups --output` in words, `check --strict` seen in
a pull request, CSV lines as the file counts them, the terminal's sources and dates, progress."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from discrepancy.cli import app
from tests.test_conventions import BASELINE_OF_ONE_GONE, invoke, write_claims


@pytest.fixture
def claims(tmp_path, monkeypatch):
    return write_claims(tmp_path, monkeypatch)


# ---------------------------------------------------------------- help, completion, groups


@pytest.mark.parametrize("command", ["report", "check", "groups", "baseline"])
def test_help_names_every_kind_of_claims_file_and_no_python_types(command):
    out = " ".join(invoke(command, "--help").split())
    assert "*.yaml, *.yml, *.csv, *.jsonl" in out and "- reads claims from standard input" in out
    assert "<list[Path]>" not in out and "paths..." not in out
    assert f" {command} [OPTIONS] [PATHS]..." in out


def test_the_help_suffixes_are_the_readers():
    from discrepancy.cli_options import SUFFIXES as SHOWN
    from discrepancy.readers import SUFFIXES

    assert SHOWN == SUFFIXES


def test_shell_completion_is_on_and_completes_formats(claims):
    assert "--install-completion" in invoke("--help")
    env = {
        "_DISCREPANCY_COMPLETE": "complete_bash",
        "COMP_WORDS": "discrepancy check --format ",
        "COMP_CWORD": "3",
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="discrepancy")
    assert result.output.split() == ["text", "concise", "json", "github", "sarif"]


def test_groups_writes_to_a_file_and_shows_words_not_keys(claims):
    assert invoke("groups", "-o", "groups.txt") == "wrote groups.txt\n"
    text = (claims.parent / "groups.txt").read_text()
    header = text.splitlines()[1]
    assert "measure" in header and "scope" in header and "compared as" not in text
    assert text.count("protesters at the Saturday march") == 1  # the title
    assert "participants" in text and "#participants" not in text  # words, not keys


# ---------------------------------------------------------------- check --strict in a PR


def test_strict_failures_show_as_errors_and_sarif_results(claims):
    invoke("baseline", "-o", "b.json", "-q")  # the real contradiction accepted
    data = json.loads((claims.parent / "b.json").read_text())
    gone = json.loads(BASELINE_OF_ONE_GONE)["contradictions"]
    data["contradictions"] = gone + data["contradictions"]  # the stale entry at line 4
    (claims.parent / "b.json").write_text(json.dumps(data, indent=2))
    relaxed = invoke("check", "-b", "b.json", "-f", "github")
    assert relaxed.startswith("::notice file=b.json,line=4,col=5,title=Resolved baseline entry::")
    strict = invoke("check", "-b", "b.json", "-f", "github", "--strict", code=1)
    assert strict.startswith("::error file=b.json,line=4,col=5,title=Resolved baseline entry::")
    sarif = json.loads(invoke("check", "-b", "b.json", "-f", "sarif", "--strict", code=1))
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "resolved-baseline-entry" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 5}
    rules = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert rules[result["ruleIndex"]] == "resolved-baseline-entry"
    assert json.loads(invoke("check", "-b", "b.json", "-f", "sarif"))["runs"][0]["results"] == []


def test_csv_claims_are_located_at_their_file_line(claims):
    (claims.parent / "c.csv").write_text(
        "id,source,about,value,quote\n"
        'a,s1,fighters in Libya,hundreds,"a quote\nover two lines\nand three"\n'
        'b,s2,fighters in Libya,at least 5000,"one line"\n'
    )
    github = invoke("check", "c.csv", "-b", "none.json", "-f", "github", code=1)
    assert github.startswith("::error file=c.csv,line=5,col=1,")  # row 3, file line 5
    sarif = json.loads(invoke("check", "c.csv", "-b", "none.json", "-f", "sarif", code=1))
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    related = result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"]
    assert related == 2


# ---------------------------------------------------------------- the terminal report's words


def test_sources_list_publisher_date_and_url_and_dates_are_told_apart(claims):
    from discrepancy.cli import load
    from discrepancy.pipeline import analyse
    from discrepancy.render import table
    from discrepancy.render.options import Options

    out = invoke("report")  # 100 columns: the claims one below the other
    assert "  9,500  9,500  paper  period 2023-03-07\n" in out
    assert "  more than 40,000  (40,000, ∞)  wire  published 2023-03-08\n" in out
    sources = out.split("Sources\n")[1]
    assert "  wire   Thousands march in the capital\n" in sources
    assert "         Example Wire · published 2023-03-08\n" in sources
    assert "         https://example.org/march\n" in sources
    wide = table.report(analyse(load([claims])), Options(width=160))
    header = next(line for line in wide.splitlines() if line.strip().startswith("value"))
    assert header.split() == [
        "value",
        "interval",
        "source",
        "period",
        "published",
        "attributed",
        "to",
        "quote",
    ]


def test_a_single_source_group_says_which_voices_have_a_number(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.yaml").write_text(
        "claims:\n"
        "  - {source: a, about: fighters in Libya, value: hundreds}\n"
        "  - {source: b, about: fighters in Libya, value: an unknown number}\n"
    )
    out = invoke("report", "--all")
    assert out.startswith("SINGLE-SOURCE  fighters in Libya\n")
    assert "2 independent voices, 1 with a number" in out


# ---------------------------------------------------------------- progress


def test_progress_names_the_step_and_its_seconds_even_when_it_reports_nothing(monkeypatch):
    import io

    from discrepancy.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("TERM", raising=False)
    now = [0.0]
    screen = Terminal()
    with ProgressBar(screen, delay=1.0, clock=lambda: now[0], tick=0) as bar:
        bar("grouping", 0, 1)
        now[0] = 5.0
        bar._draw(throttle=False)  # what the ticker does twice a second
        assert screen.getvalue().endswith("grouping [                              ]   0% · 5 s")
        now[0] = 22.0
        bar("finding conflicts", 0, 0)  # a step of unknown size: no bar, still its seconds
        assert screen.getvalue().endswith("\r\x1b[Kfinding conflicts … · 22 s")


def test_every_long_command_reports_its_steps(claims, monkeypatch):
    import contextlib

    from discrepancy import cli

    steps: list[str] = []

    @contextlib.contextmanager
    def recording(quiet: bool):
        yield lambda stage, done, total: steps.append(stage)

    monkeypatch.setattr(cli, "progress_for", recording)
    for args, code, after in (
        (["report"], 0, "finding conflicts"),
        (["groups"], 0, "writing the groups"),  # groups need no conflicts found
        (["check", "-b", "none.json"], 1, "finding conflicts"),
        (["baseline", "-o", "b.json"], 0, "finding conflicts"),
    ):
        steps.clear()
        invoke(*args, code=code)
        # reading and grouping report their own steps; then each later step says what it is
        later = steps[len(steps) - steps[::-1].index("grouping") :]
        assert len(set(steps)) > 2 and later[:1] == [after], (args, steps)
    assert "comparing with the baseline" in steps


def test_csv_tells_the_period_from_the_publication_date(claims):
    import csv
    import io

    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(invoke("report", "-f", "csv")))}
    assert (rows["low"]["period"], rows["low"]["published"]) == ("2023-03-07", "")
    assert (rows["high"]["period"], rows["high"]["published"]) == ("", "2023-03-08")
    assert "date" not in rows["low"]

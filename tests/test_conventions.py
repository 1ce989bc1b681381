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


@pytest.fixture
def claims(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path / "claims.yaml"


# ---------------------------------------------------------------- provenance in JSON


def test_json_claims_carry_their_provenance(claims):
    data = json.loads(invoke("report", "-f", "json"))
    [group] = data["groups"]
    claim = {c["id"]: c for c in group["claims"]}
    assert data["version"] == 1  # fields added, none changed meaning
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

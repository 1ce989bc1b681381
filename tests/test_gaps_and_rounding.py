"""The size of a disagreement (one home: model.gap_of), conflicts inside a dimension, and the
`rounding` setting (issue 11)."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from discrepancy.cli import app
from discrepancy.detect import assess, conflicts_in
from discrepancy.model import Group, Member, Settings, Status, gap_of
from discrepancy.quantities import read_quantity
from tests.helpers import claim

GAPS = [
    # (ratio, as shown, grade)
    (94.4 / 90, "4.9%", "minor"),
    (1.2, "20.0%", "minor"),
    (1.25, "25.0%", "major"),
    (1.9, "90.0%", "major"),
    (2000 / 999, "2.0×", "major"),
    (10.0, "10.0×", "major"),
    (math.inf, "∞×", "major"),
    (1.0001, "<0.1%", "minor"),
]
GAPS_MUST_NOT = [(94.4 / 90, "1.0×"), (1.5, "1.5×"), (10.0, "900.0%")]


@pytest.mark.parametrize(("ratio", "text", "grade"), GAPS)
def test_a_gap_is_shown_and_graded_in_one_place(ratio, text, grade):
    g = gap_of(ratio)
    assert (g.text, g.grade, str(g)) == (text, grade, f"{text} ({grade})")


@pytest.mark.parametrize(("ratio", "bad"), GAPS_MUST_NOT)
def test_a_gap_must_not_show_as(ratio, bad):
    assert gap_of(ratio).text != bad


def _group(*claims):
    return Group("g", "x", tuple(Member(c, "x", 100.0, "forced") for c in claims))


def test_units_of_one_dimension_are_compared_converted():
    days, months = claim("a", "x", "328 days"), claim("b", "x", "at least 12 months")
    [c] = conflicts_in([days, months])
    assert (c.a.id, c.b.id) == ("a", "b") and c.size.grade == "minor"
    [year] = conflicts_in([claim("a", "x", "365 days"), claim("b", "x", "12 months")])
    assert str(year.size) == "0.1% (minor)"  # 12 months are 365.24 days: a minor gap
    ha = [claim("a", "x", "2,500 hectares"), claim("b", "x", "25 square km")]
    assert conflicts_in(ha) == []  # the same area
    assert assess(_group(*ha), {}).status != Status.unit_mismatch


def test_different_dimensions_are_a_unit_mismatch_not_a_conflict():
    f = assess(_group(claim("a", "x", "25,000 square km"), claim("b", "x", "2,700 tonnes")), {})
    assert f.status == Status.unit_mismatch and f.conflicts == ()


def test_shares_and_percentages_compare():
    [c] = conflicts_in([claim("a", "x", "half of the city"), claim("b", "x", "80 percent")])
    assert c.a.id == "a" and c.size.text == "60.0%"


ROUNDED = [
    ("1.1 million", (1_050_000, 1_150_000)),
    ("3,500", (3450, 3550)),
    ("2.5", (2.45, 2.55)),
    ("two thousand", (1500, 2500)),
    ("about 1.1 million", (990_000, 1_210_000)),  # the hedge decides
    ("more than 1.1 million", (1_100_000, math.inf)),
]
ROUNDED_MUST_NOT = [("1.1 million", (1_100_000, 1_100_000)), ("3,500", (3500, 3500))]


@pytest.mark.parametrize(("text", "interval"), ROUNDED)
def test_rounding_reads_a_figure_to_its_stated_precision(text, interval):
    q = read_quantity(text, Settings(rounding=True))
    assert (q.lo, q.hi) == pytest.approx(interval)


@pytest.mark.parametrize(("text", "interval"), ROUNDED_MUST_NOT)
def test_rounding_must_not_read_as(text, interval):
    q = read_quantity(text, Settings(rounding=True))
    assert (q.lo, q.hi) != interval
    assert (read_quantity(text).lo, read_quantity(text).hi) == interval  # off by default


CLAIMS = """claims:
  - {source: a, about: protesters in Paris, value: 1.1 million}
  - {source: b, about: protesters in Paris, value: "1,160,000"}
"""


def test_rounding_from_the_claims_file_and_the_command_line(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(CLAIMS)
    run = CliRunner().invoke
    off = json.loads(run(app, ["report", str(path), "-f", "json"]).stdout)
    assert off["summary"]["conflicts"] == 1
    on = json.loads(run(app, ["report", str(path), "-f", "json", "--rounding"]).stdout)
    assert on["summary"]["conflicts"] == 1  # 1,160,000 is past 1,150,000 even so
    path.write_text("settings: {rounding: true}\n" + CLAIMS.replace("1,160,000", "1,140,000"))
    assert json.loads(run(app, ["report", str(path), "-f", "json"]).stdout)["summary"] == {
        "claims": 2,
        "sources": 2,
        "groups": 1,
        "conflicts": 0,
    }
    back = run(app, ["report", str(path), "-f", "json", "--no-rounding"]).stdout
    assert json.loads(back)["summary"]["conflicts"] == 1
    path.write_text("settings: {rounding: 1}\n" + CLAIMS)
    r = run(app, ["report", str(path)])
    assert r.exit_code == 2 and "`rounding` must be true or false" in r.stderr


def test_the_report_shows_a_small_gap_as_a_percentage(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "claims.yaml"
    path.write_text(
        "claims:\n  - {source: a, about: cost of the bridge, value: $90 billion}\n"
        "  - {source: b, about: cost of the bridge, value: $94.4bn}\n"
    )
    for fmt in ("table", "markdown"):
        # a short relative path: the conflict line never wraps, however long the temporary folder
        out = CliRunner().invoke(app, ["report", path.name, "-f", fmt]).stdout
        assert "4.9% apart (minor)" in out and "1.0×" not in out, fmt

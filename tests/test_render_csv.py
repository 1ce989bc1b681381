"""`report --format csv`, read back with the csv module; and what every new format shares."""

from __future__ import annotations

import csv
import io

import pytest

from discrepancy.render.csv import FIELDS
from discrepancy.render.options import ReportFormat
from discrepancy.render.registry import REPORT as RENDERERS


def rows_of(data: bytes):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def every_row(tmp_path_factory):
    from tests.conftest import run_cli

    out = tmp_path_factory.mktemp("csv") / "all.csv"
    r = run_cli("report", "--all", "-f", "csv", "-o", str(out))
    assert r.code == 0, r
    return out.read_bytes()


def test_header_and_one_row_per_claim(every_row):
    # RFC 4180: CRLF after every record (no claim in claims.yaml has a line break)
    assert every_row.count(b"\n") == every_row.count(b"\r\n") == 39
    assert every_row.split(b"\r\n")[0].decode() == ",".join(FIELDS)
    rows = rows_of(every_row)
    assert len(rows) == 38 and len({r["id"] for r in rows}) == 38
    assert {r["status"] for r in rows} == {"conflict", "unit-mismatch", "single-source", "agree"}


def test_wagner_rows(every_row):
    rows = {r["id"]: r for r in rows_of(every_row)}
    low, high = rows["ru-wagner-mercenaries-000"], rows["ru-wagner-mercenaries-004"]
    assert low["group"] == high["group"] and low["status"] == "conflict"
    assert (low["value"], low["lo"], low["hi"], low["lo_open"], low["hi_open"]) == (
        "hundreds",
        "200",
        "999",
        "false",
        "false",
    )
    assert (high["lo"], high["hi"], high["unit"]) == ("2000", "", "count")  # unbounded: empty
    assert (high["file"], high["line"]) == ("claims.yaml", "351")
    assert high["quote"].startswith("at least two thousand fighters of the Russian")
    assert rows["tr-syrian-fighters-000"]["period"] == "2020-01-01/2020-03-31"
    assert rows["tr-turkish-soldiers-000"]["lo"] == ""  # unquantified


def test_without_all_only_disagreements_and_same_bytes_on_stdout(cli, every_row):
    r = cli("report", "-f", "csv")
    assert r.code == 0, r
    assert {row["status"] for row in csv.DictReader(io.StringIO(r.out))} == {
        "conflict",
        "unit-mismatch",
    }
    assert cli("report", "--all", "-f", "csv").out == every_row.decode().replace("\r\n", "\n")


def test_awkward_text_round_trips_and_never_runs(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        "claims:\n"
        '  - source: "=HYPERLINK(\\"http://x\\")"\n'
        "    about: fighters\n"
        '    value: "10"\n'
        '    quote: "said, \\"ten\\"\\nthen left\\e[31m"\n'
        '    attributed_to: "@someone"\n'
        '  - {source: b, about: fighters, value: "500", attributed_to: "-1+1", quote: "+x"}\n'
    )
    out = tmp_path / "out.csv"
    r = cli("report", str(path), "-f", "csv", "-o", str(out))
    assert r.code == 0, r
    first, second = rows_of(out.read_bytes())
    assert first["quote"] == 'said, "ten"\nthen left\\x1b[31m'  # quoting kept it whole
    assert first["source"] == '\'=HYPERLINK("http://x")' and first["attributed_to"] == "'@someone"
    assert (second["attributed_to"], second["quote"]) == ("'-1+1", "'+x")
    assert second["lo"] == "500"  # numbers are numbers, never prefixed


def test_every_report_format_has_a_renderer():
    assert set(RENDERERS) == {f.value for f in ReportFormat}


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_bad_input_writes_nothing_and_exits_2(cli, tmp_path, fmt):
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - {source: a, about: fighters, value: threeish}\n")
    out = tmp_path / f"report.{fmt}"
    r = cli("report", str(path), "-f", fmt, "-o", str(out))
    assert r.code == 2 and r.out == "", r
    assert f"{path}:2:" in r.err and "Traceback" not in r.err
    assert not out.exists()

"""CSV and JSON Lines claims, end to end: the real CLI on real files, as a spreadsheet or an
extraction pipeline would write them."""

from __future__ import annotations

import json

import pytest

from discrepancy.cli import load
from discrepancy.errors import InputError

ROWS = [
    {
        "id": "ap-1",
        "source": "AP",
        "about": "Syrian fighters sent by Turkey to Libya",
        "value": "between 3,500 and 3,800",
        "period": "2020-01/2020-03",
    },
    {
        "id": "rt-1",
        "source": "Reuters",
        "about": "Syrian fighters sent to Libya by Turkey",
        "value": 300,
        "period": "2020-02",
    },
    {
        "id": "rt-2",
        "source": "Reuters",
        "about": "Syrian fighters sent by Russia to Libya",
        "value": "several hundred",
        "not_with": ["ap-1"],
    },
]


def _csv(rows: list[dict]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(
        out, ["id", "source", "about", "value", "period", "not_with"], lineterminator="\n"
    )
    writer.writeheader()
    for r in rows:
        writer.writerow({**r, "not_with": "; ".join(r.get("not_with", []))})
    return out.getvalue()


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


@pytest.mark.parametrize(("suffix", "write"), [(".jsonl", _jsonl), (".csv", _csv)])
def test_claims_from_a_table_are_grouped_and_located_by_row(cli, tmp_path, suffix, write):
    path = tmp_path / f"claims{suffix}"
    path.write_text(write(ROWS))
    r = cli("report", str(path), "--all", "-f", "json")
    assert r.code == 0 and r.err == "", r
    data = json.loads(r.out)
    groups = {tuple(sorted(c["id"] for c in g["claims"])): g for g in data["groups"]}
    assert set(groups) == {("ap-1", "rt-1"), ("rt-2",)}
    turkey = groups[("ap-1", "rt-1")]
    assert turkey["status"] == "conflict" and turkey["conflicts"][0]["a"] == "rt-1"
    # a CSV's header is row 1; a JSON line's number is its row
    lines = {c["id"]: c["line"] for g in data["groups"] for c in g["claims"]}
    assert lines == (
        {"ap-1": 1, "rt-1": 2, "rt-2": 3}
        if suffix == ".jsonl"
        else {"ap-1": 2, "rt-1": 3, "rt-2": 4}
    )
    assert {c["file"] for g in data["groups"] for c in g["claims"]} == {str(path)}


def test_a_csv_cell_may_hold_commas_quotes_and_new_lines(cli, tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "source,about,value\n"
        'AP,"Syrian fighters, paid by Turkey,\nsent to Libya","3,500"\n'
        'AP,"mines ""neutralized"" in Libya",5300\n'
        'AP,"mines neutralized in Libya",threeish\n'
    )
    r = cli("report", str(path))
    assert r.code == 2, r
    # the third claim is the spreadsheet's row 4 but starts on line 5 of the file: messages,
    # like GitHub annotations and SARIF, give the file's line (issue 13)
    assert r.err.splitlines()[0].startswith(f"{path}:5:3: cannot read value: ")


def test_folders_hold_yaml_csv_and_jsonl_claims(cli, tmp_path):
    (tmp_path / "names.yaml").write_text("version: 1\naliases:\n  Wagner Group: [Vagner]\n")
    (tmp_path / "a.csv").write_text("source,about,value\nAP,Vagner fighters in Libya,hundreds\n")
    (tmp_path / "b.jsonl").write_text(
        json.dumps(
            {"source": "TASS", "about": "Wagner Group fighters in Libya", "value": "at least 2,000"}
        )
        + "\n"
    )
    (tmp_path / "notes.txt").write_text("not claims")
    r = cli("report", str(tmp_path), "-f", "json")
    assert r.code == 0, r
    (group,) = json.loads(r.out)["groups"]
    assert [c["file"].rsplit("/", 1)[1] for c in group["claims"]] == ["a.csv", "b.jsonl"]
    assert group["status"] == "conflict"


GOOD_JSON = '{"source": "AP", "about": "fighters", "value": "10"}\n'

# (name, file name, body, expected "line:col: message part")
BAD = [
    (
        "json-malformed",
        "c.jsonl",
        GOOD_JSON + '{"source": "AP" "about": "x"}\n',
        "2:17: malformed JSON: Expecting ',' delimiter",
    ),
    ("json-not-an-object", "c.jsonl", "[1, 2]\n", "1:1: each line must be a JSON object"),
    (
        "json-duplicate-key",
        "c.jsonl",
        '{"source": "AP", "about": "x", "about": "y", "value": 1}\n',
        "1:41: duplicate key 'about'",
    ),
    (
        "json-unknown-field",
        "c.jsonl",
        '{"source": "AP", "about": "x", "value": 1, "quanity": 2}\n',
        "1:55: unknown field `quanity` in a claim (did you mean `value`?)",
    ),
    (
        "json-missing-field",
        "c.jsonl",
        '{"source": "AP", "value": 1}\n',
        "1:1: claim is missing required field `about`",
    ),
    # the column of the very word that cannot be read
    (
        "json-unreadable-value",
        "c.jsonl",
        '{"source": "AP", "about": "x", "value": "about threeish hundred"}\n',
        '1:48: cannot read value: cannot read "threeish"',
    ),
    (
        "json-nan",
        "c.jsonl",
        '{"source": "AP", "about": "x", "value": NaN}\n',
        "1:41: NaN is not a number a claim can hold",  # where the NaN stands
    ),
    (
        "csv-unknown-column",
        "c.csv",
        "source,about,quanity\nAP,x,1\n",
        "1:3: unknown column `quanity` in the header (did you mean",
    ),
    ("csv-missing-column", "c.csv", "source,about\nAP,x\n", "1:1: no `value` column in the header"),
    (
        "csv-twice",
        "c.csv",
        "source,about,value,about\nAP,x,1,y\n",
        "1:4: column `about` appears twice (first in column 2)",
    ),
    (
        "csv-too-many-cells",
        "c.csv",
        "source,about,value\nAP,x,1,2\n",
        "2:4: 4 cells in a row, but the header names 3 columns",
    ),
    (
        "csv-empty-cell",
        "c.csv",
        "source,about,value\nAP,,1\n",
        "2:1: claim is missing required field `about`",
    ),
    (
        "csv-unreadable-value",
        "c.csv",
        "source,about,value\nAP,x,lots\n",
        '2:3: cannot read value: cannot read "lots"',
    ),
    (
        "csv-bad-period",
        "c.csv",
        "source,about,value,period\nAP,x,1,last spring\n",
        "2:4: `period` must be a date",
    ),
]


@pytest.mark.parametrize(
    ("file", "body", "expected"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_rows_are_located(tmp_path, file, body, expected):
    path = tmp_path / file
    path.write_text(body)
    with pytest.raises(InputError) as e:
        load([path])
    assert any(str(p).startswith(f"{path}:{expected}") for p in e.value.problems), e.value


@pytest.mark.parametrize(("file", "body"), [("c.jsonl", BAD[0][2]), ("c.csv", BAD[-2][2])])
def test_the_cli_prints_bad_rows_and_exits_2(cli, tmp_path, file, body):
    path = tmp_path / file
    path.write_text(body)
    r = cli("report", str(path))
    assert r.code == 2 and r.out == "", r
    assert r.err.startswith(f"{path}:") and "1 problem; nothing was reported" in r.err, r
    assert "Traceback" not in r.err


def test_rows_must_name_sources_a_yaml_file_defines(cli, tmp_path):
    (tmp_path / "sources.yaml").write_text("version: 1\nsources:\n  seed-001: {title: A}\n")
    (tmp_path / "claims.csv").write_text("source,about,value\nseed-01,fighters,10\n")
    r = cli("report", str(tmp_path / "sources.yaml"), str(tmp_path / "claims.csv"))
    assert r.code == 2, r
    assert (
        f"{tmp_path / 'claims.csv'}:2:1: unknown source `seed-01` (did you mean `seed-001`?)"
        in r.err
    )


NAMES_CLAIMS = """\
version: 1
{names}claims:
  - {{source: a, about: armed gunmen seen near the millbrook river crossing, value: 10}}
  - {{source: b, about: armed gunmen seen near the millbank river crossing, value: 500}}
"""


def test_a_claims_file_adds_its_own_names(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(NAMES_CLAIMS.format(names=""))
    r = cli("groups", str(path), "-f", "json", "--threshold", "80")
    assert len(json.loads(r.out)["groups"]) == 1, r  # alike words, no name known: one group
    path.write_text(NAMES_CLAIMS.format(names="names: [Millbrook, Millbank]\n"))
    r = cli("groups", str(path), "-f", "json", "--threshold", "80")
    assert len(json.loads(r.out)["groups"]) == 2, r  # two places: never the same thing


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("names: Millbrook\n", "2:8: `names` must be a list of names"),
        ("names: [[Millbrook]]\n", "2:9: `names` must be text"),
    ],
)
def test_names_must_be_a_list_of_names(cli, tmp_path, names, expected):
    path = tmp_path / "claims.yaml"
    path.write_text(NAMES_CLAIMS.format(names=names))
    r = cli("report", str(path))
    assert r.code == 2 and f"{path}:{expected}" in r.err, r

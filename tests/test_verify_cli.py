"""`discrepancy verify` and `extract` end to end, in process, on articles written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from discrepancy.cli import app

ARTICLE_A = """Ministry says 1,200 fighters crossed the border

The interior ministry said on Monday that more than 1,200 fighters had crossed the border in
March 2021, while local officials put the number at about two thousand.

According to the Red Crescent, at least 45 people were wounded. Hundreds of families fled.
"""

ARTICLE_B = """<html><head><title>Aid convoy reaches town</title></head><body>
<p>An aid convoy of 30 trucks reached the town on 12 May 2021, the UN said.</p>
<p>The agency&#8217;s officials estimated that some 15,000 residents had stayed.</p>
</body></html>
"""

CLAIMS = """version: 1
sources:
  a:
    title: Ministry says 1,200 fighters crossed the border
    document: a.txt
  b:
    title: Aid convoy reaches town
    document: b.html
  c:
    title: No archived text
claims:
  - id: a-fighters
    source: a
    about: fighters who crossed the border
    value: more than 1,200
    quote: more than 1,200 fighters had crossed the border in March 2021
  - id: a-officials
    source: a
    about: fighters who crossed the border
    value: about 2,000
    quote: local officials put the number at about two thousand
  - id: b-residents
    source: b
    about: residents who stayed
    value: some 15,000
    quote: The agency's officials estimated that some 15,000 residents had stayed
"""


def run(args: list[str], code: int) -> str:
    r = CliRunner().invoke(app, args)
    assert r.exit_code == code, r.output
    return r.output


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.html").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def test_all_verified_beside_the_claims_file(folder: Path) -> None:
    out = run(["verify", str(folder / "claims.yaml")], 0)
    assert out.endswith("3 verified, 0 not verified, 0 unverifiable\n")


def test_documents_folder_option(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("claims") / "claims.yaml"
    elsewhere.write_text(CLAIMS, encoding="utf-8")
    run(["verify", str(elsewhere), "--documents", str(folder)], 0)
    out = run(["verify", str(elsewhere)], 1)  # not beside this copy
    assert "3 unverifiable" in out


BROKEN = (
    CLAIMS.replace("fighters had crossed", "fighters have crossed")
    .replace("value: about 2,000", "value: about 3,000")
    .replace("document: b.html", "document: gone.html")
)


def test_word_number_and_document_located_and_explained(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    out = run(["verify", str(folder / "broken.yaml")], 1)
    path = str(folder / "broken.yaml")
    assert f"{path}:12:5: a-fighters: not verified\n" in out
    assert 'the quote has "have" where the document has "had"' in out
    assert 'document says: "more than 1,200 fighters had crossed the border in March 2021"' in out
    assert "a.txt:3:" in out  # where the closest passage is
    assert f"{path}:17:5: a-officials: not verified\n" in out
    assert 'the value\'s number "3,000" is not in the quote' in out
    assert "numbers in the quote: two thousand" in out
    assert f"{path}:22:5: b-residents: unverifiable\n" in out
    assert "document gone.html of source `b` is missing" in out
    assert out.endswith("0 verified, 2 not verified, 1 unverifiable\n")


def test_claim_without_document_is_unverifiable(folder: Path) -> None:
    text = CLAIMS + "  - {source: c, about: trucks, value: '30', quote: 30 trucks}\n"
    (folder / "claims.yaml").write_text(text, encoding="utf-8")
    out = run(["verify", str(folder / "claims.yaml")], 1)
    assert "source `c` has no `document:`" in out


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "concise"])
def test_formats(folder: Path, fmt: str) -> None:
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    out = run(["verify", str(folder / "broken.yaml"), "--format", fmt], 1)
    if fmt == "json":
        data = json.loads(out)
        assert data["summary"] == {"verified": 0, "failed": 2, "unverifiable": 1}
        assert [c["status"] for c in data["claims"]] == ["failed", "failed", "unverifiable"]
        assert data["claims"][0]["at"]["line"] == 3
    elif fmt == "github":
        assert out.startswith("::error file=")
        assert "::warning file=" in out and "line=22" in out
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert [r["level"] for r in results] == ["error", "error", "warning"]
    else:
        lines = out.splitlines()
        assert [line.split(": ")[1].split()[0] for line in lines[:3]] == [
            "not-verified",
            "not-verified",
            "unverifiable",
        ]
        assert lines[3] == "Found 0 verified, 2 not verified, 1 unverifiable."


def test_quiet_and_exit_zero(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    out = run(["verify", str(folder / "broken.yaml"), "--quiet", "--exit-zero"], 0)
    assert "not verified" in out and "unverifiable\n" in out and "0 verified" not in out


def test_bad_input_is_exit_2(folder: Path) -> None:
    run(["verify", str(folder / "nope.yaml")], 2)
    run(["verify", str(folder / "claims.yaml"), "--documents", str(folder / "nope")], 2)


# --- extract -------------------------------------------------------------------------------------


def test_extract_then_verify(folder: Path) -> None:
    out = folder / "draft.yaml"
    run(["extract", str(folder / "a.txt"), str(folder / "b.html"), "-s", "a", "-s", "b",
         "-o", str(out)], 0)  # fmt: skip
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["sources"] == {
        "a": {"title": "Ministry says 1,200 fighters crossed the border", "document": "a.txt"},
        "b": {"title": "Aid convoy reaches town", "document": "b.html"},
    }
    values = [(c["source"], c["value"]) for c in data["claims"]]
    assert values == [
        ("a", "1,200"),
        ("a", "more than 1,200"),
        ("a", "about two thousand"),
        ("a", "at least 45"),
        ("a", "Hundreds"),
        ("b", "30"),
        ("b", "some 15,000"),
    ]
    first = data["claims"][1]
    assert first["about"] == "fighters"
    assert first["attributed_to"] == "The interior ministry"
    assert first["period"] == "2021-03"
    assert data["claims"][3]["attributed_to"] == "Red Crescent"
    assert data["claims"][5]["attributed_to"] == "the UN" or data["claims"][5].get("period")
    # the raw draft verifies against its articles
    assert run(["verify", str(out)], 0).endswith("7 verified, 0 not verified, 0 unverifiable\n")


def test_extract_never_overwrites_without_force(folder: Path) -> None:
    out = folder / "draft.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    run(["extract", str(folder / "a.txt"), "-o", str(out)], 2)
    assert out.read_text(encoding="utf-8") == "keep me\n"
    run(["extract", str(folder / "a.txt"), "-o", str(out), "--force"], 0)
    assert "source: a" in out.read_text(encoding="utf-8")


def test_extract_all_shows_what_is_left_out(folder: Path) -> None:
    plain = run(["extract", str(folder / "b.html"), "-s", "b"], 0)
    everything = run(["extract", str(folder / "b.html"), "-s", "b", "--all"], 0)
    assert "value: '2021'" not in plain and "value: '12'" not in plain
    assert "# check: left out without --all: a year" in everything
    assert "# check: left out without --all: a date" in everything


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "missing.txt"],
        ["extract", "{a}", "{a}", "-s", "x"],  # one --source for two articles
        ["extract", "{a}", "-s", "has space"],
    ],
)
def test_extract_bad_input(folder: Path, args: list[str]) -> None:
    run([a.replace("{a}", str(folder / "a.txt")) for a in args], 2)


def test_documents_setting_in_the_claims_file(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    claims = tmp_path_factory.mktemp("claims") / "claims.yaml"
    text = CLAIMS.replace("version: 1\n", f"version: 1\nsettings:\n  documents: {folder}\n")
    claims.write_text(text, encoding="utf-8")
    run(["verify", str(claims)], 0)
    # relative to the claims file
    rel = Path("..") / folder.name
    claims.write_text(
        CLAIMS.replace("version: 1\n", f"version: 1\nsettings:\n  documents: {rel}\n")
    )
    run(["verify", str(claims)], 0)
    # --documents wins
    out = run(["verify", str(claims), "--documents", str(claims.parent)], 1)
    assert "3 unverifiable" in out
    claims.write_text(CLAIMS.replace("version: 1\n", "version: 1\nsettings:\n  documents: 3\n"))
    assert "`documents` must be a folder" in run(["verify", str(claims)], 2)

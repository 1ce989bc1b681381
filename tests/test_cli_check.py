"""`check` and `baseline`, end to end: the real CLI on real files, as a CI job runs it."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
import yaml

from tests.conftest import ROOT

# Claims without ids: their contradictions are fingerprinted by source, `about` and value.
SMALL = """\
version: 1
aliases:
  Wagner Group: [Vagner]
sources:
  ap: {title: AP}
  reuters: {title: Reuters}
  tass: {title: TASS}
claims:
  - source: ap
    about: Wagner Group fighters in Libya
    value: hundreds
    quote: hundreds of Russian fighters
  - source: reuters
    about: Vagner fighters in Libya
    value: at least 2,000
  - source: ap
    about: Syrian fighters sent by Turkey to Libya
    value: about 3,500
  - source: tass
    about: Syrian fighters sent to Libya by Turkey
    value: "17,000"
  - source: reuters
    about: air defence systems delivered to Haftar
    value: "12"
"""

# (the claims file, a claim that contradicts exactly one claim in it, that claim's first line)
FILES = {
    "claims.yaml with ids": (
        (ROOT / "claims.yaml").read_text(),
        "  - id: ru-wagner-new\n    source: seed-002\n    about: Russian mercenaries of the "
        "Wagner Group fighting for Haftar in Libya\n    value: at least 3,000\n",
        "  - id: ru-wagner-mercenaries-000\n",
    ),
    "claims without ids": (
        SMALL,
        "  - source: tass\n    about: Wagner Group fighters in Libya\n    value: at least 5,000\n",
        "  - source: ap\n    about: Wagner Group fighters",
    ),
}


def _line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def _reordered_reflowed_requoted(text: str) -> str:
    data = yaml.safe_load(text)
    data["claims"].reverse()
    for c in data["claims"]:
        if "quote" in c:
            c["quote"] = c["quote"].upper() + " (checked)"
    return yaml.safe_dump(data, default_flow_style=True, width=60, allow_unicode=True)


def _split(text: str) -> tuple[str, str]:
    data = yaml.safe_load(text)
    claims = data.pop("claims")
    half = len(claims) // 2
    return (
        yaml.safe_dump({**data, "claims": claims[half:]}, allow_unicode=True),
        yaml.safe_dump({"version": 1, "claims": claims[:half]}, allow_unicode=True),
    )


@pytest.mark.parametrize("name", FILES)
def test_only_a_new_contradiction_fails_the_check(cli, tmp_path, name):
    text, contradicting, other = FILES[name]
    claims = tmp_path / "claims.yaml"
    claims.write_text(text)
    made = cli("baseline", cwd=tmp_path)
    assert made.code == 0 and made.out == "", made
    assert (tmp_path / ".discrepancy-baseline.json").is_file()
    ok = cli("check", cwd=tmp_path)
    assert ok.code == 0 and ok.out.endswith("OK: no new contradictions.\n"), ok

    claims.write_text(text + contradicting)
    r = cli("check", cwd=tmp_path)
    assert r.code == 1, r
    assert r.out.count("NEW CONTRADICTION") == 1, r
    assert f"claims.yaml:{_line_of(text, other)}:5 " in r.out, r
    assert f"claims.yaml:{text.count(chr(10)) + 1}:5 " in r.out, r  # the added claim
    assert "1 new contradiction · " in r.out

    claims.write_text(_reordered_reflowed_requoted(text))
    r = cli("check", cwd=tmp_path)
    assert r.code == 0 and "0 new contradictions" in r.out, r
    assert "0 resolved" in r.out, r

    claims.unlink()
    (tmp_path / "claims").mkdir()
    for part, body in zip("ab", _split(text)):
        (tmp_path / "claims" / f"{part}.yaml").write_text(body)
    r = cli("check", "claims", cwd=tmp_path)
    assert r.code == 0 and "0 new contradictions" in r.out and "0 resolved" in r.out, r


def test_resolved_entries_are_reported_and_strict_fails_on_them(cli, tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(SMALL)
    assert cli("baseline", cwd=tmp_path).code == 0
    claims.write_text(SMALL.replace("value: hundreds", "value: about 2,000"))
    r = cli("check", cwd=tmp_path)
    assert r.code == 0, r
    assert (
        "Resolved: 1 baseline entry no longer occurs; you can drop them with "
        "`discrepancy baseline --prune`" in r.out
    ), r
    assert re.search(
        r"\n  \.discrepancy-baseline\.json:\d+:5  [0-9a-f]{16}  Wagner Group fighters "
        r"in Libya: hundreds \(ap, ap-[0-9a-f]{8}\) vs at least 2,000 \(reuters, ",
        r.out,
    ), r
    strict = cli("check", "--strict", cwd=tmp_path)
    assert strict.code == 1 and "FAILED (--strict)" in strict.out, strict
    data = json.loads(cli("check", "--strict", "-f", "json", cwd=tmp_path).out)
    assert data["summary"] == {
        "new": 0,
        "changed": 0,
        "known": 1,
        "resolved": 1,
        "unreasoned": 2,  # neither entry has a reason
        "strict": True,
        "require_reasons": False,
        "fails": True,
    }
    assert [s["value"] for s in data["resolved"][0]["claims"]] == ["hundreds", "at least 2,000"]


def test_without_a_baseline_every_contradiction_is_new(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text(SMALL)
    r = cli("check", "--baseline", "missing.json", cwd=tmp_path)
    assert r.code == 1, r
    assert r.out.startswith("No baseline file missing.json: every contradiction is new."), r
    assert r.out.count("NEW CONTRADICTION") == 2


def test_baseline_keeps_reasons_and_is_rewritten_atomically(cli, tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(SMALL)
    assert cli("baseline", "-o", "accepted.json", cwd=tmp_path).code == 0
    path = tmp_path / "accepted.json"
    data = json.loads(path.read_text())
    data["contradictions"][0]["reason"] = "different batches: April vs earlier"
    kept = data["contradictions"][0]["fingerprint"]
    path.write_text(json.dumps(data, indent=4))  # reformatted by hand, too
    claims.write_text(
        SMALL + '  - {source: tass, about: air defence systems delivered to Haftar, value: "40"}\n'
    )
    r = cli("baseline", "-o", "accepted.json", cwd=tmp_path)
    assert r.code == 0, r
    assert r.err.endswith(
        "3 contradictions in the baseline: 1 added, 0 dropped, 1 reason kept\n"
    ), r
    data = json.loads(path.read_text())
    fingerprints = [e["fingerprint"] for e in data["contradictions"]]
    assert fingerprints == sorted(fingerprints) and len(fingerprints) == 3
    assert [e["reason"] for e in data["contradictions"] if e["fingerprint"] == kept] == [
        "different batches: April vs earlier"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accepted.json", "claims.yaml"]
    assert cli("check", "-b", "accepted.json", cwd=tmp_path).code == 0


def test_baseline_records_what_a_reviewer_needs(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text(SMALL)
    assert cli("baseline", cwd=tmp_path).code == 0
    text = (tmp_path / ".discrepancy-baseline.json").read_text()
    [wagner] = [e for e in json.loads(text)["contradictions"] if "Wagner" in e["about"]]
    assert [(c["source"], c["value"]) for c in wagner["claims"]] == [
        ("ap", "hundreds"),
        ("reuters", "at least 2,000"),
    ]
    assert all(c["id"] for c in wagner["claims"]) and wagner["reason"] == ""
    assert cli("baseline", cwd=tmp_path).code == 0
    assert (tmp_path / ".discrepancy-baseline.json").read_text() == text  # deterministic


# Acceptance 4: a corrupt or hand-edited baseline is an error, never a silent pass.
BAD_BASELINES = [
    ("bad JSON", '{"version": 1,\n  "contradictions": [\n', "3:1: not valid JSON"),
    (
        "missing keys",
        '{"version": 1,\n  "contradictions": [{"about": "x"}]}',
        "2:22: a baseline entry is missing `fingerprint`",
    ),
    (
        "unknown version",
        '{"version": 9, "contradictions": []}',
        "1:13: unsupported baseline version 9",
    ),
    (
        "wrong types",
        '{"version": 1, "contradictions": "all of them"}',
        "1:34: `contradictions` must be a list",
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"), [b[1:] for b in BAD_BASELINES], ids=[b[0] for b in BAD_BASELINES]
)
def test_a_bad_baseline_is_exit_2_with_its_location(cli, tmp_path, body, expected):
    (tmp_path / "claims.yaml").write_text(SMALL)
    (tmp_path / "b.json").write_text(body)
    r = cli("check", "-b", "b.json", cwd=tmp_path)
    assert r.code == 2, r
    assert f"b.json:{expected}" in r.err and r.out == "" and "Traceback" not in r.err, r


def test_baseline_never_overwrites_a_bad_baseline(cli, tmp_path):
    # its hand-written reasons would be lost: the reviewer fixes it (or deletes it) first
    (tmp_path / "claims.yaml").write_text(SMALL)
    body = '{"version": 1,\n<<<<<<< HEAD\n'
    (tmp_path / "b.json").write_text(body)
    r = cli("baseline", "-o", "b.json", cwd=tmp_path)
    assert r.code == 2 and "b.json:2:1: not valid JSON" in r.err, r
    assert (tmp_path / "b.json").read_text() == body


def test_problems_in_claims_and_baseline_are_listed_together(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text("claims:\n  - {source: a, about: x}\n")
    (tmp_path / "b.json").write_text("{")
    r = cli("check", "-b", "b.json", cwd=tmp_path)
    assert r.code == 2, r
    assert "b.json:1:2: not valid JSON" in r.err and "claims.yaml:2:5: claim is missing" in r.err
    r = cli("baseline", "-o", "new.json", cwd=tmp_path)
    assert r.code == 2 and not (tmp_path / "new.json").exists(), r


def test_check_and_baseline_take_the_report_options(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text(
        "claims:\n  - {source: a, about: Syrian fighters in Libya, value: 10}\n"
        "  - {source: b, about: Syrian fighters at bases in Libya, value: 500}\n"
    )  # score 99
    assert cli("check", cwd=tmp_path).code == 1
    assert cli("check", "--threshold", "100", "--tolerance", "0.2", cwd=tmp_path).code == 0
    assert cli("baseline", "--threshold", "100", cwd=tmp_path).code == 0
    r = cli("check", cwd=tmp_path)
    assert r.code == 1 and "1 new contradiction" in r.out, r


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_check_and_baseline_have_help(cli, command):
    r = cli(command, "--help")
    assert r.code == 0, r
    options = {"--threshold", "--tolerance", "--output"}
    if command == "check":
        options |= {"--baseline", "--strict", "--format"}
    assert {o for o in options if o in r.out} == options, r.out


# --- machine-readable formats ---------------------------------------------------------------


def _spread(n: int, about: str = "Syrian fighters in Libya", prefix: str = "c") -> str:
    """n claims about one thing, every value 10× the last: n(n-1)/2 contradictions."""
    rows = "".join(
        f'  - {{id: {prefix}{i}, source: s{i}, about: {json.dumps(about)}, value: "{10**i}"}}\n'
        for i in range(n)
    )
    return "claims:\n" + rows


GITHUB_COMMAND = re.compile(
    r"^::error file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[^,:]*)::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    for code, ch in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def test_github_output_is_one_well_formed_command_per_new_contradiction(cli, tmp_path):
    about = "aircraft (50%, say: Haftar's)"
    (tmp_path / "claims.yaml").write_text(_spread(3, about))
    (tmp_path / "known.yaml").write_text(_spread(2, prefix="k"))
    assert cli("baseline", "known.yaml", cwd=tmp_path).code == 0
    r = cli("check", "claims.yaml", "known.yaml", "-f", "github", cwd=tmp_path)
    assert r.code == 1, r
    commands = [line for line in r.out.splitlines() if line.startswith("::")]
    assert len(commands) == 3, r
    for command in commands:
        m = GITHUB_COMMAND.match(command)
        assert m, command
        assert m["file"] == "claims.yaml"
        assert _unescape(m["title"]) == f"New contradiction: {about}"
        assert "50%25%2C say%3A" in m["title"]
    # each points at the later of its two claims (claims c0, c1, c2 are on lines 2, 3, 4)
    assert sorted(GITHUB_COMMAND.match(c)["line"] for c in commands) == ["3", "4", "4"]
    assert "1 known" in r.out


def test_github_output_shows_ten_errors_then_a_summary(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text(_spread(6))  # 15 contradictions
    r = cli("check", "-f", "github", cwd=tmp_path)
    assert r.code == 1, r
    lines = r.out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 10 and all(GITHUB_COMMAND.match(e) for e in errors), r
    [summary] = [line for line in lines if line.startswith("::warning ")]
    assert summary.endswith(
        "::5 more new contradictions not annotated (GitHub shows 10 per "
        "step): run `discrepancy check` to list them all."
    ), summary


def assert_sarif_2_1_0(log: dict) -> None:
    """The properties SARIF 2.1.0 requires (OASIS spec, section 3) and the ones GitHub code
    scanning reads, checked by hand: no SARIF schema is available from PyPI to validate with."""
    assert isinstance(log, dict) and log["version"] == "2.1.0"  # 3.13.2
    assert isinstance(log.get("$schema", ""), str)  # 3.13.3
    assert isinstance(log["runs"], list) and log["runs"]  # 3.13.4
    for run in log["runs"]:
        driver = run["tool"]["driver"]  # 3.14.6, 3.18.2
        assert isinstance(driver["name"], str) and driver["name"]  # 3.19.8
        assert isinstance(driver.get("version", ""), str)
        rules = driver.get("rules", [])
        ids = [rule["id"] for rule in rules]  # 3.49.3
        assert len(ids) == len(set(ids)) and all(isinstance(i, str) for i in ids)
        for rule in rules:
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    assert isinstance(rule[key]["text"], str)  # 3.12.3
            assert rule.get("defaultConfiguration", {}).get("level", "warning") in (
                "none",
                "note",
                "warning",
                "error",
            )
        assert run.get("columnKind", "unicodeCodePoints") in ("utf16CodeUnits", "unicodeCodePoints")
        for result in run["results"]:  # 3.14.23
            assert isinstance(result["message"]["text"], str)  # 3.27.11, 3.11.8
            assert result["ruleId"] in ids  # GitHub needs ruleId
            if "ruleIndex" in result:
                assert rules[result["ruleIndex"]]["id"] == result["ruleId"]  # 3.27.6
            assert result.get("level", "warning") in ("none", "note", "warning", "error")
            assert result["locations"]  # GitHub needs a location
            for location in result["locations"] + result.get("relatedLocations", []):
                physical = location["physicalLocation"]  # 3.28.3
                uri = physical["artifactLocation"]["uri"]  # 3.29, 3.4.3
                assert isinstance(uri, str) and uri and not re.search(r"[\s\\]", uri)
                assert isinstance(physical["artifactLocation"].get("uriBaseId", ""), str)
                region = physical.get("region", {"startLine": 1})
                assert isinstance(region["startLine"], int) and region["startLine"] >= 1
                assert region.get("startColumn", 1) >= 1  # 3.30.6
            ids_related = [x["id"] for x in result.get("relatedLocations", [])]
            assert all(isinstance(i, int) and i >= 0 for i in ids_related)  # 3.28.2
            assert len(ids_related) == len(set(ids_related))
            assert all(
                isinstance(k, str) and isinstance(v, str)
                for k, v in result.get("partialFingerprints", {}).items()
            )  # 3.27.17


SARIF_BREAKAGES = [
    ("no version", lambda log: log.pop("version")),
    ("no driver name", lambda log: log["runs"][0]["tool"]["driver"].pop("name")),
    ("result without message", lambda log: log["runs"][0]["results"][0].pop("message")),
    ("unknown rule", lambda log: log["runs"][0]["results"][0].update(ruleId="nope")),
    (
        "line 0",
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
            "region"
        ].update(startLine=0),
    ),
]


@pytest.fixture(scope="module")
def sarif_and_json(tmp_path_factory):
    from tests.conftest import run_cli

    tmp = tmp_path_factory.mktemp("sarif")
    (tmp / "claims file.yaml").write_text(_spread(3))
    sarif = run_cli("check", "claims file.yaml", "-f", "sarif", "--output", "out.sarif", cwd=tmp)
    assert sarif.code == 1 and sarif.out == "" and sarif.err == "wrote out.sarif\n", sarif
    data = run_cli("check", "claims file.yaml", "-f", "json", cwd=tmp)
    assert data.code == 1, data
    return json.loads((tmp / "out.sarif").read_text()), json.loads(data.out)


def test_sarif_output_has_the_structure_of_sarif_2_1_0(sarif_and_json):
    log, data = sarif_and_json
    assert_sarif_2_1_0(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(data["new"]) == 3
    assert [r["partialFingerprints"]["contradiction/v1"] for r in results] == [
        c["fingerprint"] for c in data["new"]
    ]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"] == {"uri": "claims%20file.yaml", "uriBaseId": "%SRCROOT%"}
    lines = {c["id"]: c["line"] for c in data["new"][0]["claims"]}
    assert first["region"] == {"startLine": lines[data["new"][0]["newer"]], "startColumn": 5}


@pytest.mark.parametrize(
    "breakage", [b[1] for b in SARIF_BREAKAGES], ids=[b[0] for b in SARIF_BREAKAGES]
)
def test_sarif_structure_check_catches_what_is_missing(sarif_and_json, breakage):
    log = json.loads(json.dumps(sarif_and_json[0]))
    breakage(log)
    with pytest.raises((AssertionError, KeyError)):
        assert_sarif_2_1_0(log)


def test_json_output_parses_and_keeps_its_shape(sarif_and_json):
    _, data = sarif_and_json
    assert data["version"] == 1
    assert data["baseline"] == {"file": ".discrepancy-baseline.json", "exists": False}
    assert data["summary"] == {
        "new": 3,
        "changed": 0,
        "known": 0,
        "resolved": 0,
        "unreasoned": 0,
        "strict": False,
        "require_reasons": False,
        "fails": True,
    }
    for c in data["new"]:
        assert set(c) == {"fingerprint", "group", "about", "gap", "claims", "newer"}
        assert re.fullmatch(r"[0-9a-f]{16}", c["fingerprint"])
        assert c["newer"] in {x["id"] for x in c["claims"]}
        assert all(x["file"] == "claims file.yaml" for x in c["claims"])


def test_check_output_is_byte_identical_across_runs(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text(SMALL)
    assert (
        cli("check", "-f", "sarif", cwd=tmp_path).out
        == cli("check", "-f", "sarif", cwd=tmp_path).out
    )


def test_pre_commit_hook_runs_check_on_the_whole_claims_set():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "discrepancy-check" and hook["language"] == "python"
    assert hook["entry"] == "discrepancy check"
    assert hook["pass_filenames"] is False  # a contradiction may span files
    files = re.compile(hook["files"])
    for path in (
        "claims.yaml",
        "claims/libya.yml",
        "data/claims-2020.yaml",
        ".discrepancy-baseline.json",
    ):
        assert files.search(path), path
    for path in (".pre-commit-config.yaml", "README.md", "src/claims.py"):
        assert not files.search(path), path


def test_readme_documents_the_ci_workflow():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Use in CI", 1)[1].split("\n## ", 1)[0]
    for needed in (
        "discrepancy baseline",
        "git add .discrepancy-baseline.json",
        "--format github",
        "reason",
        "--strict",
        "| 2 |",
        "pre-commit",
    ):
        assert needed in section, needed
    workflow = yaml.safe_load(textwrap.dedent(section.split("```yaml\n", 1)[1].split("```", 1)[0]))
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any("discrepancy check" in s and "--format github" in s for s in steps), steps
    assert "`discrepancy check" in readme.split("## Commands", 1)[1].split("\n## ", 1)[0]


def test_a_baseline_saved_with_a_bom_still_reads(cli, tmp_path):
    made = tmp_path / "b.json"
    assert cli("baseline", "-o", str(made)).code == 0
    made.write_bytes(b"\xef\xbb\xbf" + made.read_bytes())
    r = cli("check", "-b", str(made))
    assert r.code == 0, r

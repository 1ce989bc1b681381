"""Bad input, end to end: the real CLI on a real file gives path:line:col and exit 2."""

from __future__ import annotations

import json
import textwrap

import pytest

GOOD_SOURCES = """\
version: 1
sources:
  seed-001:
    title: A title
claims:
"""

# (name, file body, expected "line:col: message part")
CASES = [
    (
        "malformed-yaml",
        GOOD_SOURCES + "  - source: seed-001\n    about: [unclosed\n",
        "8:1: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence "
        "that began at line 7, column 12)",
    ),
    (
        "missing-field",
        GOOD_SOURCES + "  - source: seed-001\n    about: fighters\n",
        "6:5: claim is missing required field `value`",
    ),
    (
        "empty-field",
        GOOD_SOURCES + "  - source: seed-001\n    about:\n    value: 3\n",
        "7:5: claim is missing required field `about`",
    ),
    (
        "unknown-field",
        GOOD_SOURCES + "  - source: seed-001\n    about: fighters\n    value: 3\n    quanity: 4\n",
        "9:5: unknown field `quanity` in a claim (did you mean `value`?)",
    ),
    (
        "unknown-source",
        GOOD_SOURCES + "  - source: seed-01\n    about: fighters\n    value: 3\n",
        "6:5: unknown source `seed-01` (did you mean `seed-001`?)",
    ),
    (
        "duplicate-id",
        GOOD_SOURCES + "  - {id: a, source: seed-001, about: x, value: 3}\n"
        "  - {id: a, source: seed-001, about: y, value: 4}\n",
        "7:5: duplicate claim id `a` (first at",
    ),
    (
        "duplicate-key",
        GOOD_SOURCES + "  - source: seed-001\n    about: fighters\n"
        "    about: soldiers\n    value: 3\n",
        "8:5: duplicate key 'about' (first at line 7)",
    ),
    (
        "unreadable-value",
        GOOD_SOURCES + "  - source: seed-001\n    about: fighters\n    value: threeish hundred\n",
        '8:12: cannot read value: cannot read "threeish"',
    ),
    (
        "value-column-in-quotes",
        GOOD_SOURCES + "  - source: seed-001\n    about: fighters\n"
        '    value: "about threeish hundred"\n',
        '8:19: cannot read value: cannot read "threeish"',
    ),
    (
        "unknown-top-field",
        "version: 1\nclaim: []\n",
        "2:1: unknown field `claim` in the claims file (did you mean `claims`?)",
    ),
    ("bad-version", "version: 7\nclaims: []\n", "1:10: unsupported version 7"),
    (
        "bad-period",
        GOOD_SOURCES + "  - source: seed-001\n    about: fighters\n    value: 3\n"
        "    period: last spring\n",
        "9:13: `period` must be a date",
    ),
    ("not-a-mapping", "- just\n- a list\n", "1:1: a claims file must be a mapping"),
    (
        "unknown-not-with",
        GOOD_SOURCES + "  - {id: a, source: seed-001, about: x, value: 3, not_with: [b]}\n",
        "6:5: `not_with` names unknown claim `b`",
    ),
    (
        "bad-setting",
        "version: 1\nsettings:\n  match_threshold: 300\nclaims: []\n",
        "3:20: `match_threshold` must be a number (0 to 100)",
    ),
    # YAML reads .nan and .inf as numbers; a NaN threshold would silently group nothing
    (
        "nan-setting",
        "settings:\n  match_threshold: .nan\nclaims: []\n",
        "2:20: `match_threshold` must be a number",
    ),
    (
        "infinite-tolerance",
        "settings:\n  approx_tolerance: .inf\nclaims: []\n",
        "2:21: `approx_tolerance` must be a number",
    ),
    (
        "negative-vague",
        "settings:\n  vague: {lots: [-50, -10]}\nclaims: []\n",
        "2:17: vague word `lots` must be [low, high], two numbers from 0 up",
    ),
    (
        "unknown-tag",
        GOOD_SOURCES + "  - {source: seed-001, about: x, value: !foo 5}\n",
        "6:41: YAML tag `!foo` is not allowed",
    ),
    (
        "bad-typed-scalar",
        GOOD_SOURCES + "  - {source: seed-001, about: x, value: !!int abc}\n",
        "6:41: cannot read this YAML value (tag:yaml.org,2002:int)",
    ),
    ("no-claims", "# only a comment\n", " no claims here"),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_located(cli, tmp_path, body, expected):
    path = tmp_path / "claims.yaml"
    path.write_text(body)
    for command in (["report"], ["groups"]):
        r = cli(*command, str(path))
        assert r.code == 2, r
        assert f"{path}:{expected}" in r.err, r
        assert "Traceback" not in r.err and r.out == "", r


def test_every_problem_in_a_file_is_listed(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        GOOD_SOURCES
        + textwrap.dedent("""\
          - source: seed-001
            about: fighters
          - source: nowhere
            about: soldiers
            value: 3
          - source: seed-001
            about: mines
            value: lots and lots
          - source: seed-01
            about: mines
            value: 3
            quanity: 4
    """)
    )
    r = cli("report", str(path))
    assert r.code == 2, r
    lines = [line for line in r.err.splitlines() if line.startswith(str(path))]
    assert [line.split(":")[1] for line in lines] == ["6", "8", "13", "14", "17"], r
    assert "5 problems; nothing was reported" in r.err


def test_alias_bomb_is_refused(cli, tmp_path):
    rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        rows.append(f"{name}: &{name} [{', '.join('*' + prev for _ in range(10))}]")
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(rows) + "\n")
    r = cli("report", str(path))
    assert r.code == 2, r
    assert "alias" in r.err and "Traceback" not in r.err, r


def test_missing_file_and_non_utf8(cli, tmp_path):
    r = cli("report", str(tmp_path / "nope.yaml"))
    assert (r.code, f"{tmp_path / 'nope.yaml'}: no such file or folder" in r.err) == (2, True), r
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("about: caf\xe9\n".encode("latin-1"))
    r = cli("report", str(bad))
    assert r.code == 2 and "not UTF-8" in r.err, r


def test_problems_across_files_are_all_listed(cli, tmp_path):
    (tmp_path / "a.yaml").write_text("version: 1\nclaims:\n  - {source: s, about: x}\n")
    (tmp_path / "b.yaml").write_text("version: 1\nclaims: [\n")
    r = cli("report", str(tmp_path))
    assert r.code == 2, r
    assert "a.yaml:3:5" in r.err and "b.yaml:" in r.err, r


def test_a_duplicate_key_does_not_hide_the_other_problems(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        "claims:\n  - source: a\n    source: b\n    about: x\n    value: 5\n"
        "  - {source: a, about: x, valu: 5}\n"
    )
    r = cli("report", str(path))
    assert r.code == 2, r
    assert "3:5: duplicate key 'source'" in r.err and "unknown field `valu`" in r.err, r


def test_merge_keys_work_as_in_safe_load(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        "claims:\n  - &first {source: a, about: Wagner fighters, value: 10}\n"
        "  - <<: *first\n    source: b\n    value: 500\n"
    )
    r = cli("report", str(path), "-f", "json")
    assert r.code == 0, r
    data = json.loads(r.out)
    assert data["summary"] == {"claims": 2, "sources": 2, "groups": 1, "conflicts": 1}


def test_folders_skip_hidden_files_and_read_a_file_once(cli, tmp_path):
    (tmp_path / "claims.yaml").write_text("claims:\n  - {id: c1, source: a, about: x, value: 5}\n")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("name: ci\non: push\njobs: {}\n")
    (tmp_path / ".pre-commit-hooks.yaml").write_text("- id: x\n")
    r = cli("report", str(tmp_path), str(tmp_path / "claims.yaml"), "-f", "json")
    assert r.code == 0, r
    assert json.loads(r.out)["summary"]["claims"] == 1

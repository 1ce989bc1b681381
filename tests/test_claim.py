"""Values in a claims file, end to end: the real CLI on real files (issue 5).

Structured values (a YAML number, [low, high], a mapping), the `unit:` field, and errors located
at the file, line and column of the trouble, inside the value's text.
"""

from __future__ import annotations

import json

import pytest

# (value as written in the file, lo, hi, lo_open, hi_open, unit); None is unbounded.
STRUCTURED = [
    ("3500", 3500, 3500, False, False, "count"),
    ("3.5", 3.5, 3.5, False, False, "count"),
    ("0", 0, 0, False, False, "count"),
    ("[3500, 3800]", 3500, 3800, False, False, "count"),
    ("[3800, 3500]", 3500, 3800, False, False, "count"),  # either order, like "between"
    ("{min: 3500, max: 3800}", 3500, 3800, False, False, "count"),
    ("{at_least: 2000, at_most: 3000}", 2000, 3000, False, False, "count"),
    ("{min: 2000}", 2000, None, False, False, "count"),
    ("{at_least: 2000}", 2000, None, False, False, "count"),
    ("{max: 400}", 0, 400, False, False, "count"),
    ("{at_most: 400}", 0, 400, False, False, "count"),
    ("{about: 400}", 360, 440, False, False, "count"),
    ("{about: 400, unit: dollars a month}", 360, 440, False, False, "USD/month"),
    ("{min: 1500, max: 2000, unit: USD/month}", 1500, 2000, False, False, "USD/month"),
    ("{at_least: 10, unit: '%'}", 10, None, False, False, "percent"),
    ('"between 3,500 and 3,800"', 3500, 3800, False, False, "count"),
    ("'more than 3,500'", 3500, None, True, False, "count"),
    ("hundreds of", 200, 999, False, False, "count"),
]


def _claims(values: list[str], extra: str = "") -> str:
    rows = [
        f"  - {{id: c{i}, source: s, about: thing number {i}, value: {v}{extra}}}"
        for i, v in enumerate(values)
    ]
    return "claims:\n" + "\n".join(rows) + "\n"


def _report(cli, tmp_path, body: str) -> dict[str, dict]:
    path = tmp_path / "claims.yaml"
    path.write_text(body)
    r = cli("report", "--all", "-f", "json", str(path))
    assert r.code == 0, r
    return {c["id"]: c for g in json.loads(r.out)["groups"] for c in g["claims"]}


def test_structured_values_read_as_intervals(cli, tmp_path):
    claims = _report(cli, tmp_path, _claims([s[0] for s in STRUCTURED]))
    for i, (value, lo, hi, lo_open, hi_open, unit) in enumerate(STRUCTURED):
        c = claims[f"c{i}"]
        assert (c["lo"], c["hi"], c["lo_open"], c["hi_open"], c["unit"]) == (
            lo,
            hi,
            lo_open,
            hi_open,
            unit,
        ), value


def test_the_unit_field_is_read_in_the_readers_own_spelling(cli, tmp_path):
    # "$1,000 a month" and 1000 with `unit: dollars a month` count the same thing in the same
    # unit, so they agree instead of being a unit mismatch; an unknown unit is kept as written.
    body = (
        "claims:\n"
        "  - {id: a, source: s1, about: pay, value: '$1,000 a month'}\n"
        "  - {id: b, source: s2, about: pay, value: 1000, unit: dollars a month}\n"
        "  - {id: c, source: s3, about: pay, value: 1000, unit: USD per month}\n"
        "  - {id: d, source: s4, about: tanks, value: 5, unit: T-72 tanks}\n"
    )
    path = tmp_path / "claims.yaml"
    path.write_text(body)
    data = json.loads(cli("report", "--all", "-f", "json", str(path)).out)
    pay = next(g for g in data["groups"] if g["about"] == "pay")
    assert pay["status"] != "unit-mismatch"
    assert {c["unit"] for c in pay["claims"]} == {"USD/month"}
    tanks = next(g for g in data["groups"] if g["about"] == "tanks")
    assert tanks["claims"][0]["unit"] == "T-72 tanks"


# (the claim's value, the expected "line:col: message"). Each claim is on line i + 2.
BAD_VALUES = [
    (".nan", "`value` must be a finite number, not nan"),
    (".inf", "`value` must be a finite number, not inf"),
    ("-5", "`value` must not be negative (-5)"),
    ("true", "`value` must be a quantity, not true/false"),
    ("2020-01-01", "`value` must be a quantity, not a date"),
    (
        "[3,500, 3,800]",
        "a `value` list must be [low, high] (in a YAML list a comma separates "
        "items: write 3500, not 3,500)",
    ),
    ("[1, 2, 3]", "a `value` list must be [low, high]"),
    ("[1, many]", "each end of a `value` list must be a number, not 'many'"),
    ("[-1, 2]", "each end of a `value` list must not be negative (-1)"),
    ("{}", "a `value` mapping needs min and/or max, at_least, at_most or about"),
    ("{min: 1, at_least: 5}", "`min` and `at_least` both give the same end"),
    ("{max: 1, at_most: 5}", "`max` and `at_most` both give the same end"),
    ("{about: 400, max: 300}", "`about` stands alone in a `value` mapping"),
    ("{min: 3800, max: 3500}", "`value` has its low end 3800 above its high end 3500"),
    ("{min: lots}", "`min` must be a number, not 'lots'"),
    ("{about: .nan}", "`about` must be a finite number, not nan"),
    ("{least: 5}", "unknown field `least` in a `value` mapping (did you mean `at_least`?)"),
]


def test_bad_structured_values_are_each_located(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(_claims([b[0] for b in BAD_VALUES]))
    r = cli("report", str(path))
    assert r.code == 2 and r.out == "" and "Traceback" not in r.err, r
    for i, (_, message) in enumerate(BAD_VALUES):
        line = f"{path}:{i + 2}:"
        assert any(e.startswith(line) and message in e for e in r.err.splitlines()), (message, r)


# A value that cannot be read: the column in the file is the column of the trouble inside the
# value, however the value is quoted; when quoting or folding moves the text about, the column
# of the value itself (its message still gives the column inside the text).
LOCATED = [
    ("value: threeish hundred", 2, 12),
    ("value: about threeish hundred", 2, 18),
    ('value: "about threeish hundred"', 2, 19),
    ("value: 'about threeish hundred'", 2, 19),
    ("value:   about threeish hundred   ", 2, 20),
    ('value: "\\tabout threeish hundred"', 2, 12),  # an escape: the value's own column
    ("value: “about threeish hundred”", 2, 19),  # columns count characters, not bytes
    ("value: about\n      threeish hundred", 2, 12),  # folded over two lines
    ("value: |\n      about threeish hundred", 2, 12),
]


@pytest.mark.parametrize(("value", "line", "col"), LOCATED, ids=[v[0] for v in LOCATED])
def test_an_unreadable_value_is_located_inside_its_text(cli, tmp_path, value, line, col):
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - " + value + "\n    source: s\n    about: fighters\n")
    r = cli("report", str(path))
    assert r.code == 2, r
    assert f'{path}:{line}:{col}: cannot read value: cannot read "threeish"' in r.err, r


def test_parse_reads_with_a_claims_files_settings(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        "settings:\n  approx_tolerance: 0.2\n  vague:\n    hundreds: [100, 999]\n"
        "    a slew: [5, 50]\nclaims: []\n"
    )
    r = cli("parse", "--settings", str(path), "hundreds", "about 400", "a slew of", "dozens")
    assert r.code == 0, r
    rows = {line.split("  ")[0]: line for line in r.out.splitlines()[2:]}
    assert "[100, 999]" in rows["hundreds"] and "(from settings)" in rows["hundreds"]
    assert "[320, 480]" in rows["about 400"] and "±20%" in rows["about 400"]
    assert "[5, 50]" in rows["a slew of"]
    assert "[24, 99]" in rows["dozens"] and "(from settings)" not in rows["dozens"]
    assert "a slew" in cli("parse", "a slew of").out and cli("parse", "a slew of").code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("settings:\n  vague:\n    hundreds: [999, 100]\n")
    r = cli("parse", "--settings", str(bad), "hundreds")
    assert r.code == 2 and f"{bad}:3:15: vague word `hundreds` must be [low, high]" in r.err, r


def test_parse_shows_the_rule_and_never_raw_control_characters(cli):
    r = cli("parse", "more\x0bthan 3,500", "2,000-plus", "\x1b[31m400")
    assert "\x1b" not in r.out and "\x0b" not in r.out, r
    assert '"more than": lower bound, excluded' in r.out
    assert '"-plus": lower bound, included' in r.out

"""Hostile characters and encodings: control characters, NUL, DEL, C1, U+FFFE, UTF-16 without a
byte-order mark, bytes that are not UTF-8, lone surrogates. Each is refused at its line and
column (never a character position or a byte offset), in YAML, JSON Lines and CSV alike."""

from __future__ import annotations

import pytest

from tests.hostile import at, claim, claims_yaml, refused, run

# (character, how the message names it)
FORBIDDEN = [
    ("\x00", "U+0000 (NUL)"),
    ("\x01", "U+0001 (a control character)"),
    ("\x07", "U+0007 (BEL)"),
    ("\x08", "U+0008 (BACKSPACE)"),
    ("\x0b", "U+000B (a control character)"),
    ("\x0c", "U+000C (a control character)"),
    ("\x0e", "U+000E (a control character)"),
    ("\x1b", "U+001B (ESC)"),
    ("\x1f", "U+001F (a control character)"),
    ("\x7f", "U+007F (DEL)"),
    ("\x80", "U+0080 (a control character)"),
    ("\x9b", "U+009B (a control character)"),
    ("\x9f", "U+009F (a control character)"),
    ("\ufffe", "U+FFFE (not a character)"),
    ("\uffff", "U+FFFF (not a character)"),
]
YAML_ONLY = [  # line breaks to YAML, not to an editor: every line number after them would shift
    ("\x85", "U+0085 (NEL, a line break to YAML)"),
    ("\u2028", "U+2028 (LINE SEPARATOR)"),
    ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)"),
]


def _ids(table):
    return [f"U+{ord(ch):04X}" for ch, _ in table]


@pytest.mark.parametrize(("ch", "named"), FORBIDDEN + YAML_ONLY, ids=_ids(FORBIDDEN + YAML_ONLY))
def test_yaml_control_character_in_a_value_is_located(tmp_path, ch, named):
    text = claims_yaml(claim(), f"  - source: b\n    about: Syrian fig{ch}hters\n    value: 5\n")
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, ch)}: character {named} is not allowed in a claims file",
    )


@pytest.mark.parametrize(("ch", "named"), FORBIDDEN + YAML_ONLY, ids=_ids(FORBIDDEN + YAML_ONLY))
def test_yaml_control_character_in_a_comment_is_located(tmp_path, ch, named):
    text = claims_yaml(claim(), head="version: 1  # a note\n# and " + ch + " more\n")
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:2:7: character {named} is not allowed in a claims file",
    )


@pytest.mark.parametrize(("ch", "named"), FORBIDDEN, ids=_ids(FORBIDDEN))
def test_jsonl_control_character_is_located(tmp_path, ch, named):
    text = (
        '{"source": "a", "about": "x", "value": "5"}\n{"source": "b", "about": "y'
        + ch
        + '", "value": "7"}\n'
    )
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:{at(text, ch)}: character {named} is not allowed in a claims file",
    )


@pytest.mark.parametrize(("ch", "named"), FORBIDDEN, ids=_ids(FORBIDDEN))
def test_csv_control_character_is_located(tmp_path, ch, named):
    text = "source,about,value\na,x,5\nb,fight" + ch + "ers,7\n"
    refused(
        run(tmp_path, {"c.csv": text}, "report", "c.csv"),
        f"c.csv:3:8: character {named} is not allowed in a claims file",
    )


def test_every_control_character_is_listed(tmp_path):
    text = claims_yaml(claim("a\x01"), claim("b\x02"), claim("c\x7f"))
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        "c.yaml:3:14: character U+0001",
        "c.yaml:6:14: character U+0002",
        "c.yaml:9:14: character U+007F",
    )


def test_a_control_character_after_crlf_lines_is_located_by_line(tmp_path):
    text = claims_yaml(claim(), claim("b", "x\x1by")).replace("\n", "\r\n")
    refused(run(tmp_path, {"c.yaml": text}, "report", "c.yaml"), "c.yaml:7:13: character U+001B")


@pytest.mark.parametrize(
    ("encoding", "where"),
    [("utf-16-le", "1:2"), ("utf-16-be", "1:1"), ("utf-32-le", "1:2"), ("utf-32-be", "1:1")],
)
@pytest.mark.parametrize("name", ["c.yaml", "c.jsonl", "c.csv"])
def test_utf16_without_a_bom_is_named(tmp_path, encoding, where, name):
    text = {
        "c.yaml": claims_yaml(claim()),
        "c.jsonl": '{"source": "a", "about": "x", "value": "5"}\n',
        "c.csv": "source,about,value\na,x,5\n",
    }[name]
    refused(
        run(tmp_path, {name: text.encode(encoding)}, "report", name),
        f"{name}:{where}: a NUL character (U+0000) here: is this UTF-16 text without a "
        "byte-order mark?",
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_byte_order_mark_says_how_to_read_the_file(tmp_path, encoding):
    text = claims_yaml(claim("a", value="10"), claim("b", value="5000"))
    o = run(tmp_path, {"c.yaml": text.encode(encoding)}, "report", "c.yaml", "--format", "json")
    assert o.code == 0 and '"conflicts": 1' in o.out, o


NOT_UTF8 = [
    # (bytes, location): the column counts characters, a multi-byte character as one
    ("latin-1", "  - {source: a, about: caf\xe9, value: 5}\n".encode("latin-1"), "3:27"),
    ("after-accent", "  - {source: é, about: ".encode() + b"caf\xe9, value: 5}\n", "3:27"),
    ("cp1252-quote", b"  - {source: a, about: \x93x\x94, value: 5}\n", "3:24"),
    ("truncated-utf8", "  - {source: a, about: 日本".encode()[:-1] + b", value: 5}\n", "3:25"),
    ("lone-continuation", b"  - {source: a, about: x\x80, value: 5}\n", "3:25"),
    ("overlong", b"  - {source: a, about: \xc0\xafx, value: 5}\n", "3:24"),
    ("surrogate-bytes", b"  - {source: a, about: \xed\xa0\x80, value: 5}\n", "3:24"),
]


@pytest.mark.parametrize(("line", "where"), [n[1:] for n in NOT_UTF8], ids=[n[0] for n in NOT_UTF8])
def test_a_byte_that_is_not_utf8_is_located_by_line_and_column(tmp_path, line, where):
    data = b"version: 1\nclaims:\n" + line
    try:
        line.decode()
    except UnicodeDecodeError as e:
        byte = line[e.start]
    refused(
        run(tmp_path, {"c.yaml": data}, "report", "c.yaml"),
        f"c.yaml:{where}: not UTF-8 text: byte 0x{byte:02X} cannot be read here",
    )


@pytest.mark.parametrize("name", ["c.jsonl", "c.csv"])
def test_non_utf8_in_rows_is_located(tmp_path, name):
    data = {
        "c.jsonl": b'{"source": "a", "about": "x", "value": "5"}\n{"source": "b", "about": "caf\xe9"}\n',
        "c.csv": b"source,about,value\na,x,5\nb,caf\xe9,7\n",
    }[name]
    where = "2:30" if name == "c.jsonl" else "3:6"
    refused(
        run(tmp_path, {name: data}, "report", name), f"{name}:{where}: not UTF-8 text: byte 0xE9"
    )


def test_a_baseline_that_is_not_utf8_is_located(tmp_path):
    files = {
        "c.yaml": claims_yaml(claim("a", value="10"), claim("b", value="5000")),
        "b.json": b'{"version": 1,\n "contradictions": [], "x": "\xff"}\n',
    }
    where = at(files["b.json"].decode("latin-1"), "\xff")
    refused(run(tmp_path, files, "check", "c.yaml", "-b", "b.json"), f"b.json:{where}: not UTF-8")


SURROGATE_FIELDS = ["about", "quote", "source", "id", "note", "attributed_to", "value", "unit"]


@pytest.mark.parametrize("field", SURROGATE_FIELDS)
def test_a_lone_surrogate_in_json_lines_is_refused_where_it_stands(tmp_path, field):
    row = {"source": "a", "about": "x", "value": "5"}
    row[field] = "pre\\ud800post"
    line = "{" + ", ".join(f'"{k}": "{v}"' for k, v in row.items()) + "}"
    text = '{"source": "b", "about": "x", "value": "7"}\n' + line + "\n"
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        # at the escape itself
        f"c.jsonl:2:{line.index('pre') + 4}: U+D800 (a lone surrogate, half of a character)",
    )


@pytest.mark.parametrize("escape", ["\\udc00", "\\uDBFF", "\\ud800\\ud800"])
def test_other_lone_surrogates_are_refused(tmp_path, escape):
    text = '{"source": "a", "about": "x' + escape + '", "value": "5"}\n'
    refused(run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"), "c.jsonl:1:28: U+D")


def test_a_surrogate_pair_is_one_character(tmp_path):
    # must not: an escaped pair is a real character (here U+1F600), read and shown
    text = (
        '{"source": "a", "about": "fighters \\ud83d\\ude00", "value": "5"}\n'
        '{"source": "b", "about": "fighters \\ud83d\\ude00", "value": "500"}\n'
    )
    o = run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl")
    assert o.code == 0 and "fighters \U0001f600" in o.out, o


def test_a_lone_surrogate_in_a_baseline_reason_is_refused(tmp_path):
    files = {"c.yaml": claims_yaml(claim("a", value="10"), claim("b", value="5000"))}
    o = run(tmp_path, files, "baseline", "c.yaml", "-o", "b.json")
    assert o.code == 0, o
    text = (tmp_path / "b.json").read_text().replace('"reason": ""', '"reason": "ok \\ud800"')
    (tmp_path / "b.json").write_text(text)
    for args in (("check", "c.yaml", "-b", "b.json"), ("baseline", "c.yaml", "-o", "b.json")):
        refused(
            run(tmp_path, {}, *args),
            f"b.json:{at(text, chr(34) + 'ok')}: U+D800 (a lone surrogate",
        )
    assert (tmp_path / "b.json").read_text() == text  # never rewritten over a bad baseline


def test_a_lone_surrogate_in_a_baseline_about_is_refused(tmp_path):
    files = {
        "c.yaml": claims_yaml(claim("a", value="10"), claim("b", value="5000")),
        "b.json": '{"version": 1, "contradictions": [{"fingerprint": "0123456789abcdef", '
        '"about": "\\udfff", "claims": [{"id": "a", "source": "a", "value": "1"}, '
        '{"id": "b", "source": "b", "value": "2"}]}]}\n',
    }
    where = at(files["b.json"], chr(34) + "\\udfff")
    refused(run(tmp_path, files, "check", "c.yaml", "-b", "b.json"), f"b.json:{where}: U+DFFF")


BAD_BASELINES = [
    # (id, the baseline's text, what to find in it, message)
    (
        "deep",
        '{"version": 1, "contradictions": [], "x": ' + "[" * 5000 + "]" * 5000 + "}",
        "[" * 33,
        "nested deeper than 32 levels",
    ),
    (
        "digits",
        '{"version": 1, "contradictions": [], "x": ' + "9" * 5000 + "}",
        "9" * 10,
        "a number of 5,000 digits is too large",
    ),
    ("nan", '{"version": 1,\n "contradictions": NaN}', "NaN", "`contradictions` must be a list"),
    (
        "raw-control",
        '{"version": 1, "contradictions": [], "x": "a\x1bb"}',
        "\x1b",
        "not valid JSON: Invalid control character",
    ),
]


@pytest.mark.parametrize(
    ("text", "needle", "message"), [b[1:] for b in BAD_BASELINES], ids=[b[0] for b in BAD_BASELINES]
)
def test_a_hostile_baseline_is_refused_where_it_breaks(tmp_path, text, needle, message):
    files = {
        "c.yaml": claims_yaml(claim("a", value="10"), claim("b", value="5000")),
        "b.json": text,
    }
    where = at(text, needle)
    if needle == "[" * 33:  # the 33rd bracket of the value, after the top object's
        line, col = where.split(":")
        where = f"{line}:{int(col) + 31}"
    refused(run(tmp_path, files, "check", "c.yaml", "-b", "b.json"), f"b.json:{where}: {message}")

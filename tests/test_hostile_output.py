"""Hostile text on its way out: control characters, line and paragraph separators and bidi
controls in every command and format, error messages included, and claim text that a CI log
would read as a GitHub workflow command (`::error::`, `::add-mask::`, `##[error]`)."""

from __future__ import annotations

import json

import pytest

from tests.hostile import COMMAND, RAW, refused, run, safe

# Each reaches a claim through a JSON escape, so that any character at all can be delivered.
HOSTILE = {
    "esc": "\\u001b[31mred\\u001b[0m",
    "bel": "ding\\u0007",
    "cr": "over\\rwrite",
    "vt": "tab\\u000bbed",
    "ff": "form\\u000cfeed",
    "fs": "file\\u001csep",
    "del": "del\\u007f",
    "nel": "next\\u0085line",
    "csi": "c1\\u009b31m",
    "ls": "line\\u2028sep",
    "ps": "para\\u2029sep",
    "rlo": "\\u202eevil",
    "lri": "\\u2066iso\\u2069",
    "rlm": "mark\\u200f",
    "alm": "arabic\\u061cmark",
    "zwsp": "zero\\u200bwidth",
    "bom": "\\ufeffbom",
}
# What a CI log would run: each must come out with its `::` or `##[` defused.
COMMANDS = {
    "error": "::error::pwned",
    "add-mask": "::add-mask::secret",
    "set-output": "::set-output name=x::y",
    "spaced": "  ::warning::indented",
    "v1": "##[error]old style",
    "v1-mid": "fighters ##[group]x",
    "stop": "::stop-commands::token",
    "after-newline": "fighters\\n::error::second line",
}

OUTPUTS = {
    "report-table": ("report", "c.jsonl", "--all"),
    "report-markdown": ("report", "c.jsonl", "--all", "-f", "markdown"),
    "report-csv": ("report", "c.jsonl", "--all", "-f", "csv"),
    "report-json": ("report", "c.jsonl", "--all", "-f", "json"),
    "groups-table": ("groups", "c.jsonl", "--near-misses"),
    "groups-json": ("groups", "c.jsonl", "-f", "json"),
    "check-text": ("check", "c.jsonl", "-b", "none.json"),
    "check-github": ("check", "c.jsonl", "-b", "none.json", "-f", "github"),
    "check-json": ("check", "c.jsonl", "-b", "none.json", "-f", "json"),
    "check-sarif": ("check", "c.jsonl", "-b", "none.json", "-f", "sarif"),
}
FIELDS = ("about", "source", "id", "quote", "attributed_to", "note")


def _claims(field: str, text: str) -> str:
    rows = []
    for i, value in enumerate(("10", "5000", "about 12")):
        row = {"id": f"c{i}", "source": f"s{i}", "about": "Syrian fighters", "value": value}
        row[field] = text if field != "id" else f"{text}-{i}"
        if field == "source":
            row[field] = f"{text}-{i}"
        rows.append("{" + ", ".join(f'"{k}": "{v}"' for k, v in row.items()) + "}")
    return "\n".join(rows) + "\n"


def _check(o, name: str) -> None:
    assert o.exception is None and o.code in (0, 1), o
    if name.endswith(("json", "sarif")):
        json.loads(o.out)  # still JSON, the same values, with every hostile character escaped
        assert RAW.search(o.out) is None and "##[" not in o.out, o.out
    elif name == "check-github":
        ours = [
            line
            for line in o.out.splitlines()
            if line.startswith(("::error ", "::warning ", "::notice "))
        ]
        for line in ours:  # claim text stays inside the command, escaped
            assert RAW.search(line) is None and "##[" not in line, line
        safe("\n".join(line for line in o.out.splitlines() if line not in ours))
    else:
        safe(o.out)
    safe(o.err)


# Each hostile text in one field (turn by turn), through every output.
CHARACTER_CASES = [
    pytest.param(name, FIELDS[i % len(FIELDS)], id=f"{name}-{FIELDS[i % len(FIELDS)]}")
    for i, name in enumerate(HOSTILE)
]
# Each command in one field, turn by turn.
COMMAND_CASES = [
    pytest.param(name, FIELDS[i % len(FIELDS)], id=f"{name}-{FIELDS[i % len(FIELDS)]}")
    for i, name in enumerate(COMMANDS)
]


def _family(texts: dict[str, str]) -> str:
    """One claims file holding every text of a family, each in its field (turn by turn), so
    that each output is made once for all of them: the suite stays fast."""
    rows = []
    for i, text in enumerate(texts.values()):
        field = FIELDS[i % len(FIELDS)]
        for line in _claims(field, text).splitlines():
            row = json.loads(line)
            for key in ("id", "source"):  # each text's claims kept apart from the others'
                row[key] = f"{row[key]}-{i}"
            rows.append(json.dumps(row))
    return "\n".join(rows) + "\n"


_MADE: dict[tuple[str, str], object] = {}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """made(family, output): the outcome of one output on the family's claims file."""

    def get(family: str, output: str):
        if (family, output) not in _MADE:
            texts = HOSTILE if family == "characters" else COMMANDS
            tmp = tmp_path_factory.mktemp(f"{family}-{output}")
            _MADE[family, output] = run(tmp, {"c.jsonl": _family(texts)}, *OUTPUTS[output])
        return _MADE[family, output]

    return get


@pytest.mark.parametrize("output", list(OUTPUTS))
@pytest.mark.parametrize(("name", "field"), CHARACTER_CASES)
def test_hostile_characters_never_reach_an_output_raw(made, name, field, output):
    o = made("characters", output)
    _check(o, output)
    for ch in json.loads(f'"{HOSTILE[name]}"'):  # this text's own characters: none raw
        assert not RAW.match(ch) or ch not in o.out, (name, output)


@pytest.mark.parametrize("output", list(OUTPUTS))
@pytest.mark.parametrize(("name", "field"), COMMAND_CASES)
def test_claim_text_never_becomes_a_workflow_command(made, name, field, output):
    o = made("commands", output)
    _check(o, output)
    if output == "check-github":  # the real annotations are still there
        assert any(line.startswith("::error ") for line in o.out.splitlines()), o


@pytest.mark.parametrize(
    "text",
    list(HOSTILE.values())[:8] + list(COMMANDS.values()),
    ids=list(HOSTILE)[:8] + list(COMMANDS),
)
def test_error_messages_escape_claim_text(tmp_path, text):
    # an unknown field and an unreadable value, both quoting the claim's own text back
    line = '{"source": "a", "about": "x", "value": "' + text + '", "' + text + '": 1}\n'
    o = run(tmp_path, {"c.jsonl": line}, "report", "c.jsonl")
    refused(o, "c.jsonl:1:")


@pytest.mark.parametrize("name", ["::error::x.yaml", "##[error]x.yaml", "a\u202eb.yaml"])
def test_file_names_in_messages_are_escaped(tmp_path, name):
    o = run(tmp_path, {name: "claims: [1]\n"}, "report", name)
    assert o.code == 2 and COMMAND.search(o.err) is None and RAW.search(o.err) is None, o


@pytest.mark.parametrize("text", ["::error::x", "##[error]x", "4\u202e00", "\u001b[2J400"])
def test_parse_output_is_escaped(tmp_path, text):
    for args in (("parse", text), ("parse", "--json", text)):
        o = run(tmp_path, {}, *args)
        assert o.exception is None and o.code in (0, 2), o
        assert COMMAND.search(o.out) is None and RAW.search(o.out) is None, o
        safe(o.err)


PUBLISHED = ["2020-07-17\\u000b", "2020\\u001c-07-17", "\\u2028 2020-07-17", "2020-07-17\\u0085x"]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_control_whitespace_in_published_never_breaks_a_table(tmp_path, published, fmt):
    text = (
        "version: 1\nsources:\n"
        f'  a: {{title: A, published: "{published}"}}\n'
        "  b: {title: B}\n"
        "claims:\n"
        "  - {source: a, about: Syrian fighters, value: 10}\n"
        "  - {source: b, about: Syrian fighters, value: 5000}\n"
    )
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml", "-f", fmt)
    if o.code == 2:  # not a date: refused where it stands
        refused(o, "c.yaml:3:")
        return
    _check(o, f"report-{fmt}")
    if fmt == "markdown":
        rows = [line for line in o.out.splitlines() if line.startswith("|")]
        assert len({line.count("|") for line in rows if "---" not in line}) >= 1


def test_a_workflow_command_survives_no_baseline_round_trip(tmp_path):
    """`##[error]` in an `about` goes into the baseline (JSON, escaped) and must not come back
    out of `check --format github` or text as a command."""
    files = {"c.jsonl": _claims("about", "##[error]fighters ::error::x")}
    assert run(tmp_path, files, "baseline", "c.jsonl", "-o", "b.json").code == 0
    assert "##[" not in (tmp_path / "b.json").read_text()
    base = json.loads((tmp_path / "b.json").read_text())
    assert base["contradictions"][0]["about"] == "##[error]fighters ::error::x"
    # the claims now agree and one is gone: every entry is stale, and listed by check
    (tmp_path / "c.jsonl").write_text(
        '{"id": "c0", "source": "s0", "about": "Syrian fighters", "value": "10"}\n'
        '{"id": "c1", "source": "s1", "about": "Syrian fighters", "value": "10"}\n'
    )
    for fmt in ("text", "github", "json", "sarif"):
        o = run(tmp_path, {}, "check", "c.jsonl", "-b", "b.json", "-f", fmt)
        assert o.code == 0, o
        _check(o, "check-" + fmt)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('{"a": "plain ascii",\n\t"b": 1}', '{"a": "plain ascii",\n\t"b": 1}'),
        ('"del\x7f"', '"del\\u007f"'),  # ASCII, yet one to escape
        ('"cr\rhere"', '"cr\\u000dhere"'),
        ('"caf\u00e9 \u2028"', '"caf\u00e9 \\u2028"'),  # not ASCII: searched as before
        ('"##[error]"', '"##\\u005berror]"'),
    ],
)
def test_json_text_escapes_what_would_show_raw_and_nothing_else(text, written):
    from discrepancy.render.formatting import json_safe

    assert json_safe(text) == written

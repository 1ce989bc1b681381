"""Hostile rows: broken CSV (an unterminated quote swallowing the rows after it, text after a
closing quote, short rows whose cells would shift, a file cut mid-row) and JSON Lines nested
deep, with huge numbers or repeated keys. Each ends in a located refusal or the right reading."""

from __future__ import annotations

import pytest

from discrepancy import limits
from tests.hostile import at, refused, run

HEAD = "source,about,value\n"

BROKEN_CSV = [
    # (id, rows after the header, expected location, message start)
    (
        "unterminated-swallows",
        'a,"x,5\nb,x,500\nc,x,7\n',
        "2:3",
        "a quoted cell opens here and never closes",
    ),
    ("unterminated-last", 'a,x,5\nb,"x,500\n', "3:3", "a quoted cell opens here and never closes"),
    (
        "unterminated-first-cell",
        '"a,x,5\nb,x,500\n',
        "2:1",
        "a quoted cell opens here and never closes",
    ),
    (
        "unterminated-mid-file",
        'a,x,5\nb,"fighters,500\nc,x,7\nd,x,8\n',
        "3:3",
        "a quoted cell opens here and never closes",
    ),
    ("text-after-quote", 'a,"x"y,5\nb,x,500\n', "2:6", "text after a closing quote"),
    ("space-after-quote", 'a,"x" ,5\nb,x,500\n', "2:6", "text after a closing quote"),
    ("quote-after-quote-cell", 'a,"x""y"z,5\n', "2:9", "text after a closing quote"),
    ("short-row", "a,x\nb,x,500\n", "2:1", "2 cells in a row, but the header names 3 columns"),
    ("one-cell", "a\nb,x,500\n", "2:1", "1 cell in a row, but the header names 3 columns"),
    (
        "short-row-later",
        "a,x,5\nb,x,500\nc,7\n",
        "4:1",
        "2 cells in a row, but the header names 3 columns",
    ),
    (
        "truncated-mid-row",
        "a,x,5\nb,x",
        "3:1",
        "2 cells in a row, but the header names 3 columns (the file ends mid-row: cut short?)",
    ),
    ("truncated-in-quote", 'a,x,5\nb,"x', "3:3", "a quoted cell opens here and never closes"),
    ("long-row", "a,x,5,9\n", "2:4", "4 cells in a row, but the header names 3 columns"),
    ("long-row-many", "a,x,5,9,9,9\n", "2:4", "6 cells in a row, but the header names 3 columns"),
]


@pytest.mark.parametrize(
    ("rows", "where", "message"),
    [b[1:] for b in BROKEN_CSV],
    ids=[b[0] for b in BROKEN_CSV],
)
def test_broken_csv_is_refused_where_it_breaks(tmp_path, rows, where, message):
    refused(run(tmp_path, {"c.csv": HEAD + rows}, "report", "c.csv"), f"c.csv:{where}: {message}")


def test_every_short_row_is_listed(tmp_path):
    refused(
        run(tmp_path, {"c.csv": HEAD + "a,x\nb,x,5\nc,7\n"}, "report", "c.csv"),
        "c.csv:2:1: 2 cells in a row",
        "c.csv:4:1: 2 cells in a row",
    )


# must not: CSV that spreadsheets write is read, every row at its own line
GOOD_CSV = [
    ("multi-line-cell", 'a,"Syrian\nfighters",5\nb,Syrian fighters,500\n', 2),
    ("doubled-quotes", 'a,"the ""official"" count",5\nb,x,500\n', 2),
    ("quote-mid-cell", 'a,x"y,5\nb,x,500\n', 2),
    ("crlf", "a,x,5\r\nb,x,500\r\n", 2),
    ("blank-lines", "\na,x,5\n\n\nb,x,500\n", 2),
    ("trailing-empty-cells", "a,x,5\nb,x,500\n,,\n", 2),
    ("quoted-commas", 'a,"fighters, Syrian",5\nb,"fighters, Syrian",500\n', 2),
    ("bom", "\ufeffsource,about,value\na,x,5\n", 1),
]


@pytest.mark.parametrize(("text", "n"), [g[1:] for g in GOOD_CSV], ids=[g[0] for g in GOOD_CSV])
def test_csv_spreadsheets_write_is_read(tmp_path, text, n):
    full = text if text.startswith("\ufeff") else HEAD + text
    o = run(tmp_path, {"c.csv": full}, "report", "c.csv", "--format", "json")
    assert o.code == 0 and f'"claims": {n}' in o.out, o


def test_a_row_after_a_multi_line_cell_is_located_at_its_own_line(tmp_path):
    # line 4 of the file, the spreadsheet's row 3: located as editors and CI count
    text = HEAD + 'a,"Syrian\nfighters",5\nb,x,zzz\n'
    refused(run(tmp_path, {"c.csv": text}, "report", "c.csv"), "c.csv:4:3: cannot read value")


def test_a_short_row_after_a_multi_line_cell_is_located_at_its_own_line(tmp_path):
    text = HEAD + 'a,"Syrian\nfighters",5\nb,x\n'
    refused(run(tmp_path, {"c.csv": text}, "report", "c.csv"), "c.csv:4:1: 2 cells in a row")


def test_a_broken_quote_after_a_multi_line_cell_is_located_by_line(tmp_path):
    text = HEAD + 'a,"Syrian\nfighters",5\nb,"x"y,7\n'
    refused(run(tmp_path, {"c.csv": text}, "report", "c.csv"), "c.csv:4:6: text after a closing")


def test_a_csv_past_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS_BYTES", 20)
    text = HEAD + "a,x,5\nb,x"
    refused(
        run(tmp_path, {"c.csv": text}, "report", "c.csv"),
        f"c.csv: a CSV file of {len(text)} bytes is over the limit of 20 bytes",
    )


def _row(value: str, extra: str = "") -> str:
    return '{"source": "a", "about": "x", "value": ' + value + extra + "}\n"


def test_json_lines_nested_a_thousand_deep_is_refused(tmp_path):
    text = _row("[" * 1000 + "]" * 1000)
    # the row itself is the first level: the 32nd bracket opens level 33
    col = text.index("[") + 32
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:1:{col}: nested deeper than 32 levels",
    )


@pytest.mark.parametrize("n", [32, 33, 100])
def test_json_lines_nesting_past_the_limit_is_refused(tmp_path, n):
    text = _row('"5"', ', "note": ' + "[" * n + "]" * n)
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:1:{text.index('[') + 32}: nested deeper than 32 levels",
    )


def test_brackets_inside_strings_are_not_nesting(tmp_path):
    text = _row('"5"', ', "note": "' + "[" * 100 + '"')
    o = run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl", "--format", "json")
    assert o.code == 0 and '"claims": 1' in o.out, o


HUGE_JSON = [
    ("5000-digits", "1" * 5000, "a number of 5,000 digits is too large"),
    ("400-digits", "1" + "0" * 400, "a number of 401 digits is too large"),
    ("31-digits", "1" * 31, "a number of 31 digits is too large"),
    ("negative", "-" + "9" * 400, "a number of 400 digits is too large"),
    ("float-inf", "1e400", "`value` must be a finite number"),
    ("float-long", "1" * 400 + ".5", "a number of 400 digits is too large"),
    ("float-big", "1e40", "`value` must be at most 10^30"),
]


@pytest.mark.parametrize(
    ("number", "message"), [h[1:] for h in HUGE_JSON], ids=[h[0] for h in HUGE_JSON]
)
def test_huge_numbers_in_json_lines_are_refused(tmp_path, number, message):
    text = _row(number)
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:{at(text, number)}: {message}",
    )


@pytest.mark.parametrize("field", ["note", "id", "period", "quote"])
def test_huge_numbers_in_other_fields_are_refused(tmp_path, field):
    number = "7" * 5000
    text = _row('"5"', f', "{field}": {number}')
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:{at(text, number)}: a number of 5,000 digits is too large",
    )


@pytest.mark.parametrize(
    ("bound", "number"), [("min", "1" * 400), ("max", "1e400"), ("about", "1" * 40)]
)
def test_huge_numbers_in_a_value_mapping_are_refused(tmp_path, bound, number):
    text = _row('{"' + bound + '": ' + number + "}")
    o = run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl")
    refused(o, "c.jsonl:1:")
    assert "too large" in o.err or "finite" in o.err or "at most 10^30" in o.err


DUPLICATES = [
    ("about", '{"source": "a", "about": "x", "value": "5", "about": "y"}'),
    ("source-first", '{"source": "a", "source": "b", "about": "x", "value": "5"}'),
    ("value", '{"value": "1", "source": "a", "about": "x", "value": "5"}'),
    ("triple", '{"about": "x", "source": "a", "about": "y", "value": "5", "about": "z"}'),
]


@pytest.mark.parametrize("line", [d[1] for d in DUPLICATES], ids=[d[0] for d in DUPLICATES])
def test_a_duplicate_json_key_is_located_at_the_duplicate(tmp_path, line):
    key = next(k for k in ("about", "source", "value") if line.count(f'"{k}"') > 1)
    second = at(line, f'"{key}"', 2)
    value_col = int(second.split(":")[1]) + len(key) + 4  # past `"key": `
    refused(
        run(tmp_path, {"c.jsonl": line + "\n"}, "report", "c.jsonl"),
        f"c.jsonl:1:{value_col}: duplicate key '{key}'",
    )


def test_a_duplicate_key_nested_in_a_value_is_refused(tmp_path):
    line = '{"source": "a", "about": "x", "value": {"min": 1, "min": 2}}'
    refused(run(tmp_path, {"c.jsonl": line + "\n"}, "report", "c.jsonl"), "c.jsonl:1:")


BAD_JSON = [
    ("truncated", '{"source": "a", "about"', "1:24", "malformed JSON"),
    ("not-object", '["a", "x", 5]', "1:1", "each line must be a JSON object"),
    ("string", '"a claim"', "1:1", "each line must be a JSON object"),
    ("nan", '{"source": "a", "about": "x", "value": NaN}', "1:40", "NaN is not a number"),
    ("trailing-comma", '{"source": "a", "about": "x", "value": 5,}', "1:42", "malformed JSON"),
    ("two-objects", '{"source": "a", "about": "x", "value": 5} {"x": 1}', "1:43", "malformed JSON"),
]


@pytest.mark.parametrize(
    ("line", "where", "message"), [b[1:] for b in BAD_JSON], ids=[b[0] for b in BAD_JSON]
)
def test_bad_json_lines_are_located(tmp_path, line, where, message):
    text = '{"source": "b", "about": "x", "value": 7}\n' + line + "\n"
    where = f"2:{where.split(':')[1]}"
    refused(run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"), f"c.jsonl:{where}: {message}")


# must not: line and paragraph separators inside JSON strings are text, read and shown escaped
@pytest.mark.parametrize("ch", ["\u2028", "\u2029", "\x85"])
def test_separators_inside_json_strings_are_text(tmp_path, ch):
    text = '{"source": "a", "about": "x' + ch + 'y", "value": "5"}\n'
    text += '{"source": "b", "about": "x' + ch + 'y", "value": "500"}\n'
    o = run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl")
    # one line of text: the separator is shown as the space it stands for
    assert o.code == 0 and "CONFLICT  x y\n" in o.out and ch not in o.out, o


def test_a_long_json_text_value_is_refused(tmp_path):
    quote = "q" * (limits.MAX_TEXT + 5)
    text = _row('"5"', f', "quote": "{quote}"')
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:{at(text, chr(34) + 'qqq')}: `quote` is 10,005 characters long: the limit is 10,000",
    )


def test_a_long_csv_about_is_refused(tmp_path):
    about = ("fighters " * 200).strip()
    refused(
        run(tmp_path, {"c.csv": HEAD + f"a,{about},5\n"}, "report", "c.csv"),
        "c.csv:2:2: `about` is 1,799 characters long: the limit is 1,000",
    )


def test_a_json_line_past_its_limit_is_refused_unread(tmp_path):
    note = "w" * (limits.MAX_ROW + 1)
    text = '{"source": "b", "about": "x", "value": "7"}\n' + _row('"5"', f', "note": "{note}"')
    n = len(text.splitlines()[1])
    refused(
        run(tmp_path, {"c.jsonl": text}, "report", "c.jsonl"),
        f"c.jsonl:2:1: a line of {n:,} characters: the limit is 200,000",
    )


def test_a_csv_cell_past_the_csv_limit_is_refused(tmp_path):
    text = HEAD + "b,x,7\n" + "a," + "w" * 140_000 + ",5\n"
    refused(
        run(tmp_path, {"c.csv": text}, "report", "c.csv"),
        "c.csv:3:1: a cell longer than 131,072 characters (a text value holds at most 10,000)",
    )


def test_a_csv_row_past_its_limit_is_refused(tmp_path):
    cells = ",".join(["w" * 100_000] * 3)
    text = "source,about,value,quote,note,attributed_to\nb,x,7,,,\na,x,5," + cells + "\n"
    refused(
        run(tmp_path, {"c.csv": text}, "report", "c.csv"),
        f"c.csv:3:1: a row of {len(cells) + 7:,} characters: the limit is 200,000",
    )

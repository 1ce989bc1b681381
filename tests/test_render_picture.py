"""The range picture: bar positions on known axes, axis choice, and the Wagner disagreement."""

from __future__ import annotations

import pytest

from discrepancy.model import Quantity, Settings
from discrepancy.quantities import parse_quantity
from discrepancy.render.fit import columns
from discrepancy.render.picture import LABEL_WIDTH, Axis, axis_for, bar, picture
from tests.helpers import claim

INF = float("inf")
# Eleven columns, so column i stands for 10 × i on the linear axis, 10^(i/2) on the log one.
LINEAR = Axis(0, 100, False, (0, 50, 100), width=11)
LOG = Axis(1, 100_000, True, (1, 10, 100, 1000, 10_000, 100_000), width=11)


def q(lo, hi, lo_open=False, hi_open=False):
    return Quantity(lo, hi, lo_open, hi_open)


# (quantity, axis, the bar exactly)
BARS = [
    (q(20, 50), LINEAR, "  [━━]     "),
    (q(20, 50, lo_open=True), LINEAR, "  (━━]     "),
    (q(20, 50, hi_open=True), LINEAR, "  [━━)     "),
    (q(0, 100), LINEAR, "[━━━━━━━━━]"),
    (q(30, 30), LINEAR, "   ●       "),
    # no upper bound: an arrow at the right edge of the axis
    (q(70, INF), LINEAR, "       [━━▶"),
    (q(70, INF, lo_open=True), LINEAR, "       (━━▶"),
    # closer than one column still shows both ends
    (q(40, 41), LINEAR, "    []     "),
    (q(99, 100), LINEAR, "         []"),
    # log axis: a decade every two columns
    (q(10, 1000), LOG, "  [━━━]    "),
    (q(100, INF), LOG, "    [━━━━━▶"),
    # 0 has no place on a log axis: the bar runs off the left edge towards it
    (q(0, 100, hi_open=True), LOG, "◀━━━)      "),
]


@pytest.mark.parametrize(
    ("quantity", "axis", "expected"),
    BARS,
    ids=[f"{'log' if a.log else 'lin'}-{x.lo}-{x.hi}" for x, a, _ in BARS],
)
def test_bar_positions(quantity, axis, expected):
    assert bar(quantity, axis) == expected


def _axis(*values):
    return axis_for([parse_quantity(v, Settings()) for v in values])


@pytest.mark.parametrize(
    ("values", "log", "ticks"),
    [
        # Wagner: 200 to 2,000 is a factor of exactly 10, so still linear; a step past 2,000 for ▶
        (["hundreds", "at least two thousand"], False, (0, 500, 1000, 1500, 2000, 2500)),
        (["3,500", "between 3,500 and 3,800"], False, (3500, 3600, 3700, 3800)),
        (["3,500", "more than 3,500"], False, (3000, 4000, 5000)),
        # one number sits mid-axis
        (["two", "2"], False, (1.5, 2, 2.5)),
        # more than a factor of 10: decades
        (["dozens", "thousands"], True, (10, 100, 1000, 10_000)),
        (["dozens", "at least 5,000"], True, (10, 100, 1000, 10_000, 100_000)),
        # a 0 lower end gets a decade of room below the smallest positive end, for ◀
        (["fewer than 400", "5,000"], True, (10, 100, 1000, 10_000)),
        # ... but does not by itself make the axis log
        (["fewer than 400", "about 400"], False, (0, 100, 200, 300, 400, 500)),
    ],
)
def test_axis_choice_and_ticks(values, log, ticks):
    axis = _axis(*values)
    assert (axis.log, axis.ticks) == (log, ticks)
    assert (axis.lo, axis.hi) == (ticks[0], ticks[-1])


def _rows(text):
    """label -> bar, for the bar rows of a picture (the lines before the axis)."""
    rows = {}
    for line in text.splitlines():
        if "┬" in line:
            break
        label, _, rest = line.partition("  ")
        rows[label.strip() + " " + rest.strip().rsplit("  ", 1)[0].strip()] = line
    return rows


def _span(line):
    """Columns of the first and last bar glyph in a picture row."""
    start = next(i for i, ch in enumerate(line) if ch in "[(●◀")
    return start, len(line.rstrip()) - 1


def test_bars_are_ordered_on_one_shared_axis():
    text = picture(
        [
            claim("a", "x", "at least 2,000", source="high"),
            claim("b", "x", "hundreds", source="low"),
            claim("c", "x", "about 1,500", source="mid"),
        ]
    )
    lines = text.splitlines()
    high, low, mid = (_span(line) for line in lines[:3])
    assert low[1] < mid[0] and mid[1] < high[0]  # none overlap, in order of value
    assert lines[0].rstrip().endswith("▶") and lines[1].rstrip().endswith("]")
    assert [line.index("┬") for line in lines if "┬" in line] == [low[0] - 5]  # one axis, at 0
    assert lines[0].startswith("high  at least 2,000")


def test_open_ends_are_drawn_open():
    text = picture([claim("a", "x", "more than 3,500"), claim("b", "x", "fewer than 3,000")])
    more, fewer = text.splitlines()[:2]
    assert more.rstrip()[-1] == "▶" and more[_span(more)[0]] == "("
    assert fewer.rstrip()[-1] == ")" and fewer[_span(fewer)[0]] == "["


def test_the_axis_says_its_scale_unit_and_glyphs():
    text = picture([claim("a", "x", "$10"), claim("b", "x", "more than $5,000")])
    # the legend names only the glyphs drawn
    assert text.splitlines()[-1].strip() == (
        "USD · log scale · ( ) open end · ● one number · ▶ no upper bound"
    )
    assert "10" in text.splitlines()[-2] and "10,000" in text.splitlines()[-2]


def test_each_unit_gets_its_own_axis_and_unquantified_claims_no_bar():
    text = picture(
        [
            claim("a", "x", "$1,000"),
            claim("b", "x", "$1,500 a month"),
            claim("c", "x", "an unknown number", source="quiet"),
        ]
    )
    assert sum("┬" in line for line in text.splitlines()) == 2
    assert "quiet  an unknown number  (no number)" in text
    assert "USD/month · linear scale" in text


def test_fewer_than_two_numbers_draw_nothing():
    assert picture([claim("a", "x", "10")]) == ""
    assert picture([claim("a", "x", "10"), claim("b", "x", "an unknown number")]) == ""


def test_labels_are_cleaned_cut_and_aligned():
    text = picture(
        [
            claim("a", "x", "10", source="evil\x1b[31m\nsource"),
            claim("b", "x", "ten protesters in early April 2020, as of 2021", source="s" * 40),
            claim("c", "x", "10", source="東京新聞"),
        ]
    )
    assert "\x1b" not in text and "evil\\x1b[31m source  " in text
    lines = text.splitlines()
    # a long source gives way to the value, and the label is cut at LABEL_WIDTH
    assert lines[1].startswith("s" * 21 + "…  ten prote…  ")
    assert columns(lines[1].split("  ")[0] + "  " + lines[1].split("  ")[1]) == LABEL_WIDTH
    # every ● stands in the same terminal column, over the middle tick: 東京新聞 is 8 columns
    ruler = lines[3]
    middle = [i for i, ch in enumerate(ruler) if ch == "┬"][1]
    assert [columns(line[: line.index("●")]) for line in lines[:3]] == [middle] * 3


def test_values_line_up_whatever_the_source_ids_lengths():
    text = picture(
        [
            claim("a", "x", "hundreds", source="ap"),
            claim("b", "x", "at least 2,000", source="reuters-2023-05-01"),
        ]
    )
    first, second = text.splitlines()[:2]
    assert first.index("hundreds") == second.index("at least 2,000") == len("reuters-2023-05-01  ")


@pytest.mark.parametrize("columns_", [60, 76, 96, 116])
def test_the_picture_fits_its_columns_and_every_tick_keeps_its_label(columns_):
    claims = [
        claim("a", "x", "an approximate salary of $1,000", source="enab-baladi"),
        claim("b", "x", "$1,100", source="s"),
        claim("c", "x", "hundreds"),
        claim("d", "x", "at least two thousand"),
    ]
    text = picture(claims, columns=columns_)
    assert max(columns(line) for line in text.splitlines()) <= columns_
    for ruler, labels in zip(text.splitlines(), text.splitlines()[1:]):
        if "┬" in ruler:
            assert len(labels.split()) == ruler.count("┬")  # no tick label dropped for room


@pytest.fixture(scope="module")
def wagner_picture():
    from tests.conftest import run_cli

    r = run_cli("report")
    assert r.code == 0, r
    block = r.out.split("\n\n")[0]
    assert block.startswith("CONFLICT") and "Wagner" in block
    return [line for line in block.splitlines() if "━" in line or "┬" in line]


def test_wagner_picture_shows_two_ranges_not_overlapping(wagner_picture):
    hundreds = next(line for line in wagner_picture if "seed-000  hundreds" in line)
    two_thousand = next(
        line for line in wagner_picture if "seed-004  at least two thousand" in line
    )
    (a0, a1), (b0, b1) = _span(hundreds), _span(two_thousand)
    assert hundreds[a0] == "[" and hundreds[a1] == "]"
    assert two_thousand[b0] == "[" and two_thousand[b1] == "▶"
    assert a1 + 10 < b0  # a wide gap of empty columns between the ranges
    assert set(two_thousand[a1 + 1 : b0]) == {" "} and set(hundreds[a1 + 1 :]) <= {" "}


def test_terminal_report_escapes_every_claim_field(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        "claims:\n"
        '  - {id: "i\\e[2J", source: "s\\e[31m", about: fighters, value: "10", note: "n\\a",\n'
        '     unit: "u\\e]0;title\\a"}\n'
        '  - {source: b, about: fighters, value: "500", unit: "u\\e]0;title\\a"}\n'
    )
    r = cli("report", "claims.yaml", cwd=tmp_path)  # a short path: no line wraps mid-check
    assert r.code == 0, r
    assert "\x1b" not in r.out and "\x07" not in r.out
    assert "s\\x1b[31m  10" in r.out  # the picture's label
    assert "(s\\x1b[31m, " in r.out and "note (i\\x1b[2J): n\\x07" in r.out

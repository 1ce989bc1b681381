"""The terminal report lays itself out for the width it has: no line longer than the width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from discrepancy.cli import load
from discrepancy.pipeline import analyse
from discrepancy.render import table
from discrepancy.render.fit import columns, share, wrap, wrap_parts
from discrepancy.render.options import Options
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def seeds():
    return analyse(load([ROOT / "claims.yaml"]))


def _too_long(text: str, width: int) -> list[str]:
    """Lines longer than `width`, but for a URL on a line of its own (never cut)."""
    return [line for line in text.splitlines() if columns(line) > width and line != URL]


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("show_all", [False, True])
def test_no_line_is_longer_than_the_terminal(seeds, width, show_all):
    text = table.report(seeds, Options(show_all, False, width))
    assert _too_long(text, width) == []
    assert "hundreds" in text and "Wagner" in text and "Sources" in text


def test_a_narrow_terminal_lists_claims_one_below_the_other(seeds):
    text = table.report(seeds, Options(False, width=60))
    assert "  hundreds  [200, 999]  seed-000\n" in text
    assert "    attributed to Turkey and the United States\n" in text
    assert "    “at least two thousand fighters of the Russian private\n" in text
    wide = table.report(seeds, Options(False, width=120))
    assert "value                  interval    source    attributed to" in wide


def test_the_picture_shrinks_and_keeps_its_axis_readable(seeds):
    text = table.report(seeds, Options(False, width=60))
    block = text.split("\n\n")[0].splitlines()
    ruler = next(i for i, line in enumerate(block) if "┬" in line)
    assert block[ruler + 1].split() == ["0", "1,000", "2,000", "3,000"]
    assert block[ruler - 1].startswith("  seed-004  at least two th…")


def test_colour_does_not_count_towards_the_width(seeds):
    plain = table.report(seeds, Options(False, False, 60))
    coloured = table.report(seeds, Options(False, True, 60))
    assert "\x1b[31;1mCONFLICT\x1b[0m" in coloured
    assert re.sub("\x1b\\[[0-9;]*m", "", coloured) == plain


URL = "https://example.org/2023/05/01/a-long-story-about-the-fighters-in-libya"


def test_hostile_text_still_fits(tmp_path: Path):
    path = tmp_path / "claims.yaml"
    long_word = "x" * 150
    path.write_text(
        "sources:\n"
        "  a-very-long-source-identifier-from-a-scraper-2023-05-01:\n"
        f"    title: {long_word}\n"
        "    publisher: 東京新聞 東京新聞 東京新聞 東京新聞 東京新聞 東京新聞 東京新聞 東京新聞\n"
        "    published: 2023-05-01\n"
        f"    url: {URL}\n"
        "  b:\n    title: short\n"
        "claims:\n"
        "  - source: a-very-long-source-identifier-from-a-scraper-2023-05-01\n"
        f"    about: fighters {long_word}\n"
        "    value: hundreds\n"
        f"    quote: 東京新聞 {long_word} 東京新聞東京新聞東京新聞東京新聞東京新聞東京新聞東京新聞\n"
        f"    attributed_to: {long_word}\n"
        "    period: 2023-01-01/2023-02-01\n"
        "  - source: b\n"
        f"    about: fighters {long_word}\n"
        "    value: at least five thousand\n",
        encoding="utf-8",
    )
    analysis = analyse(load([path]))
    for width in (40, 60, 80, 120):
        text = table.report(analysis, Options(False, width=width))
        assert _too_long(text, width) == [], width
        assert "published 2023-05-01" in text  # the source's date, told apart from the period
        # a URL is never cut (it would no longer open): too long for a line, it stands alone
        assert f"\n{URL}\n" in text if len(URL) + 30 > width else f" {URL}\n" in text


# ---------------------------------------------------------------- the pieces


@pytest.mark.parametrize(
    ("text", "width", "indent", "hang", "expected"),
    [
        ("a bb ccc", 5, "", None, ["a bb", "ccc"]),
        ("a bb ccc", 8, "", None, ["a bb ccc"]),
        ("a bb ccc", 7, "  ", "    ", ["  a bb", "    ccc"]),
        # a word longer than a line is split, never run over
        ("abcdefgh", 3, "", None, ["abc", "def", "gh"]),
        # wide characters take two columns
        ("東京 新聞", 4, "", None, ["東京", "新聞"]),
        ("", 10, "  ", None, []),
    ],
)
def test_wrap(text, width, indent, hang, expected):
    assert wrap(text, width, indent, hang) == expected


def test_wrap_parts_breaks_between_parts():
    assert wrap_parts(["38 claims", "5 sources", "28 groups"], 20) == [
        "38 claims",
        "5 sources",
        "28 groups",
    ]
    assert wrap_parts(["38 claims", "5 sources", "28 groups"], 22) == [
        "38 claims · 5 sources",
        "28 groups",
    ]
    assert wrap_parts(["a", "", "b"], 10) == ["a · b"]


@pytest.mark.parametrize(
    ("natural", "minimum", "width", "expected"),
    [
        ([5, 5], [1, 1], 20, [5, 5]),  # room to spare: natural widths
        ([10, 30], [5, 10], 30, [10, 18]),  # the widest column gives first
        ([20, 20], [5, 5], 22, [10, 10]),
        ([20, 20], [15, 15], 22, None),  # even the minimums do not fit
    ],
)
def test_share(natural, minimum, width, expected):
    assert share(natural, minimum, width) == expected


def test_the_one_column_shortcut_agrees_with_unicodedata():
    import unicodedata

    from discrepancy.render.fit import _ONE_COLUMN

    wrong = [
        hex(i)
        for i in range(0x3000)
        if _ONE_COLUMN.fullmatch(chr(i))
        and unicodedata.category(chr(i)) != "Cn"  # unassigned: nothing to draw
        and (unicodedata.combining(chr(i)) or unicodedata.east_asian_width(chr(i)) in "WF")
    ]
    assert wrong == []


@pytest.mark.parametrize("width", [60, 80, 120])
def test_groups_fit_the_terminal_too(seeds, width):
    from discrepancy.render import groups_table

    text = groups_table.render(seeds, Options(width=width))
    assert _too_long(text, width) == []
    assert "ru-wagner-mercenaries-000" in text

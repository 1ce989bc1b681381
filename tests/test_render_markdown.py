"""`report --format markdown`: the golden file, and what a real CommonMark/GFM parser reads."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from discrepancy.render.formatting import clean
from discrepancy.render.markdown import Anchors, code, fence, slug, text, url
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
# CommonMark plus GitHub's tables and strikethrough, the GFM extensions that read plain text.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(token):
    """What a reader sees of an inline token: its text, with code spans' content."""
    return "".join(c.content for c in token.children if c.type in ("text", "code_inline"))


def tables(tokens):
    """Each table as a list of rows, each row a list of inline tokens (header row first)."""
    out, rows, row = [], None, None
    for t in tokens:
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            row = []
        elif t.type == "inline" and row is not None:
            row.append(t)
        elif t.type == "tr_close":
            rows.append(row)
            row = None
        elif t.type == "table_close":
            out.append(rows)
    return out


def pipes(line):
    """Unescaped pipes in a table line (a `\\\\` is an escaped backslash, not an escape)."""
    return sum(1 for m in re.finditer(r"\\.|\|", line) if m.group() == "|")


def headings(tokens):
    """Anchor of every heading, as GitHub makes them from the heading's text, in order."""
    anchors = Anchors()
    return [
        anchors(inline_text(tokens[i + 1]))
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]


def links(tokens):
    return [
        c.attrs["href"]
        for t in tokens
        if t.type == "inline"
        for c in t.children
        if c.type == "link_open"
    ]


def check_well_formed(markdown):
    """Every table row has the header's cells, and every # link names a heading."""
    tokens = MD.parse(markdown)
    for rows in tables(tokens):
        assert {len(r) for r in rows} == {len(rows[0])}
    # the parser pads short rows and drops extra cells, so count the cell separators too
    blocks = re.findall(r"((?:^\| .*\n)+)", markdown, re.M)
    assert len(blocks) == len(tables(tokens)) > 0
    for block in blocks:
        lines = block.splitlines()
        assert {pipes(line) for line in lines} == {pipes(lines[0])}, block
    anchors = set(headings(tokens))
    internal = [h for h in links(tokens) if h.startswith("#")]
    assert internal and all(h[1:] in anchors for h in internal)
    return tokens


# ---------------------------------------------------------------- the golden file


@pytest.mark.parametrize(("golden", "flags"), [("claims.md", []), ("claims-all.md", ["--all"])])
def test_markdown_matches_the_golden_file_byte_for_byte(cli, tmp_path, golden, flags):
    # (a real process with another hash seed gives the same bytes: test_cli_process.py)
    expected = (GOLDEN / golden).read_bytes()
    out = tmp_path / "report.md"
    r = cli("report", "-f", "markdown", *flags, "-o", str(out))
    assert r.code == 0, r
    assert out.read_bytes() == expected, f"tests/golden/{golden} is stale: run `make golden`"


@pytest.fixture(scope="module")
def golden_all():
    return (GOLDEN / "claims-all.md").read_text(encoding="utf-8")


def test_golden_markdown_is_well_formed_gfm(golden_all):
    tokens = check_well_formed(golden_all)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    # a section for each of the 28 groups, after the title and the two parts
    assert len(headings(tokens)) == 1 + 2 + 28 + 1


def test_golden_markdown_says_what_it_was_made_from(golden_all):
    digest = hashlib.sha256((ROOT / "claims.yaml").read_bytes()).hexdigest()[:12]
    assert f"Made from `claims.yaml` (sha256 `{digest}`)" in golden_all
    assert "/work" not in golden_all and str(ROOT) not in golden_all


def test_made_from_names_every_input_as_given_with_its_own_hash(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    files = {
        "a.yaml": "claims:\n  - {source: a, about: fighters, value: 10}\n",
        "sub/b.yaml": "claims:\n  - {source: b, about: fighters, value: 500}\n",
    }
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    r = cli("report", "a.yaml", "sub", "-f", "markdown", cwd=tmp_path)
    assert r.code == 0, r
    digests = [hashlib.sha256(body.encode()).hexdigest()[:12] for body in files.values()]
    assert (
        f"Made from `a.yaml` (sha256 `{digests[0]}`), `sub/b.yaml` (sha256 `{digests[1]}`) "
        "by discrepancy"
    ) in r.out
    assert str(tmp_path) not in r.out


def test_golden_markdown_holds_the_wagner_conflict_with_provenance(golden_all):
    section = golden_all.split("### Russian mercenaries of the Wagner Group")[1].split("\n### ")[0]
    assert "**conflict** · gap 2.0×" in section
    assert "| hundreds | \\[200, 999\\] | seed-000 |  | claims.yaml:85 |" in section
    assert "> “hundreds of Russian mercenaries have supported" in section
    assert "```text\nseed-000  hundreds" in section
    # --all puts the groups that agree after the disagreements
    assert golden_all.index("## Disagreements") < golden_all.index("## Other groups")
    assert golden_all.index("### Syrian fighters sent by Turkey to Libya") > golden_all.index(
        "## Other groups"
    )


def test_without_all_only_disagreements(cli):
    r = cli("report", "-f", "markdown")
    assert r.code == 0, r
    assert "## Other groups" not in r.out
    assert [m for m in re.findall(r"^### (.*)", r.out, re.M)] == [
        "Russian mercenaries of the Wagner Group fighting for Haftar in Libya",
        "salary offered by the Russian side to Syrian recruits for Libya",
    ]


def test_no_conflicts(cli, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(
        "claims:\n  - {source: a, about: fighters, value: 10}\n"
        "  - {source: b, about: fighters, value: about 10}\n"
    )
    r = cli("report", str(path), "-f", "markdown")
    assert r.code == 0, r
    assert "## Disagreements\n\nNo conflicts. (`--all` lists the groups that agree.)" in r.out
    r = cli("report", str(path), "-f", "markdown", "--all")
    assert "No conflicts.\n\n## Other groups" in r.out and "**agree**" in r.out
    check_well_formed(r.out)


# ---------------------------------------------------------------- hostile text

HOSTILE_ABOUT = (
    "fighters <img src=x onerror=alert(1)> | `ab` #tag ~~s~~ "
    "[x](javascript:alert(1)) 1. - all of them"
)
HOSTILE_QUOTE = (
    "line one\nline two | ```` fence ```` <script>alert('q')</script>\x1b[31m red"
    "\x07 - [x](javascript:alert(1)) $a$ &amp;"
)
LONG_QUOTE = "a very long quote, " * 40 + "the end"
# JSON strings are YAML double-quoted scalars, escapes and all
HOSTILE_YAML = f"""version: 1
sources:
  "evil|```src``` <b>bold</b>":
    title: "<script>alert('title')</script> | *t*"
    url: "javascript:alert('src')"
  safe:
    url: "https://example.org/a page (2)|x?q=1&r=2"
claims:
  - id: "id`1`|x"
    source: "evil|```src``` <b>bold</b>"
    about: {json.dumps(HOSTILE_ABOUT)}
    value: "(10) *"
    attributed_to: "Mr. <b>X</b> & _Y_ \\\\ [a][b]"
    quote: {json.dumps(HOSTILE_QUOTE)}
    note: "*note* <i>x</i>"
  - id: plain
    source: safe
    about: {json.dumps(HOSTILE_ABOUT)}
    value: "at least 2,000 (“people”)"
    quote: {json.dumps(LONG_QUOTE)}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from tests.conftest import run_cli

    path = tmp_path_factory.mktemp("hostile") / "claims.yaml"
    path.write_text(HOSTILE_YAML, encoding="utf-8")
    r = run_cli("report", str(path), "-f", "markdown")
    assert r.code == 0, r
    return r.out


def test_hostile_text_makes_no_markup(hostile):
    tokens = check_well_formed(hostile)
    kinds = {t.type for t in tokens} | {c.type for t in tokens if t.children for c in t.children}
    assert not kinds & {"html_block", "html_inline", "image", "s_open", "hr"}
    html = MD.render(hostile)
    assert not re.search(r"<(script|img|b|i)\b", html), html
    # links: the overview row to its section, and the one http(s) source (in its claim's row
    # and in the list of sources); javascript: is never linked
    external = [h for h in links(tokens) if not h.startswith("#")]
    assert external == ["https://example.org/a%20page%20%282%29%7Cx?q=1&r=2"] * 2


def test_hostile_text_comes_out_as_the_same_text(hostile):
    tokens = MD.parse(hostile)
    [heading] = [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h3"
    ]
    assert heading == HOSTILE_ABOUT
    claims_table = tables(tokens)[1]
    assert [inline_text(c) for c in claims_table[0]] == [
        "value",
        "interval",
        "source",
        "attributed to",
        "coded at",
    ]
    row = [inline_text(c) for c in claims_table[1]]
    assert row[:4] == [
        "(10) *",
        "10",
        "evil|```src``` <b>bold</b>",
        "Mr. <b>X</b> & _Y_ \\ [a][b]",
    ]
    quotes = [
        inline_text(t) for t in tokens if t.type == "inline" and inline_text(t).startswith("“")
    ]
    assert quotes[0] == f"“{clean(HOSTILE_QUOTE)}”"
    assert clean(HOSTILE_QUOTE).startswith("line one line two | ````")
    assert "\x1b" not in hostile and "\x07" not in hostile


def test_long_text_is_cut_in_tables_and_whole_in_quotes(hostile):
    tokens = MD.parse(hostile)
    overview = tables(tokens)[0]
    cell = inline_text(overview[1][0])
    assert cell.endswith("…") and len(cell) <= 80 and HOSTILE_ABOUT.startswith(cell[:-1])
    assert any(inline_text(t) == f"“{LONG_QUOTE}”" for t in tokens if t.type == "inline")


def test_picture_fence_outlasts_backticks_in_the_labels(hostile):
    tokens = MD.parse(hostile)
    [block] = [t for t in tokens if t.type == "fence"]
    assert block.info == "text" and block.markup == "````"  # the source name holds ```
    assert block.content.startswith("evil|```src```")
    assert block.content.rstrip().endswith("▶ no upper bound")


# ---------------------------------------------------------------- the pieces, as tables


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        # as GitHub makes them
        ("Russian mercenaries of the Wagner Group", "russian-mercenaries-of-the-wagner-group"),
        ("Syrian fighters (Turkey) — 2020", "syrian-fighters-turkey--2020"),
        ("C++ & Go!", "c--go"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("Café in Zāwiya", "café-in-zāwiya"),
        ("$1,000 a month", "1000-a-month"),
    ],
)
def test_slug(heading, anchor):
    assert slug(heading) == anchor


def test_repeated_headings_get_numbered_anchors():
    anchors = Anchors()
    assert [anchors(h) for h in ("Sources", "Sources", "sources!", "Sources-1")] == [
        "sources",
        "sources-1",
        "sources-2",
        "sources-1-1",
    ]


@pytest.mark.parametrize(
    ("given_url", "href"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("HTTP://example.org/x", "HTTP://example.org/x"),
        ("https://example.org/a b (c)", "https://example.org/a%20b%20%28c%29"),
        ("https://example.org/?a=1&b=2&lt;", "https://example.org/?a=1&b=2&lt;"),
        ("https://example.org/<script>|`x`", "https://example.org/%3Cscript%3E%7C%60x%60"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("example.org", None),
        ("https://", None),
    ],
)
def test_url(given_url, href):
    made = url(given_url)
    if href is None:
        assert made is None
        return
    [link] = [c for c in MD.parse(f"[x]({made})")[1].children if c.type == "link_open"]
    assert link.attrs["href"] == href


@pytest.mark.parametrize(("body", "ticks"), [("plain\n", 3), ("a ``` b\n", 4), ("`````\n", 6)])
def test_fence_is_longer_than_any_backtick_run(body, ticks):
    made = fence(body)
    [block] = MD.parse(made)
    assert (block.type, block.content, len(block.markup)) == ("fence", body, ticks)


# Any text at all renders back to itself (cleaned to one line) wherever the report puts it.
PLACES = {
    "paragraph": "{}\n",
    "table cell": "| h |\n| --- |\n| {} |\n",
    "heading": "### {}\n",
    "link text": "[{}](#x)\n",
    "blockquote": "> “{}”\n",
    "emphasis": "*Note on {}:* x\n",
}
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.text(
    "\\`*_[]<>&|~#$!()-+=:.1a \n\t\x1b", max_size=20
)


@given(ANY_TEXT)
@pytest.mark.parametrize("place", PLACES)
def test_any_text_comes_out_as_itself(place, s):
    if not clean(s):
        return
    tokens = MD.parse(PLACES[place].format(text(s)))
    inline = [t for t in tokens if t.type == "inline"][-1]
    kinds = {c.type for c in inline.children}
    assert kinds <= {"text", "link_open", "link_close", "em_open", "em_close"}, kinds
    expected = {"blockquote": f"“{clean(s)}”", "emphasis": f"Note on {clean(s)}: x"}
    assert inline_text(inline) == expected.get(place, clean(s))


@given(ANY_TEXT)
def test_any_text_in_a_code_span_comes_out_as_itself(s):
    if not clean(s):
        return
    [paragraph] = [t for t in MD.parse(code(s) + "\n") if t.type == "inline"]
    assert [c.type for c in paragraph.children] == ["code_inline"]
    assert paragraph.children[0].content == clean(s)

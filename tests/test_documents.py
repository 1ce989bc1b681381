"""Quotes are found in spite of typesetting, never in spite of changed words."""

from __future__ import annotations

import pytest

from discrepancy.documents import (
    find_quote,
    line_col,
    looks_like_html,
    normalise,
    quote_parts,
    read_article,
)

ARTICLE = (
    "Pentagon Says Turkey Sent 3,500 Fighters\n\n"
    "The U.S. military says Turkey sent more than 3,500 Syrian fighters to Libya\n"
    "during the first three months of 2020 \u2014 the country\u2019s \u201cfirst\u201d such "
    "report. Tripoli-\nbased militias were paid in\u00a0full; al\u00adthough some  were not.\n"
    "Turkey&#8217;s forces &amp; allies numbered 2,000.\n"
)


def _find(quote: str, text: str = ARTICLE) -> bool:
    article = read_article("a.txt", text)
    return find_quote(quote, article.searchable, article.text.text).found


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("Turkey sent more than 3,500 Syrian fighters to Libya", id="verbatim"),
        # the article breaks the line inside the quote
        pytest.param("Syrian fighters to Libya during the first three months", id="line-break"),
        pytest.param("Turkey   sent more\tthan 3,500", id="whitespace-runs"),
        pytest.param('2020 - the country\'s "first" such report', id="dash-and-quotes"),
        pytest.param("the country’s “first” such report", id="typographic-in-quote"),
        pytest.param("the country&#8217;s &ldquo;first&rdquo; such report", id="entities-in-quote"),
        pytest.param("Turkey's forces & allies numbered 2,000", id="entities-in-document"),
        pytest.param("Tripoli-based militias were paid in full", id="hyphen-line-break-nbsp"),
        pytest.param("although some were not", id="soft-hyphen"),
        pytest.param("the U.S. military says Turkey sent", id="letter-case"),
        pytest.param("The U.S. military says ... first three months of 2020", id="ellipsis"),
        pytest.param("Pentagon Says Turkey Sent 3,500 Fighters", id="headline"),
        pytest.param('"Turkey sent more than 3,500 Syrian fighters."', id="coder-quote-marks"),
        pytest.param("[The Pentagon] says Turkey sent more than 3,500", id="editor-brackets"),
    ],
)
def test_quote_is_found(quote: str) -> None:
    assert _find(quote)


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("Turkey sent more than 3,600 Syrian fighters to Libya", id="changed-number"),
        pytest.param("Turkey deployed more than 3,500 Syrian fighters", id="changed-word"),
        pytest.param("Turkey sent more than 3,500 fighters to Libya", id="dropped-word"),
        pytest.param("Turkey sent 3,500 Syrian fighters", id="dropped-hedge"),
        pytest.param("first three months of 2021", id="changed-year"),
        pytest.param("Turkey sent more than 3500 Syrian fighters", id="digits-regrouped"),
        pytest.param("Turkey sen", id="part-of-a-word"),
        pytest.param(
            "3,500 Syrian fighters ... The U.S. military says", id="ellipsis-out-of-order"
        ),
        pytest.param("Turkey sent, more than 3,500", id="added-punctuation"),
    ],
)
def test_quote_is_not_found(quote: str) -> None:
    assert not _find(quote)


def test_closest_passage_says_what_differs() -> None:
    article = read_article("a.txt", ARTICLE)
    s = find_quote("Turkey deployed more than 3,500 Syrian fighters", article.searchable, ARTICLE)
    assert s.passage is not None
    assert s.passage.text == "Turkey sent more than 3,500 Syrian fighters"
    assert s.differences == ('the quote has "deployed" where the document has "sent"',)
    assert line_col(ARTICLE, s.passage.start) == (3, 24)


def test_closest_passage_names_left_out_words() -> None:
    article = read_article("a.txt", ARTICLE)
    s = find_quote("Turkey sent more than 3,500 fighters", article.searchable, ARTICLE)
    assert s.differences == ('the document has "Syrian" here, which the quote leaves out',)


def test_normalised_text_maps_back_to_the_original() -> None:
    text = "A\u00a0“quote”\n\n  and&amp;more"
    m = normalise(text)
    assert m.text == 'a "quote" and&more'
    start, end = m.span(m.text.index("and"), len(m.text))
    assert text[start:end] == "and&amp;more"


@pytest.mark.parametrize(
    ("quote", "parts"),
    [
        ("a ... b", ["a", "b"]),
        ("a … b", ["a", "b"]),
        ("a [...] b", ["a", "b"]),
        ("[it] said b", ["said b"]),
        ('"a b."', ["a b"]),
        ("a b", ["a b"]),
        ("   ", []),
    ],
)
def test_quote_parts(quote: str, parts: list[str]) -> None:
    assert quote_parts(quote) == parts


PAGE = """<!DOCTYPE html><html><head><title>Turkey &amp; Libya</title>
<style>p {color: red}</style><script>var n = 3500;</script></head>
<body><h1>Turkey sent 3,500</h1><p>The report says Turkey&#8217;s <b>3,500</b>
fighters&nbsp;went.</p><p>Second paragraph.</p></body></html>"""


def test_html_is_read_by_its_text() -> None:
    assert looks_like_html("a.html", "") and looks_like_html("a.txt", PAGE)
    assert not looks_like_html("a.txt", "Plain <b>text</b>")
    article = read_article("a.html", PAGE)
    assert article.title == "Turkey & Libya"
    assert "var n" not in article.text.text and "color" not in article.text.text
    s = find_quote("Turkey's 3,500 fighters went", article.searchable, article.text.text)
    assert s.found and s.passage is not None
    assert s.passage.text == "Turkey’s 3,500 fighters went"  # shown as read, not as HTML
    assert PAGE[article.in_source(s.passage.start) :].startswith("Turkey&#8217;s <b>3,500</b>")
    assert not _find("3500 fighters", PAGE)

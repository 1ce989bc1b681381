"""`report --format markdown`: a GitHub-flavoured summary to paste into a brief, wiki or PR.

Claim text is never trusted as Markdown: every character that could start markup is
backslash-escaped (`text`), links are made only to http(s) URLs (`url`), and the picture's code
fence is longer than any run of backticks inside it, so the text always comes out as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import quote

from discrepancy import __version__
from discrepancy.model import Claim, Finding, Source, Status
from discrepancy.pipeline import REPORTED, Analysis
from discrepancy.render.formatting import (
    apart,
    clean,
    disagreement,
    gap,
    interval,
    period,
    published,
    shown_conflicts,
)
from discrepancy.render.options import Options
from discrepancy.render.picture import picture
from discrepancy.render.table import facts, relays, summary

CELL = 80  # characters of claim text in a table cell; longer text is cut, ending in …
# `$` too, as GitHub reads $…$ as maths; `_` inside a word (file_name) cannot make emphasis
_MARKUP = re.compile(r"[\\`*\[\]<>&|~#$]|(?<![^\W_])_|_(?![^\W_])")
_LIST = re.compile(r"^(\d{0,9})((?<=\d)[.)]|(?<!\d)[-+])")  # a line's "- ", "+ ", "1. ", "1) "


def text(s: str, limit: int | None = None) -> str:
    """Claim text as literal Markdown: one line, control characters shown escaped, cut to
    `limit` characters, and every character that could be read as markup escaped."""
    s = clean(s)
    if limit is not None and len(s) > limit:
        s = _cut(s, limit)
    s = _MARKUP.sub(lambda m: "\\" + m.group(), s)
    return _LIST.sub(r"\1\\\2", s)


def _cut(s: str, limit: int) -> str:
    """At most `limit` characters ending in …, at a word break when one is not far back."""
    head = s[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit * 2 // 3 else head).rstrip() + "…"


def url(s: str) -> str | None:
    """A link destination for an http(s) URL, or None: other schemes (javascript:, data:, …)
    are never linked. Spaces, parentheses, brackets, `|` and the like are percent-encoded."""
    if not re.match(r"(?i)https?://\S", s.strip()):
        return None
    return quote(s.strip(), safe="!#$%&'*+,/:;=?@-._~").replace("&", "\\&")


def code(s: str) -> str:
    """A code span holding s as it is (cleaned to one line), however many backticks it has."""
    s = clean(s)
    ticks = "`" * (max((len(run) for run in re.findall("`+", s)), default=0) + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{ticks}{pad}{s}{pad}{ticks}"


def fence(body: str, info: str = "text") -> str:
    """A fenced code block longer than any backtick run in body, so body cannot close it."""
    ticks = "`" * max(3, max((len(run) for run in re.findall("`+", body)), default=0) + 1)
    return f"{ticks}{info}\n{body}{ticks}\n"


def slug(heading: str) -> str:
    """GitHub's anchor for a heading's text (github-slugger): lower case, everything but
    letters, marks, digits, spaces, `-` and `_` dropped, spaces made hyphens."""
    kept = (ch for ch in heading.lower() if ch in " -_" or unicodedata.category(ch)[0] in "LMN")
    return "".join(kept).replace(" ", "-")


class Anchors:
    """Anchors in document order: a repeated heading gets -1, -2, … as on GitHub."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, heading: str) -> str:
        base = anchor = slug(heading)
        while anchor in self.seen:
            self.seen[base] += 1
            anchor = f"{base}-{self.seen[base]}"
        self.seen[anchor] = 0
        return anchor


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], keep: int = 1) -> str:
    """A GFM table of already-escaped cells; columns after the first `keep` that are empty in
    every row are left out."""
    used = [i for i in range(len(headers)) if i < keep or any(r[i] for r in rows)]
    lines = [[headers[i] for i in used], ["---"] * len(used)]
    lines += [[r[i] for i in used] for r in rows]
    return "".join("| " + " | ".join(cells) + " |\n" for cells in lines)


def report(analysis: Analysis, options: Options) -> str:
    show_all = options.show_all
    anchors = Anchors()
    anchors("Discrepancy report")
    out = ["# Discrepancy report\n", _made_from(analysis), *_summary(analysis)]
    shown = analysis.shown(show_all)
    parts = [
        (
            "Disagreements",
            [f for f in shown if f.status in REPORTED],
            "No conflicts.\n"
            if show_all
            else "No conflicts. (`--all` lists the groups that agree.)\n",
        )
    ]
    if show_all:
        parts.append(
            (
                "Other groups",
                [f for f in shown if f.status not in REPORTED],
                "None: every group is in conflict or has a unit mismatch.\n",
            )
        )
    for title, findings, none in parts:
        out.append(f"## {title}\n")
        anchors(title)
        if not findings:
            out.append(none)
            continue
        sections = [(f, anchors(clean(f.group.about))) for f in findings]
        out.append(_overview(sections))
        out.extend(_section(f, analysis.claims.sources, options.all_pairs) for f, _ in sections)
    cited = sorted({c.source for f in shown for c in f.group.claims})
    if cited:
        anchors("Sources")
        out += ["## Sources\n", _sources(cited, analysis.claims.sources)]
    return "\n".join(out)


def _made_from(analysis: Analysis) -> str:
    c = analysis.claims
    files = ", ".join(
        f"{code(name)} (sha256 {code(digest[:12])})" for name, digest in zip(c.files, c.digests)
    )
    s = c.settings
    return (
        f"Made from {files or 'no files'} by discrepancy {__version__}, match threshold "
        f"{s.match_threshold:g}, approximation ±{s.approx_tolerance * 100:g}%.\n"
    )


def _summary(analysis: Analysis) -> list[str]:
    # summary() holds only counts and fixed words, nothing from the claims
    return [
        f"**{line}**\n" if i == 0 else f"{line}\n"
        for i, line in enumerate(summary(analysis, width=1_000_000).splitlines())
    ]


def _overview(sections: list[tuple[Finding, str]]) -> str:
    rows = [
        [
            f"[{text(f.group.about, CELL)}](#{anchor})",
            f.status.value,
            gap(f.severity) if f.conflicts else "",
            str(len(f.group.claims)),
            str(len({c.source for c in f.group.claims})),
            str(len(f.voices)),
        ]
        for f, anchor in sections
    ]
    return table(
        ["group", "status", "gap", "claims", "sources", "independent voices"], rows, keep=6
    )


def _source(name: str, sources: dict[str, Source]) -> str:
    src = sources.get(name)
    link = url(src.url) if src is not None else None
    return f"[{text(name, CELL)}]({link})" if link else text(name, CELL)


def _section(f: Finding, sources: dict[str, Source], all_pairs: bool = False) -> str:
    claims = f.group.claims
    out = [f"### {text(f.group.about)}\n", f"**{f.status.value}** · {facts(f)}\n"]
    out.extend(f"{text(line)}\n" for line in relays(f))
    rows = [
        [
            text(c.value, CELL),
            text(interval(c.quantity), CELL),
            _source(c.source, sources),
            text(period(c)),
            text(published(c, sources)),
            text(c.attributed_to, CELL),
            text(f"{c.location.file}:{c.location.line}"),
        ]
        for c in claims
    ]
    out.append(
        table(
            ["value", "interval", "source", "period", "published", "attributed to", "coded at"],
            rows,
            keep=3,
        )
    )
    if f.conflicts:
        out.append(
            "".join(f"- {text(line)}\n" for line in disagreement(f, all_pairs))
            + "".join(
                f"- ✗ {_named(c.a)} vs {_named(c.b)}: {apart(c.gap)}\n"
                for c in shown_conflicts(f, all_pairs)
            )
        )
    if f.status is Status.unit_mismatch:
        out.append(
            f"Units differ ({text(', '.join(f.units))}): set `unit:` on a claim once a "
            "person knows how they compare.\n"
        )
    out.extend(
        f"> “{text(c.quote)}”\n>\n> — {text(c.source)}, {text(c.value)}\n"
        for c in claims
        if c.quote
    )
    drawing = picture(claims)
    if drawing:
        out.append(fence(drawing))
    out.extend(f"*Note on {text(c.id)}:* {text(c.note)}\n" for c in claims if c.note)
    return "\n".join(out)


def _named(c: Claim) -> str:
    return f"{text(c.value, CELL)} ({text(c.source)})"


def _sources(cited: list[str], sources: dict[str, Source]) -> str:
    rows = []
    for name in cited:
        src = sources.get(name) or Source(name)
        rows.append(
            [
                _source(name, sources),
                text(src.title),
                text(src.publisher),
                text(src.published),
                text(src.document),
            ]
        )
    return table(["source", "title", "publisher", "published", "archived text"], rows)

"""`report --format csv`: one row per claim per group, for a spreadsheet or a notebook.

RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
break. Unbounded ends are empty, booleans `true`/`false`. Text that a spreadsheet would run as a
formula (starting with = + - @, a tab or a carriage return) gets a leading `'`, and control
characters are shown escaped, so opening or printing the file never runs anything.
"""

from __future__ import annotations

import csv
import io

from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import period, published, visible
from discrepancy.render.json import quantity_fields
from discrepancy.render.options import Options

FIELDS = (
    "group",
    "group_about",
    "status",
    "id",
    "source",
    "about",
    "value",
    "lo",
    "hi",
    "lo_open",
    "hi_open",
    "unit",
    "file",
    "line",
    "period",
    "published",
    "attributed_to",
    "quote",
)


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = visible(str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def report(analysis: Analysis, options: Options) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    sources = analysis.claims.sources
    for f in analysis.shown(options.show_all):
        for c in f.group.claims:
            q = quantity_fields(c.quantity)
            row = [
                f.group.id,
                f.group.about,
                f.status.value,
                c.id,
                c.source,
                c.about,
                c.value,
                q["lo"],
                q["hi"],
                q["lo_open"],
                q["hi_open"],
                q["unit"],
                c.location.file,
                c.location.line,
                period(c),
                published(c, sources),
                c.attributed_to,
                c.quote,
            ]
            writer.writerow([cell(v) for v in row])
    return out.getvalue()

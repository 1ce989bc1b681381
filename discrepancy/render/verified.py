"""`discrepancy verify`: each claim not verified, located at the claim, with the closest passage of
its document and what differs; in text, json, github (workflow commands) and sarif."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from discrepancy import __version__
from discrepancy.render.check import escape_data, escape_property
from discrepancy.render.json import dumps
from discrepancy.render.text import clean
from discrepancy.verify import Status, Verdict, Verification, summary

JSON_VERSION = 1
GITHUB_ANNOTATIONS = 10  # GitHub shows no more error annotations per step


def _heading(v: Verdict) -> str:
    return f"{v.claim.location}: {v.claim.id}: {v.status.value}"


def _lines(v: Verdict) -> list[str]:
    out = []
    for p in v.problems:
        out.append(f"  {p.message}")
        out += [f"    {d}" for d in p.details]
        if p.kind == "quote" and v.passage is not None:
            out.append(f'    document says: "{v.passage.text}"')
    return out


def text(result: Verification) -> str:
    """Every claim not verified, then the counts."""
    lines = []
    for v in result.verdicts:
        if v.status is not Status.verified:
            lines += [_heading(v), *_lines(v), ""]
    lines.append(summary(result.verdicts))
    return "".join(_indented(line) + "\n" for line in lines)


def _indented(line: str) -> str:
    body = line.lstrip(" ")
    return " " * (len(line) - len(body)) + clean(body)


def _verdict(v: Verdict) -> dict[str, Any]:
    loc = v.claim.location
    return {
        "id": v.claim.id,
        "source": v.claim.source,
        "file": loc.file,
        "line": loc.line,
        "col": loc.col,
        "status": v.status.name,
        "document": v.document or None,
        "at": None if v.at is None else {"line": v.at.line, "col": v.at.col},
        "passage": None if v.passage is None else v.passage.text,
        "problems": [
            {"kind": p.kind, "message": p.message, "details": list(p.details)} for p in v.problems
        ],
    }


def json(result: Verification) -> str:
    """{"version": 1, "summary": {status: count}, "claims": [...]}, every claim."""
    return dumps(
        {
            "version": JSON_VERSION,
            "summary": {s.name: result.count(s) for s in Status},
            "claims": [_verdict(v) for v in result.verdicts],
        }
    )


def _message(v: Verdict) -> str:
    parts = [f"{v.claim.id}: {v.status.value}"]
    for p in v.problems:
        parts.append(p.message + "".join(f" ({d})" for d in p.details))
    if v.passage is not None and v.status is not Status.verified:
        parts.append(f'document says: "{v.passage.text}"')
    return clean(". ".join(parts))


def github(result: Verification) -> str:
    """An error per claim not verified, a warning per claim unverifiable, then the text."""
    lines = []
    shown = [v for v in result.verdicts if v.status is not Status.verified]
    for v in shown[:GITHUB_ANNOTATIONS]:
        kind = "error" if v.status is Status.failed else "warning"
        loc = v.claim.location
        props = {"file": loc.file, "line": loc.line, "col": loc.col, "title": v.status.value}
        joined = ",".join(f"{k}={escape_property(str(x))}" for k, x in props.items())
        lines.append(f"::{kind} {joined}::{escape_data(_message(v))}\n")
    if len(shown) > GITHUB_ANNOTATIONS:
        more = len(shown) - GITHUB_ANNOTATIONS
        lines.append(f"::warning title=More claims::{more} more not annotated; run verify\n")
    return "".join(lines) + text(result)


LEVELS = {Status.failed: "error", Status.unverifiable: "warning"}
RULES: dict[Status, dict[str, Any]] = {
    Status.failed: {
        "id": "claim-not-verified",
        "name": "ClaimNotVerified",
        "shortDescription": {"text": "A quote is not in its document, or a value's number is "
                             "not in its quote"},
        "defaultConfiguration": {"level": "error"},
    },
    Status.unverifiable: {
        "id": "claim-unverifiable",
        "name": "ClaimUnverifiable",
        "shortDescription": {"text": "A claim cannot be checked: no document, or no quote"},
        "defaultConfiguration": {"level": "warning"},
    },
}  # fmt: skip


def _location(v: Verdict) -> dict[str, Any]:
    loc = v.claim.location
    path = PurePath(loc.file)
    artifact = (
        {"uri": path.as_uri()}
        if path.is_absolute()
        else {"uri": quote(loc.file), "uriBaseId": "%SRCROOT%"}
    )
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if loc.line:
        physical["region"] = {"startLine": loc.line, "startColumn": loc.col or 1}
    return {"physicalLocation": physical}


def sarif(result: Verification) -> str:
    """SARIF 2.1.0: a result per claim not verified (error) or unverifiable (warning)."""
    order = list(RULES)
    results = [
        {
            "ruleId": RULES[v.status]["id"],
            "ruleIndex": order.index(v.status),
            "level": LEVELS[v.status],
            "message": {"text": _message(v)},
            "locations": [_location(v)],
            "properties": {"claim": v.claim.id, "document": v.document},
        }
        for v in result.verdicts
        if v.status is not Status.verified
    ]
    return dumps(
        {
            "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            "sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "discrepancy",
                            "version": __version__,
                            "rules": list(RULES.values()),
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
    )


RENDERERS = {"text": text, "json": json, "github": github, "sarif": sarif}

"""`discrepancy check --format sarif`: new contradictions as SARIF 2.1.0, for GitHub code scanning.

One result per new contradiction, located at the newer claim, with the other claim as a related
location and the contradiction's fingerprint as a partial fingerprint (so code scanning tracks it
across runs however the file's lines move)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from discrepancy import __version__
from discrepancy.baseline import Comparison, Entry
from discrepancy.errors import Location
from discrepancy.render.formatting import apart, claim_line, clean
from discrepancy.render.json import dumps
from discrepancy.render.options import Options
from discrepancy.render.text import verdict_message
from discrepancy.verify import Status, Verification

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
RULE_ID = "new-contradiction"
RULE = {
    "id": RULE_ID,
    "name": "NewContradiction",
    "shortDescription": {
        "text": "Two sources disagree about the same number, and the "
        "contradiction is not in the baseline"
    },
    "fullDescription": {
        "text": "Two claims count the same thing but their values, read as "
        "intervals, do not overlap; no baseline entry accepts the pair."
    },
    "help": {
        "text": "Check both claims against their sources. Correct the one that was coded "
        "wrong, or, once reviewed, accept this contradiction alone with `discrepancy "
        "baseline --accept FINGERPRINT` and write why in its `reason`."
    },
    "defaultConfiguration": {"level": "error"},
}


RESOLVED_RULE_ID = "resolved-baseline-entry"
RESOLVED_RULE = {
    "id": RESOLVED_RULE_ID,
    "name": "ResolvedBaselineEntry",
    "shortDescription": {"text": "A contradiction in the baseline no longer occurs"},
    "fullDescription": {
        "text": "The baseline accepts a contradiction that today's claims no longer hold; with "
        "--strict the check fails until it is dropped."
    },
    "help": {
        "text": "Run `discrepancy baseline --prune` to drop the entry (it accepts nothing new), "
        "and commit the baseline."
    },
    "defaultConfiguration": {"level": "error"},
}


def _resolved(e: Entry) -> dict[str, Any]:
    sides = " vs ".join(claim_line(s) for s in e.claims)
    return {
        "ruleId": RESOLVED_RULE_ID,
        "ruleIndex": 1,
        "level": "error",
        "message": {
            "text": f"Baseline entry {e.fingerprint} ({clean(e.about)}: {sides}) no longer "
            "occurs: drop it with `discrepancy baseline --prune`."
        },
        "locations": [_location(e.location)],
        "partialFingerprints": {"resolvedEntry/v1": e.fingerprint},
    }


def _location(loc: Location) -> dict[str, Any]:
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


def render(comparison: Comparison, options: Options) -> str:
    results = []
    failing = [("New", c) for c in comparison.new] + [("Changed", c) for c, _ in comparison.changed]
    for kind, c in failing:
        newer, other = comparison.newer(c)
        results.append(
            {
                "ruleId": RULE_ID,
                "ruleIndex": 0,
                "level": "error",
                "message": {
                    "text": f"{kind} contradiction about {clean(c.about)}: {claim_line(newer)} "
                    f"contradicts {claim_line(other)} at {clean(str(other.location))}, "
                    f"{apart(c.conflict.gap)}."
                },
                "locations": [_location(newer.location)],
                "relatedLocations": [
                    {
                        "id": 1,
                        **_location(other.location),
                        "message": {"text": f"the other claim: {claim_line(other)}"},
                    }
                ],
                "partialFingerprints": {"contradiction/v1": c.fingerprint},
                "properties": {"group": c.group},
            }
        )
    if options.strict:  # then a baseline entry that no longer occurs fails the check too
        results += [_resolved(e) for e in comparison.resolved]
    return _log(results, [RULE, RESOLVED_RULE])


VERIFY_RULES = {
    Status.failed: {
        "id": "claim-not-verified",
        "name": "ClaimNotVerified",
        "shortDescription": {
            "text": "A quote is not in its document, or a value's number is not in its quote"
        },
        "defaultConfiguration": {"level": "error"},
    },
    Status.unverifiable: {
        "id": "claim-unverifiable",
        "name": "ClaimUnverifiable",
        "shortDescription": {"text": "A claim cannot be checked: no document, or no quote"},
        "defaultConfiguration": {"level": "warning"},
    },
}
_LEVELS = {Status.failed: "error", Status.unverifiable: "warning"}


def verify(result: Verification, options: Options) -> str:
    """A result per claim not verified (error) or unverifiable (warning), at the claim."""
    order = list(VERIFY_RULES)
    results = [
        {
            "ruleId": VERIFY_RULES[v.status]["id"],
            "ruleIndex": order.index(v.status),
            "level": _LEVELS[v.status],
            "message": {"text": verdict_message(v)},
            "locations": [_location(v.claim.location)],
            "properties": {"claim": v.claim.id, "document": v.document},
        }
        for v in result.verdicts
        if v.status is not Status.verified
    ]
    return _log(results, list(VERIFY_RULES.values()))


def _log(results: list[dict[str, Any]], rules: list[dict[str, Any]]) -> str:
    driver = {"name": "discrepancy", "version": __version__, "rules": rules}
    return dumps(
        {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
            ],
        }
    )

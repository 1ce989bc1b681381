"""The JSON forms: a versioned contract (see README, "Machine-readable output")."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from discrepancy.baseline import Comparison, Entry, side_fields
from discrepancy.cores import shared
from discrepancy.fingerprint import Contradiction
from discrepancy.model import Claim, Member, Quantity, Source
from discrepancy.pipeline import Analysis
from discrepancy.render.formatting import json_safe, shown_conflicts
from discrepancy.render.indented import Written, written
from discrepancy.render.indented import dumps as indented
from discrepancy.render.options import Options
from discrepancy.verify import Status, Verdict, Verification

# Machines read the JSON: a group lists every conflicting pair up to this many (any real story),
# else its widest few and the summary, so 10,000 claims all in conflict stay bounded.
JSON_EVERY_PAIR_UP_TO = 1000

T = TypeVar("T")

VERSION = 2  # of `report` JSON (2: a group's conflicts bounded, with their count and summary)
GROUPS_VERSION = 1  # of `groups` JSON
CHECK_VERSION = 1  # of `check` JSON
VERIFY_VERSION = 1  # of `verify` JSON


def _bound(x: float) -> float | int | None:
    if math.isinf(x):
        return None
    return int(x) if float(x).is_integer() else x


def quantity_fields(q: Quantity) -> dict[str, Any]:
    if q.unquantified:
        return {"lo": None, "hi": None, "lo_open": False, "hi_open": False, "unit": q.unit}
    return {
        "lo": _bound(q.lo),
        "hi": _bound(q.hi),
        "lo_open": q.lo_open,
        "hi_open": q.hi_open,
        "unit": q.unit,
    }


def claim_fields(c: Claim, source: Source | None = None) -> dict[str, Any]:
    """A claim with its provenance: where it was coded, what the source said and who it says
    said it, when the number held (`date`), the coder's note, and what is known of the source
    (`null` for whatever is not given)."""
    src = source or Source(c.source)
    return {
        "id": c.id,
        "source": c.source,
        "about": c.about,
        "value": c.value,
        **quantity_fields(c.quantity),
        "file": c.location.file,
        "line": c.location.line,
        "quote": c.quote or None,
        "attributed_to": c.attributed_to or None,
        "date": None if c.period is None else str(c.period),
        "note": c.note or None,
        "url": src.url or None,
        "publisher": src.publisher or None,
        "published": src.published or None,
    }


def dumps(data: Any) -> str:
    return json_safe(indented(data)) + "\n"


def report(analysis: Analysis, options: Options) -> str:
    """`report --format json`."""
    findings = analysis.shown(options.show_all)
    sources = analysis.claims.sources
    return dumps(
        {
            "version": VERSION,
            "summary": {
                "claims": len(analysis.claims.claims),
                "sources": len(analysis.claims.sources),
                "groups": len(analysis.findings),
                "conflicts": analysis.conflict_count,
            },
            "groups": _each(
                findings,
                lambda f: {
                    "id": f.group.id,
                    "about": f.group.about,
                    "status": f.status.value,
                    "claims": [claim_fields(c, sources.get(c.source)) for c in f.group.claims],
                    "conflict_pairs": f.conflict_count,
                    "conflicts": [
                        {
                            "a": c.a.id,
                            "b": c.b.id,
                            "gap": None if math.isinf(c.gap) else round(c.gap, 4),
                        }
                        for c in shown_conflicts(
                            f, options.all_pairs or f.conflict_count <= JSON_EVERY_PAIR_UP_TO
                        )
                    ],
                    "disagreement": [
                        {
                            "unit": d.unit,
                            "pairs": d.pairs,
                            "lowest": d.lowest.id,
                            "highest": d.highest.id,
                            "gap": None if math.isinf(d.gap) else round(d.gap, 4),
                            "clusters": [
                                {"lo": _bound(lo), "hi": _bound(hi), "claims": [c.id for c in cs]}
                                for cs, (lo, hi) in zip(d.clusters, d.spans)
                            ],
                        }
                        for d in f.disagreements
                    ],
                },
            ),
        }
    )


def groups(analysis: Analysis, options: Options) -> str:
    """`groups --format json`: every group, single claims included, in id order."""
    group_list = sorted(analysis.groups, key=lambda g: g.id)
    out: dict[str, Any] = {
        "version": GROUPS_VERSION,
        "groups": _each(
            group_list,
            lambda g: {
                "id": g.id,
                "claims": [c.id for c in g.claims],
                "members": [_member(m) for m in g.members],
            },
        ),
    }
    if options.near_misses:
        out["near_misses"] = [
            {"a": n.a.id, "b": n.b.id, "score": round(n.score, 1), "kept_apart_by": n.why}
            for n in analysis.near_misses
        ]
    return dumps(out)


def _each(items: Sequence[T], fields: Callable[[T], dict[str, Any]]) -> list[Written]:
    """Each item's fields written as an item of a list at the document's top level, on both
    cores for many items (see `cores`)."""
    return shared(lambda share: ([written(fields(x), 2) for x in share], None), items)[0]


def _member(m: Member) -> dict[str, Any]:
    """Why a claim is in its group: what it was read to count, and its lowest score."""
    return {
        "id": m.claim.id,
        "measure": m.measure or None,
        "scope": m.scope,
        "period": m.when or None,
        "score": round(m.score, 1),
        "against": m.against or None,
        "reason": m.reason,
        "set_aside": list(m.aside),
    }


def _contradiction(c: Contradiction, sources: Mapping[str, Source]) -> dict[str, Any]:
    return {
        "fingerprint": c.fingerprint,
        "group": c.group,
        "about": c.about,
        "gap": None if math.isinf(c.conflict.gap) else round(c.conflict.gap, 4),
        "claims": [claim_fields(x, sources.get(x.source)) for x in (c.conflict.a, c.conflict.b)],
    }


def _entry(e: Entry) -> dict[str, Any]:
    return {
        "fingerprint": e.fingerprint,
        "about": e.about,
        "claims": [side_fields(s) for s in e.claims],
        "reason": e.reason,
    }


def check(comparison: Comparison, options: Options) -> str:
    """`check --format json`."""
    strict = options.strict
    b = comparison.baseline
    return dumps(
        {
            "version": CHECK_VERSION,
            "baseline": {"file": b.name, "exists": b.exists},
            "summary": {
                "new": len(comparison.new),
                "changed": len(comparison.changed),
                "known": len(comparison.known),
                "resolved": len(comparison.resolved),
                "unreasoned": len(comparison.unreasoned),
                "strict": strict,
                "require_reasons": comparison.require_reasons,
                "fails": comparison.fails(strict),
            },
            "new": [
                {**_contradiction(c, comparison.sources), "newer": comparison.newer(c)[0].id}
                for c in comparison.new
            ],
            "changed": [
                {
                    **_contradiction(c, comparison.sources),
                    "accepted": [side_fields(s) for s in e.claims],
                    "reason": e.reason,
                }
                for c, e in comparison.changed
            ],
            "known": [
                {**_contradiction(c, comparison.sources), "reason": e.reason}
                for c, e in comparison.known
            ],
            "resolved": [_entry(e) for e in comparison.resolved],
        }
    )


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


def verify(result: Verification, options: Options) -> str:
    """{"version": 1, "summary": {status: count}, "claims": [...]}, every claim in order."""
    return dumps(
        {
            "version": VERIFY_VERSION,
            "summary": {s.name: result.count(s) for s in Status},
            "claims": [_verdict(v) for v in result.verdicts],
        }
    )

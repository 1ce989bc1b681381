"""The JSON forms: a versioned contract (see README, "Machine-readable output")."""

from __future__ import annotations

import json
import math
from typing import Any

from discrepancy.model import Claim, Group, Quantity, Source
from discrepancy.pipeline import Analysis

VERSION = 1


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


def _claim(c: Claim, source: Source | None = None) -> dict[str, Any]:
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
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report(analysis: Analysis, show_all: bool) -> str:
    findings = analysis.shown(show_all)
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
            "groups": [
                {
                    "id": f.group.id,
                    "about": f.group.about,
                    "status": f.status.value,
                    "claims": [_claim(c, sources.get(c.source)) for c in f.group.claims],
                    "conflicts": [
                        {
                            "a": c.a.id,
                            "b": c.b.id,
                            "gap": None if math.isinf(c.gap) else round(c.gap, 4),
                        }
                        for c in f.conflicts
                    ],
                }
                for f in findings
            ],
        }
    )


def groups(group_list: list[Group]) -> str:
    return dumps(
        {
            "version": VERSION,
            "groups": [{"id": g.id, "claims": [c.id for c in g.claims]} for g in group_list],
        }
    )

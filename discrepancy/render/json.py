"""The JSON forms: a versioned contract (see README, "Machine-readable output")."""

from __future__ import annotations

import json
import math
from typing import Any

from discrepancy.model import Claim, Group, Quantity
from discrepancy.pipeline import Analysis
from discrepancy.render.text import json_safe

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


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "source": c.source,
        "about": c.about,
        "value": c.value,
        **quantity_fields(c.quantity),
        "file": c.location.file,
        "line": c.location.line,
    }


def dumps(data: Any) -> str:
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def report(analysis: Analysis, show_all: bool) -> str:
    findings = analysis.shown(show_all)
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
                    "claims": [_claim(c) for c in f.group.claims],
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

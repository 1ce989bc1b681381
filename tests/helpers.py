"""Small builders for core tests: claims without files."""

from __future__ import annotations

from discrepancy.errors import Location
from discrepancy.load import parse_period
from discrepancy.model import Claim, Settings
from discrepancy.quantities import parse_quantity


def claim(cid: str, about: str, value: str = "10", source: str = "", **kw) -> Claim:
    period = kw.pop("period", None)
    return Claim(id=cid, source=source or f"src-{cid}", about=about, value=value,
                 quantity=parse_quantity(value, Settings()), location=Location("t.yaml", 1, 1),
                 period=parse_period(period) if period else None, **kw)

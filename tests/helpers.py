"""Small builders for core tests: claims without files."""

from __future__ import annotations

from discrepancy.claim import parse_period
from discrepancy.errors import Location
from discrepancy.model import Claim, Settings
from discrepancy.quantities import parse_quantity


def claim(cid: str, about: str, value: str = "10", source: str = "", **kw) -> Claim:
    period = kw.pop("period", None)
    return Claim(
        id=cid,
        source=source or f"src-{cid}",
        about=about,
        value=value,
        quantity=parse_quantity(value, Settings()),
        location=Location("t.yaml", 1, 1),
        period=parse_period(period) if period else None,
        **kw,
    )


def bench_grouping():
    """bench/grouping.py, the grouping benchmark's generator and scorer, as a module."""
    import importlib.util
    import sys
    from pathlib import Path

    name = "bench_grouping"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "bench" / "grouping.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]

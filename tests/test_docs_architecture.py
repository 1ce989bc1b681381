"""docs/architecture.md stays true: every file:name its table points to exists."""

from __future__ import annotations

import importlib
import re

from tests.conftest import ROOT

DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
POINTER = re.compile(r"`((?:(?:render|quantities)/)?\w+)\.py:(\w+(?:\.\w+)?)`")


def test_every_name_the_table_points_to_exists():
    table = DOC.split("## Where to look", 1)[1].split("\n## ", 1)[0]
    pointers = POINTER.findall(table)
    assert len(pointers) > 30
    for module, name in pointers:
        found = importlib.import_module("discrepancy." + module.replace("/", "."))
        for part in name.split("."):
            found = getattr(found, part, None)
            assert found is not None, f"docs/architecture.md: {module}.py has no {name}"


def test_every_module_is_in_the_table():
    table = DOC.split("## Where to look", 1)[1].split("\n## ", 1)[0]
    modules = {
        p.relative_to(ROOT / "discrepancy").as_posix().removesuffix(".py")
        for p in (ROOT / "discrepancy").rglob("*.py")
        if not p.name.startswith("__")
    }
    named = {module for module, _ in POINTER.findall(table)}
    assert modules - named == set(), "a module docs/architecture.md does not name"

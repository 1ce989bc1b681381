"""Every output format of every command has a renderer, and every renderer has one shape."""

from __future__ import annotations

import inspect

import pytest

from discrepancy.render import registry
from discrepancy.render.options import (
    CheckFormat,
    GroupsFormat,
    ParseFormat,
    ReportFormat,
    VerifyFormat,
)


@pytest.mark.parametrize(
    ("formats", "renderers"),
    [
        (ReportFormat, registry.REPORT),
        (GroupsFormat, registry.GROUPS),
        (CheckFormat, registry.CHECK),
        (ParseFormat, registry.PARSE),
        (VerifyFormat, registry.VERIFY),
    ],
)
def test_every_format_has_a_renderer(formats: type, renderers: dict) -> None:
    assert list(renderers) == list(formats)
    for render in renderers.values():
        assert [p.name for p in inspect.signature(render).parameters.values()][1:] == ["options"]

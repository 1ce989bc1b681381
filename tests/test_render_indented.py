"""The fast indented JSON writer: byte for byte what `json.dumps(indent=2)` writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.render.indented import dumps, written

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
    ),
    max_leaves=30,
)

CASES: list[tuple[str, Any]] = [
    ("empty list", []),
    ("empty dict", {}),
    ("list of ids", ["a", "b"]),
    ("flat dict", {"id": "c1", "score": 87.5, "against": None, "set_aside": []}),
    ("nested", {"groups": [{"id": "g", "claims": ["a"], "members": [{"x": 1}]}]}),
    ("scalars in a list", [1, 2.5, True, None, "é\u2028"]),
    ("infinity and nan", [float("inf"), -float("inf"), float("nan")]),
    ("a non-str key", {1: 2, "a": {3: [4]}}),
    ("a string with quotes, backslashes, controls", {'"k"\n': 'a"b\\c\td\x00'}),
    ("a tuple", ("a", ("b", 1))),
]


@pytest.mark.parametrize(("name", "data"), CASES, ids=[c[0] for c in CASES])
def test_writes_what_json_writes(name: str, data: Any) -> None:
    assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)


@given(DATA)
def test_writes_what_json_writes_on_any_data(data: Any) -> None:
    assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)


# Must not: anything json cannot write is written by json, with its own error.
MUST_NOT: list[tuple[str, Any]] = [
    ("a set", {"a": {1, 2}}),
    ("an object in a flat list", [object()]),
    ("a tuple key", {(1, 2): 3, "b": [1, 2]}),
]


@pytest.mark.parametrize(("name", "data"), MUST_NOT, ids=[c[0] for c in MUST_NOT])
def test_leaves_the_unwritable_to_json(name: str, data: Any) -> None:
    with pytest.raises(TypeError) as ours:
        dumps(data)
    with pytest.raises(TypeError) as theirs:
        json.dumps(data, indent=2, ensure_ascii=False)
    assert str(ours.value) == str(theirs.value)


@given(st.lists(DATA, max_size=4), st.integers(min_value=0, max_value=3))
def test_parts_written_apart_are_written_as_in_one_piece(items: list[Any], depth: int) -> None:
    """What `written` writes `depth` lists deep is what `dumps` writes there (a non-str key
    included: that part is written by json)."""
    data: Any = items
    for _ in range(depth):
        data = [data]
    parts: Any = [written(x, depth + 1) for x in items]
    for _ in range(depth):
        parts = [parts]
    assert dumps(parts) == json.dumps(data, indent=2, ensure_ascii=False)


def test_a_part_json_must_write_is_written_at_its_depth() -> None:
    part = {1: ["a", {"b": 2}]}  # a non-str key: json writes it, indented to its place
    assert dumps({"groups": [written(part, 2)]}) == json.dumps(
        {"groups": [part]}, indent=2, ensure_ascii=False
    )


def test_a_document_json_must_write_holds_its_written_parts_as_data() -> None:
    part = {"id": "g", "scores": [1.5, float("inf")]}
    document = {1: "a non-str key", "groups": [written(part, 2)]}
    assert dumps(document) == json.dumps(
        {1: "a non-str key", "groups": [part]}, indent=2, ensure_ascii=False
    )

"""JSON text exactly as `json.dumps(data, indent=2, ensure_ascii=False)` writes it, in half
the time: with `indent`, the standard library falls back to its pure-Python encoder, whose
generators cost a second on the groups of 50,000 claims; here every list or dict with no
container inside goes to its C encoder. Anything but plain JSON data
(str keys; str, int, float, bool, None, list, tuple, dict values) goes to `json.dumps`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

_INFINITY = float("inf")


class Written(str):
    """JSON text already written for its place in a document (see `written`): `dumps`
    copies it as it is."""


def written(data: Any, depth: int) -> Written:
    """data's JSON text as `dumps` writes it `depth` lists or objects deep (each line indented
    that much more: a JSON string holds no line break), so that parts of one document may be
    written apart (on two cores) and put in it."""
    return Written(dumps(data).replace("\n", "\n" + "  " * depth))


class _Unusual(Exception):
    """A value this writer leaves to `json.dumps` (a non-str key, an unknown type)."""


def dumps(data: Any) -> str:
    """`json.dumps(data, indent=2, ensure_ascii=False)`, byte for byte."""
    out: list[str] = []
    try:
        _write(data, "\n", out)
    except _Unusual:
        return json.dumps(_read_back(data), indent=2, ensure_ascii=False)
    return "".join(out)


def _read_back(o: Any) -> Any:
    """o with each part already written read back as data (for json, which would write it
    as a string)."""
    if isinstance(o, Written):
        return json.loads(o)
    if isinstance(o, (list, tuple)):
        return [_read_back(x) for x in o]
    if isinstance(o, dict):
        return {k: _read_back(v) for k, v in o.items()}
    return o


def _scalar(o: Any) -> str:
    """A value that is no container, as json writes it."""
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o:
            return "NaN"
        if o == _INFINITY:
            return "Infinity"
        if o == -_INFINITY:
            return "-Infinity"
        return float.__repr__(o)
    raise _Unusual


def _write(o: Any, nl: str, out: list[str]) -> None:
    """Append o's text to out; `nl` is a newline and the indentation of o's own line."""
    if isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        inner = nl + "  "
        if _flat(o):  # no container inside: the C encoder, its items one a line
            out.append("[" + inner + _compact(inner)(o)[1:-1] + nl + "]")
            return
        sep = "[" + inner
        for x in o:
            out.append(sep)
            sep = "," + inner
            _write(x, inner, out)
        out.append(nl + "]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = nl + "  "
        if _flat(o.values()):
            out.append("{" + inner + _compact(inner)(o)[1:-1] + nl + "}")
            return
        sep = "{" + inner
        for k, v in o.items():
            if not isinstance(k, str):
                raise _Unusual
            out.append(sep + encode_basestring(k) + ": ")
            _write(v, inner, out)
            sep = "," + inner
        out.append(nl + "}")
    elif isinstance(o, Written):
        out.append(o)
    else:
        out.append(_scalar(o))


def _flat(values: Iterable[Any]) -> bool:
    """No list or dict among the values but empty ones (written alike either way), and
    nothing written already."""
    return not any(v and isinstance(v, (list, tuple, dict, Written)) for v in values)


@cache
def _compact(separator: str) -> Callable[[Any], str]:
    """The standard library's C encoder, each item after `separator`: what `indent` writes
    for a list or dict with no container inside, once its brackets are set on lines of
    their own."""
    if c_make_encoder is None:  # no C speedups: the encoder's own way
        return json.JSONEncoder(ensure_ascii=False, separators=("," + separator, ": ")).encode
    # no circular check (nothing in it holds anything) and no default (anything unknown
    # goes to json.dumps): the arguments JSONEncoder.iterencode passes
    encode = c_make_encoder(
        None, _unusual, encode_basestring, None, ": ", "," + separator, False, False, True
    )
    return lambda o: "".join(encode(o, 0))


def _unusual(o: Any) -> Any:
    raise _Unusual

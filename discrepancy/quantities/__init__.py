"""Read a quantity as news writes it ("at least two thousand", "$1.2bn a year") into a Quantity.

`read_quantity(text, settings)` is the one public reader: it reads one expression whole into a
Quantity (an interval and a unit) or raises QuantityError, located at the word it could not
read and saying what it expected. A value reads as

    lead                     core                 units and bound     what is counted, date
    "an estimated"           "1,500 to 2,000"     "dollars a month"   "fighters in 2019"

- lead (discrepancy.quantities.scan): hedges ("more than", "exceeded", "an estimated ... at
  least"), a currency sign, a date ("in 2019,"), a value noun ("a monthly salary of"), fillers;
- core: one number, a range of two (each end may have its own bound: "at least 13 and as many
  as 46"), or vague words ("hundreds", "several thousands");
- after (discrepancy.quantities.after): units, a bound ("or more"), a share ("one in five"),
  the nouns that say what is counted ("fighters"), a date. Any other word is an error.

Numbers are read exactly (fractions) and become floats only in the Quantity. The vocabulary is
discrepancy.lexicon and discrepancy.units. Each Settings gets its own reader and cache.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from discrepancy.model import INF, Quantity, Settings
from discrepancy.quantities import scan, tokens
from discrepancy.quantities.after import read_rest
from discrepancy.quantities.bounds import QuantityError, bounded
from discrepancy.quantities.tokens import CACHE_SIZE, tokenize
from discrepancy.quantities.unitread import parse_unit

__all__ = [
    "QuantityError",
    "bounded",
    "clear_cache",
    "parse_quantity",
    "parse_unit",
    "read_quantity",
    "tokenize",
]


def read_quantity(text: str, settings: Settings = Settings()) -> Quantity:
    """Read one quantity expression into an interval and a unit; raise QuantityError (with the
    1-based column of the trouble in `.col`) when any of it cannot be read."""
    global _recent
    if _recent is None or _recent[0] is not settings:
        _recent = (settings, _reader(settings))  # hashing Settings costs more than a cache hit
    return _recent[1](text)


parse_quantity = read_quantity  # the name the loader and `discrepancy parse` have used


def clear_cache() -> None:
    """Forget everything read and remembered (for benchmarks)."""
    global _recent
    _recent = None
    _reader.cache_clear()
    tokens._NORMAL.clear()
    scan.typo_of.cache_clear()


def _read(reader: scan.Reader, text: str) -> Quantity:
    toks = tokenize(text)
    if not toks:
        raise QuantityError("empty value", 1)
    s = scan.Scan(reader, text, toks)
    if not s.lead():
        word = next((w for w in s.texts if w in scan.lx.UNQUANTIFIED), "")
        if word:
            rule = f'"{word}": no number given'
            if s.hedge:  # "more than an unknown number": still no number
                rule += f', so "{s.hedge[0]}" bounds nothing'
            return Quantity(0.0, INF, unquantified=True, rule=rule)
        raise s.error("no number", None)
    a, b, how = s.core()
    return read_rest(s, a, b, how)


@lru_cache(maxsize=16)
def _reader(settings: Settings) -> Callable[[str], Quantity]:
    reader = scan.Reader(settings)

    @lru_cache(maxsize=CACHE_SIZE)
    def read(text: str) -> Quantity:
        return _read(reader, text)

    return read


_recent: tuple[Settings, Callable[[str], Quantity]] | None = None

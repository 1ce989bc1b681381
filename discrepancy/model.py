"""Plain, frozen records passed between the stages: load → quantities → group → detect → render."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from discrepancy.cores import sent_as_fields
from discrepancy.errors import Location
from discrepancy.lexicon import VAGUE_DEFAULTS

INF = math.inf


@dataclass(frozen=True)
class Settings:
    """Every tunable number in one place; a claims file's `settings:` and CLI options override it."""

    match_threshold: float = 85.0  # rapidfuzz score (0-100) for "counts the same thing"
    near_miss_margin: float = 20.0  # scores this far under the threshold are near misses
    approx_tolerance: float = 0.10  # "about 400" reads as [360, 440]
    nearly_tolerance: float = 0.10  # "nearly 400" reads as [360, 400]
    vague: tuple[tuple[str, tuple[float, float]], ...] = tuple(VAGUE_DEFAULTS.items())
    rounding: bool = False  # "1.1 million" reads as [1.05, 1.15] million, to its stated precision
    # where `verify` finds the sources' documents: a folder, relative to the claims file that
    # sets it ("" = beside each claims file; `--documents` overrides it)
    documents: str = ""

    def vague_interval(self, phrase: str) -> tuple[float, float] | None:
        for word, interval in self.vague:
            if word == phrase:
                return interval
        return None


@sent_as_fields
@dataclass(frozen=True, order=True, slots=True)
class Quantity:
    """An interval [lo, hi] with open or unbounded ends, and a unit. Unquantified: no interval."""

    lo: float = 0.0
    hi: float = INF
    lo_open: bool = False
    hi_open: bool = False
    unit: str = "count"
    unquantified: bool = False
    rule: str = "exact"  # which reading rule produced it, shown by `discrepancy parse`

    def overlaps(self, other: Quantity) -> bool:
        """True unless there is a gap between the two intervals; touching ends overlap."""
        if self.unquantified or other.unquantified:
            return True
        low, high = (self, other) if self.lo <= other.lo else (other, self)
        return high.lo <= low.hi

    def gap_ratio(self, other: Quantity) -> float:
        """How far apart two disjoint intervals are: the upper one's lower end over the lower
        one's upper end ("hundreds" [200, 999] vs "at least 2,000" gives 2000/999 ≈ 2.0)."""
        low, high = (self, other) if self.hi <= other.hi else (other, self)
        if low.hi <= 0:
            return INF
        return high.lo / low.hi


MINOR_GAP = 1.25  # a conflict whose far end is within 25% of the near one is minor
PERCENT_UNDER = 2.0  # gaps under 2× are shown as a percentage ("4.9%"), larger ones as "10.0×"


@dataclass(frozen=True, slots=True)
class Gap:
    """The size of a disagreement, as every format shows it, and its grade."""

    ratio: float  # the upper interval's lower end over the lower one's upper end
    text: str  # "4.9%" under 2×, "2.0×" from 2×, "∞×" when the lower end is 0
    grade: str  # "minor" under MINOR_GAP, else "major"

    def __str__(self) -> str:
        return f"{self.text} ({self.grade})"


def gap_of(ratio: float) -> Gap:
    """The one home of how a gap is shown and graded: "$90 billion" against "$94.4bn" is a gap
    of 1.049, shown as 4.9% and minor; "hundreds" against "at least 2,000" is 2.0×, major."""
    if math.isinf(ratio):
        text = "∞×"
    elif ratio < PERCENT_UNDER:
        percent = (ratio - 1) * 100
        text = f"{percent:.1f}%" if percent >= 0.05 else "<0.1%"
    else:
        text = f"{ratio:.1f}×"
    return Gap(ratio, text, "minor" if ratio < MINOR_GAP else "major")


@sent_as_fields
@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True)
class Source:
    id: str
    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""
    document: str = ""
    via: tuple[str, ...] = ()
    location: Location = Location("")


@sent_as_fields
@dataclass(frozen=True, slots=True)  # slots: a million claims must fit in memory
class Claim:
    id: str
    source: str
    about: str
    value: str  # as the source said it
    quantity: Quantity
    location: Location
    period: Period | None = None
    attributed_to: str = ""
    quote: str = ""
    group: str = ""
    not_with: tuple[str, ...] = ()
    note: str = ""
    explicit_id: bool = True  # False when the id was made from the claim's content


@dataclass(frozen=True)
class Claims:
    """Everything read from the input: claims, sources, aliases, measures and settings."""

    claims: tuple[Claim, ...]
    sources: dict[str, Source]
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    settings: Settings
    files: tuple[str, ...] = ()
    digests: tuple[str, ...] = ()  # sha256 of each file's text, in the order of `files`
    measures: tuple[tuple[str, tuple[str, ...]], ...] = ()  # `measures:`: class -> phrases


class Status(str, Enum):
    conflict = "conflict"
    unit_mismatch = "unit-mismatch"
    single_source = "single-source"
    agree = "agree"
    unquantified = "unquantified"


@dataclass(frozen=True, slots=True)
class Member:
    """A claim in a group, and why it is there."""

    claim: Claim
    key: str  # the normalised `about` that was compared
    score: float  # lowest match score against the other members (100 when alone or forced)
    reason: str  # "fuzzy", "forced by group: X", "alone"
    against: str = ""  # the claim id that lowest score was against
    measure: str = ""  # what it was read to count ("deaths", "injuries (police)"), or ""
    scope: str = ""  # the words it was matched on besides the measure
    when: str = ""  # its period, or the time its about names
    aside: tuple[str, ...] = ()  # what its about says that was set aside (who said it)


@dataclass(frozen=True)
class Group:
    id: str
    about: str
    members: tuple[Member, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(m.claim for m in self.members)


@dataclass(frozen=True)
class NearMiss:
    a: Claim
    b: Claim
    score: float
    why: str = ""  # what kept them apart: a score under the threshold, a measure, a name, ...


@dataclass(frozen=True)
class Conflict:
    a: Claim  # the lower interval
    b: Claim  # the higher interval
    gap: float

    @property
    def size(self) -> Gap:
        return gap_of(self.gap)


@dataclass(frozen=True)
class Disagreement:
    """A group's conflicts in one dimension, summed up without building every pair: how many pairs
    conflict, the range of disagreement (from the lowest upper end to the highest lower end, the
    most extreme pair) and the clusters of claims whose intervals chain together."""

    unit: str  # the dimension ("count", "time", "USD"); `spans` are in its base unit
    pairs: int  # how many pairs of claims conflict
    lowest: Claim  # the claim whose interval ends lowest
    highest: Claim  # the claim whose interval starts highest
    clusters: tuple[tuple[Claim, ...], ...]  # lowest first; claims of two clusters always conflict
    gap: float  # between the lowest and the highest: the widest of all
    spans: tuple[tuple[float, float], ...]  # each cluster's lowest and highest end, in `unit`


@dataclass(frozen=True)
class Finding:
    """A group with its verdict: status, conflicts, severity and independent voices.
    `conflicts` holds the most severe pairs only (detect.SHOWN of them); `pairs` counts them all,
    and detect.every_conflict lists them all on request."""

    group: Group
    status: Status
    conflicts: tuple[Conflict, ...]
    voices: tuple[tuple[str, ...], ...]  # claim ids per independent voice
    units: tuple[str, ...] = field(default=())
    disagreements: tuple[Disagreement, ...] = ()  # one per unit whose claims conflict
    pairs: int = -1  # how many pairs conflict; -1: len(conflicts), every pair is there

    @property
    def severity(self) -> float:
        return max((c.gap for c in self.conflicts), default=0.0)

    @property
    def size(self) -> Gap:
        """The widest gap of the group's conflicts."""
        return gap_of(self.severity)

    @property
    def conflict_count(self) -> int:
        return len(self.conflicts) if self.pairs < 0 else self.pairs


Progress = Callable[[str, int, int], None]  # (stage, done, total): how far a long job has got


def no_progress(stage: str, done: int, total: int) -> None:
    """The default progress report: nobody is watching."""

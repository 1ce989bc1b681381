"""How news shortens a name after its first mention, so that both forms are one name: an
organisation without "Group" or "Inc" ("Adani Group" is Adani), a person by the surname
("Joe Biden" is Biden), a storm by its name ("Hurricane Ian" is Ian). Places are never
shortened: "West Springfield" is not Springfield, and "Long Thanh, Vietnam" not "Thanh". See
docs/grouping.md, "The scope"."""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from discrepancy.words import DIRECTIONS, PLACE_KINDS, ROLES, SEE_THROUGH, Token

# What a storm is before its name, which news leaves out after the first mention.
STORM_KINDS = frozenset(["hurricane", "typhoon", "cyclone", "storm", "depression"])
# The last word of an organisation's name that news leaves out.
ORGANISATION_ENDS = frozenset(
    ["group", "inc", "corp", "corporation", "ltd", "limited", "plc", "llc", "holdings", "co"]
)


@dataclass
class Sightings:
    """What the input shows of its names of two words, and of their last words alone: read
    about by about (`see`), in parts that are then joined (`join`), and judged once
    (`surnames`)."""

    alone: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # first words of longer names: "Adani Group"
    firsts: dict[str, set[str]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)

    def see(self, tokens: Sequence[Token], named: Sequence[bool], breaks: Container[int]) -> None:
        """An about's tokens, which of them are unknown names, and where its punctuation
        breaks."""
        after = 0  # the first token after the last name
        for i in [i for i, is_name in enumerate(named) if is_name]:
            if i < after:
                continue
            n = 1
            while i + n < len(tokens) and named[i + n] and i + n not in breaks:
                n += 1
            joined = n == 1 and i and i not in breaks and tokens[i - 1].capital  # "Joe Biden"
            start = i - 1 if joined else i
            words = [t.plain for t in tokens[start : i + n]]
            if len(words) > 1:
                self.heads.add(words[0])
            if len(words) == 1:
                self.alone.add(words[0])
            elif len(words) == 2:
                self.firsts.setdefault(words[1], set()).add(words[0])
                if _said_as_place(tokens, start, i + n, breaks):
                    self.places.add(words[1])
            after = i + n

    def join(self, other: Sightings) -> None:
        self.alone |= other.alone
        self.heads |= other.heads
        self.places |= other.places
        for last, seen in other.firsts.items():
            self.firsts.setdefault(last, set()).update(seen)

    def surnames(self) -> frozenset[tuple[str, str]]:
        """The names of two words the input also writes by their last word alone, as a
        person is named by the surname: (first, last). Not when several first words share
        the last one ("Long Thanh", "Vinh Thanh": a place's common word), nor when the name
        is ever said to be a place: after "in", "at", "to" or "near", or before a comma and
        another name ("Santa Cruz, Brazil"), nor when the last word also begins a longer name
        ("Gautam Adani" is not the Adani of "Adani Group")."""
        return frozenset(
            (first, last)
            for last, seen in self.firsts.items()
            if len(seen) == 1
            and last in self.alone
            and last not in self.places
            and last not in self.heads
            for first in seen
            if first not in DIRECTIONS and not PLACE_KINDS.intersection((first, last))
        )


def _said_as_place(tokens: Sequence[Token], start: int, end: int, breaks: Container[int]) -> bool:
    j = start - 1
    while j >= 0 and tokens[j].plain in SEE_THROUGH:
        j -= 1
    if j >= 0 and ROLES.get(tokens[j].plain) == "place":
        return True
    return end in breaks and end < len(tokens) and tokens[end].capital


def short_form(parts: list[str], surnamed: Container[tuple[str, str]]) -> list[str]:
    """The words that name an unknown name of these (plain) words once shortened."""
    if len(parts) > 1 and parts[-1] in ORGANISATION_ENDS:
        return parts[:-1]
    title = next((n for n in range(len(parts) - 1, 0, -1) if parts[n - 1] in STORM_KINDS), 0)
    if title:  # "Hurricane Ian", "Super Typhoon Haiyan", "Tropical Storm Ana": the storm's name
        return parts[title:]
    if len(parts) == 2 and (parts[0], parts[1]) in surnamed:
        return parts[1:]
    return parts

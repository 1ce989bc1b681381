"""One error type for bad input, carrying every problem found with its location."""

from __future__ import annotations

from dataclasses import dataclass

from discrepancy.cores import sent_as_fields


@sent_as_fields
@dataclass(frozen=True, order=True, slots=True)
class Location:
    """Where something was read: a file and 1-based line and column (0 when unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"


@sent_as_fields
@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InputError(Exception):
    """Bad input. Holds every problem found, not just the first; the CLI turns it into exit 2."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, location: Location, message: str) -> InputError:
        return cls([Problem(location, message)])

"""Which words of an about say what kind of the measure is counted, weighed more than other
plain words ("mail ballots", "length of the contracts", "2023 average", "per day"), and the
marks that set two claims apart outright: one says "not" where the other does not ("bodies yet
to be identified"), or counts what was added ("additional consumers affected"), or they name
different directions ("the eastern region", "the western region"). See docs/grouping.md, "When
two claims may count the same thing"."""

from __future__ import annotations

from collections.abc import Sequence

from discrepancy.measure_words import INCREMENTS, KIND_WORDS, NEGATIONS

# The compass points, as `words.tokens_of` folds them ("north-eastern" is "northeast").
COMPASS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]
)

MODIFIER = "+"  # marks a word of the key that says what kind of the measure is counted
NOT = "not"  # the mark of a negation
MORE = "more"  # the mark of an increment: "additional", "further", "more"


def mark_kinds(
    at: Sequence[int], kinds: Sequence[str], plains: Sequence[str], keys: list[str]
) -> frozenset[str]:
    """Mark (in `keys`) the words that say what kind of the measure is counted: just before it
    (at: the positions of its words), after its "of", a kind word anywhere, the word after
    "per"; return the about's marks, a negation and the directions its plain words name."""
    marked: list[int] = []
    if at:
        j = at[0] - 1
        while j >= 0 and kinds[j] == "word" and keys[j]:
            marked.append(j)
            j -= 1
        j = at[0] + 1
        while j in at:  # the end of the measure's first phrase
            j += 1
        if j < len(plains) and plains[j] == "of":
            j += 1
            while j < len(kinds) and kinds[j] == "stop" and plains[j] != "of":
                j += 1
            while j < len(kinds) and kinds[j] == "word" and keys[j]:
                marked.append(j)
                j += 1
    marks = set()
    for j, p in enumerate(plains):
        if kinds[j] != "word":
            continue
        if p in KIND_WORDS or (j and plains[j - 1] == "per" and p != "cent"):
            marked.append(j)
        if p in NEGATIONS:
            marks.add(NOT)
        elif p in INCREMENTS and plains[j + 1 : j + 2] != ["than"]:  # not "more than 3 hours"
            # the mark says it: "additional" and "extra" alike
            marks.add(MORE)
            keys[j] = ""
        elif p in COMPASS and keys[j]:
            marks.add(p)
    for j in sorted(set(marked)):
        if keys[j] and keys[j][0] != MODIFIER:
            keys[j] = MODIFIER + keys[j]
    return frozenset(marks)


def marks_apart(a: frozenset[str], b: frozenset[str]) -> str:
    """Why two abouts' marks never count the same thing, or ''."""
    if (NOT in a) != (NOT in b):
        return "one side says not"
    if (MORE in a) != (MORE in b):
        return "one side counts what was added"
    da, db = a - {NOT, MORE}, b - {NOT, MORE}
    if da and db and da != db:
        return f"directions differ: {', '.join(sorted(da))} vs {', '.join(sorted(db))}"
    return ""

"""What a contradiction is, as a stable name: each claim's identity and the fingerprint of a
pair. A core stage (no files): `check` and `baseline` compare fingerprints, never positions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from discrepancy.detect import conflicts_in
from discrepancy.group import Normaliser
from discrepancy.model import Claim, Conflict, Finding

Aliases = tuple[tuple[str, tuple[str, ...]], ...]  # as Claims.aliases


@dataclass(frozen=True)
class Contradiction:
    """A conflict found today, with the fingerprint that says which contradiction it is."""

    fingerprint: str
    group: str  # the group's id
    about: str  # what the group counts
    conflict: Conflict


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def identity(claim: Claim, normaliser: Normaliser) -> str:
    """What a claim is, for fingerprints: its id when the coder gave one, else its source,
    normalised `about` and value. Never its file, line, quote, note or dates."""
    if claim.explicit_id:
        return f"id\x1f{claim.id}"
    return f"claim\x1f{claim.source}\x1f{normaliser.key(claim.about).text}\x1f{_words(claim.value)}"


def fingerprint(a: Claim, b: Claim, normaliser: Normaliser) -> str:
    """16 hex digits naming the contradiction between two claims, whichever comes first."""
    pair = sorted((identity(a, normaliser), identity(b, normaliser)))
    return hashlib.sha256("\x1e".join(["contradiction/v1", *pair]).encode()).hexdigest()[:16]


def contradictions(findings: Iterable[Finding], aliases: Aliases = ()) -> tuple[Contradiction, ...]:
    """Every conflict in the findings, most severe first, one per fingerprint (two claims with
    the same source, `about` and value and no ids are the same claim twice)."""
    # Deliberately not the Normaliser that grouped the claims: that one learns from the whole
    # input (which words are rare, which names recur), so its keys move when an unrelated claim
    # is added. A fingerprint must depend only on what the contradiction is (design.md): its two
    # claims and the file's aliases. So identities use a Normaliser that knows the aliases and
    # nothing else. Grouping may change which groups a claim is in; the fingerprint does not
    # name the group, so it survives that too.
    normaliser = Normaliser(aliases)
    out: dict[str, Contradiction] = {}
    for finding in findings:
        # every pair, not just the few a report shows: each is accepted on its own
        for conflict in conflicts_in(finding.group.claims) if finding.conflicts else ():
            fp = fingerprint(conflict.a, conflict.b, normaliser)
            out.setdefault(fp, Contradiction(fp, finding.group.id, finding.group.about, conflict))
    return tuple(out.values())

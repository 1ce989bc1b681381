"""Who a sentence says said its numbers, and when it dates them: `attributed_to` and `period` of
a drafted claim, from the patterns of English news ("according to X", "X said", "a report by
X"; "in March 2021", "the first three months of 2020")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from discrepancy.documents import compact
from discrepancy.extract import read

# --- attributed_to -------------------------------------------------------------------------------

_CAP = r"[A-Z](?:[\w.&-]|['’](?!s\b))*"  # a capitalised word, not its possessive 's
_NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:(?:of|for|the|and|de|al|el|on)\s+)*{_CAP})*"
_VERBS = (
    r"said|says|say|reported|reports|report|told|tells|announced|announces|claimed|claims|claim|"
    r"stated|states|estimated|estimates|added|noted|wrote|writes|believes?|concluded|accused|"
    r"confirmed|confirms|revealed|counted|counts|quoted|cited|found|put|puts|identified|"
    r"indicated|indicates|recorded|registered|tallied|gave|gives|showed|shows|insisted|warned|"
    r"declared|put\s+forward|puts\s+forward|raised|lowered|revised"
)
_ADVERBS = (
    r"(?:(?:also|has|have|had|constantly|previously|later|earlier|recently|reportedly|"
    r"separately|themselves|itself)\s+)*"
)
# Who news reports as saying a number, when it names no one
_ACTORS = (
    r"officials?|police|authorities|ministry|government|army|military|spokes(?:wo)?man|"
    r"spokesperson|witnesses|residents|sources?|organi[sz]ers|unions?|prosecutors?|"
    r"investigators|rescuers|doctors|medics|hospitals?|agency|observers|activists|monitors|"
    r"prefecture|headquarters|department|office|committee|council|court|commission|"
    r"company|institute|observatory|correspondents?|reporters?|journalists|media|newspaper|"
    r"broadcaster|analysts|experts|researchers|figures|statistics|data"
)
_PREPOSITIONS = r"(?:of|in|on|at|for|from|by|with|to|and|or|about|over|into)"
_PLACE_OR_TOPIC = r"(?:in|on|at|about|over|into)"
_AFTER_PREPOSITION = re.compile(rf"\b{_PLACE_OR_TOPIC}\s+$")
_PRONOUNS = {"He", "She", "They", "It", "We", "I", "This", "That", "These", "Those", "There"}
_ATTRIBUTION = [
    re.compile(  # "a report by local news outlet Naher", "a statement from the Interior Ministry"
        rf"\b(?:report|statement|study|survey|count|estimate|investigation|tally|analysis)"
        rf"\s+(?:by|from)\s+(?:[a-z]+\s+){{0,4}}?({_NAME})"
    ),
    re.compile(  # "according to X", "according to figures from the Ministry of the Interior"
        rf"\b[Aa]ccording\s+to\s+(?:the\s+)?(?:[a-z]+\s+(?:of|from|by)\s+(?:the\s+)?)?({_NAME})"
    ),
    re.compile(  # "according to local officials", "according to the prefecture"
        r"\b[Aa]ccording\s+to\s+((?:the\s+)?(?:[a-z]+\s+)?[a-z]+)"
        r"(?=[,.;)]|\s+(?:[a-z]+\s+)?(?:said|says|claim|report))"
    ),
    re.compile(rf"({_NAME})(?:’s|'s)\s+(?:[a-z]+\s+)?(?:report|statement|study|estimate|count)"),
    re.compile(rf"({_NAME}(?:\s+[a-z]+){{0,2}}?)\s+{_ADVERBS}(?:{_VERBS})\b"),
    re.compile(rf"\b(?:said|says|told|reported)\s+({_NAME})(?=\s*(?:[,.;)]|$))"),  # ", said X."
    re.compile(  # "officials said", "the interior ministry said", "police estimated"
        rf"\b((?:the\s+)?(?:(?!{_PREPOSITIONS}\b)[a-z]+\s+)?(?:{_ACTORS}))\s+{_ADVERBS}(?:{_VERBS})\b"
    ),
]
_SUBJECTS = 3  # the patterns from here on find who said it as the subject of a verb
# Between an attribution and a number, these words say the number is someone else's:
# "the organizers counted 500,000, while the police counted 87,000"
_CONTRAST = re.compile(r"\b(?:while|whereas|when|against|but|versus|compared)\b|;|—")


def attribution(sentence: str, at: int = 0) -> str:
    """Who the sentence says said the number at offset `at` ("according to X", "X said", "a
    report by X"), or "": the nearest attribution not across a contrast ("while", "against")."""
    best: tuple[bool, int, int, str] | None = None
    for rank, pattern in enumerate(_ATTRIBUTION):
        for m in pattern.finditer(sentence):
            name = compact(m[1]).rstrip(".")
            if name.split()[0] in _PRONOUNS or name in ("The", "A", "An"):
                continue
            if _AFTER_PREPOSITION.search(sentence, 0, m.start(1)) and rank >= _SUBJECTS:
                continue  # "a report on operations in Africa says": Africa says nothing
            lo, hi = sorted((at, m.start(1) if m.start(1) > at else m.end(1)))
            key = (bool(_CONTRAST.search(sentence, lo, hi)), hi - lo, rank, name)
            best = key if best is None or key < best else best
    return best[3] if best is not None else ""


# --- period --------------------------------------------------------------------------------------

_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_YEAR = r"(1[89][0-9]{2}|20[0-9]{2})"
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}
_DATES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{_MONTH}\s+([0-9]{{1,2}}),?\s+{_YEAR}\b"), "mdy"),
    (re.compile(rf"\b([0-9]{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b"), "dmy"),
    (re.compile(rf"\b(first|second|third|fourth|last|final)\s+quarter\s+of\s+{_YEAR}\b"), "q"),
    (re.compile(rf"\bfirst\s+([\w-]+)\s+months\s+of\s+{_YEAR}\b"), "months"),
    (re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"), "my"),
    (
        re.compile(rf"\b(?i:in|during|throughout|for|of)\s+(?:the\s+year\s+)?{_YEAR}\b(?!\s*[-–])"),
        "y",
    ),
]


def period(sentence: str) -> tuple[str, str]:
    """The period the sentence dates its numbers by, and a check when it is unsure."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _DATES:
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if re.search(
                r"\b(?:since|until|till|by|before|after|from)\s+(?:the\s+)?$", sentence[: m.start()]
            ):
                found.append(f"not {m[0].strip()} (a start or an end)")
                continue
            p = _date(kind, m.groups())
            if p:
                found.append(p)
    bounds = [f for f in found if f.startswith("not ")]
    distinct = [f for f in dict.fromkeys(found) if not f.startswith("not ")]
    if bounds:
        return "", f"the sentence dates only a start or an end ({bounds[0][4:-20]}): set `period`?"
    if len(distinct) == 1:
        return distinct[0], f"period {distinct[0]} from the sentence's date: is it when this held?"
    if len(distinct) > 1:
        return "", f"the sentence gives several dates ({', '.join(distinct)}): which, if any?"
    return "", ""


def _date(kind: str, g: Sequence[str]) -> str:
    if kind in ("mdy", "dmy"):
        month, day, year = (g[0], g[1], g[2]) if kind == "mdy" else (g[1], g[0], g[2])
        m, d = _MONTHS.index(month.lower()) + 1, int(day)
        return f"{year}-{m:02d}-{d:02d}" if 1 <= d <= 31 else ""
    if kind == "q":
        q = _QUARTERS[g[0].lower()]
        last = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}[q]
        return f"{g[1]}-{3 * q - 2:02d}-01/{g[1]}-{last}"
    if kind == "months":
        n = read(g[0])
        if n is None or n.lo != n.hi or not 1 <= n.lo <= 12 or not float(n.lo).is_integer():
            return ""
        months = int(n.lo)
        last_day = [31, 29 if int(g[1]) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return f"{g[1]}-01-01/{g[1]}-{months:02d}-{last_day[months - 1]}"
    if kind == "my":
        return f"{g[1]}-{_MONTHS.index(g[0].lower()) + 1:02d}"
    return g[0]

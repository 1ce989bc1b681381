"""What an `about` says besides what is counted: who said it (set aside for matching, and shown
as set aside) and when the count held (a date, a weekday, a holiday, "the 14th day of
mobilisation"), which narrows the claim's period instead of being a number that must be equal."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from discrepancy.cores import sent_as_fields
from discrepancy.known_names import COUNTRIES, PLACES, US_STATES
from discrepancy.measures import builtin
from discrepancy.model import Period

MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): n for n, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): n for n, d in enumerate(calendar.day_name)}
ORDINALS = {
    w: n + 1
    for n, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
HOLIDAYS = {  # (month, day) of holidays whose date does not move
    "may day": (5, 1),
    "labour day": (5, 1),
    "international workers day": (5, 1),
    "new year s day": (1, 1),
    "new year s eve": (12, 31),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "bastille day": (7, 14),
    "halloween": (10, 31),
    "valentine s day": (2, 14),
}
# Words that say a figure is somebody's: a bracket holding one of them is an attribution.
_SAYING = (
    r"count|counted|counting|figures?|estimates?|estimated|tally|according|said|says|say|"
    r"claims?|claimed|reported|reports?|sources?|data|citing|cited|version|numbers|per|"
    r"announced|statement|official"
)
_BRACKET = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_SAYING_WORD = re.compile(rf"\b(?:{_SAYING})\b", re.I)
# Words that name a body that counts: a trailing bracket holding one of them is who counted.
_COUNTER_WORD = re.compile(
    r"\b(?:officials?|ministry|ministries|minister|agency|agencies|office|police|"
    r"organi[sz]ers?|unions?|counts?|estimates?|according|authorities|government|"
    r"department|spokes(?:man|woman|person))\b",
    re.I,
)
_CONNECTORS = frozenset(["of", "the", "and", "for", "de", "al", "el", "&"])
_ACCORDING = re.compile(
    r"[,;]?\s*\b(?:according to|as reported by|as estimated by|as counted by|citing|"
    r"(?:counted|estimated|reported|announced|given|released|published) by|"
    # "per day", "per cent", "per capita" are a rate, not who said it
    r"per(?!\s+(?:cent|capita|head|person|people|day|week|month|year|hour|minute|annum)\b))"
    r"\s+[^,;()]+",
    re.I,
)
_POSSESSIVE_COUNT = re.compile(
    r"[,;]?\s*\b(?:by\s+)?(?:the\s+)?(?:[\w.-]+\s+){0,3}[\w.-]+['’]s?\s+"
    r"(?:own\s+)?(?:count|estimate|figures?|tally|numbers)\b",
    re.I,
)
_SAID = re.compile(
    r"(?:,\s*|\s+)(?:(?:the|a|an)\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,4}\s+"
    r"(?:said|says|say|claimed|claims|estimated|estimates|reported|reports|announced|counted)"
    r"\s*$",
    re.I,
)
_CLOCK = re.compile(
    r"\s*\b(?:(?:just\s+)?(?:before|after|by|at|around|as of)\s+)?"
    r"(?:\d{1,2}[:h]\d{2}|\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?))(?!\w)",
    re.I,
)
_PART_OF_DAY = re.compile(
    r"\s*\b(?:(?:by|on|in|during|until)\s+(?:the\s+)?)?(?:(?:early|late)\s+)?"
    r"(?:(?:this|that|last|next|on\s+\w+)\s+)?"
    r"(?:morning|afternoon|evening|night|overnight|tonight|yesterday|today)\b",
    re.I,
)
_RELATIVE = re.compile(
    r"\s*\b(?:(?:on|at|in|during|for)\s+)?(?:the\s+)?(?:last|previous|latest|this|next|past|"
    r"preceding|following|record)\s+(?:week(?:end)?|month|year|round|day|time|session)s?\b",
    re.I,
)
_OCCASIONS = "day round wave phase edition mobilisation mobilization strike protest march rally"
_OCCASIONS += " demonstration session anniversary week month"
_ORDINAL_OCCASION = re.compile(
    r"\s*\b(?:(?:on|in|at|during|for)\s+)?(?:the\s+)?"
    r"(\d{1,3}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r")\s+"
    r"(?:(?:[\w-]+\s+){0,2})"
    r"(?P<noun>" + "|".join(_OCCASIONS.split()) + r")s?\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[\w-]+))?",
    re.I,
)
_OCCASION_WORDS = frozenset(w + s for w in _OCCASIONS.split() for s in ("", "s"))
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\s*\b(?:(?:on|in|since|of|from|for)\s+)?(?:(?:{'|'.join(WEEKDAYS)})\s*,?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_NAMES})\.?"
    rf"|(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))"
    r"(?:\s*,?\s*(?P<y>(?:19|20)\d\d))?\b",
    re.I,
)
_MONTH_YEAR = re.compile(
    rf"\s*\b(?:(?:in|of|during|since)\s+)?(?P<m>{_MONTH_NAMES})\.?(?:\s*,?\s*(?P<y>(?:19|20)\d\d))?\b",
    re.I,
)
_YEAR = re.compile(r"\s*\b(?:(?:in|of|during|since|for)\s+)?(?P<y>(?:19|20)\d\d)\b(?![-/]\d)")
_WEEKDAY = re.compile(
    rf"\s*\b(?:(?:on|last|this|next|by|since)\s+)*(?P<w>{'|'.join(WEEKDAYS)})(?:['’]s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.I,
)
_HOLIDAY = re.compile(
    r"\s*\b(?:(?:on|for|at|during|over)\s+)?(?:the\s+)?(?P<h>"
    + "|".join(h.replace(" s ", r"['’]?s? ") for h in HOLIDAYS)
    + r")(?:\s+(?P<y>(?:19|20)\d\d))?\b",
    re.I,
)


_TIME_NOUNS = frozenset(
    ["day", "round", "wave", "phase", "edition", "session", "anniversary", "week", "month"]
)


@sent_as_fields
@dataclass(frozen=True, slots=True)
class When:
    """The time an about names: each part known or not (0). `text` is how it was written."""

    year: int = 0
    month: int = 0
    day: int = 0
    weekday: int = -1
    ordinal: int = 0
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.year or self.month or self.ordinal or self.weekday >= 0)

    def fits(self, period: Period) -> bool:
        """Whether some day of the period is this time (parts not known fit any day)."""
        # A weekday is too often resolved wrong to keep a claim out of a period: not looked at.
        start, end = period.start, period.end
        if (end - start).days > 800:
            return True
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):  # each month with a day in the period
            if (not self.year or year == self.year) and (not self.month or month == self.month):
                if not self.day:
                    return True
                last = calendar.monthrange(year, month)[1]
                if self.day <= last and start <= dt.date(year, month, self.day) <= end:
                    return True
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return False

    def clash(self, other: When) -> str:
        """Why two times can never be one: a part both know and that differs; '' otherwise."""
        for name, a, b in (
            ("year", self.year, other.year),
            ("month", self.month, other.month),
            ("day", self.day if self.month == other.month else 0, other.day),
            ("occasion", self.ordinal, other.ordinal),
        ):
            if a and b and a != b:
                return f"{name} differs: {self.text} vs {other.text}"
        if (
            self.weekday >= 0
            and other.weekday >= 0
            and self.weekday != other.weekday
            and not (self.month and self.day and other.month and other.day)
        ):
            return f"weekday differs: {self.text} vs {other.text}"
        return ""

    def period(self) -> Period | None:
        """The period it pins down: a day, a month or a year, when the year is known."""
        if not self.year:
            return None
        if self.month and self.day:
            try:
                d = dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
            return Period(d, d)
        if self.month:
            last = calendar.monthrange(self.year, self.month)[1]
            return Period(dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last))
        return Period(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))


@dataclass(frozen=True, slots=True)
class Reading:
    core: str  # what is left to match on
    aside: tuple[str, ...]  # who said it, and clock times: set aside
    when: When


@cache
def _places() -> frozenset[str]:
    """Every built-in place as written, in lower case: a bracket naming one is scope."""
    out: set[str] = set()
    for block in (COUNTRIES, US_STATES, PLACES):
        for line in block.strip().splitlines():
            parts = line.split("|")[:2]
            out.update(w.strip().lower() for p in parts for w in p.split(",") if w.strip())
    return frozenset(out)


def _names_who_counted(inside: str) -> bool:
    """Whether a trailing bracket says who counted: a counting body ("US officials",
    "Hamas-run health ministry"), an acronym ("UNHCR"), or a name of two words or more with
    no measure word in it ("White Helmets", "OVD-Info"). A place, or a number, is never one."""
    if any(c.isdigit() for c in inside) or inside.strip().lower() in _places():
        return False
    if _COUNTER_WORD.search(inside):
        return True
    words = [w for w in re.split(r"[\s/-]+", inside.strip()) if w]
    if not words or not all(w[0].isupper() or w.lower() in _CONNECTORS for w in words):
        return False
    if all(w.isupper() and len(w) >= 2 for w in words):
        return True  # an acronym
    plains = [w.lower() for w in words]
    return len(words) >= 2 and not builtin().hits(plains, ())


def _cut(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " + text[span[1] :]


_WORD = re.compile(r"[a-z]+")
_ASIDE_WORDS = {
    "according reported estimated counted announced given released published citing per": (
        _ACCORDING
    ),
    "count estimate figure figures tally numbers": _POSSESSIVE_COUNT,
    "said says say claimed claims estimated estimates reported reports announced counted": (_SAID),
}
_ASIDES = [(frozenset(k.split()), v) for k, v in _ASIDE_WORDS.items()]
_ORDINAL_ENDS = frozenset(["st", "nd", "rd", "th"])
_CLOCK_WORDS = frozenset(["h", "a", "am", "p", "pm"])  # a clock's, but for digits and ":"
_HOLIDAY_WORDS = frozenset(["day", "christmas", "halloween", "eve"])
_RELATIVE_WORDS = frozenset(
    ["last", "previous", "latest", "this", "next", "past", "preceding", "following", "record"]
)
_DAY_PARTS = frozenset(
    ["morning", "afternoon", "evening", "night", "overnight", "tonight", "yesterday", "today"]
)


def read(about: str) -> Reading:
    """Split an about into what is counted, what is set aside, and when. Each pattern is
    tried only when a word it needs is there (a million abouts are read)."""
    words = set(_WORD.findall(about.lower()))
    digits = any(map(str.isdigit, about))
    text, aside = about, []
    m: re.Match[str] | None
    if "(" in about or "[" in about:
        for m in reversed(list(_BRACKET.finditer(text))):
            last = not text[m.end() :].strip(" .,;")
            if (
                _SAYING_WORD.search(m[1])
                or _CLOCK.search(m[1])
                or (last and _names_who_counted(m[1]))
            ):
                aside.append(m[1].strip())
                text = _cut(text, m.span())
    patterns = [p for needs, p in _ASIDES if needs & words]
    if digits and (":" in about or words & _CLOCK_WORDS):
        patterns.append(_CLOCK)
    for pattern in patterns:
        m = pattern.search(text)
        while m and m.group().strip(" ,;"):
            aside.append(m.group().strip(" ,;"))
            text = _cut(text, m.span())
            m = pattern.search(text)
    parts: dict[str, int] = {}
    said: list[str] = []

    def take(pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        nonlocal text
        m = pattern.search(text)
        if m:
            said.append(m.group().strip())
            text = _cut(text, m.span())
        return m

    months = bool(words & MONTHS.keys())
    m = take(_HOLIDAY, "holiday") if words & _HOLIDAY_WORDS else None
    if m:
        key = re.sub(r"['’]s?\s", " s ", m["h"].lower())
        key = key if key in HOLIDAYS else key.replace(" s ", " ")
        parts["month"], parts["day"] = HOLIDAYS.get(key, (0, 0))
        if m["y"]:
            parts["year"] = int(m["y"])
    m = take(_DATE, "date") if months and digits else None
    if m:
        month = (m["m1"] or m["m2"]).lower()
        parts["month"], parts["day"] = MONTHS[month], int(m["d1"] or m["d2"])
        if m["y"]:
            parts["year"] = int(m["y"])
    m = _MONTH_YEAR.search(text) if months else None
    if m and m["m"][0].isupper() and (m["y"] or m["m"].lower() not in ("may", "march")):
        take(_MONTH_YEAR, "month")
        parts["month"] = MONTHS[m["m"].lower()]
        if m["y"]:
            parts["year"] = int(m["y"])
    m = take(_YEAR, "year") if digits and ("19" in about or "20" in about) else None
    if m:
        parts["year"] = int(m["y"])
    m = take(_WEEKDAY, "weekday") if words & WEEKDAYS.keys() else None
    if m:
        parts["weekday"] = WEEKDAYS[m["w"].lower()]
    ascii_only = about.isascii()  # else a pattern's letters may match others (re.I: "ſ" is "s")
    ordinal = (
        words & ORDINALS.keys() or (digits and (words & _ORDINAL_ENDS or not ascii_only))
    ) and (words & _OCCASION_WORDS or not ascii_only)
    m = take(_ORDINAL_OCCASION, "ordinal") if ordinal else None
    if m:  # the occasion stays: "people at the first protest" are at a protest
        occasion = m["of"] or m["noun"]
        if occasion.lower() not in _TIME_NOUNS:
            text = f"{text} {occasion}"
        n = m[1].lower()
        parts["ordinal"] = ORDINALS.get(n) or int(re.sub(r"\D", "", n))
    for needs, pattern in ((_RELATIVE_WORDS, _RELATIVE), (_DAY_PARTS, _PART_OF_DAY)):
        while words & needs and take(pattern, "relative"):
            pass
    when = When(
        parts.get("year", 0),
        parts.get("month", 0),
        parts.get("day", 0),
        parts.get("weekday", -1),
        parts.get("ordinal", 0),
        "; ".join(said),
    )
    core = " ".join(text.split()).strip(" ,;:-")
    if not core:  # all of it was attribution or time: keep it, rather than compare nothing
        return Reading(about, (), When())
    return Reading(core, tuple(reversed(aside)), when)

"""Read a quantity as news writes it ("at least two thousand", "$1.2bn a year") into a Quantity."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from discrepancy.model import INF, Quantity, Settings


class QuantityError(ValueError):
    """A value that cannot be read; `col` is the 1-based column in the value's text."""

    def __init__(self, message: str, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.col = col


SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
MAGNITUDES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "bln": 10**9, "trillion": 10**12, "tn": 10**12,
}  # fmt: skip
# Magnitude abbreviations only count right after digits ("2k", "$1.2bn"), never after words.
ABBREVIATIONS = {"k", "m", "mn", "mln", "b", "bn", "bln", "tn"}
FRACTION_WORDS = {"half": Fraction(1, 2), "halves": Fraction(1, 2), "quarter": Fraction(1, 4),
                  "quarters": Fraction(1, 4), "third": Fraction(1, 3), "thirds": Fraction(1, 3)}
FRACTION_CHARS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4),
                  "⅓": Fraction(1, 3), "⅔": Fraction(2, 3)}

CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₺": "TRY", "₽": "RUB",
                    "¥": "JPY"}
CURRENCY_WORDS = {
    "usd": "USD", "dollar": "USD", "dollars": "USD", "eur": "EUR", "euro": "EUR",
    "euros": "EUR", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "lira": "TRY", "liras": "TRY", "try": "TRY", "rub": "RUB", "ruble": "RUB",
    "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "dinar": "LYD", "dinars": "LYD",
    "lyd": "LYD", "syp": "SYP",
}  # fmt: skip
DURATIONS = {
    "minute": "minutes", "minutes": "minutes", "hour": "hours", "hours": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
    "months": "months", "year": "years", "years": "years",
}  # fmt: skip
RATE_WORDS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
              "yearly": "year", "annually": "year", "annual": "year"}
PERCENT = {"%": "percent", "percent": "percent", "pct": "percent"}

# Hedges before the number: phrase -> rule. Longest phrases are tried first.
HEDGES = {
    "more than": "above", "over": "above", "above": "above", "upwards of": "above",
    "in excess of": "above", "greater than": "above",
    "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "not less than": "at-least", "not fewer than": "at-least", "a minimum of": "at-least",
    "fewer than": "below", "less than": "below", "under": "below", "below": "below",
    "at most": "at-most", "up to": "at-most", "no more than": "at-most",
    "not more than": "at-most", "a maximum of": "at-most", "as many as": "at-most",
    "as much as": "at-most",
    "about": "approx", "around": "approx", "approximately": "approx", "approx": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "an approximate": "approx", "approximate": "approx", "circa": "approx", "ca": "approx",
    "~": "approx", "in the region of": "approx", "on the order of": "approx",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "just-under",
    "just below": "just-under", "just shy of": "just-under", "just over": "just-over",
    "just above": "just-over", "slightly more than": "just-over",
    "slightly less than": "just-under",
    "between": "between", "from": "from",
}  # fmt: skip
SUFFIXES = {
    "or more": "at-least", "+": "at-least", "plus": "at-least", "and more": "at-least",
    "or above": "at-least", "and above": "at-least", "and over": "at-least",
    "or fewer": "at-most", "or less": "at-most", "and under": "at-most", "or so": "approx",
}  # fmt: skip
UNQUANTIFIED = {"unknown", "unspecified", "undisclosed", "undetermined", "unlimited",
                "unquantified", "uncounted", "untold"}
RATE_PREFIXES = {"a", "an", "per", "each", "every", "/"}
YEAR_PREFIXES = {"in", "since", "by", "until", "till", "during", "before", "after", "of",
                 "early", "late", "mid", "from"}
RANGE_WORDS = {"to", "-", "–", "—", "or", "and", "through"}

RULE_TEXT = {
    "exact": "exact number",
    "range": "range",
    "above": "lower bound, excluded",
    "at-least": "lower bound, included",
    "below": "upper bound, excluded",
    "at-most": "upper bound, included",
    "approx": "approximately (±{tol}%)",
    "nearly": "nearly (up to {ntol}% below)",
    "just-under": "just under (up to {ntol}% below, excluded)",
    "just-over": "just over (up to {ntol}% above, excluded)",
    "vague": "vague word '{word}'",
    "unquantified": "no number given",
}

TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<ord>(?<=\d)(?:st|nd|rd|th)\b)"
    r"|(?P<word>us\$|[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<sym>[$€£₺₽¥~+%½¼¾⅓⅔/–—-])"
    r"|(?P<other>\S)"
)


@dataclass(frozen=True)
class Token:
    kind: str  # num, word, sym, ord, other
    text: str
    col: int  # 0-based


def tokenize(text: str) -> list[Token]:
    return [Token(m.lastgroup or "other", m.group(), m.start())
            for m in TOKEN.finditer(text.lower())]


@dataclass
class _Number:
    value: Fraction
    base: Fraction  # the value before its magnitude word ("two" in "two thousand")
    magnitude: int  # 1 when no magnitude word was given
    word_magnitude: bool  # the magnitude was spelled out or abbreviated (shareable in ranges)


def _phrase_at(tokens: list[Token], i: int, phrases: dict[str, str]) -> tuple[str, int] | None:
    """The longest phrase of `phrases` starting at token i, and how many tokens it spans."""
    for n in (4, 3, 2, 1):
        if i + n <= len(tokens):
            phrase = " ".join(t.text for t in tokens[i:i + n])
            if phrase in phrases:
                return phrase, n
    return None


def _vague_at(tokens: list[Token], i: int, settings: Settings) -> tuple[str, int] | None:
    for n in (4, 3, 2, 1):
        if i + n <= len(tokens):
            phrase = " ".join(t.text for t in tokens[i:i + n])
            if settings.vague_interval(phrase) is not None:
                return phrase, n
    return None


def _is_number_start(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    if t.kind == "num" or t.text in SMALL or t.text in TENS or t.text in FRACTION_CHARS:
        return True
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if t.text in ("a", "an", "one"):
        return nxt in ("hundred", "dozen", "half", "quarter", "third") or (
            nxt in MAGNITUDES and nxt not in ABBREVIATIONS)
    return t.text in ("half", "hundred", "dozen") or (
        t.text in MAGNITUDES and t.text not in ABBREVIATIONS)


def _read_number(tokens: list[Token], i: int) -> tuple[_Number, int]:
    """Read one number (digits or words) starting at token i; return it and the next index."""
    total = Fraction(0)
    current: Fraction | None = None
    magnitude, word_mag = 1, False
    after_and = False
    words = False  # reading number words, where "and" and hyphens may join parts
    start = i
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        text = t.text
        if t.kind == "num":
            if i > start and not (tokens[i - 1].kind == "sym" and tokens[i - 1].text in "½¼¾⅓⅔"):
                if current is not None:
                    break  # two numbers in a row: the caller decides what the second one is
            current = (current or 0) + Fraction(text.replace(",", "").replace(" ", "")
                                                .replace("\u00a0", "").replace("\u202f", ""))
        elif text in FRACTION_CHARS:
            current = (current or 0) + FRACTION_CHARS[text]
        elif text in SMALL or text in TENS:
            value = SMALL.get(text) or TENS.get(text, 0)
            if current is not None and not words:
                break
            if current is not None and current % 100 != 0 and not after_and and (
                    current % 10 != 0 or value >= 10):
                break  # "three four" is not a number
            current = (current or 0) + value
            words = True
        elif text in ("a", "an"):
            if not (nxt in ("hundred", "dozen", "half", "quarter", "third") or (
                    nxt in MAGNITUDES and nxt not in ABBREVIATIONS)):
                break
            if current is None:
                current = Fraction(1)
            words = True
            i += 1
            continue  # keep `after_and`: "one and a half"
        elif text == "hundred":
            current = (current if current is not None else 1) * 100
            words = True
        elif text == "dozen":
            current = (current if current is not None else 1) * 12
            words = True
        elif text in FRACTION_WORDS:
            frac = FRACTION_WORDS[text]
            if after_and:
                current = (current or 0) + frac
            elif current is None:
                current = frac
            else:
                current = current * frac
            words = True
        elif text in MAGNITUDES and (text not in ABBREVIATIONS or (
                i > start and tokens[i - 1].kind == "num")):
            mag = MAGNITUDES[text]
            total += (current if current is not None else 1) * mag
            if mag > magnitude:
                base = current if current is not None else Fraction(1)
            magnitude = max(magnitude, mag)
            word_mag = True
            current = None
        elif text == "and" and words and _is_number_start(tokens, i + 1) and (
                current is None or current % 100 == 0 or nxt in ("a", "an", "half")):
            # "one hundred and twenty", "two thousand and five", "one and a half"
            after_and = nxt in ("a", "an", "half") and current is not None and current < 100
            i += 1
            continue
        elif text == "of" and nxt in ("a", "an") and current is not None and current < 1:
            pass  # "a quarter of a million"
        elif text == "-" and words and tokens[i - 1].text in TENS and nxt in SMALL and 0 < SMALL[nxt] < 10:
            pass  # "twenty-five"
        else:
            break
        after_and = False
        i += 1
    value = total + (current or 0)
    if magnitude == 1:
        base = value
    return _Number(value, base, magnitude, word_mag), i


def _rule_text(rule: str, settings: Settings, word: str = "") -> str:
    return RULE_TEXT[rule].format(tol=_pct(settings.approx_tolerance),
                                  ntol=_pct(settings.nearly_tolerance), word=word)


def _pct(x: float) -> str:
    return f"{x * 100:g}"


def _num(x: Fraction | float) -> float:
    return float(x)


def parse_quantity(text: str, settings: Settings = Settings()) -> Quantity:
    """Read a quantity expression into an interval and a unit; raise QuantityError if unreadable."""
    return _parse_cached(text, settings)


@lru_cache(maxsize=65536)
def _parse_cached(text: str, settings: Settings) -> Quantity:
    simple = _simple(text, settings)
    if simple is not None:
        return simple
    tokens = tokenize(text)
    if not tokens:
        raise QuantityError("empty value", 1)
    has_number = any(_is_number_start(tokens, i) for i in range(len(tokens)))
    if not has_number and any(t.text in UNQUANTIFIED for t in tokens):
        return Quantity(0, INF, unquantified=True, rule=_rule_text("unquantified", settings))

    hedge = ""
    numbers: list[_Number] = []
    vague: tuple[float, float] | None = None
    vague_word = ""
    connector = ""
    suffix = ""
    currency = ""
    duration = ""
    rate = ""
    percent = False
    unit_zone = True  # unit words count only right around the numbers, not after other words
    i = 0
    while i < len(tokens):
        t = tokens[i]
        started = bool(numbers) or vague is not None
        if not started:
            hit = _vague_at(tokens, i, settings)
            if hit and not (hit[0] in ("several", "a few") and i + hit[1] < len(tokens)
                            and tokens[i + hit[1]].text in ("hundred", "thousand", "million")):
                vague_word, n = hit
                vague = settings.vague_interval(vague_word)
                i += n
                # "several hundred thousand": a vague number times a magnitude word
                if i < len(tokens) and tokens[i].text in MAGNITUDES and tokens[i].text not in ABBREVIATIONS:
                    mag = MAGNITUDES[tokens[i].text]
                    assert vague is not None
                    vague = (vague[0] * mag, vague[1] * mag)
                    vague_word += " " + tokens[i].text
                    i += 1
                if i < len(tokens) and tokens[i].text == "of":
                    i += 1
                continue
            hit = _phrase_at(tokens, i, HEDGES)
            if hit and not _is_number_start(tokens, i):
                hedge_word, n = hit
                if hedge and HEDGES[hedge_word] not in ("between", "from"):
                    raise QuantityError(f'two hedges in "{text}": "{hedge}" and "{hedge_word}"',
                                        t.col + 1)
                if not hedge or HEDGES[hedge] in ("between", "from"):
                    hedge = hedge_word if not hedge else hedge
                i += n
                continue
        if t.text in CURRENCY_SYMBOLS and (not started or unit_zone):
            currency = CURRENCY_SYMBOLS[t.text]
            i += 1
            continue
        if t.kind == "num" and len(t.text) == 4 and 1800 <= int(t.text) <= 2100 and i > 0 and (
                tokens[i - 1].text in YEAR_PREFIXES or tokens[i - 1].text in MONTHS):
            i += 1  # a year ("in 2019") is a date, not a count
            continue
        if _is_number_start(tokens, i) and (not started or (connector and len(numbers) == 1)):
            number, i = _read_number(tokens, i)
            numbers.append(number)
            unit_zone = True
            continue
        if t.kind == "num" or (_is_number_start(tokens, i) and t.text not in ("a", "an", "one")):
            if t.kind == "num" or t.text in SMALL or t.text in TENS:
                raise QuantityError(f'more than one quantity in "{text}": "{t.text}"', t.col + 1)
        if started:
            if numbers and len(numbers) == 1 and not connector and vague is None and (
                    t.text in RANGE_WORDS) and i + 1 < len(tokens):
                j = i + 1
                while j < len(tokens) and tokens[j].text in CURRENCY_SYMBOLS:
                    j += 1
                ok = t.text != "and" or (hedge and HEDGES[hedge] == "between")
                if ok and j < len(tokens) and _is_number_start(tokens, j):
                    connector = t.text
                    i += 1
                    continue
            hit = _phrase_at(tokens, i, SUFFIXES)
            if hit and not suffix:
                suffix = SUFFIXES[hit[0]]
                i += hit[1]
                continue
            if unit_zone:
                if t.text in CURRENCY_WORDS or (t.text == "us" and i + 1 < len(tokens)
                                                and tokens[i + 1].text in ("dollar", "dollars")):
                    currency = CURRENCY_WORDS.get(t.text, currency)
                    i += 1
                    continue
                if t.text in PERCENT or (t.text == "per" and i + 1 < len(tokens)
                                         and tokens[i + 1].text == "cent"):
                    percent = True
                    i += 2 if t.text == "per" else 1
                    continue
                if t.text in RATE_WORDS:
                    rate = RATE_WORDS[t.text]
                    i += 1
                    continue
                if t.text in RATE_PREFIXES and i + 1 < len(tokens) and tokens[i + 1].text in DURATIONS:
                    rate = DURATIONS[tokens[i + 1].text].rstrip("s")
                    i += 2
                    continue
                if t.text in DURATIONS and not duration:
                    duration = DURATIONS[t.text]
                    i += 1
                    continue
                if t.text == "-" and i + 1 < len(tokens) and tokens[i + 1].text in DURATIONS:
                    i += 1  # "three-month contracts"
                    continue
            if t.kind == "word":
                unit_zone = False
            i += 1
            continue
        # Before the number: a word we do not know. Tolerated ("an approximate salary of $1,000")
        # unless it is glued to the number it should have been ("threeish hundred").
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (nxt.text in ("hundred", "thousand", "million", "billion", "dozen")
                                or nxt.kind == "ord" or t.kind == "other" and nxt.kind == "num"):
            raise QuantityError(f'cannot read "{t.text}" in "{text}" (col {t.col + 1})', t.col + 1)
        i += 1

    if not numbers and vague is None:
        raise QuantityError(f'no number in "{text}"', tokens[0].col + 1)

    unit = currency or ("percent" if percent else "") or duration or "count"
    if rate:
        unit = f"{unit}/{rate}"

    rule_word = ""
    if vague is not None:
        lo, hi = Fraction(vague[0]), Fraction(vague[1])
        rule = "vague"
        rule_word = vague_word
    elif len(numbers) == 2:
        a, b = numbers
        # "one and a half to two thousand", "$2-3 million": the magnitude is shared
        if a.magnitude == 1 and b.word_magnitude and a.value <= b.base:
            a = _Number(a.value * b.magnitude, a.value, b.magnitude, True)
        lo, hi = min(a.value, b.value), max(a.value, b.value)
        rule = "range"
    else:
        lo = hi = numbers[0].value
        rule = "exact"
    if hedge and HEDGES[hedge] in ("between", "from"):
        if rule != "range" and HEDGES[hedge] == "between":
            raise QuantityError(f'"between" needs two numbers in "{text}"', 1)
        hedge = ""
    kind = HEDGES[hedge] if hedge else ""
    if suffix:
        if kind and kind != suffix:
            raise QuantityError(f'"{text}" is bounded twice', 1)
        kind = suffix
    return _apply_hedge(kind or rule, lo, hi, unit, settings, rule_word)


_SIMPLE = re.compile(r"\s*(?:([a-z]+(?: [a-z]+){0,3}) +)?(\d{1,3}(?:,\d{3})+|\d+)\s*")


def _simple(text: str, settings: Settings) -> Quantity | None:
    """The commonest shapes, a number alone or after one hedge ("3,500", "about 3,500"), read
    without the full reader (large inputs hold many distinct numbers). Read as it would."""
    m = _SIMPLE.fullmatch(text.lower())
    if m is None:
        return None
    hedge, digits = m.groups()
    kind = HEDGES.get(hedge, "") if hedge else "exact"
    if kind in ("", "between", "from") or (hedge and settings.vague_interval(hedge)) or (
            len(digits) == 4 and 1800 <= int(digits) <= 2100):  # maybe a year: the full reader
        return None
    n = Fraction(digits.replace(",", ""))
    return _apply_hedge(kind, n, n, "count", settings, "")


def _apply_hedge(kind: str, lo: Fraction, hi: Fraction, unit: str, settings: Settings,
                 word: str) -> Quantity:
    tol = Fraction(str(settings.approx_tolerance))
    ntol = Fraction(str(settings.nearly_tolerance))
    rule = _rule_text(kind, settings, word)
    if kind == "above":
        return Quantity(_num(lo), INF, lo_open=True, unit=unit, rule=rule)
    if kind == "at-least":
        return Quantity(_num(lo), INF, unit=unit, rule=rule)
    if kind == "below":
        return Quantity(0.0, _num(hi), hi_open=True, unit=unit, rule=rule)
    if kind == "at-most":
        return Quantity(0.0, _num(hi), unit=unit, rule=rule)
    if kind == "approx":
        return Quantity(_num(lo * (1 - tol)), _num(hi * (1 + tol)), unit=unit, rule=rule)
    if kind == "nearly":
        return Quantity(_num(lo * (1 - ntol)), _num(hi), unit=unit, rule=rule)
    if kind == "just-under":
        return Quantity(_num(lo * (1 - ntol)), _num(lo), hi_open=True, unit=unit, rule=rule)
    if kind == "just-over":
        return Quantity(_num(hi), _num(hi * (1 + ntol)), lo_open=True, unit=unit, rule=rule)
    return Quantity(_num(lo), _num(hi), unit=unit, rule=rule)


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec"}

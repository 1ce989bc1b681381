"""One expression being read: lead, core, then what follows it (discrepancy.quantities.after).

lead                         core                   after
"an estimated population of" "at least 120,000"     "people or so"
"a monthly salary of"        "$2,000"
"""

from __future__ import annotations

from fractions import Fraction

from discrepancy import lexicon as lx
from discrepancy.model import Settings
from discrepancy.quantities.bounds import Tolerances, tolerances
from discrepancy.quantities.numbers import (
    BLANK,
    LARGEST,
    MAGNITUDE_OF,
    MIXABLE,
    PLURAL_OF,
    Number,
    Operand,
    digits,
    error,
    step_of,
)
from discrepancy.quantities.tokens import Phrases, Token, is_year
from discrepancy.quantities.unitread import Units
from discrepancy.quantities.words import PUNCTUATION, date_end, phrase_typo, typo_of

HEDGES = Phrases(lx.HEDGES)
STATED = Phrases(dict.fromkeys(lx.STATED, ""))
FILLERS = Phrases(dict.fromkeys(lx.FILLERS, ""))
VALUE_NOUNS = Phrases(dict.fromkeys(lx.VALUE_NOUNS, ""))
RANGE_WORDS = Phrases(lx.RANGE_WORDS)
BOUNDS = ("above", "at-least", "below", "at-most")
LEAD_FIRSTS = {p.split()[0] for p in (*lx.HEDGES, *lx.STATED, *lx.FILLERS)}
NOUNS = Phrases(dict.fromkeys(lx.NOUNS | {n[:-1] for n in lx.NOUNS if n.endswith("s")}, ""))


class Reader:
    """Reads with one Settings: its vague words, tolerances and rounding."""

    def __init__(self, settings: Settings) -> None:
        # each vague phrase: its interval, whether the settings changed it, the magnitude it
        # ends with; one ending in a magnitude also in the plural ("several hundreds")
        table: dict[str, tuple[tuple[float, float], bool, int]] = {}
        for phrase, interval in settings.vague:
            *head, last = phrase.split()
            entry = (
                interval,
                lx.VAGUE_DEFAULTS.get(phrase) != interval,
                MAGNITUDE_OF.get(last, 1) if head else 1,
            )
            table[phrase] = entry
            if head and last in PLURAL_OF:
                table.setdefault(" ".join([*head, PLURAL_OF[last]]), entry)
        self.vague = Phrases(table)
        self.tolerances: Tolerances = tolerances(
            settings.approx_tolerance, settings.nearly_tolerance
        )
        self.rounding = settings.rounding


Hedge = tuple[str, str, Token]  # (phrase, rule, where)


class Scan:
    """The lead and the core of one expression; discrepancy.quantities.after reads the rest."""

    __slots__ = (
        "hedge", "hedge2", "i", "n", "no_unit", "range_token", "range_word", "reader", "soft", "suffix",
        "text", "texts", "tokens", "units",
    )  # fmt: skip

    def __init__(self, reader: Reader, text: str, tokens: list[Token]) -> None:
        self.reader = reader
        self.text = text
        self.tokens = tokens
        self.texts = [t.text for t in tokens]
        self.n = len(tokens)
        self.i = 0
        self.units = Units(text)
        self.range_word = ""  # "between" or "from"
        self.range_token: Token | None = None
        self.hedge: Hedge | None = None
        self.hedge2: Hedge | None = None  # the far end's own bound ("... and as many as 46")
        self.suffix: Hedge | None = None
        self.soft: Token | None = None  # an "unknown", "many" or "number" in the lead
        self.no_unit = -1  # the token where a unit was last looked for and not found

    def token(self, i: int) -> Token | None:
        return self.tokens[i] if i < self.n else None

    def error(self, what: str, t: Token | None, hint: str = "", part: str = "") -> ValueError:
        return error(what, t, self.text, hint, part)

    def written(self, i: int, n: int) -> str:
        """Tokens i to i + n as the text has them ("More than", "-odd")."""
        last = self.tokens[i + n - 1]
        return " ".join(self.text[self.tokens[i].col : last.col + len(last.raw)].split())

    # lead ---------------------------------------------------------------------------------------

    def lead(self) -> bool:
        """Read up to the core; False when there is none. Every word must be understood."""
        texts = self.texts
        while self.i < self.n:
            i, t = self.i, self.tokens[self.i]
            dated = t.text in lx.DATE_WORDS or t.kind == "name" or (t.kind == "num" and is_year(t))
            end = self.date_at(i) if dated and texts[i] not in ("from", "between") else 0
            if end:  # "in 2019, some 2,000"; but "from 1800 to 2000" is a range
                self.i = end
                continue
            if self.operand_at(i):
                if self.soft is not None and not (
                    self.soft.text == "many" and self.reader.vague.match(texts, i)
                ):  # "many thousands" is thousands
                    raise self.error("cannot read", self.soft, "a second quantity")
                return True
            if t.text == "+" and self.operand_at(i + 1):
                self.i += 1  # "+2,000": a sign
                continue
            if t.text in LEAD_FIRSTS:
                stated = STATED.match(texts, i)  # before "more than": "more than doubled to"
                hit = None if stated else HEDGES.match(texts, i)
                if hit:
                    self.take_hedge(self.written(i, hit[2]), hit[1], t)
                    self.i += hit[2]
                    continue
                stated = stated or FILLERS.match(texts, i)
                if stated:
                    self.i += stated[2]
                    continue
            currency, n = self.units.sign(self.tokens, i)
            if currency:  # "$ about 1,000"
                self.units.set("measure", currency, t)
                self.i += n
                continue
            self.i += self.lead_word(i, t)
        return False

    def lead_word(self, i: int, t: Token) -> int:
        """How many tokens a word of the lead that is not a hedge spans, or an error."""
        texts, nxt = self.texts, self.token(i + 1)
        if t.text in lx.RATE_ADJECTIVES and nxt is not None and nxt.text in lx.VALUE_NOUNS:
            self.units.set("rate", lx.RATE_ADJECTIVES[t.text], t)  # "a monthly salary of"
            return 1
        hit = VALUE_NOUNS.match(texts, i)
        if hit and i + hit[2] < self.n and texts[i + hit[2]] == "of":
            return hit[2] + 1  # "a salary of", "a death toll of"
        if t.text in PUNCTUATION:
            return 1
        hit = NOUNS.match(texts, i)
        if hit and not any(self.operand_at(k) for k in range(i + 1, self.n)):
            return hit[2]  # "fighters": no number, said so below
        if t.text in lx.UNQUANTIFIED or t.text in lx.NUMBER_NOUNS or t.text == "of":
            self.soft = self.soft or t  # "an unknown number of": no number, if none follows
            return 1
        if t.text in lx.MULTIPLIERS:
            raise self.error("cannot read", t, "a multiple of another figure is not read")
        if t.text == "-" and nxt is not None and nxt.col == t.col + 1 and self.operand_at(i + 1):
            raise self.error("a negative number", t, "quantities are never below zero")
        typo = phrase_typo(texts, i) or (phrase_typo(texts, i - 1) if i else None)
        typo = typo or (typo_of(t.text) if t.kind == "word" else None)
        if typo:
            raise self.error("cannot read", t, f'did you mean "{typo}"?')
        if nxt is not None and nxt.kind == "ord":
            raise self.error(
                "cannot read", t, "an ordinal is a rank, not a quantity", t.raw + nxt.raw
            )
        if nxt is not None and nxt.text in MAGNITUDE_OF:
            raise self.error("cannot read", t)  # "threeish hundred"
        raise self.error("cannot read", t, 'expected a hedge such as "about", or a number')

    def date_at(self, i: int) -> int:
        """The token after a date at token i ("in 2019,", "as of March 2020"), 0 when none."""
        return date_end(self.tokens, self.texts, i)

    def take_hedge(self, phrase: str, rule: str, t: Token) -> None:
        """A hedge; an approximation stacked on a bound leaves the bound to decide ("an
        estimated population of at least 120,000", "around over 1,000")."""
        if rule in ("between", "from"):
            if self.range_word:
                raise self.error("a second hedge", t, part=phrase)
            self.range_word, self.range_token = rule, t
        elif self.hedge is None:
            self.hedge = (phrase, rule, t)
        elif self.hedge[1] == "approx" and rule in BOUNDS:
            self.hedge = (f"{self.hedge[0]} {phrase}", rule, self.hedge[2])
        elif rule == "approx" and self.hedge[1] in BOUNDS:
            self.hedge = (f"{self.hedge[0]} {phrase}", self.hedge[1], self.hedge[2])
        else:
            raise self.error("a second hedge", t, part=phrase)

    # core ---------------------------------------------------------------------------------------

    def operand_at(self, i: int) -> bool:
        """Does a number or a vague word (perhaps after a currency sign) start at token i?"""
        n = 1
        while i < self.n and n:
            _, n = self.units.sign(self.tokens, i)
            i += n
        if i >= self.n:
            return False
        if self.reader.vague.match(self.texts, i):
            return True
        return BLANK.kind_of(self.tokens[i], self.token(i + 1)) is not None

    def core(self) -> tuple[Operand, Operand | None, str]:
        """The core: one operand, or the two ends of a range and how the range was said."""
        start = self.i
        a = self.operand()
        if self.range_word == "between" and not self.range_word_at(self.i):
            self.i = start  # "between a hundred and two hundred", not "a hundred and two"
            a = self.operand(join_and=False)
        self.read_units()  # "10% to 15%", "$1,500 a month to $2,000 a month"
        joint = self.range_word_at(self.i)
        if not joint:
            if self.range_word == "between":
                raise self.error("two numbers are needed after", self.range_token)
            return a, None, ""
        joined_by_and = self.texts[self.i] == "and"
        self.i += joint
        hit = HEDGES.match(self.texts, self.i)
        if hit and hit[1] not in ("between", "from"):  # "at least 13 and as many as 46"
            self.hedge2 = (self.written(self.i, hit[2]), hit[1], self.tokens[self.i])
            self.i += hit[2]
        b = self.operand()
        return a, b, "both" if joined_by_and and self.hedge2 else "range"

    def range_word_at(self, i: int) -> int:
        """How many tokens join a range at token i ("to", ", if not"), 0 when none does."""
        if i >= self.n:
            return 0
        if self.texts[i] == "and":
            two_bounds = self.hedge is not None and self.hedge[1] in BOUNDS and not self.range_word
            if self.range_word == "between":
                n = 1
            elif two_bounds and (bound := HEDGES.match(self.texts, i + 1)) and bound[1] in BOUNDS:
                return 1  # "more than 10 and less than 40"
            else:
                n = 0
        else:
            comma = self.texts[i] == ","
            hit = RANGE_WORDS.match(self.texts, i + comma) if i + comma < self.n else None
            n = comma + hit[2] if hit and (hit[1] or not comma) else 0
        if n and i + n < self.n and self.range_word != "between":
            hedge = HEDGES.match(self.texts, i + n)  # "about 1,200 to more than 1,800"
            if hedge and hedge[1] not in ("between", "from") and self.texts[i + n] != "some":
                return n if self.operand_at(i + n + hedge[2]) else 0
        return n if n and self.operand_at(i + n) else 0

    def operand(self, join_and: bool = True) -> Operand:
        while True:
            currency, n = self.units.sign(self.tokens, self.i)
            if not currency:
                break
            self.units.set("measure", currency, self.tokens[self.i])
            self.i += n
        hit = self.reader.vague.match(self.texts, self.i)
        return self.vague(hit[1], hit[2]) if hit else self.number(join_and)

    def vague(self, entry: tuple[tuple[float, float], bool, int], n: int) -> Operand:
        ((lo, hi), from_settings, magnitude), start = entry, self.i
        self.i += n
        # vague words times a magnitude: "several hundred thousand", "a few dozen", "several
        # thousands", "a couple of hundred", "dozens of thousands"
        while self.i < self.n:
            j = self.i + 1 if self.texts[self.i] == "of" else self.i
            m = MAGNITUDE_OF.get(self.texts[j], 0) if j < self.n else 0
            if not m:
                break
            lo, hi, magnitude, self.i = lo * m, hi * m, magnitude * m, j + 1
        if hi > LARGEST:
            raise self.error("cannot read", self.tokens[self.i - 1], "too large a number")
        said = " ".join(self.texts[start : self.i])
        if self.i < self.n and self.texts[self.i] == "of" and not self.operand_at(self.i + 1):
            self.i += 1  # "dozens of", "millions of dollars"
        return Operand(lo, hi, magnitude, said, from_settings)

    def number(self, join_and: bool) -> Operand:
        """Read one number (digits or words) at the current token, exactly."""
        num = Number()
        tokens, texts, n, rounding = self.tokens, self.texts, self.n, self.reader.rounding
        start = j = self.i
        while j < n:
            t, nxt = tokens[j], tokens[j + 1] if j + 1 < n else None
            kind = num.kind_of(t, nxt)
            if kind:
                if kind == "digits":
                    num.add(kind, t, digits(t, self.text), step_of(t) if rounding else 1)
                else:
                    num.add(kind, t)
                j += 1
            elif t.text in lx.AMBIGUOUS_ABBREVIATIONS and num.last == "digits":
                raise self.error("cannot read", t, lx.AMBIGUOUS_ABBREVIATIONS[t.text])
            elif (
                t.text == "-"
                and nxt is not None
                and num.last
                and nxt.kind != "num"
                and (num.kind_of(nxt, self.token(j + 2)) or nxt.text == "and")
            ):
                j += 1  # "twenty-five", "half-million", "one-and-a-half" (a digit after "-"
                # starts the far end of a range)
            elif t.text == "and" and join_and:
                mixed = self.and_fraction(j) if num.last in MIXABLE else None
                if mixed:
                    num.add_fraction(mixed[0])  # "one and a half", "a million and a half"
                    j = mixed[1]
                elif (
                    num.last in ("hundred", "scale")
                    and nxt is not None
                    and (num.kind_of(nxt, self.token(j + 2)) in ("unit", "teen", "tens", "digits"))
                ):
                    j += 1  # "a hundred and fifty", "two million and 300 thousand"
                else:
                    break
            elif num.last == "fraction" and t.text in ("of", "a", "an"):
                k = j + 2 if t.text == "of" and texts[j + 1 : j + 2] in (["a"], ["an"]) else j + 1
                if k < n and (texts[k] in lx.SCALES or texts[k] == "dozen"):
                    j = k  # "half a million", "a quarter of a million", "half a dozen"
                else:
                    break
            elif t.text == lx.POINT and num.last in ("unit", "teen", "tens", "hundred", "zero"):
                k = j + 1
                while k < n and texts[k] in lx.DIGIT_WORDS:
                    k += 1
                if k == j + 1:
                    break
                num.add_decimals([lx.DIGIT_WORDS[w] for w in texts[j + 1 : k]])
                j = k  # "two hundred point zero three"
            elif t.text == "/" and num.last == "digits" and self.glued(j) and num.value % 1 == 0:
                num.over(self.denominator(j + 1, num.value))  # "3/4"
                j += 2
            else:
                break
        if j == start or num.last == "a":
            raise self.error("cannot read", tokens[start])
        value = num.value
        if value > LARGEST:
            raise self.error("cannot read", tokens[start], "too large a number")
        self.i = j
        return Operand(value, value, num.magnitude if num.plain else 1, step=num.step)

    def glued(self, j: int) -> bool:
        """Is the token at j written against the ones on either side ("3/4", not "3 / 4")?"""
        before, t, after = self.tokens[j - 1], self.tokens[j], self.token(j + 1)
        return (
            after is not None
            and after.kind == "num"
            and before.col + len(before.raw) == t.col
            and t.col + 1 == after.col
        )

    def denominator(self, j: int, numerator: object) -> int:
        t = self.tokens[j]
        if not t.text.isdigit() or len(t.text) > 3 or not numerator < int(t.text):  # type: ignore[operator]
            raise self.error("cannot read", t, "a fraction below one is read, as in 3/4 (not 24/7)")
        return int(t.text)

    def and_fraction(self, j: int) -> tuple[Fraction, int] | None:
        """ "and a half", "and one half", "and three quarters", "and ½" at token j."""
        texts, n = self.texts, self.n
        k = j + 1
        while k < n and texts[k] == "-":
            k += 1
        if k < n and self.tokens[k].kind == "frac":
            return lx.FRACTION_CHARS[texts[k]], k + 1
        if k >= n:
            return None
        count = 1 if texts[k] in ("a", "an", "one") else lx.UNITS.get(texts[k], 0)
        k += 1
        while k < n and texts[k] == "-":
            k += 1
        if count and k < n and texts[k] in lx.FRACTION_WORDS:
            return count * lx.FRACTION_WORDS[texts[k]], k + 1
        return None

    def read_units(self) -> None:
        while self.i < self.n:
            n = self.units.read(self.tokens, self.texts, self.i)
            if not n:
                self.no_unit = self.i
                return
            self.i += n

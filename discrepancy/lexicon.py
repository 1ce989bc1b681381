"""The words the quantity reader knows and what each one means, one table per family.

README "How values read" documents these tables; tests/test_docs_quantities.py keeps it honest.
Phrases are lower-case words separated by single spaces, as the tokenizer produces them
("per cent", "- odd" for "40-odd").
"""

from __future__ import annotations

from fractions import Fraction

# --- Numbers -----------------------------------------------------------------------------------

# Number words, by the part they play: units and teens and tens add up, "hundred" multiplies
# what came before it, scales close a group ("two thousand | five hundred").
UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
DOZEN = 12
# Plural magnitudes: a vague word on their own ("thousands"), a factor after a vague word
# ("several thousands", "dozens of thousands") and after a number ("3 millions").
PLURAL_MAGNITUDES = {
    "hundreds": "hundred",
    "dozens": "dozen",
    "thousands": "thousand",
    "millions": "million",
    "billions": "billion",
    "trillions": "trillion",
}
# Round numbers with an "s" ("100s", "1,000s", "1000's") are the vague words they stand for; any
# other number with an "s" ("the 1990s", "in their 20s") is a decade or an age, not a count.
ROUND_PLURALS = {
    "10": "tens",
    "100": "hundreds",
    "1000": "thousands",
    "10000": "tens of thousands",
    "100000": "hundreds of thousands",
    "1000000": "millions",
    "10000000": "tens of millions",
    "100000000": "hundreds of millions",
    "1000000000": "billions",
}
# Zero, in words: "none" is a count of nothing ("no" is not: "no figure" is not zero).
ZEROS = {"zero", "none"}
# Abbreviated scales count only right after digits ("2k", "$1.2bn", "3.5 mn"), never alone.
ABBREVIATIONS = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "tn": 10**12,
}
# "half" and "quarter" may start a number ("half a million"); "third" needs one before it
# ("a third", "two thirds"), because "the third battalion" is not a fraction.
FRACTION_WORDS = {
    "half": Fraction(1, 2),
    "halves": Fraction(1, 2),
    "quarter": Fraction(1, 4),
    "quarters": Fraction(1, 4),
    "third": Fraction(1, 3),
    "thirds": Fraction(1, 3),
}
BARE_FRACTIONS = {"half", "quarter"}
FRACTION_CHARS = {
    "½": Fraction(1, 2), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3), "¼": Fraction(1, 4),
    "¾": Fraction(3, 4), "⅕": Fraction(1, 5), "⅖": Fraction(2, 5), "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5), "⅙": Fraction(1, 6), "⅚": Fraction(5, 6), "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8), "⅝": Fraction(5, 8), "⅞": Fraction(7, 8),
}  # fmt: skip

# --- Bounds and hedges -------------------------------------------------------------------------

# Hedges before the number, by the rule that decides their interval (README "How values read"
# has the table; quantities._bounded applies it). The longest phrase wins; "between" and "from"
# open a range. A hedge may be followed by a currency sign or by words ending in "of"
# ("an approximate salary of $1,000"), nothing else.
HEDGES = {
    # lower bound, excluded
    "more than": "above", "over": "above", "above": "above", "upwards of": "above",
    "upward of": "above", "in excess of": "above", "greater than": "above",
    "well over": "above", "well above": "above", "north of": "above", ">": "above",
    # lower bound, included
    "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "not less than": "at-least", "not fewer than": "at-least", "a minimum of": "at-least",
    "minimum of": "at-least", "minimum": "at-least", "at the very least": "at-least",
    "≥": "at-least", ">=": "at-least",
    # upper bound, excluded
    "fewer than": "below", "less than": "below", "under": "below", "below": "below",
    "south of": "below", "<": "below",
    # upper bound, included
    "at most": "at-most", "up to": "at-most", "no more than": "at-most",
    "not more than": "at-most", "a maximum of": "at-most", "maximum of": "at-most",
    "maximum": "at-most", "max": "at-most", "as many as": "at-most", "as much as": "at-most",
    "at the most": "at-most", "≤": "at-most", "<=": "at-most",
    # approximately
    "about": "approx", "around": "approx", "approximately": "approx", "approx": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "est": "approx", "an estimate of": "approx", "an approximate": "approx",
    "approximate": "approx", "circa": "approx", "ca": "approx", "c": "approx", "~": "approx",
    "≈": "approx", "in the region of": "approx", "on the order of": "approx",
    "of the order of": "approx", "in the order of": "approx", "somewhere around": "approx",
    "more or less": "approx", "something like": "approx",
    # nearly
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "approaching": "nearly",
    "not quite": "nearly",
    # just under / just over
    "just under": "just-under", "just below": "just-under", "just shy of": "just-under",
    "just short of": "just-under", "slightly less than": "just-under",
    "slightly fewer than": "just-under", "slightly under": "just-under",
    "a little under": "just-under", "a little less than": "just-under",
    "just over": "just-over", "just above": "just-over", "just more than": "just-over",
    "slightly more than": "just-over", "slightly over": "just-over",
    "slightly above": "just-over", "a little over": "just-over",
    "a little more than": "just-over",
    # ranges
    "between": "between", "from": "from",
}  # fmt: skip

# After the number.
SUFFIXES = {
    "or more": "at-least", "+": "at-least", "plus": "at-least", "- plus": "at-least",
    "and more": "at-least", "or above": "at-least", "and above": "at-least",
    "or over": "at-least", "and over": "at-least", "or greater": "at-least",
    "or higher": "at-least", "at least": "at-least", "at a minimum": "at-least",
    "minimum": "at-least",
    "or fewer": "at-most", "or less": "at-most", "and under": "at-most", "or under": "at-most",
    "and below": "at-most", "or below": "at-most", "or lower": "at-most", "at most": "at-most",
    "at the most": "at-most", "maximum": "at-most", "max": "at-most",
    "or so": "approx", "or thereabouts": "approx", "give or take": "approx", "approx": "approx",
    "approximately": "approx", "roughly": "approx", "more or less": "approx",
    "odd": "just-over", "- odd": "just-over",
    # a second, larger, number left unsaid: "2,000, if not more" is at least 2,000
    "if not more": "at-least", "or even more": "at-least", "perhaps more": "at-least",
    "possibly more": "at-least", "maybe more": "at-least",
    "if not fewer": "at-most", "if not less": "at-most", "or even fewer": "at-most",
    "or even less": "at-most",
}  # fmt: skip

# Between two numbers of a range, and whether a comma may come first ("hundreds, if not
# thousands"; "5, -3" is not a range). "and" joins a range only after "between".
RANGE_WORDS = {
    "to": False, "-": False, "through": False, "or": True, "or even": True, "or perhaps": True,
    "or possibly": True, "or maybe": True, "if not": True, "perhaps": True, "perhaps even": True,
    "possibly": True, "possibly even": True, "maybe": True, "maybe even": True,
}  # fmt: skip

# No number at all, but a known way of saying so: listed, never in conflict.
UNQUANTIFIED = {
    "unknown",
    "unspecified",
    "undisclosed",
    "undetermined",
    "unlimited",
    "unquantified",
    "uncounted",
    "untold",
    "countless",
    "innumerable",
    "numerous",
    "many",
    "unclear",
}
# After the quantity, these are a second one: "3,500 Syrians and many Chadians", as is a word
# above before "number" ("and an unknown number of Chadians").
QUANTIFIERS = {"many", "numerous", "countless", "innumerable"}
NUMBER_NOUNS = {"number", "numbers"}
# A multiple of a number that is not read: an error before the number ("twice as many as 400"
# is not at most 400) and a second quantity after it.
MULTIPLIERS = {"twice", "thrice"}
# After these, "half", "quarter" and "third" name a part of a year or a rank, not a fraction:
# "in the second half of 2019", "the third brigade".
NOT_A_FRACTION_AFTER = {"the", "first", "second", "third", "fourth", "last", "final", "other"}

# English words a letter away from a word the reader knows: never taken for its typo ("in
# early 2020" is not "nearly", "even" not "seven"). Words of three letters or fewer are never
# typo targets at all ("none" is not "one", "then" not "the", "test" not "est").
NOT_TYPOS = {
    "early", "even", "seen", "weight", "height", "eighth", "seventh", "last", "east", "tree",
    "every", "note", "cover", "hover", "round", "sort", "shot", "closed", "closer", "lose",
    "blow", "slight", "thank", "billing", "estate", "estimates", "quit", "tends", "fort",
    "border", "orders", "regions", "regional", "alike", "likes", "score", "specified",
    "determine", "determined", "limited", "counted", "disclosed", "quantified", "nuclear",
    "couples", "coupled", "closes", "approximated", "unknowns", "minimums", "maximums", "overt",
    "linearly", "unqualified",
}  # fmt: skip

# --- Units -------------------------------------------------------------------------------------

# Before (or right after) the number.
CURRENCY_SIGNS = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₺": "TRY",
    "₽": "RUB",
    "¥": "JPY",
    "₹": "INR",
    "₴": "UAH",
    "₪": "ILS",
}
# ISO codes, before or after the number. "TRY" counts only in capitals: "try" is a word.
CURRENCY_CODES = {
    "usd",
    "eur",
    "gbp",
    "try",
    "rub",
    "lyd",
    "syp",
    "egp",
    "lbp",
    "iqd",
    "jpy",
    "cny",
    "inr",
    "sar",
    "aed",
    "qar",
    "chf",
    "cad",
    "aud",
    "uah",
    "ils",
    "irr",
}
CAPITALS_ONLY = {"try"}
# After the number, each also in the singular (without its final "s"). A country names the
# currency; "dollars" and "pounds" alone are US and British, "dinars" alone Libyan.
CURRENCY_NAMES = {
    "dollars": "USD", "us dollars": "USD", "canadian dollars": "CAD",
    "australian dollars": "AUD", "euros": "EUR", "pounds": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "syrian pounds": "SYP", "syrian lira": "SYP", "egyptian pounds": "EGP",
    "lebanese pounds": "LBP", "lebanese lira": "LBP", "lira": "TRY", "liras": "TRY",
    "lire": "TRY", "turkish lira": "TRY", "rubles": "RUB", "roubles": "RUB", "dinars": "LYD",
    "libyan dinars": "LYD", "iraqi dinars": "IQD", "yen": "JPY", "yuan": "CNY", "rupees": "INR",
    "riyals": "SAR", "saudi riyals": "SAR", "qatari riyals": "QAR", "dirhams": "AED",
    "swiss francs": "CHF", "hryvnias": "UAH", "shekels": "ILS",
}  # fmt: skip
PERCENT = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
}
DURATIONS = {
    "minute": "minutes", "minutes": "minutes", "hour": "hours", "hours": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
    "months": "months", "year": "years", "years": "years", "decade": "decades",
    "decades": "decades",
}  # fmt: skip
# A rate: "a month", "per month", "each month", "every month", "/month", or one word.
RATE_PREFIXES = ("a", "an", "per", "each", "every", "/")
RATE_PERIODS = {
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "annum": "year",
}
RATE_WORDS = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "per annum": "year",
}
# "a year ago" is a date, not a rate.
NOT_A_RATE_AFTER = {"ago", "earlier", "later", "before", "after", "since"}

# --- Dates inside a value ----------------------------------------------------------------------

# A four-digit number from 1800 to 2100 after one of these (or "as of"), or anywhere after the
# quantity, is a year ("300 in early April 2020", "in 2019, some 2,000"), not a count.
YEAR_CONTEXT = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "end",
    "start",
    "beginning",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "year",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
YEARS = range(1800, 2101)

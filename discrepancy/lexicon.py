"""The words the quantity reader knows and what each one means, one table per family.

README "How values read" documents these tables; tests/test_docs_quantities.py keeps it honest.
Phrases are lower-case words separated by single spaces, as the tokenizer produces them
("per cent", "- odd" for "40-odd"). Unit words (currencies, measures, rates) are in
discrepancy.units; they are named here too for the modules that look for them in one place.
"""

from __future__ import annotations

from fractions import Fraction

from discrepancy.units import CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS, DURATIONS

__all__ = ["CURRENCY_CODES", "CURRENCY_NAMES", "CURRENCY_SIGNS", "DURATIONS"]

# --- Numbers -----------------------------------------------------------------------------------

# Number words, by the part they play: units and teens and tens add up, "hundred" multiplies
# what came before it, scales close a group ("two thousand | five hundred").
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Scales, the Indian ones included: "13 lakh" is 1,300,000, "2 crore" 20,000,000, "1.5 lakh
# crore" 1.5 × 10^12.
SCALES = {
    "thousand": 10**3, "lakh": 10**5, "lac": 10**5, "million": 10**6, "crore": 10**7,
    "billion": 10**9, "trillion": 10**12,
}  # fmt: skip
DOZEN = 12
# Plural magnitudes: a vague word on their own ("thousands"), a factor after a vague word
# ("several thousands", "dozens of thousands") and after a number ("3 millions", "13 lakhs").
PLURAL_MAGNITUDES = {
    "hundreds": "hundred", "dozens": "dozen", "thousands": "thousand", "millions": "million",
    "billions": "billion", "trillions": "trillion", "lakhs": "lakh", "lacs": "lac",
    "crores": "crore",
}  # fmt: skip
# Round numbers with an "s" ("100s", "1,000s", "1000's") are the vague words they stand for; any
# other number with an "s" ("the 1990s", "in their 20s") is a decade or an age, not a count.
ROUND_PLURALS = {
    "10": "tens", "100": "hundreds", "1000": "thousands", "10000": "tens of thousands",
    "100000": "hundreds of thousands", "1000000": "millions", "10000000": "tens of millions",
    "100000000": "hundreds of millions", "1000000000": "billions",
}  # fmt: skip
# Zero, in words: "none" is a count of nothing ("no" is not: "no figure" is not zero).
ZEROS = {"zero", "none", "nil"}
# Digits said one by one after "point": "two hundred point zero three" is 200.03.
DIGIT_WORDS = {"zero": 0, "oh": 0, "nought": 0, **UNITS}
POINT = "point"
# Abbreviated scales count only right after digits ("2k", "$1.2bn", "3.5 mn", "1MM", "$2.174T").
# Those in CAPITALS_ABBREVIATIONS count only in capitals ("mm" is millimetres, "t" tonnes).
ABBREVIATIONS = {
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "mm": 10**6, "b": 10**9,
    "bn": 10**9, "bln": 10**9, "t": 10**12, "tn": 10**12, "tr": 10**12, "trn": 10**12,
    "tln": 10**12, "cr": 10**7,
}  # fmt: skip
CAPITALS_ABBREVIATIONS = {"mm", "t"}
# Letters after digits that say a size two ways: refused, with what to write instead.
AMBIGUOUS_ABBREVIATIONS = {"g": "a thousand (grand) or a billion (giga): write 10k or 10bn"}
# "half" and "quarter" may start a number ("half a million"); the others need a number before
# them ("a third", "two fifths"), because "the third battalion" is not a fraction.
FRACTION_WORDS = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2), "quarter": Fraction(1, 4),
    "quarters": Fraction(1, 4), "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "fifth": Fraction(1, 5), "fifths": Fraction(1, 5), "sixth": Fraction(1, 6),
    "sixths": Fraction(1, 6), "seventh": Fraction(1, 7), "sevenths": Fraction(1, 7),
    "eighth": Fraction(1, 8), "eighths": Fraction(1, 8), "ninth": Fraction(1, 9),
    "ninths": Fraction(1, 9), "tenth": Fraction(1, 10), "tenths": Fraction(1, 10),
}  # fmt: skip
BARE_FRACTIONS = {"half", "quarter"}
FRACTION_CHARS = {
    "½": Fraction(1, 2), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3), "¼": Fraction(1, 4),
    "¾": Fraction(3, 4), "⅕": Fraction(1, 5), "⅖": Fraction(2, 5), "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5), "⅙": Fraction(1, 6), "⅚": Fraction(5, 6), "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8), "⅝": Fraction(5, 8), "⅞": Fraction(7, 8),
}  # fmt: skip

# --- Vague words -------------------------------------------------------------------------------

# Default interval for each vague quantity word, per design.md ("Quantities"); a claims file's
# `settings: vague:` changes or extends it.
VAGUE_DEFAULTS: dict[str, tuple[float, float]] = {
    "a handful": (3, 9), "a few": (2, 5), "a couple": (2, 3), "several": (3, 9),
    "tens": (20, 99), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "a few hundred": (200, 500), "several hundred": (300, 900), "thousands": (2000, 9999),
    "a few thousand": (2000, 5000), "several thousand": (3000, 9000),
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
    "millions": (2_000_000, 9_999_999), "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999), "billions": (2e9, 9.999999999e9),
}  # fmt: skip

# --- Bounds and hedges -------------------------------------------------------------------------

# Hedges before the number, by the rule that decides their interval (README "How values read"
# has the table; quantities.bounds applies it). The longest phrase wins; "between" and "from"
# open a range. Comparative verbs are hedges too ("exceeded 900,000" is more than 900,000).
HEDGES = {
    # lower bound, excluded
    "more than": "above", "over": "above", "above": "above", "upwards of": "above",
    "upward of": "above", "in excess of": "above", "greater than": "above",
    "well over": "above", "well above": "above", "well in excess of": "above",
    "north of": "above", ">": "above", "exceeded": "above", "exceeding": "above",
    "exceeds": "above", "exceed": "above", "surpassed": "above", "surpassing": "above",
    "surpasses": "above", "topped": "above", "topping": "above", "tops": "above",
    "passed": "above", "passing": "above", "crossed": "above", "crossing": "above",
    "went past": "above", "beyond": "above",
    # lower bound, included
    "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "not less than": "at-least", "not fewer than": "at-least", "a minimum of": "at-least",
    "minimum of": "at-least", "minimum": "at-least", "at the very least": "at-least",
    "≥": "at-least", ">=": "at-least", "greater than or equal to": "at-least",
    "more than or equal to": "at-least", "as few as": "at-least", "as low as": "at-least",
    "as little as": "at-least",
    # upper bound, excluded
    "fewer than": "below", "less than": "below", "under": "below", "below": "below",
    "south of": "below", "<": "below", "well under": "below", "well below": "below",
    # upper bound, included
    "at most": "at-most", "up to": "at-most", "no more than": "at-most",
    "not more than": "at-most", "a maximum of": "at-most", "maximum of": "at-most",
    "maximum": "at-most", "max": "at-most", "as many as": "at-most", "as much as": "at-most",
    "as high as": "at-most", "as large as": "at-most", "could reach": "at-most",
    "may reach": "at-most", "might reach": "at-most", "could be as high as": "at-most",
    "at the most": "at-most", "≤": "at-most", "<=": "at-most",
    "less than or equal to": "at-most", "fewer than or equal to": "at-most",
    # approximately
    "about": "approx", "around": "approx", "approximately": "approx", "approx": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "est": "approx", "an estimate of": "approx", "an approximate": "approx",
    "approximate": "approx", "circa": "approx", "ca": "approx", "c": "approx", "~": "approx",
    "≈": "approx", "in the region of": "approx", "on the order of": "approx",
    "of the order of": "approx", "in the order of": "approx", "somewhere around": "approx",
    "more or less": "approx", "something like": "approx", "perhaps": "approx",
    "maybe": "approx", "possibly": "approx", "probably": "approx", "reportedly": "approx",
    # nearly
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "approaching": "nearly",
    "not quite": "nearly", "closer to": "nearly",
    # just under / just over
    "just under": "just-under", "just below": "just-under", "just shy of": "just-under",
    "just short of": "just-under", "slightly less than": "just-under",
    "slightly fewer than": "just-under", "slightly under": "just-under",
    "a little under": "just-under", "a little less than": "just-under", "shy of": "just-under",
    "short of": "just-under", "a little fewer than": "just-under",
    "just over": "just-over", "just above": "just-over", "just more than": "just-over",
    "slightly more than": "just-over", "slightly over": "just-over",
    "slightly above": "just-over", "a little over": "just-over",
    "a little more than": "just-over", "just past": "just-over",
    # ranges
    "between": "between", "from": "from",
}  # fmt: skip

# After the number.
SUFFIXES = {
    "or more": "at-least", "+": "at-least", "plus": "at-least", "- plus": "at-least",
    "and more": "at-least", "or above": "at-least", "and above": "at-least",
    "or over": "at-least", "and over": "at-least", "or greater": "at-least",
    "or higher": "at-least", "at least": "at-least", "at a minimum": "at-least",
    "minimum": "at-least", "and counting": "at-least", "tops": "at-most",
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
# thousands"; "5, -3" is not a range). "and" joins a range only after "between", or when both
# ends have their own bound ("at least 13 and as many as 46").
RANGE_WORDS = {
    "to": False, "-": False, "through": False, "or": True, "or even": True, "or perhaps": True,
    "or possibly": True, "or maybe": True, "if not": True, "perhaps": True, "perhaps even": True,
    "possibly": True, "possibly even": True, "maybe": True, "maybe even": True,
}  # fmt: skip

# Words that state the number as it is, read as the number: "reached 2,000", "a total of 300".
STATED = {
    "exactly", "precisely", "reached", "reaching", "rose to", "risen to", "climbed to",
    "grew to", "increased to", "jumped to", "soared to", "fell to", "dropped to",
    "declined to", "doubled to", "tripled to", "more than doubled to", "stood at",
    "stands at", "totalled", "totaled", "totalling", "totaling", "numbered", "numbering",
    "equal to", "amounted to", "amounting to",
}  # fmt: skip
# The only words passed over without a meaning of their own (README "Other words").
FILLERS = {
    "a", "an", "the", "another", "a further", "an additional", "an extra", "only", "just", "even",
}  # fmt: skip

# No number at all, but a known way of saying so: listed, never in conflict.
UNQUANTIFIED = {
    "unknown", "unspecified", "undisclosed", "undetermined", "unlimited", "unquantified",
    "uncounted", "untold", "countless", "innumerable", "numerous", "many", "unclear",
}  # fmt: skip
# After the quantity, these are a second one: "3,500 Syrians and many Chadians", as is a word
# above before "number" ("and an unknown number of Chadians").
QUANTIFIERS = {"many", "numerous", "countless", "innumerable"}
NUMBER_NOUNS = {"number", "numbers"}
# A multiple of another figure is never read ("twice as many as 400" is not at most 400).
MULTIPLIERS = {
    "twice", "thrice", "double", "triple", "treble", "quadruple", "times", "fold", "doubled",
    "tripled", "multiple", "multiples",
}  # fmt: skip
# "one in five", "three out of four": a share.
SHARE_OF = {"in": 1, "out of": 2}
# After these, "half", "quarter" and "third" name a part of a year or a rank, not a fraction:
# "in the second half of 2019", "the third brigade".
NOT_A_FRACTION_AFTER = {"the", "first", "second", "third", "fourth", "last", "final", "other"}

# --- Nouns -------------------------------------------------------------------------------------

# What a value may say it counts, after the number ("2,000 fighters or so") or after a share's
# "of" ("half of the city"): the reader knows these words and that they do not change the
# number. Any other word there is refused. Singular forms are the plural without its "s".
NOUNS = {
    "people", "persons", "person", "individuals", "protesters", "protestors", "demonstrators",
    "marchers", "participants", "walkers", "strikers", "rioters", "activists", "supporters",
    "members", "fighters", "troops", "soldiers", "mercenaries", "militants", "rebels",
    "insurgents", "militiamen", "combatants", "recruits", "volunteers", "personnel",
    "servicemen", "officers", "policemen", "police", "gendarmes", "agents", "guards",
    "civilians", "residents", "inhabitants", "citizens", "nationals", "locals", "refugees",
    "migrants", "asylum seekers", "displaced", "evacuees", "children", "kids", "minors",
    "women", "men", "adults", "students", "workers", "employees", "staff", "jobs", "voters",
    "votes", "ballots", "signatures", "respondents", "households", "families", "patients",
    "cases", "infections", "deaths", "dead", "killed", "fatalities", "casualties", "victims",
    "injured", "wounded", "injuries", "arrests", "arrested", "detained", "detainees",
    "prisoners", "hostages", "captives", "missing", "bodies", "graves", "homes", "houses",
    "buildings", "schools", "hospitals", "shops", "businesses", "companies", "firms",
    "vehicles", "cars", "trucks", "lorries", "buses", "tanks", "aircraft", "planes", "jets",
    "helicopters", "drones", "missiles", "rockets", "shells", "rounds", "bombs", "weapons",
    "rifles", "guns", "ships", "boats", "vessels", "tourists", "visitors",
    "passengers", "flights", "trains", "animals", "cattle", "sheep", "trees", "doses",
    "vaccines", "tests", "samples", "meals", "units", "items", "pieces", "copies", "sites",
    "villages", "towns", "cities", "countries", "states", "regions", "districts", "areas",
    "locations", "places", "events", "incidents", "attacks", "strikes", "raids", "protests",
    "rallies", "marches", "processions", "demonstrations", "gatherings", "actions",
    "complaints", "reports", "applications", "requests", "claims", "crimes",
    "offences", "offenses", "fires", "blazes", "mark", "threshold", "milestone", "barrier",
    "level", "figure", "population", "city", "country", "capital", "nation", "territory",
    "land", "area", "region", "total", "workforce", "electorate", "force", "budget",
    "them", "us", "those", "these", "all", "contracts", "- strong",
}  # fmt: skip
# Nouns naming the value itself, before its "of": "a monthly salary of $2,000", "an estimated
# population of at least 120,000", "a total of 300", "a death toll of 40".
VALUE_NOUNS = {
    "salary", "salaries", "wage", "wages", "pay", "payment", "payments", "allowance",
    "stipend", "bonus", "fee", "fees", "fine", "budget", "income", "revenue", "revenues",
    "profit", "profits", "bounties", "loss", "losses", "cost", "costs", "price", "sum", "amount", "total",
    "figure", "tally", "count", "toll", "death toll", "number", "population", "crowd",
    "turnout", "force", "contingent", "deployment", "estimate", "investment", "package",
    "loan", "debt", "deficit", "grant", "aid", "reward", "bounty", "ransom", "compensation",
    "pension", "value", "worth", "average", "increase", "rise", "drop", "decline", "fall",
    "bill", "spending", "capacity", "output", "production", "area", "distance", "length",
    "size", "weight", "volume", "duration", "period", "sentence", "rate", "death", "deaths",
}  # fmt: skip
# Before a value noun, a rate: "a monthly salary of $2,000", "an annual budget of €3bn".
RATE_ADJECTIVES = {
    "hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
    "annual": "year",
}  # fmt: skip

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
    "linearly", "unqualified", "tenth", "ninth", "fifth", "sixth", "cities", "police", "total",
    "states", "figure", "level", "areas", "actions", "number", "numbers", "rates", "prices",
    "miles", "million", "millions", "thousand", "hundred", "topped", "passed", "crossed",
}  # fmt: skip

# --- Dates inside a value ----------------------------------------------------------------------

MONTHS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
# Days, each a date on its own like a month ("on Tuesday", "last Saturday").
DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight",
}  # fmt: skip
# A four-digit number from 1800 to 2100 after one of these (or "as of"), or anywhere after the
# quantity, is a year ("300 in early April 2020", "in 2019, some 2,000"), not a count.
YEAR_CONTEXT = {
    "in", "since", "by", "until", "till", "during", "before", "after", "early", "late", "mid",
    "end", "start", "beginning", "spring", "summer", "autumn", "fall", "winter", "year",
    *MONTHS, *DAYS,
}  # fmt: skip
# Words of a date after the quantity ("300 in early April 2020", "2,000 as of March").
DATE_WORDS = YEAR_CONTEXT | {
    "as", "of", "on", "the", "at", "between", "and", "from", "to", "first", "second", "third", "this",
    "fourth", "last", "half", "quarter",
}  # fmt: skip
PARTS_OF_A_YEAR = {"half", "quarter"}  # "in the second half", "in the first quarter"
AGO = "ago"
YEARS = range(1800, 2101)

"""Units: what each unit word means, which dimension it measures, and how units of one dimension
convert, so that "328 days" and "nearly 12 months", or "25,000 square km" and "2.5 million
hectares", compare. Currencies never convert into each other (no exchange rates): each is its
own dimension. A rate ("USD/month") converts by its measure and its period together.

The unit names here are the reader's own spelling, what `discrepancy parse` shows.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from discrepancy.model import Quantity

# --- Currencies --------------------------------------------------------------------------------

# Signs before (or right after) the number. A letter before "$" names whose dollar it is
# ("C$ 300 million" is Canadian, never "circa"); a bare "$" is the US dollar.
CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "c$": "CAD", "ca$": "CAD", "can$": "CAD", "a$": "AUD",
    "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "mx$": "MXN",
    "nt$": "TWD", "€": "EUR", "£": "GBP", "₺": "TRY", "₽": "RUB", "¥": "JPY", "₹": "INR",
    "₴": "UAH", "₪": "ILS", "₩": "KRW", "₦": "NGN", "₱": "PHP", "₫": "VND", "₸": "KZT",
    "₾": "GEL", "฿": "THB", "₼": "AZN", "₵": "GHS", "rs": "INR", "rs.": "INR", "tk": "BDT",
    "tk.": "BDT", "৳": "BDT",
}  # fmt: skip
# A letter or two glued before "$" that name whose dollar it is ("C$", "NZ$").
DOLLAR_PREFIXES = {s[:-1] for s in CURRENCY_SIGNS if s.endswith("$") and len(s) > 1}
# ISO 4217 codes, before or after the number. Those that are also English words ("try", "all",
# "cup", "top", "mad", "bam") count only in capitals.
CURRENCY_CODES = {
    "usd", "eur", "gbp", "try", "rub", "lyd", "syp", "egp", "lbp", "iqd", "jpy", "cny", "rmb",
    "inr", "pkr", "lkr", "npr", "bdt", "sar", "aed", "qar", "kwd", "bhd", "omr", "jod", "chf",
    "cad", "aud", "nzd", "hkd", "sgd", "uah", "ils", "irr", "afn", "yer", "sdg", "tnd", "dzd",
    "mad", "ngn", "kes", "zar", "ghs", "etb", "ugx", "tzs", "xof", "xaf", "brl", "mxn", "ars",
    "clp", "cop", "pen", "ven", "krw", "kpw", "twd", "thb", "vnd", "php", "idr", "myr", "mmk",
    "khr", "kzt", "uzs", "gel", "amd", "azn", "byn", "pln", "czk", "huf", "ron", "bgn", "rsd",
    "sek", "nok", "dkk", "isk", "all", "bam", "mkd", "mdl", "cup", "top",
}  # fmt: skip
CAPITALS_ONLY = {"try", "all", "cup", "top", "mad", "bam", "pen", "ven"}
# Names after the number, each also in the singular (without its final "s"). A country names
# the currency; "dollars" alone is the US dollar, as English news writes it. A name several
# countries use ("dinars", "lira", "rupees", "riyals", "rials", "dirhams", "shillings") names no
# country alone: it stays its own unit, so against "Libyan dinars" it is a unit mismatch a person
# resolves, never a silent guess. "pounds" alone is money or weight, so it is refused.
CURRENCY_NAMES = {
    "dollars": "USD", "us dollars": "USD", "american dollars": "USD", "canadian dollars": "CAD",
    "australian dollars": "AUD", "new zealand dollars": "NZD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "british pounds": "GBP",
    "syrian pounds": "SYP", "syrian lira": "SYP", "syrian liras": "SYP",
    "egyptian pounds": "EGP", "lebanese pounds": "LBP", "lebanese lira": "LBP",
    "lebanese liras": "LBP", "sudanese pounds": "SDG", "lira": "lira", "liras": "lira",
    "lire": "lira", "turkish lira": "TRY", "turkish liras": "TRY", "turkish lire": "TRY",
    "rubles": "RUB", "roubles": "RUB", "russian rubles": "RUB", "russian roubles": "RUB",
    "belarusian rubles": "BYN", "dinars": "dinars", "libyan dinars": "LYD", "iraqi dinars": "IQD",
    "kuwaiti dinars": "KWD", "jordanian dinars": "JOD", "bahraini dinars": "BHD",
    "tunisian dinars": "TND", "algerian dinars": "DZD", "serbian dinars": "RSD", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupees": "rupees", "indian rupees": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR",
    "taka": "BDT", "riyals": "riyals", "saudi riyals": "SAR", "qatari riyals": "QAR",
    "omani rials": "OMR", "rials": "rials", "iranian rials": "IRR", "tomans": "IRR",
    "yemeni rials": "YER", "dirhams": "dirhams", "uae dirhams": "AED", "emirati dirhams": "AED",
    "moroccan dirhams": "MAD", "swiss francs": "CHF", "cfa francs": "XOF", "hryvnias": "UAH",
    "hryvnia": "UAH", "shekels": "ILS", "new shekels": "ILS", "afghanis": "AFN", "naira": "NGN",
    "shillings": "shillings", "kenyan shillings": "KES", "ugandan shillings": "UGX",
    "tanzanian shillings": "TZS", "rand": "ZAR", "cedis": "GHS", "birr": "ETB", "reais": "BRL", "brazilian reais": "BRL", "mexican pesos": "MXN", "argentine pesos": "ARS",
    "chilean pesos": "CLP", "colombian pesos": "COP", "philippine pesos": "PHP", "won": "KRW",
    "baht": "THB", "dong": "VND", "rupiah": "IDR", "ringgit": "MYR", "kyat": "MMK",
    "tenge": "KZT", "lari": "GEL", "drams": "AMD", "manats": "AZN", "zloty": "PLN",
    "zlotys": "PLN", "korunas": "CZK", "czech crowns": "CZK", "forints": "HUF", "lei": "RON",
    "leva": "BGN", "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "icelandic kronur": "ISK",
}  # fmt: skip
CURRENCIES = frozenset(
    {*CURRENCY_SIGNS.values(), *CURRENCY_NAMES.values(), *(c.upper() for c in CURRENCY_CODES)}
)

# --- Other measures ----------------------------------------------------------------------------

PERCENT = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "pc": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
}  # fmt: skip
DURATIONS = {
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
    "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
    "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years",
    "decade": "decades", "decades": "decades",
}  # fmt: skip
# Physical units after the number, by their name in the reader's spelling.
PHYSICAL = {
    "km": "km", "kms": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
    "kilometer": "km", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "miles": "miles", "mile": "miles", "feet": "feet", "foot": "feet", "ft": "feet",
    "cm": "cm", "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm",
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "inches": "inches", "inch": "inches",
    "square km": "km²", "sq km": "km²", "km²": "km²", "km2": "km²", "sq. km": "km²",
    "square kilometres": "km²", "square kilometers": "km²", "square kilometre": "km²",
    "square kilometer": "km²", "square miles": "mi²", "square mile": "mi²", "sq mi": "mi²", "sq miles": "mi²",
    "sq m": "m²", "sq metres": "m²", "sq meters": "m²",
    "square metres": "m²", "square meters": "m²", "m²": "m²", "hectares": "hectares",
    "hectare": "hectares", "ha": "hectares", "acres": "acres", "acre": "acres",
    "tonnes": "tonnes", "tonne": "tonnes", "metric tons": "tonnes", "metric tonnes": "tonnes",
    "tons": "tonnes", "ton": "tonnes", "kg": "kg", "kgs": "kg", "kilograms": "kg",
    "kilogram": "kg", "kilos": "kg", "kilo": "kg", "grams": "g", "gram": "g", "lb": "lb",
    "lbs": "lb", "litres": "litres", "liters": "litres", "litre": "litres", "liter": "litres",
    "cubic metres": "m³", "cubic meters": "m³", "m³": "m³", "gallons": "gallons",
    "gallon": "gallons", "barrels": "barrels", "barrel": "barrels", "bbl": "barrels",
    "nautical miles": "nmi", "nautical mile": "nmi", "nmi": "nmi",
    # speeds: a length an hour ("m/s" and "m/h" are refused: "m" is metres or million)
    "mph": "miles/hour", "kph": "km/hour", "kmh": "km/hour", "km/h": "km/hour",
    "km/hr": "km/hour", "kmph": "km/hour", "knots": "nmi/hour",
    "knot": "nmi/hour", "kt": "nmi/hour", "kts": "nmi/hour",
}  # fmt: skip
# Each unit's dimension and its size in that dimension's base unit (metre, square metre,
# kilogram, litre, day, share). "tons" are read as metric tonnes; a month is 1/12 of a mean
# Gregorian year.
_YEAR = Fraction(3652425, 10000)
SIZES: dict[str, tuple[str, Fraction]] = {
    "m": ("length", Fraction(1)), "km": ("length", Fraction(1000)),
    "miles": ("length", Fraction(1609344, 1000)), "feet": ("length", Fraction(3048, 10000)),
    "nmi": ("length", Fraction(1852)),
    "cm": ("length", Fraction(1, 100)), "mm": ("length", Fraction(1, 1000)),
    "inches": ("length", Fraction(254, 10000)),
    "m²": ("area", Fraction(1)), "km²": ("area", Fraction(10**6)),
    "mi²": ("area", Fraction(1609344, 1000) ** 2), "hectares": ("area", Fraction(10**4)),
    "acres": ("area", Fraction(40468564224, 10**7)),
    "g": ("mass", Fraction(1, 1000)), "kg": ("mass", Fraction(1)),
    "tonnes": ("mass", Fraction(1000)), "lb": ("mass", Fraction(45359237, 10**8)),
    "litres": ("volume", Fraction(1)), "m³": ("volume", Fraction(1000)),
    "gallons": ("volume", Fraction(3785411784, 10**9)),
    "barrels": ("volume", Fraction(158987294928, 10**9)),
    "seconds": ("time", Fraction(1, 86400)), "minutes": ("time", Fraction(1, 1440)),
    "hours": ("time", Fraction(1, 24)), "days": ("time", Fraction(1)),
    "weeks": ("time", Fraction(7)), "months": ("time", _YEAR / 12), "years": ("time", _YEAR),
    "decades": ("time", _YEAR * 10),
    "share": ("share", Fraction(1)), "percent": ("share", Fraction(1, 100)),
}  # fmt: skip
# Rates: "a month", "per month", "each month", "every month", "/month", or one word; "a head",
# "each" and "apiece" are per person, which changes nothing.
RATE_PREFIXES = ("a", "an", "per", "each", "every", "/")
RATE_PERIODS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "quarter": "quarter",
    "year": "year", "annum": "year",
}  # fmt: skip
RATE_WORDS = {
    "hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
    "annually": "year", "per annum": "year", "a head": "", "per head": "", "each": "",
    "apiece": "",
}  # fmt: skip
# "a year ago" is a date, not a rate.
NOT_A_RATE_AFTER = {"ago", "earlier", "later", "before", "after", "since"}
# Unit words that name two measures: refused, with what to write instead.
AMBIGUOUS_UNITS = {
    "pounds": "of money or of weight? write £ or GBP for money, lb for weight",
    "pound": "of money or of weight? write £ or GBP for money, lb for weight",
}

# A rate's period, in days.
PERIOD_DAYS = {
    "second": Fraction(1, 86400), "minute": Fraction(1, 1440), "hour": Fraction(1, 24), "day": Fraction(1), "week": Fraction(7), "month": _YEAR / 12,
    "quarter": _YEAR / 4, "year": _YEAR,
}  # fmt: skip


@cache
def dimension(unit: str) -> str:
    """What a unit measures ("length", "time", "USD", "count", "USD/time"): two claims are
    comparable when their units have the same dimension."""
    base, _, rate = unit.partition("/")
    dim = SIZES[base][0] if base in SIZES else base
    return f"{dim}/time" if rate in PERIOD_DAYS else f"{dim}/{rate}" if rate else dim


@cache
def size(unit: str) -> Fraction:
    """How many base units of its dimension one `unit` is (1 for a unit with no conversion)."""
    base, _, rate = unit.partition("/")
    factor = SIZES[base][1] if base in SIZES else Fraction(1)
    return factor / PERIOD_DAYS[rate] if rate in PERIOD_DAYS else factor


def in_base(q: Quantity) -> Quantity:
    """The quantity in its dimension's base unit, to compare with others of that dimension."""
    f, dim = size(q.unit), dimension(q.unit)
    if q.unquantified or (f == 1 and dim == q.unit):
        return q
    x = float(f)
    return replace(q, lo=q.lo * x, hi=q.hi * x, unit=dim)

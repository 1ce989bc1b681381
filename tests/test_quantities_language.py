"""The quantity reader against English news prose (issue 5): expression -> interval and unit.

One table per family, then what must not read as it might seem to, then what must not read at
all. Intervals are written as `discrepancy parse` shows them: "3500" (exact), "[a, b]",
"(a, inf)", "[0, b)"; "unquantified" for a value that says there is no number.
"""

from __future__ import annotations

import math
import re

import pytest

from discrepancy.model import Settings
from discrepancy.quantities import QuantityError, parse_quantity

NUMBERS = [
    # digits, with thousands separators
    ("0", "0"),
    ("7", "7"),
    ("3500", "3500"),
    ("3,500", "3500"),
    ("3 500", "3500"),
    ("3\u00a0500", "3500"),  # no-break space, as pasted from a web page
    ("3\u202f500", "3500"),  # narrow no-break space (French typography)
    ("1,000,000", "1000000"),
    ("1 000 000", "1000000"),
    ("12,345,678,901", "12345678901"),
    ("007", "7"),
    # decimals
    ("3.5", "3.5"),
    ("0.25", "0.25"),
    (".5", "0.5"),
    ("3,500.75", "3500.75"),
    # a point is a decimal point ("3.500", which may be 3,500 written the European way, is
    # refused: see MUST_NOT)
    ("3.25", "3.25"),
    # English number words
    ("zero", "0"),
    ("one", "1"),
    ("five", "5"),
    ("eleven", "11"),
    ("nineteen", "19"),
    ("forty", "40"),
    ("seventy-two", "72"),
    ("seventy two", "72"),
    ("ninety‑nine", "99"),  # a non-breaking hyphen
    ("a hundred", "100"),
    ("one hundred", "100"),
    ("one hundred five", "105"),
    ("one hundred and five", "105"),
    ("a hundred and fifty", "150"),
    ("two hundred twenty-two", "222"),
    ("nine hundred and ninety-nine", "999"),
    ("twelve hundred", "1200"),  # hundreds of a teen, as in "twelve hundred troops"
    ("twenty-five hundred", "2500"),
    ("a thousand", "1000"),
    ("one thousand", "1000"),
    ("two thousand", "2000"),
    ("two thousand and five", "2005"),
    ("eight thousand five hundred", "8500"),
    ("ten thousand", "10000"),
    ("twenty-five thousand", "25000"),
    ("three hundred thousand", "300000"),
    ("a million", "1000000"),
    ("two million three hundred thousand", "2300000"),
    ("one billion", "1000000000"),
    ("a thousand million", "1000000000"),  # the old British billion
    ("a trillion", "1000000000000"),
    ("Two Thousand", "2000"),
    ("TWENTY", "20"),
    # fractions and mixed forms
    ("half a million", "500000"),
    ("half-million", "500000"),
    ("a half million", "500000"),
    ("a quarter of a million", "250000"),
    ("quarter of a million", "250000"),
    ("three quarters of a million", "750000"),
    ("a third of a million", "333333.3333333333"),
    ("two thirds", "0.6666666666666666"),
    ("one and a half", "1.5"),
    ("one-and-a-half", "1.5"),
    ("one and one half", "1.5"),
    ("two and three quarters", "2.75"),
    ("one and a half million", "1500000"),
    ("two and a half thousand", "2500"),
    ("a million and a half", "1500000"),
    ("1½", "1.5"),
    ("1 ½", "1.5"),
    ("2½ million", "2500000"),
    ("¾", "0.75"),
    ("½ million", "500000"),
    # magnitude words and abbreviations
    ("3.5 million", "3500000"),
    ("1.2 billion", "1200000000"),
    ("1.5 trillion", "1500000000000"),
    ("2 thousand", "2000"),
    ("5 hundred", "500"),
    ("2k", "2000"),
    ("2K", "2000"),
    ("2.5k", "2500"),
    ("5m", "5000000"),
    ("5 m", "5000000"),
    ("5mn", "5000000"),
    ("5 mln", "5000000"),
    ("3bn", "3000000000"),
    ("3 bn", "3000000000"),
    ("3B", "3000000000"),
    ("1.1tn", "1100000000000"),
    # dozens
    ("a dozen", "12"),
    ("one dozen", "12"),
    ("two dozen", "24"),
    ("three dozen", "36"),
    ("3 dozen", "36"),
    ("half a dozen", "6"),
    ("a dozen and a half", "18"),
    # digits in groups, as the words are: "2 million 300 thousand" is "two million three hundred
    # thousand"
    ("2 million 300 thousand", "2300000"),
    ("1 million 250 thousand", "1250000"),
    ("2 thousand 5 hundred", "2500"),
    ("2 million three hundred thousand", "2300000"),
    # a plural magnitude after a number is read as the singular (a common non-native form)
    ("3 millions", "3000000"),
    ("two hundreds", "200"),
    ("5 dozens", "60"),
    # "none" is a count of nothing
    ("none", "0"),
    ("None", "0"),
    # a "+" before a number is a sign, not a bound (after it, it is: see LOWER_BOUNDS)
    ("+2,000", "2000"),
    ("+ 2,000", "2000"),
]

RANGES = [
    ("between 3,500 and 3,800", "[3500, 3800]"),
    ("between 3,800 and 3,500", "[3500, 3800]"),  # reversed: still the same interval
    ("between three and four", "[3, 4]"),
    ("between 1.5 and 2 million", "[1500000, 2000000]"),
    ("between a hundred and two hundred", "[100, 200]"),  # not "a hundred and two"
    ("between one hundred and fifty and two hundred", "[150, 200]"),
    ("between one and a half and two thousand", "[1500, 2000]"),
    ("Between 3,500 and 3,800", "[3500, 3800]"),
    ("from 3,500 to 3,800", "[3500, 3800]"),
    ("from 45 to 90", "[45, 90]"),
    ("from 3,500-3,800", "[3500, 3800]"),
    ("3,500 to 3,800", "[3500, 3800]"),
    ("3,500-3,800", "[3500, 3800]"),
    ("3,500 - 3,800", "[3500, 3800]"),
    ("3,500–3,800", "[3500, 3800]"),  # en dash
    ("3,500—3,800", "[3500, 3800]"),  # em dash
    ("3,500 through 3,800", "[3500, 3800]"),
    ("two or three", "[2, 3]"),
    ("5 or 6", "[5, 6]"),
    ("twenty to thirty", "[20, 30]"),
    ("twenty-five to thirty", "[25, 30]"),
    ("3 500-3 800", "[3500, 3800]"),
    ("1.5-2", "[1.5, 2]"),
    # a magnitude on the far end is shared
    ("two to three thousand", "[2000, 3000]"),
    ("two-three thousand", "[2000, 3000]"),
    ("1.5 to 2 thousand", "[1500, 2000]"),
    ("one and a half to two thousand", "[1500, 2000]"),
    ("between three and four thousand", "[3000, 4000]"),
    ("between 3 and 4 million", "[3000000, 4000000]"),
    ("5 or 6 thousand", "[5000, 6000]"),
    ("five or six hundred", "[500, 600]"),
    ("100 to 200 thousand", "[100000, 200000]"),
    ("2-3k", "[2000, 3000]"),
    ("2k-3k", "[2000, 3000]"),
    ("1-2 dozen", "[12, 24]"),
    ("2 million to 3 million", "[2000000, 3000000]"),
    # ... but not when the near end is already larger than the far end's number
    ("500 to 2 thousand", "[500, 2000]"),
    ("900 to 1.2 million", "[900, 1200000]"),
    # ranges of vague words
    ("hundreds to thousands", "[200, 9999]"),
    ("dozens or hundreds", "[24, 999]"),
    ("a few hundred to 1,000", "[200, 1000]"),
    # "or even", "if not", "perhaps": still a range of two
    ("hundreds or even thousands", "[200, 9999]"),
    ("hundreds, if not thousands", "[200, 9999]"),
    ("hundreds if not thousands", "[200, 9999]"),
    ("hundreds, perhaps thousands", "[200, 9999]"),
    ("hundreds, perhaps even thousands", "[200, 9999]"),
    ("hundreds, or even thousands", "[200, 9999]"),
    ("dozens or possibly hundreds", "[24, 999]"),
    ("hundreds or maybe thousands", "[200, 9999]"),
    ("2,000 or even 3,000", "[2000, 3000]"),
    ("2,000, if not 3,000", "[2000, 3000]"),
    ("100s to 1,000s", "[200, 9999]"),
    # a vague near end shares the far end's magnitude too, when it is no larger than what the
    # magnitude multiplies
    ("tens to hundreds of thousands", "[20000, 999999]"),
    ("tens or even hundreds of thousands", "[20000, 999999]"),
    ("a few to several hundred", "[200, 900]"),
    ("a few to 10 thousand", "[2000, 10000]"),
    ("hundreds to tens of thousands", "[200, 99999]"),
    ("dozens to 2 thousand", "[24, 2000]"),
]

LOWER_BOUNDS = [
    ("more than 3,500", "(3500, inf)"),
    ("More than 3,500", "(3500, inf)"),
    ("over 3,500", "(3500, inf)"),
    ("above 3,500", "(3500, inf)"),
    ("upwards of 3,500", "(3500, inf)"),
    ("upward of 3,500", "(3500, inf)"),
    ("in excess of 3,500", "(3500, inf)"),
    ("greater than 3,500", "(3500, inf)"),
    ("well over 3,500", "(3500, inf)"),
    ("well above 3,500", "(3500, inf)"),
    ("north of 3,500", "(3500, inf)"),
    (">3,500", "(3500, inf)"),
    ("> 3,500", "(3500, inf)"),
    ("more than a dozen", "(12, inf)"),
    ("more than two thousand", "(2000, inf)"),
    ("at least 2,000", "[2000, inf)"),
    ("at least two thousand", "[2000, inf)"),
    ("no fewer than 2,000", "[2000, inf)"),
    ("no less than 2,000", "[2000, inf)"),
    ("not less than 2,000", "[2000, inf)"),
    ("not fewer than 2,000", "[2000, inf)"),
    ("a minimum of 2,000", "[2000, inf)"),
    ("minimum of 2,000", "[2000, inf)"),
    ("minimum 2,000", "[2000, inf)"),
    ("at the very least 2,000", "[2000, inf)"),
    ("≥2,000", "[2000, inf)"),
    (">=2,000", "[2000, inf)"),
    ("2,000 or more", "[2000, inf)"),
    ("2,000+", "[2000, inf)"),
    ("2,000 +", "[2000, inf)"),
    ("2,000 plus", "[2000, inf)"),
    ("2,000-plus", "[2000, inf)"),
    ("2,000 and more", "[2000, inf)"),
    ("2,000 or above", "[2000, inf)"),
    ("2,000 and above", "[2000, inf)"),
    ("2,000 or over", "[2000, inf)"),
    ("2,000 and over", "[2000, inf)"),
    ("2,000 or greater", "[2000, inf)"),
    ("2,000 or higher", "[2000, inf)"),
    ("2,000 at least", "[2000, inf)"),
    ("2,000 at a minimum", "[2000, inf)"),
    ("2,000 minimum", "[2000, inf)"),
    ("at least 2,000 or more", "[2000, inf)"),  # said twice, the same bound
    ("2,000+", "[2000, inf)"),
    ("+2,000+", "[2000, inf)"),  # a sign, then a bound
    ("2,000, if not more", "[2000, inf)"),
    ("2,000 if not more", "[2000, inf)"),
    ("2,000 or even more", "[2000, inf)"),
    ("2,000, perhaps more", "[2000, inf)"),
    ("2,000, possibly more", "[2000, inf)"),
    ("2,000, maybe more", "[2000, inf)"),
    ("2,000, at least", "[2000, inf)"),  # a comma before a bound after the number
    ("even more than 400", "(400, inf)"),  # "even" is not "seven"
    ("at least 2,000-3,000", "[2000, inf)"),  # a bound on a range uses its near end
]

UPPER_BOUNDS = [
    ("fewer than 400", "[0, 400)"),
    ("less than 400", "[0, 400)"),
    ("under 400", "[0, 400)"),
    ("below 400", "[0, 400)"),
    ("south of 400", "[0, 400)"),
    ("<400", "[0, 400)"),
    ("fewer than a hundred", "[0, 100)"),
    ("at most 400", "[0, 400]"),
    ("up to 400", "[0, 400]"),
    ("no more than 400", "[0, 400]"),
    ("not more than 400", "[0, 400]"),
    ("a maximum of 400", "[0, 400]"),
    ("maximum of 400", "[0, 400]"),
    ("maximum 400", "[0, 400]"),
    ("max 400", "[0, 400]"),
    ("as many as 400", "[0, 400]"),
    ("as much as 400", "[0, 400]"),
    ("at the most 400", "[0, 400]"),
    ("≤400", "[0, 400]"),
    ("<= 400", "[0, 400]"),
    ("up to four hundred", "[0, 400]"),
    ("400 or fewer", "[0, 400]"),
    ("400 or less", "[0, 400]"),
    ("400 and under", "[0, 400]"),
    ("400 or under", "[0, 400]"),
    ("400 and below", "[0, 400]"),
    ("400 or below", "[0, 400]"),
    ("400 or lower", "[0, 400]"),
    ("400 at most", "[0, 400]"),
    ("400 at the most", "[0, 400]"),
    ("400 maximum", "[0, 400]"),
    ("400 max", "[0, 400]"),
    ("up to 300-400", "[0, 400]"),  # a bound on a range uses its far end
    ("400, if not fewer", "[0, 400]"),
    ("400 if not less", "[0, 400]"),
    ("400 or even fewer", "[0, 400]"),
    ("400 or even less", "[0, 400]"),
    # zero is a quantity; nothing is below it
    ("at most 0", "[0, 0]"),
    ("up to none", "[0, 0]"),
]

APPROXIMATIONS = [
    ("about 400", "[360, 440]"),
    ("around 400", "[360, 440]"),
    ("approximately 400", "[360, 440]"),
    ("approx 400", "[360, 440]"),
    ("approx. 400", "[360, 440]"),
    ("roughly 400", "[360, 440]"),
    ("some 400", "[360, 440]"),
    ("an estimated 400", "[360, 440]"),
    ("estimated 400", "[360, 440]"),
    ("est. 400", "[360, 440]"),
    ("an estimate of 400", "[360, 440]"),
    ("an approximate 400", "[360, 440]"),
    ("approximate 400", "[360, 440]"),
    ("circa 400", "[360, 440]"),
    ("ca. 400", "[360, 440]"),
    ("c. 400", "[360, 440]"),
    ("~400", "[360, 440]"),
    ("~ 400", "[360, 440]"),
    ("≈400", "[360, 440]"),
    ("in the region of 400", "[360, 440]"),
    ("on the order of 400", "[360, 440]"),
    ("of the order of 400", "[360, 440]"),
    ("in the order of 400", "[360, 440]"),
    ("somewhere around 400", "[360, 440]"),
    ("more or less 400", "[360, 440]"),
    ("something like 400", "[360, 440]"),
    ("400 or so", "[360, 440]"),
    ("400 or thereabouts", "[360, 440]"),
    ("400 give or take", "[360, 440]"),
    ("400 approximately", "[360, 440]"),
    ("400 approx.", "[360, 440]"),
    ("400 roughly", "[360, 440]"),
    ("400 more or less", "[360, 440]"),
    ("about four hundred", "[360, 440]"),
    ("about 2,000 to 3,000", "[1800, 3300]"),
    ("between about 2,000 and 3,000", "[1800, 3300]"),
    ("roughly between 2,000 and 3,000", "[1800, 3300]"),
    ("about a dozen", "[10.8, 13.2]"),
    ("some 15", "[13.5, 16.5]"),
    ("nearly 400", "[360, 400]"),
    ("almost 400", "[360, 400]"),
    ("close to 400", "[360, 400]"),
    ("approaching 400", "[360, 400]"),
    ("not quite 400", "[360, 400]"),
    ("nearly half a million", "[450000, 500000]"),
    ("almost two thousand", "[1800, 2000]"),
    ("just under 400", "[360, 400)"),
    ("just below 400", "[360, 400)"),
    ("just shy of 400", "[360, 400)"),
    ("just short of 400", "[360, 400)"),
    ("slightly less than 400", "[360, 400)"),
    ("slightly fewer than 400", "[360, 400)"),
    ("slightly under 400", "[360, 400)"),
    ("a little under 400", "[360, 400)"),
    ("a little less than 400", "[360, 400)"),
    ("just over 400", "(400, 440]"),
    ("just above 400", "(400, 440]"),
    ("just more than 400", "(400, 440]"),
    ("slightly more than 400", "(400, 440]"),
    ("slightly over 400", "(400, 440]"),
    ("slightly above 400", "(400, 440]"),
    ("a little over 400", "(400, 440]"),
    ("a little more than 400", "(400, 440]"),
    ("40-odd", "(40, 44]"),
    ("400 odd", "(400, 440]"),
]

VAGUE = [
    ("a handful", "[3, 9]"),
    ("a handful of", "[3, 9]"),
    ("a few", "[2, 5]"),
    ("a couple", "[2, 3]"),
    ("a couple of", "[2, 3]"),
    ("several", "[3, 9]"),
    ("tens", "[20, 99]"),
    ("dozens", "[24, 99]"),
    ("dozens of", "[24, 99]"),
    ("scores", "[40, 199]"),
    ("scores of", "[40, 199]"),
    ("hundreds", "[200, 999]"),
    ("Hundreds of", "[200, 999]"),
    ("several hundred", "[300, 900]"),
    ("a few hundred", "[200, 500]"),
    ("thousands", "[2000, 9999]"),
    ("thousands of", "[2000, 9999]"),
    ("several thousand", "[3000, 9000]"),
    ("a few thousand", "[2000, 5000]"),
    ("tens of thousands", "[20000, 99999]"),
    ("hundreds of thousands", "[200000, 999999]"),
    ("millions", "[2000000, 9999999]"),
    ("tens of millions", "[20000000, 99999999]"),
    ("hundreds of millions", "[200000000, 999999999]"),
    ("billions", "[2000000000, 9999999999]"),
    # a vague word times a magnitude
    ("several dozen", "[36, 108]"),
    ("a few dozen", "[24, 60]"),
    ("several hundred thousand", "[300000, 900000]"),
    ("a few million", "[2000000, 5000000]"),
    ("several million", "[3000000, 9000000]"),
    # ... and times a plural magnitude, perhaps after "of"
    ("several thousands", "[3000, 9000]"),
    ("several hundreds", "[300, 900]"),
    ("several hundreds of fighters", "[300, 900]"),
    ("a few thousands", "[2000, 5000]"),
    ("a few hundreds of troops", "[200, 500]"),
    ("several dozens", "[36, 108]"),
    ("dozens of thousands", "[24000, 99000]"),
    ("Dozens of thousands of people", "[24000, 99000]"),
    ("scores of thousands", "[40000, 199000]"),
    ("several hundreds of thousands", "[300000, 900000]"),
    ("a couple of hundred", "[200, 300]"),
    ("a couple of thousand", "[2000, 3000]"),
    ("a couple hundred", "[200, 300]"),
    ("thousands of millions", "[2000000000, 9999000000]"),
    # a round number with an "s" is the vague word it stands for
    ("10s", "[20, 99]"),
    ("100s", "[200, 999]"),
    ("100s of fighters", "[200, 999]"),
    ("1,000s", "[2000, 9999]"),
    ("1000s", "[2000, 9999]"),
    ("1,000's", "[2000, 9999]"),
    ("10s of thousands", "[20000, 99999]"),
    ("10,000s", "[20000, 99999]"),
    ("100,000s", "[200000, 999999]"),
    ("1,000,000s", "[2000000, 9999999]"),
    ("more than 1,000s", "(2000, inf)"),
    # hedged vague words
    ("more than a few hundred", "(200, inf)"),
    ("at least several thousand", "[3000, inf)"),
    ("up to several hundred", "[0, 900]"),
    ("about a few hundred", "[180, 550]"),
    ("many thousands", "[2000, 9999]"),  # "many" before a vague word says nothing more
    # no number, and saying so
    ("an unknown number", "unquantified"),
    ("an unknown number of", "unquantified"),
    ("more than an unknown number", "unquantified"),  # no number for the hedge to bound
    ("at least an undisclosed number", "unquantified"),
    ("unknown", "unquantified"),
    ("unspecified", "unquantified"),
    ("an undisclosed number", "unquantified"),
    ("undetermined", "unquantified"),
    ("an unlimited number", "unquantified"),
    ("uncounted", "unquantified"),
    ("untold numbers", "unquantified"),
    ("countless", "unquantified"),
    ("innumerable", "unquantified"),
    ("numerous", "unquantified"),
    ("many", "unquantified"),
    ("unclear", "unquantified"),
]

UNITS = [
    # currencies, before the number
    ("$1,000", "1000", "USD"),
    ("$ 1,000", "1000", "USD"),
    ("US$1,000", "1000", "USD"),
    ("US $1,000", "1000", "USD"),
    ("U.S.$1,000", "1000", "USD"),
    ("USD 1,000", "1000", "USD"),
    ("€5m", "5000000", "EUR"),
    ("EUR 5 million", "5000000", "EUR"),
    ("£2.5bn", "2500000000", "GBP"),
    ("GBP 300", "300", "GBP"),
    ("₺500", "500", "TRY"),
    ("TRY 500", "500", "TRY"),
    ("₽1,000", "1000", "RUB"),
    ("¥10,000", "10000", "JPY"),
    ("₹500", "500", "INR"),
    # currencies, after the number
    ("1,000 dollars", "1000", "USD"),
    ("1,000 US dollars", "1000", "USD"),
    ("1,000 U.S. dollars", "1000", "USD"),
    ("1,000 USD", "1000", "USD"),
    ("1000$", "1000", "USD"),
    ("5 million euros", "5000000", "EUR"),
    ("5m euros", "5000000", "EUR"),
    ("300 pounds sterling", "300", "GBP"),
    ("300 sterling", "300", "GBP"),
    ("5,000 Syrian pounds", "5000", "SYP"),
    ("5,000 Egyptian pounds", "5000", "EGP"),
    ("5,000 Lebanese pounds", "5000", "LBP"),
    ("500 lira", "500", "lira"),
    ("500 Turkish lira", "500", "TRY"),
    ("1,000 rubles", "1000", "RUB"),
    ("1,000 roubles", "1000", "RUB"),
    ("1,000 dinars", "1000", "dinars"),
    ("1,000 Libyan dinars", "1000", "LYD"),
    ("1,000 Iraqi dinars", "1000", "IQD"),
    ("1,000 yen", "1000", "JPY"),
    ("1,000 yuan", "1000", "CNY"),
    ("1,000 rupees", "1000", "rupees"),
    ("1,000 Saudi riyals", "1000", "SAR"),
    ("1,000 dirhams", "1000", "dirhams"),
    ("1,000 Swiss francs", "1000", "CHF"),
    ("1,000 hryvnias", "1000", "UAH"),
    ("1,000 shekels", "1000", "ILS"),
    # singular names
    ("1 dollar", "1", "USD"),
    ("one US dollar", "1", "USD"),
    ("1 euro", "1", "EUR"),
    ("one Swiss franc", "1", "CHF"),
    ("1 rupee", "1", "rupees"),
    ("one Saudi riyal", "1", "SAR"),
    ("1 hryvnia", "1", "UAH"),
    ("$1.2bn", "1200000000", "USD"),
    ("$3 billion", "3000000000", "USD"),
    ("millions of dollars", "[2000000, 9999999]", "USD"),
    ("hundreds of millions of dollars", "[200000000, 999999999]", "USD"),
    # rates
    ("$1,000 a month", "1000", "USD/month"),
    ("$1,000 per month", "1000", "USD/month"),
    ("$1,000 monthly", "1000", "USD/month"),
    ("$1,000/month", "1000", "USD/month"),
    ("$1,000 each month", "1000", "USD/month"),
    ("$1,000 every month", "1000", "USD/month"),
    ("$1,500 per fighter per month", "1500", "USD/month"),
    ("$50 a day", "50", "USD/day"),
    ("$50 per day", "50", "USD/day"),
    ("$50 daily", "50", "USD/day"),
    ("$400 a week", "400", "USD/week"),
    ("$400 weekly", "400", "USD/week"),
    ("$20,000 a year", "20000", "USD/year"),
    ("$20,000 per year", "20000", "USD/year"),
    ("$20,000 annually", "20000", "USD/year"),
    ("$20,000 per annum", "20000", "USD/year"),
    ("$20,000 yearly", "20000", "USD/year"),
    ("$15 an hour", "15", "USD/hour"),
    ("$15 hourly", "15", "USD/hour"),
    ("2,000 a month", "2000", "count/month"),
    ("between $1,500 and $2,000 a month", "[1500, 2000]", "USD/month"),
    ("one and a half to two thousand dollars a month", "[1500, 2000]", "USD/month"),
    ("$2-3 million", "[2000000, 3000000]", "USD"),
    ("$2 to $3 million", "[2000000, 3000000]", "USD"),
    ("$1,500 to $2,000", "[1500, 2000]", "USD"),
    ("1,500 dollars to 2,000 dollars", "[1500, 2000]", "USD"),
    ("up to $150,000", "[0, 150000]", "USD"),
    ("bounties of up to $150,000 each", "[0, 150000]", "USD"),
    ("an approximate salary of $1,000", "[900, 1100]", "USD"),
    ("a salary of $1,000 a month", "1000", "USD/month"),
    # durations
    ("45 days", "45", "days"),
    ("three months", "3", "months"),
    ("three-month", "3", "months"),
    ("a 45-day", "45", "days"),
    ("two weeks", "2", "weeks"),
    ("10 years", "10", "years"),
    ("48 hours", "48", "hours"),
    ("five minutes", "5", "minutes"),
    ("two decades", "2", "decades"),
    ("from 45 to 90 days", "[45, 90]", "days"),
    ("three to four months", "[3, 4]", "months"),
    ("3 days a week", "3", "days/week"),
    # percentages
    ("45%", "45", "percent"),
    ("45 %", "45", "percent"),
    ("45 percent", "45", "percent"),
    ("45 per cent", "45", "percent"),
    ("45 pct", "45", "percent"),
    ("10-15%", "[10, 15]", "percent"),
    ("10% to 15%", "[10, 15]", "percent"),
    ("about 45%", "[40.5, 49.5]", "percent"),
    ("5 percentage points", "5", "percentage points"),
    ("2% a year", "2", "percent/year"),
    ("+5%", "5", "percent"),  # a sign, not a bound
    # nouns the reader knows say what is counted, and change nothing
    ("2,000 fighters", "2000", "count"),
    ("several hundred mercenaries", "[300, 900]", "count"),
    ("three-month contracts", "3", "months"),
    ("a 2,000-strong force", "2000", "count"),
    ("5,000 a quarter", "5000", "count/quarter"),  # a period, not a fraction
]

DATES_AND_WORDS = [
    ("300 in early April 2020", "300"),
    ("2,000 fighters in 2019", "2000"),
    ("2,000 fighters in 2019-20", "2000"),
    ("2,000 fighters since 2011", "2000"),
    ("in 2019, some 2,000 fighters", "[1800, 2200]"),
    ("In 2019, 2,000", "2000"),
    ("by mid-2020, up to 5,000", "[0, 5000]"),
    ("as of 2021, more than 3,500", "(3500, inf)"),
    ("in 2019-20, 2,000", "2000"),
    ("during 2019 about 400", "[360, 440]"),
    ("an estimated total of 2,000", "[1800, 2200]"),
    ("a total of 2,000", "2000"),
    ("just 400", "400"),  # "just" alone means "only"
    ("only 400", "400"),
    ("(about 400)", "[360, 440]"),
    ('"about 400"', "[360, 440]"),
    ("about 400.", "[360, 440]"),
    ("about 400*", "[360, 440]"),
    ("  about   400  ", "[360, 440]"),
    ("2,000 a year ago", "2000"),  # "a year ago" is a date, not a rate
    # English words a letter away from a word the reader knows are not typos
    ("in early 2020, some 2,000", "[1800, 2200]"),  # not "nearly"
    # a decade or a part of a year: a date, not a second quantity
    ("in the 1990s, 2,000", "2000"),
    ("2,000 in the 1990s", "2000"),
    ("2,000 in the second half of 2019", "2000"),
    ("2,000 in the first quarter", "2000"),
]

# Must not read as it might seem: (text, the tempting reading, the right one). "error" means the
# reader must refuse it, with a located error, rather than guess.
MUST_NOT = [
    # a year inside a value is not a count, nor the end of a range
    ("2,000 fighters in 2019", "2019", "2000"),
    ("2,000 fighters in 2019-20", "[20, 2000]", "2000"),
    ("in 2019, some 2,000 fighters", "[1817.1, 2220.9]", "[1800, 2200]"),
    # a point is a decimal point, never a thousands separator
    ("3.500", "3500", "error"),
    ("12.000 protesters", "12", "error"),
    ("3.500.000", "3500000", "error"),
    # a comma groups thousands, never a decimal
    ("3,5", "3.5", "error"),
    ("3,5 million", "3500000", "error"),
    ("35,00", "3500", "error"),
    # the hyphen of a number word or a compound is not a range
    ("twenty-five", "[20, 5]", "25"),
    ("three-month", "[3, inf) months", "3 months"),
    ("2,000-strong", "[2000, inf)", "2000"),
    ("at least two MIM-23 Hawk systems", "[2, 23]", "error"),
    ("mid-2019", "2019", "error"),
    # an "and" inside a number word is not a range, and a range's "and" is not inside a number
    ("one and a half", "[1, 0.5]", "1.5"),
    ("two thousand and five", "[5, 2000]", "2005"),
    ("between a hundred and two hundred", "[102, 102]", "[100, 200]"),
    # a magnitude is shared only when it makes sense of the near end
    ("two to three thousand", "[2, 3000]", "[2000, 3000]"),
    ("$2-3 million", "[2, 3000000] USD", "[2000000, 3000000] USD"),
    ("900 to 1.2 million", "[900000000, 1200000]", "[900, 1200000]"),
    # ordinals and fractions
    ("3rd", "3", "error"),
    ("the third battalion", "0.3333333333333333", "error"),
    ("half of the 3,000", "3000", "error"),
    # a rate is a rate, a date is a date
    ("2,000 a year ago", "2000 count/year", "2000"),
    # currencies: the country decides, and "try" is an English word
    ("5,000 Syrian pounds", "5000 GBP", "5000 SYP"),
    ("try 500", "500 TRY", "error"),
    # a hedge applies to the number right after it, not to one further on
    ("over the years, 2,000", "(2000, inf)", "error"),
    # broken hedges are not silently dropped
    ("more then 400", "400", "error"),
    ("at leas 2,000", "2000", "error"),
    ("abut 400", "400", "error"),
    ("quite a few", "[2, 5]", "error"),
    # a negative number is not a quantity; a sign is not a range
    ("-5", "5", "error"),
    ("minus 5", "5", "error"),
    # a second quantity is not ignored
    ("150 mercenaries 250", "150", "error"),
    ("2,000 fighters and three tanks", "2000", "error"),
    ("2,000 fighters, 45% of them Syrian", "2000", "error"),
    # ... nor is one said in words: a vague word, "many", "half", "twice"
    ("3,500 Syrians and hundreds of Chadians", "3500", "error"),
    ("3,500 Syrians and a few hundred Chadians", "3500", "error"),
    ("2,000 fighters from several countries", "2000", "error"),
    ("2,000 fighters and dozens of civilians", "2000", "error"),
    ("2,000 fighters and 100s of civilians", "2000", "error"),
    ("3,500 Syrians and many Chadians", "3500", "error"),
    ("3,500 Syrians and an unknown number of Chadians", "3500", "error"),
    ("2,000 fighters, half of them Syrian", "2000", "error"),
    ("2,000 fighters, a third of them Syrian", "2000", "error"),
    ("2,000 fighters, none of them paid", "2000", "error"),
    ("2,000, twice as many as in 2019", "2000", "error"),
    ("2,000 fighters and thousands of civilians", "2000", "error"),
    # a plural magnitude after a vague word multiplies it; it is never dropped
    ("several thousands", "[3, 9]", "[3000, 9000]"),
    ("several hundreds of fighters", "[3, 9]", "[300, 900]"),
    ("a few thousands", "[2, 5]", "[2000, 5000]"),
    ("dozens of thousands", "[24, 99]", "[24000, 99000]"),
    ("a couple of hundred", "error", "[200, 300]"),
    ("3 millions", "3", "3000000"),
    # "or even" joins a range; a vague near end shares the far end's magnitude
    ("hundreds or even thousands", "[200, 999]", "[200, 9999]"),
    ("tens to hundreds of thousands", "[20, 999999]", "[20000, 999999]"),
    # ... a comma may come before "or", "if not", "perhaps", but not before a dash or "to"
    ("5, -3", "[3, 5]", "error"),
    ("2,000, to 3,000", "[2000, 3000]", "error"),
    # "1,000s" is "thousands", not 1,000; a decade is not a count
    ("1,000s", "1000", "[2000, 9999]"),
    ("100s", "100", "[200, 999]"),
    ("the 1990s", "1990", "error"),
    ("2,500s", "2500", "error"),
    # digits in groups read as words do
    ("2 million 300 thousand", "error", "2300000"),
    # "+" before a number is a sign, after it a bound
    ("+2,000", "[2000, inf)", "2000"),
    ("2,000+", "2000", "[2000, inf)"),
    # nothing is below zero: a bound that leaves no value is an error, never an empty interval
    ("fewer than 0", "[0, 0)", "error"),
    ("just under 0", "[0, 0)", "error"),
    ("just over 0", "(0, 0]", "error"),
    # "twice" is a multiple not read, never dropped
    ("twice as many as 400", "[0, 400]", "error"),
    # "none" is zero, "no" is not ("no figure given")
    ("none", "error", "0"),
    ("no", "0", "error"),
]


def _interval(text: str) -> tuple[float, float, bool, bool, str]:
    """ "(3500, inf)" -> (3500, inf, True, False, "count"); a trailing word is the unit."""
    m = re.fullmatch(r"([\[(])(.+), (.+)([\])])(?: (\S+))?|(\S+)(?: (\S+))?", text)
    assert m, text
    if m[6]:
        x = float(m[6])
        return x, x, False, False, m[7] or "count"
    hi = float(m[3])
    return float(m[2]), hi, m[1] == "(", m[4] == ")" and not math.isinf(hi), m[5] or "count"


def _reading(text: str) -> str:
    """How the reader reads `text`, in the notation of the tables above."""
    try:
        q = parse_quantity(text)
    except QuantityError:
        return "error"
    if q.unquantified:
        return "unquantified"
    lo, hi = f"{q.lo:.10g}", "inf" if math.isinf(q.hi) else f"{q.hi:.10g}"
    unit = "" if q.unit == "count" else f" {q.unit}"
    if q.lo == q.hi and not (q.lo_open or q.hi_open):
        return lo + unit
    right = ")" if q.hi_open or math.isinf(q.hi) else "]"
    return f"{'(' if q.lo_open else '['}{lo}, {hi}{right}{unit}"


def _check(text: str, expected: str, unit: str = "count") -> None:
    if expected == "unquantified":
        assert parse_quantity(text).unquantified
        return
    q = parse_quantity(text)
    lo, hi, lo_open, hi_open, _ = _interval(expected)
    assert math.isclose(q.lo, lo) and (q.hi == hi or math.isclose(q.hi, hi)), (q, expected)
    assert (q.lo_open, q.hi_open, q.unit, q.unquantified) == (lo_open, hi_open, unit, False), q


COUNTS = [
    (f, t, e)
    for f, table in (
        ("numbers", NUMBERS),
        ("ranges", RANGES),
        ("lower-bounds", LOWER_BOUNDS),
        ("upper-bounds", UPPER_BOUNDS),
        ("approximations", APPROXIMATIONS),
        ("vague", VAGUE),
        ("dates-and-words", DATES_AND_WORDS),
    )
    for t, e in table
]


@pytest.mark.parametrize(
    ("family", "text", "expected"), COUNTS, ids=[f"{f}:{t}" for f, t, _ in COUNTS]
)
def test_reads_count(family, text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected", "unit"), UNITS, ids=[u[0] for u in UNITS])
def test_reads_unit(text, expected, unit):
    _check(text, expected, unit)


@pytest.mark.parametrize(("text", "tempting", "right"), MUST_NOT, ids=[m[0] for m in MUST_NOT])
def test_must_not_read_as(text, tempting, right):
    got = _reading(text)
    assert got != tempting
    assert got == right


def test_the_table_is_large_and_covers_every_family():
    assert len(COUNTS) + len(UNITS) + len(MUST_NOT) >= 300
    assert all(
        len(t) >= 20
        for t in (
            NUMBERS,
            RANGES,
            LOWER_BOUNDS,
            UPPER_BOUNDS,
            APPROXIMATIONS,
            VAGUE,
            UNITS,
            DATES_AND_WORDS,
            MUST_NOT,
        )
    )


# Must not read at all: (text, column of the trouble, what the message says).
ERRORS = [
    ("threeish hundred", 1, 'cannot read "threeish" in "threeish hundred" (col 1)'),
    ("about threeish hundred", 7, 'cannot read "threeish"'),
    ("", 1, "empty value"),
    ("   ", 1, "empty value"),
    ("fighters", 1, 'no number in "fighters" (col 1)'),
    ("150 mercenaries 250", 17, 'a second quantity "250"'),
    ("between 300", 1, 'two numbers are needed after "between"'),
    ("3,5 million", 1, "a comma groups thousands"),
    ("3.500.000", 1, "write 3,500,000 or 3500000"),
    ("1,0000", 1, 'cannot read "1,0000"'),
    ("abut 400", 1, 'did you mean "about"?'),
    ("sevral hundred", 1, 'did you mean "several"?'),
    ("at leas 2,000", 1, 'did you mean "at least"?'),
    ("more then 400", 1, 'cannot read "more"'),
    ("over the years, 2,000", 10, 'cannot read "years"'),
    ("about more than 400 or less", 21, 'a second bound "or less"'),
    ("more than 400 at most", 15, 'a second bound "at most"'),
    ("more than 400 or fewer", 15, 'a second bound "or fewer"'),
    ("400 or more or so", 13, 'a second bound "or so"'),
    ("$500 to €600", 9, 'a second unit "€"'),
    ("45 days and 3%", 13, 'a second quantity "3"'),
    ("-5", 1, "a negative number"),
    ("minus 5", 1, 'cannot read "minus"'),
    ("#400", 1, 'cannot read "#"'),
    ("two thousand three million", 20, 'a second quantity "million"'),
    ("1" * 30, 1, "more than 24 digits"),
    ("a thousand million billion trillion", 1, "too large a number"),
    ("3rd", 1, 'cannot read "3rd" in "3rd" (col 1): an ordinal'),
    # a second quantity in words, named whole, at its column
    ("3,500 Syrians and hundreds of Chadians", 19, 'a second quantity "hundreds" in'),
    ("3,500 and a few hundred", 11, 'a second quantity "a few hundred"'),
    ("2,000 fighters from several countries", 21, 'a second quantity "several"'),
    ("3,500 Syrians and an unknown number of Chadians", 22, 'a second quantity "unknown number"'),
    ("2,000 and 10,000s", 11, 'a second quantity "10,000s"'),
    ("2,000 fighters, half of them", 17, 'a second quantity "half"'),
    ("2,000, twice as many", 8, 'a second quantity "twice"'),
    ("twice as many as 400", 1, 'cannot read "twice"'),
    # a bound that leaves no value
    ("fewer than 0", 1, 'an empty interval "fewer than 0" in "fewer than 0" (col 1)'),
    ("just over 0 fighters", 1, 'an empty interval "just over 0"'),
    ("0-odd", 1, 'an empty interval "0-odd"'),
    # a number with an "s" that is not round is not a count
    ("2,500s", 1, 'cannot read "2,500s"'),
    ("the 1990s", 1, "no number"),
]


@pytest.mark.parametrize(("text", "col", "message"), ERRORS, ids=[e[0] or "empty" for e in ERRORS])
def test_rejects_with_the_column_of_the_trouble(text, col, message):
    with pytest.raises(QuantityError) as info:
        parse_quantity(text)
    assert info.value.col == col, info.value.message
    assert message in info.value.message


def test_a_long_value_is_shortened_in_the_message():
    with pytest.raises(QuantityError) as info:
        parse_quantity("fighters " * 40)
    assert len(info.value.message) < 130


# The rule that fired, as `discrepancy parse` shows it.
RULES = [
    ("3,500", "exact"),
    ("3,500-3,800", "range"),
    ("two to three thousand", "range, magnitude shared"),
    ("more than 3,500", '"more than": lower bound, excluded'),
    ("2,000+", '"+": lower bound, included'),
    ("2,000-plus", '"-plus": lower bound, included'),
    ("fewer than 400", '"fewer than": upper bound, excluded'),
    ("up to 400", '"up to": upper bound, included'),
    ("about 400", '"about": approximately, ±10%'),
    ("nearly 400", '"nearly": nearly, up to 10% below'),
    ("just over 400", '"just over": just over, up to 10% above'),
    ("hundreds", 'vague "hundreds" [200, 999]'),
    ("several hundred thousand", 'vague "several hundred thousand" [300,000, 900,000]'),
    ("more than hundreds", 'vague "hundreds" [200, 999]; "more than": lower bound, excluded'),
    (
        "hundreds to thousands",
        'range of vague "hundreds" [200, 999] to vague "thousands" [2,000, 9,999]',
    ),
    ("about 2,000 to 3,000", 'range; "about": approximately, ±10%'),
    ("an unknown number", '"unknown": no number given'),
    ("more than an unknown number", '"unknown": no number given, so "more than" bounds nothing'),
    ("several thousands", 'vague "several thousands" [3,000, 9,000]'),
    ("dozens of thousands", 'vague "dozens of thousands" [24,000, 99,000]'),
    ("1,000s", 'vague "thousands" [2,000, 9,999]'),
    (
        "hundreds or even thousands",
        'range of vague "hundreds" [200, 999] to vague "thousands" [2,000, 9,999]',
    ),
    (
        "tens to hundreds of thousands",
        'range, magnitude shared of vague "tens" [20,000, 99,000] '
        'to vague "hundreds of thousands" [200,000, 999,999]',
    ),
    ("+2,000", "exact"),
    ("2,000, if not more", '"if not more": lower bound, included'),
]


@pytest.mark.parametrize(("text", "rule"), RULES, ids=[r[0] for r in RULES])
def test_names_the_rule_that_fired(text, rule):
    assert parse_quantity(text).rule == rule


def test_settings_decide_the_tolerances_and_the_rule_says_so():
    s = Settings(approx_tolerance=0.25, nearly_tolerance=0.05)
    about, nearly = parse_quantity("about 400", s), parse_quantity("nearly 400", s)
    assert (about.lo, about.hi, about.rule) == (300, 500, '"about": approximately, ±25%')
    assert (nearly.lo, nearly.hi, nearly.rule) == (380, 400, '"nearly": nearly, up to 5% below')
    assert (parse_quantity("just over 400", s).hi, parse_quantity("just under 400", s).lo) == (
        420,
        380,
    )


def test_settings_override_and_extend_the_vague_table():
    vague = {**dict(Settings().vague), "hundreds": (100.0, 999.0), "a slew": (5.0, 50.0)}
    s = Settings(vague=tuple(vague.items()))
    q = parse_quantity("hundreds of", s)
    assert (q.lo, q.hi) == (100, 999)
    assert q.rule == 'vague "hundreds" [100, 999] (from settings)'
    assert (parse_quantity("a slew of", s).lo, parse_quantity("a slew of", s).hi) == (5, 50)
    assert parse_quantity("hundreds").lo == 200  # the defaults are untouched
    with pytest.raises(QuantityError):
        parse_quantity("a slew of")


# With "several hundred" and "dozens" changed in the settings, wherever they are said.
OVERRIDDEN = {**dict(Settings().vague), "several hundred": (200.0, 800.0), "dozens": (13.0, 99.0)}
SETTINGS_CASES = [
    ("several hundreds of fighters", 'vague "several hundreds" [200, 800] (from settings)'),
    ("dozens of thousands", 'vague "dozens of thousands" [13,000, 99,000] (from settings)'),
    (
        "dozens to hundreds",
        'range of vague "dozens" [13, 99] (from settings) to vague "hundreds" [200, 999]',
    ),
    # "tens of thousands" is a phrase of its own, not "tens" times a thousand
    ("tens of thousands", 'vague "tens of thousands" [20,000, 99,999]'),
]


@pytest.mark.parametrize(("text", "rule"), SETTINGS_CASES, ids=[c[0] for c in SETTINGS_CASES])
def test_settings_decide_the_vague_words_wherever_they_are_said(text, rule):
    assert parse_quantity(text, Settings(vague=tuple(OVERRIDDEN.items()))).rule == rule

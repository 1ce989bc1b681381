"""What a claim counts, as tables: the measure read from an about, what is set aside, when it
held, and which claims must and must not group for it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrepancy.asides import When, read
from discrepancy.group import Normaliser, group_claims
from discrepancy.measures import Lexicon
from discrepancy.model import Period, Settings
from tests.helpers import claim

# (about, measure as shown)
MEASURES = [
    ("people killed in the earthquake", "deaths"),
    ("death toll", "deaths"),
    ("lives lost in the floods", "deaths"),
    ("bodies recovered from the rubble", "deaths"),
    ("people missing after the landslide", "missing"),
    ("people unaccounted for", "missing"),
    ("people injured", "injuries"),
    ("police officers wounded", "injuries (police)"),
    ("security personnel injured in clashes with protesters", "injuries (police)"),
    ("people forced from their homes", "displaced"),
    ("people arrested in Paris", "arrests"),
    ("people detained across France", "arrests"),
    ("protesters nationwide", "participants"),
    ("people who took to the streets on May Day", "participants"),
    ("May Day turnout", "participants"),
    ("people mobilised in France", "participants"),
    ("police and gendarmes mobilised in Paris", "police"),
    ("policemen deployed throughout the country", "police"),
    ("protests held nationwide", "occasions"),
    ("Syrian fighters sent by Turkey to Libya", "fighters"),
    ("paid mercenaries", "fighters"),
    ("Turkish soldiers deployed by Turkey", "troops"),
    ("cost of the damage", "cost"),
    ("aid to displaced people", "aid"),
    ("length of military training", "duration"),
    ("share of the deployed policemen", "share"),
    ("population of Grim Township, Michigan", "population"),
    ("wounnded journalists", "injuries (journalists)"),  # a typo of a measure word
    ("mercenarses sent to Libya", "fighters"),
    ("homes destroyed", "buildings destroyed"),
    ("damaged buildings", "buildings damaged"),
    ("people killed or wounded", "casualties"),
    ("search and rescue personnel", "responders"),
    ("rescuers", "responders"),
    ("popular vote", "votes"),
    ("electoral college votes", "electoral votes"),
    ("Pennsylvania voter turnout", "participants"),  # the head of a run of nouns
    ("mail-in ballots cast in Pennsylvania", "votes"),
    ("Biden's margin of victory", "margin"),
    ("Trump's advantage in the count", "margin"),
    ("staff Meta is laying off", "job losses (workers)"),
    ("auto workers who went on strike Friday", "strikers (workers)"),  # the clause says
    ("water depth where the vessel sank", "height"),  # ... or ends the phrase
    ("Twitter workforce before the layoffs", "workers"),  # a time ends it too
    ("arrest warrants issued over collapsed buildings", "warrants"),
    ("Nvidia year-on-year revenue growth", "revenue"),
    ("UK consumer price inflation", "inflation"),
    ("Russian military deaths", "deaths (troops)"),
    ("Maui wildfire deaths", "deaths"),  # a fire is no one an event befalls
    ("people ordered to leave the area", "evacuated"),
    ("total pledged by donors", "aid"),
    ("Abrams tanks pledged by the US", "tanks"),  # a participle says what was done with them
    ("residents to be evacuated from the district", "evacuated (population)"),  # "to be"
    ("Apple's stock market valuation", "value"),
    ("Moscow concert attack death toll", "deaths"),  # the last of two events is the head
    ("children among the dead", "deaths (children)"),
    ("foreign nationals among the Itaewon dead", "deaths (foreigners)"),
    ("rockets fired from Gaza", "projectiles"),  # "fired" says what was done with them
    ("dead and missing in Valencia", "dead and missing"),
    ("bodies identified in Valencia", "identified"),
    ("passengers the boat was believed to be carrying", "passengers"),  # no compound across "the"
    ("migrants the boat carried", "migrants"),
    ("passenger boats", "ships"),  # a compound: its head is counted
    ("people in hospital", "hospitalised"),  # an event says where: it is what is counted
    ("civilians in shelters", "civilians"),
    ("residents in the buildings", "population"),
    ("people killed by police", "deaths"),
    # a participle next to things that are not people says what happened to them
    ("hospitals affected by the strike", "hospitals"),
    ("affected hospitals", "hospitals"),
    ("homes evacuated", "buildings"),
    ("tanks Russia lost", "tanks"),  # only a name between
    ("police injured", "injuries (police)"),  # people: the event's subject
    ("wildfire deaths", "deaths"),  # no participle
    ("countries affected by the outbreak", "countries"),
    ("countries with cases outside Africa", "countries"),
    ("minor injuries", "injuries"),
    ("police officers", "police"),  # a plural of the lexicon: one phrase
    ("refugee camps", "shelters"),  # ... or the head of a run of nouns
    ("Russian military instructors", "troops"),
    # damage (what was destroyed) and losses (what it cost since) are two counts; together, a third
    ("damage from the floods", "damage"),
    ("economic losses from the floods", "losses"),
    ("total damage and economic losses", "damage and losses"),
    ("soldiers and police deployed", "troops and police"),
    ("police and gendarmes", "police"),  # one class: no sum
    ("Haiyan's sustained winds at landfall", "speed"),
    ("older people who died in the heatwave", "deaths (elderly)"),
]

# (about, what must not be read as its measure)
NOT_MEASURES = [
    ('members of the "Missing Persons" unit', "missing"),  # quoted
    ("visitors to the Missing Children Foundation", "missing"),  # inside a name
    ("people in the country", "countries"),
    ("arrests at the Paris march", "participants"),  # the march is where, not what
    ("Lackawanna County Biden tally", "occasions"),  # "tally" is no typo of "rally"
    ("Biden's margin of victory", "troops"),  # "margin" is no typo of "marine"
    ("defenders returned home in the exchange", "buildings"),  # "home" says where to
    ("armed men seen near the river crossing", "migrants"),
    ("Kentucky Truck strikers", "vehicles"),  # a truck is no striker
    ("Odisha train crash death toll", "trainees"),  # "train" is no typo of "trainee"
    ("small-boat arrivals", "visitors"),  # arrivals may be migrants or tourists: not read
    # where the people counted are is not what is counted
    ("people in shelters", "shelters"),
    ("people on the ship", "ships"),
    ("people who crossed the Channel in small boats", "ships"),
    ("men in the army", "troops"),
    ("minor injuries", "children"),  # an adjective, not a child
    ("total dead in both countries", "countries"),  # a scope: counted are the dead
    ("cases across the country", "countries"),
    # a noun before a plural noun of no class only says what kind it is
    ("small-boat arrivals last year", "ships"),
    ("hospital beds", "hospitals"),
    ("tank crews", "tanks"),
    ("strike benefits", "occasions"),
    ("insured wind and flood losses", "speed"),  # the wind says what losses
]


@pytest.mark.parametrize(("about", "measure"), MEASURES, ids=[a for a, _ in MEASURES])
def test_the_measure_is_read_from_the_about(about, measure):
    assert str(Normaliser().key(about).measure) == measure


@pytest.mark.parametrize(("about", "wrong"), NOT_MEASURES, ids=[a for a, _ in NOT_MEASURES])
def test_words_that_are_not_the_measure(about, wrong):
    assert Normaliser().key(about).measure.measure != wrong


def test_a_claims_file_adds_measures_and_wins():
    lexicon = Lexicon([("evacuees", ["people bussed out"])])
    words = ["people", "bussed", "out", "of", "the", "city"]
    assert lexicon.read(words).measure == "evacuees"
    n = Normaliser(measures=[("sandbags", ["sandbags filled"])])
    assert str(n.key("sandbags filled by volunteers").measure) == "sandbags"


# (about, what is left to match on, what is set aside)
ASIDES = [
    ("Paris turnout (police count)", "Paris turnout", ("police count",)),
    ("people missing (OCHA, citing WHO)", "people missing", ("OCHA, citing WHO",)),
    ("protesters according to the CGT", "protesters", ("according to the CGT",)),
    ("people killed, the health ministry said", "people killed", ("the health ministry said",)),
    (
        "arrests in Paris (tally just before 17:00)",
        "arrests in Paris",
        ("tally just before 17:00",),
    ),
    (
        "British mercenaries (former Royal Marines)",
        "British mercenaries (former Royal Marines)",
        (),
    ),
    # a trailing bracket naming who counted: a body, an acronym, a name with no measure word
    ("people killed (White Helmets)", "people killed", ("White Helmets",)),
    ("refugees (UNHCR)", "refugees", ("UNHCR",)),
    ("refugees (UN refugee agency)", "refugees", ("UN refugee agency",)),
    ("people detained (OVD-Info)", "people detained", ("OVD-Info",)),
    ("troops deployed (US officials)", "troops deployed", ("US officials",)),
    ("people killed (Hamas-run health ministry)", "people killed", ("Hamas-run health ministry",)),
    # a place, a number, or words that are no name stay
    ("population of Springfield (Illinois)", "population of Springfield (Illinois)", ()),
    ("people injured (Rescue Workers)", "people injured (Rescue Workers)", ()),
    ("people killed (12 Children)", "people killed (12 Children)", ()),
]


@pytest.mark.parametrize(("about", "core", "aside"), ASIDES, ids=[a for a, _, _ in ASIDES])
def test_who_said_it_is_set_aside(about, core, aside):
    r = read(about)
    assert (r.core, r.aside) == (core, aside)


# (about, year, month, day, weekday, ordinal)
TIMES = [
    ("people gathered in France on 31 January", 0, 1, 31, -1, 0),
    ("turnout at the previous round of protests on January 31", 0, 1, 31, -1, 0),
    ("deaths in March 2020", 2020, 3, 0, -1, 0),
    ("fighters recruited in 2019", 2019, 0, 0, -1, 0),
    ("demonstrators in Paris last Saturday", 0, 0, 0, 5, 0),
    ("turnout for the 14th general mobilisation", 0, 0, 0, -1, 14),
    ("people marching on the sixth day of strikes", 0, 0, 0, -1, 6),
    ("May Day turnout", 0, 5, 1, -1, 0),
    ("fighters of the 7th Brigade", 0, 0, 0, -1, 0),  # a number, not a time
    ("the Paris march", 0, 0, 0, -1, 0),  # "march" in lower case is no month
]


@pytest.mark.parametrize("row", TIMES, ids=[t[0] for t in TIMES])
def test_dates_weekdays_and_ordinals_are_times(row):
    about, *parts = row
    w = read(about).when
    assert [w.year, w.month, w.day, w.weekday, w.ordinal] == parts


# (a, b, their periods): count the same thing
MUST_GROUP = [
    ("people killed", "death toll", None, None),
    ("additional troops sent to the border", "extra troops sent to the border", None, None),
    ("families waiting more than a year", "families waiting over a year", None, None),
    ("people arrested in Paris", "people detained in the capital", None, None),
    ("demonstrators across France", "protesters nationwide", None, None),
    ("Paris turnout (police count)", "Paris turnout (organisers' count)", None, None),
    ("people gathered in France on 31 January", "demonstrators in France", None, "2023-01-31"),
    ("May Day turnout", "people who took to the streets across France", "2023-05-01", None),
    ("people missing (OCHA)", "people still missing", None, None),
    ("population of Springfield, Illinois", "Springfield, IL population", None, None),
    ("population of Mt. Pleasant, Texas", "Mount Pleasant, TX population", None, None),
    ("people killed (White Helmets)", "people killed", None, None),
    ("troops deployed (US officials)", "troops deployed", None, None),
    ("demonstrators in Paris, France", "demonstrators in Paris", None, None),
    ("troops killed in Turkey and Syria", "troops killed in Syria and Turkey", None, None),
    ("aid pledged for Syria", "aid pledges for Syria", None, None),
    ("homes destroyed", "destroyed houses", None, None),
    ("people killed or wounded", "casualties", None, None),
    ("search and rescue personnel deployed", "rescue workers sent", None, None),
    # a place and a side may name one thing: "for X, Y" reads Y as a side
    ("votes for Biden, Bucks County", "Biden votes in Bucks County", None, None),
    (
        "Pennsylvania electoral votes",
        "electoral college votes at stake in Pennsylvania",
        None,
        None,
    ),
    # what one side does not say is no evidence: the people counted said on one side only,
    ("migrants unaccounted for", "people missing after the sinking", None, None),
    ("auto workers who went on strike", "striking auto workers", None, None),
    # ... the words that only say when or how sure, a direction written two ways
    ("deaths in north-west Syria", "death toll in northwestern Syria", None, None),
    ("Maui's confirmed death toll", "dead on Maui", None, None),
    ("people killed in Turkey", "Turkish death toll", None, None),  # a country's adjective
    ("turnout in Pennsylvania", "Pennsylvania voter turnout", None, None),
    ("Trump lead in Pennsylvania", "Trump's advantage in Pennsylvania", None, None),
    ("Balasore toll, revised", "people killed in Balasore", None, None),  # how far it has got
    # news names a person by the surname, an organisation without "Group"
    ("Biden votes in Pennsylvania", "votes for Joe Biden in Pennsylvania", None, None),
    ("Adani Group market value", "market value of Adani", None, None),
    ("acres burned in Lahaina", "area burned by the Lahaina fire", None, None),
    ("buildings collapsed in Turkey", "buildings that collapsed in Turkey's provinces", None, None),
]

# (a, b, their periods, why): must never group
MUST_NOT_GROUP = [
    ("people dead", "people missing", None, None, "dead vs missing"),
    ("refugees from Syria", "refugees in Syria", None, None, "an origin is no destination"),
    ("aid from Ukraine", "aid to Ukraine", None, None, "an origin is no destination"),
    ("people killed in Kestrova", "people injured in Kestrova", None, None, "dead vs injured"),
    (
        "protesters who marched nationwide",
        "protests held nationwide",
        None,
        None,
        "people vs events",
    ),
    ("police injured", "police deployed", None, None, "two measures of police"),
    ("people in shelters", "shelters opened", None, None, "people in shelters vs shelters"),
    ("people on the ship", "ships in the port", None, None, "people on a ship vs ships"),
    ("countries affected by the outbreak", "people affected", None, None, "countries vs people"),
    ("hospital beds", "hospitals", None, None, "beds vs hospitals"),
    (
        "elderly people killed in Florida by Ian",
        "people killed in Florida by Ian",
        None,
        None,
        "the elderly among the dead",
    ),
    ("damage from the floods", "total damage and economic losses", None, None, "a part vs a sum"),
    ("damage bill", "economic losses from the explosion", None, None, "damage vs losses"),
    (
        "U.S. consumers affected by the breach",
        "additional U.S. consumers affected",
        None,
        None,
        "a total vs what was added",
    ),
    ("people affected in the US", "more Americans found to be affected", None, None, "more"),
    ("police injured", "protesters injured", None, None, "whose injuries"),
    ("demonstrators in Paris", "demonstrators across France", None, None, "Paris vs France"),
    ("May Day turnout", "May Day turnout in the capital", None, None, "a part vs the whole"),
    ("demonstrators in Paris", "demonstrators in Lyon", None, None, "two cities"),
    ("demonstrators in the capital", "demonstrators in Lyon", None, None, "Lyon is no capital"),
    ("protesters on March 7", "protesters on March 23", None, None, "two days"),
    ("protesters in France", "protesters in France", "2023-03-07", "2023-03-23", "periods"),
    ("people gathered on 31 January", "people gathered", None, "2023-02-07", "time vs period"),
    (
        "population of Grim Township, Michigan",
        "population of Gore Township, Michigan",
        None,
        None,
        "names",
    ),
    (
        "population of Hardin County, Tennessee",
        "population of Hardeman County, Tennessee",
        None,
        None,
        "names",
    ),
    (
        "population of Anoka, Minnesota",
        "population of Anoka County, Minnesota",
        None,
        None,
        "city vs county",
    ),
    (
        "population of Springfield, Illinois",
        "population of Springfield, Missouri",
        None,
        None,
        "states",
    ),
    (
        "population of Washington County, NY",
        "population of Washington County, NE",
        None,
        None,
        "codes",
    ),
    (
        "Syrian fighters sent by Turkey to Libya",
        "Syrian fighters sent by Russia to Libya",
        None,
        None,
        "who sent them",
    ),
    (
        "troops deployed (US officials)",
        "troops deployed in the United States",
        None,
        None,
        "who counted is no place",
    ),
    (
        "people killed in Turkey",
        "people killed in Turkey and Syria",
        None,
        None,
        "one more country",
    ),
    ("aid from the US", "aid from the US and the EU", None, None, "one more donor"),
    ("aid pledged for Syria", "aid pledged", None, None, "for whom, on one side only"),
    ("homes destroyed", "homes damaged", None, None, "destroyed vs damaged"),
    ("people killed", "people killed or wounded", None, None, "deaths vs casualties"),
    ("rescue workers", "people rescued", None, None, "rescuers vs rescued"),
    ("search and rescue personnel", "people rescued", None, None, "responders vs rescued"),
    ("popular votes", "electoral votes", None, None, "popular vs electoral"),
    ("children killed in Gaza", "people killed in Gaza", None, None, "a part of the people"),
    ("Iranians killed in Itaewon", "Itaewon dead", None, None, "a nationality, one side"),
    ("Turkish death toll", "people killed in Turkey and Syria", None, None, "one more country"),
    (
        "U.S. citizens killed in the Seoul crush",
        "people who died in the Seoul crush",
        None,
        None,
        "US",
    ),
    ("migrants who arrived in small boats", "migrants per boat, average", None, None, "average"),
    ("bodies yet to be identified", "bodies identified so far", None, None, "not yet"),
    ("unidentified bodies", "identified bodies", None, None, "un-"),
    (
        "people killed in the eastern region",
        "people killed in the western region",
        None,
        None,
        "east",
    ),
    ("people killed per day on average in Gaza", "people killed in Gaza", None, None, "per day"),
    ("dead and missing in Valencia", "people killed in Valencia", None, None, "dead and missing"),
    ("bodies identified in Valencia", "people killed in Valencia", None, None, "identified"),
    ("shells fired by Russia", "workers fired by Russia", None, None, "fired"),
    ("Joe Biden income", "Hunter Biden income", None, None, "two Bidens"),
    ("people missing in Libya", "missing across eastern Libya", None, None, "a region"),
    ("missing in eastern Libya", "missing in western Libya", None, None, "two regions"),
    ("mail ballots in Pennsylvania", "provisional ballots in Pennsylvania", None, None, "kinds"),
    ("confirmed deaths in Florida", "direct deaths in Florida", None, None, "how they died"),
    (
        "people killed in government-held areas of Syria",
        "combined death toll in Turkey and Syria",
        None,
        None,
        "one more country, the other with no role",
    ),
    (
        "length of the contracts the recruits signed",
        "length of military training for the recruits",
        None,
        None,
        "what the length is of",
    ),
    ("arrest warrants issued", "people detained", None, None, "warrants vs arrests"),
    ("insured losses from Ian", "total damage from Hurricane Ian", None, None, "insured vs all"),
    ("Twitter workforce before the layoffs", "Twitter job cuts", None, None, "staff vs cuts"),
]


def _together(a: str, b: str, pa: str | None, pb: str | None) -> bool:
    claims = [claim("a", a, period=pa), claim("b", b, period=pb)]
    groups, _ = group_claims(claims, Normaliser(), Settings())
    return len(groups) == 1


@pytest.mark.parametrize(
    ("a", "b", "pa", "pb"), MUST_GROUP, ids=[f"{a} ~ {b}" for a, b, *_ in MUST_GROUP]
)
def test_must_group(a, b, pa, pb):
    assert _together(a, b, pa, pb)
    assert _together(b, a, pb, pa)


@pytest.mark.parametrize(
    ("a", "b", "pa", "pb", "why"), MUST_NOT_GROUP, ids=[w for *_, w in MUST_NOT_GROUP]
)
def test_must_not_group(a, b, pa, pb, why):
    assert not _together(a, b, pa, pb)
    assert not _together(b, a, pb, pa)


def _fits_day_by_day(when: When, period: Period) -> bool:
    """When.fits as its definition says: some day of the period is that time."""
    length = (period.end - period.start).days
    if length > 800:
        return True
    days = (period.start + dt.timedelta(days=n) for n in range(length + 1))
    return any(
        (not when.year or d.year == when.year)
        and (not when.month or d.month == when.month)
        and (not when.day or d.day == when.day)
        for d in days
    )


@settings(max_examples=400, deadline=None)
@example(2024, 3, 15, dt.date(2024, 3, 15), 0)  # the period's first day
@example(2024, 3, 15, dt.date(2024, 3, 1), 14)  # its last
@example(0, 0, 31, dt.date(2024, 4, 1), 29)  # a month without the day
@given(
    st.sampled_from([0, 2019, 2020, 2024]),
    st.integers(min_value=0, max_value=12),
    st.sampled_from([0, 1, 15, 28, 29, 30, 31]),
    st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.integers(min_value=0, max_value=900),
)
def test_a_time_fits_a_period_when_some_day_of_it_is_that_time(year, month, day, start, length):
    """Month by month, as day by day: leap days, ends of months, periods across new year."""
    period = Period(start, start + dt.timedelta(days=length))
    when = When(year, month, day)
    assert when.fits(period) == _fits_day_by_day(when, period)


def test_a_leap_day_fits_only_a_period_with_one():
    leap = When(0, 2, 29)
    assert leap.fits(Period(dt.date(2023, 12, 1), dt.date(2024, 3, 1)))
    assert not leap.fits(Period(dt.date(2022, 12, 1), dt.date(2023, 3, 1)))

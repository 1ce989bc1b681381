"""What a claim counts: the measure, read from the words of its `about` through a built-in
lexicon of what news counts, which a claims file extends with `measures:` (see
docs/grouping.md, "Measures").

One class a line: `class | kind | phrases, ...`. Phrases are matched on plain words (no case,
accents or plural), the longest phrase first. The kind says how a phrase reads:

- `event`: something that happened to whoever is counted ("killed", "arrested"): the measure,
  with the thing counted before it as its subject ("police injured" is injured police);
- `thing`: what is counted ("protesters", "troops", "aid"), when no event is said;
- `via`: a verb that only says where a thing went ("deployed", "sent"): the thing is the measure;
  said of people ("people mobilised"), it reads as the class named in brackets;
- `event noun`: an occasion ("protest", "march"): "people at the march" counts participants,
  a bare "protests held" counts the occasions (the class);
- `people`: a word for people in general ("people", "citizens"): the event decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from discrepancy.names import Typos
from discrepancy.words import tokens_of

LEXICON = """
deaths | event | dead, death, deaths, killed, kill, died, die, dying, fatality, lives lost, life lost, lost their lives, lost his life, lost her life, body, bodies recovered, slain, perished, killing, death toll, toll, drowned, murdered, confirmed dead, feared dead, people who died, loss of life, deaths recorded
injuries | event | injured, injury, wounded, wound, hurt, injuries sustained, needing treatment
casualties | event | casualty, victim, killed or wounded, killed and wounded, killed or injured, killed and injured, dead or wounded, dead and wounded, dead or injured, dead and injured
missing | event | missing, unaccounted for, disappeared, remain missing, still missing
displaced | event | displaced, homeless, forced from their homes, forced to flee, fled their homes, fled, uprooted, internally displaced, idp, lost their homes, left homeless, displacement
evacuated | event | evacuated, evacuee, evacuation, ordered to evacuate, moved to safety, ordered to leave, told to leave, forced to leave
rescued | event | rescued, saved, pulled alive, pulled from the rubble, rescue, survivor, survived, brought ashore
affected | event | affected, impacted, in need, in need of aid, need assistance
hospitalised | event | hospitalised, hospitalized, hospitalisation, hospitalization, admitted to hospital, in hospital
infections | event | case, infection, infected, tested positive, confirmed case, contracted
vaccinations | event | vaccinated, vaccination, vaccine dose, dose, jab, inoculated
tests | event | test, tested, test carried out
arrests | event | arrested, arrest, detained, detention, detainee, taken into custody, custody, apprehended, held in custody, rounded up, in custody, taken in for questioning, under arrest
charged | event | charged, indicted, indictment, prosecuted, charge, prosecution
convicted | event | convicted, conviction, sentenced, found guilty, sentence
imprisoned | event | prisoner, inmate, imprisoned, jailed, in prison, behind bars, incarcerated
released | event | released, freed, pardoned, set free, release
hostages | event | hostage, kidnapped, abducted, abductee, kidnapping, abduction, held hostage, held captive, captive
executed | event | executed, execution, put to death
deported | event | deported, deportation, expelled, removal, removed from the country
trainees | event | trainee, trained, training, receiving training, graduate
recruited | via | recruited, recruitment, enlisted, signed up
participants | event | voter turnout, election turnout, protester, demonstrator, marcher, turnout, participant, attendee, crowd, crowd size, rally participant, march size, size of the march, on the streets, took to the streets, taken to the streets, take to the streets, took part, taking part, take part, marched, marching, demonstrated, demonstrating, protested, protesting, rallied, rallying, gathered, attended, participated, joined the protest, joined the march
strikers | event | striker, on strike, went on strike, walked out, striking, walking out, walk out, stopped work, on the picket line
occasions | event noun | protest, rally, march, marche, demonstration, procession, gathering, strike, mobilisation, mobilization, sit-in, vigil, walkout, day of action
police | thing | police, police officer, policeman, policemen, gendarme, officers, security forces, security personnel, law enforcement, riot police, cop, constable, police and gendarmes, gendarmes and police
troops | thing | troop, soldier, servicemen, service member, military personnel, army personnel, marine, sailor, airman, reservist, conscript, armed forces, army, military
fighters | thing | fighter, mercenary, militant, combatant, militiaman, militia, militia member, rebel, insurgent, jihadist, guerrilla, paramilitary, recruit, gunman
returned | via | returned home, return home, sent home, back home, went home, came home, brought home, handed back, sent back
deployed | via (participants) | deployed, deployment, sent, dispatched, on duty, stationed, mobilised, mobilized, posted, transferred, flown in, landed, arrived, brought in, in place
refugees | thing | refugee, asylum seeker, asylum application, asylum claim
migrants | thing | migrant, immigrant, illegal immigrant, border crossing, undocumented migrant, illegal crossing
civilians | thing | civilian, noncombatant
children | thing | child, children, minor, kid, infant, baby, boy, girl
women | thing | woman, women
journalists | thing | journalist, reporter, media worker
medics | thing | doctor, nurse, medic, health worker, medical personnel, medical staff, paramedic
responders | thing | rescuer, rescue worker, rescue personnel, search and rescue personnel, search and rescue worker, search and rescue team, rescue team, rescue crew, rescue staff, rescue volunteer, firefighter, emergency worker, first responder, volunteer, aid worker
population | thing | population, inhabitant, resident, people living, residing
households | thing | household, family, families
voters | thing | voter, registered voter, electorate, eligible voter
votes | thing | vote, ballot, votes won, popular vote, votes cast, ballots cast
margin | thing | margin, margin of victory, winning margin, lead, advantage
electoral votes | thing | electoral vote, electoral college vote, elector
seats | thing | seat
workers | thing | worker, employee, staff, workforce, employed, labourer, laborer
job losses | event | layoff, laid off, job cut, job loss, jobs lost, lost their jobs, redundancy, redundancies, fired, positions cut, lay off, laying off, lays off, layoffs announced, lost jobs, lost job, jobs cut, jobs axed, axed, let go, cut jobs
jobs | thing | job, jobs created, position, vacancy
unemployed | thing | unemployed, jobless, unemployment, out of work
students | thing | student, pupil, schoolchildren
teachers | thing | teacher
patients | thing | patient, treated, given health services, received treatment
buildings | thing | building, house, home, dwelling, structure, housing unit, apartment, property
buildings destroyed | thing | homes destroyed, houses destroyed, buildings destroyed, destroyed homes, destroyed houses, destroyed buildings, homes lost, houses lost, homes razed, houses razed, buildings razed, homes flattened, buildings flattened
buildings damaged | thing | homes damaged, houses damaged, buildings damaged, damaged homes, damaged houses, damaged buildings, homes partially destroyed, buildings partially destroyed
schools | thing | school, classroom
hospitals | thing | hospital, clinic, health facility, health centre, health center
vehicles | thing | vehicle, car, truck, lorry, convoy, bus
tanks | thing | tank, armoured vehicle, armored vehicle
aircraft | thing | aircraft, plane, jet, fighter jet, warplane, helicopter, airplane, airliner
drones | thing | drone, uav, unmanned aerial vehicle
projectiles | thing | missile, rocket, projectile, shell, artillery shell, mortar, bomb, munition, round fired
attacks | event | attack, air strike, airstrike, raid, bombing, shelling, assault, strikes carried out, attacked
incidents | thing | incident, clash, violent incident
weapons | thing | weapon, gun, firearm, rifle, air defence system, air defense system
explosives | thing | mine, landmine, explosive, ied, unexploded ordnance, explosive device
ships | thing | ship, vessel, boat, warship
flights | thing | flight, sortie
passengers | thing | passenger, traveller, traveler, commuter, on board, aboard, people on board
visitors | thing | tourist, visitor, arrival, guest
signatures | thing | signature, signatory
followers | thing | follower, subscriber, fan
viewers | thing | viewer, audience, listener, view, watched
users | thing | user, customer, client, account, member of the public
sales | thing | sale, unit sold, delivery, shipment
cost | thing | cost, price tag, expense, expenditure, spending, bill
price | thing | price, fare, fee, tariff, rent, charged per
budget | thing | budget, allocation, appropriation
aid | thing | aid, assistance, funding, grant, donation, pledge, relief, bailout, aid package, humanitarian aid, support package, military aid, pledged, pledges made, promised
damage | thing | damage, losses, economic losses, damage bill, insured losses, destruction, economic damage
revenue | thing | revenue, income, earnings, receipts, turnover, takings
profit | thing | profit, net income, surplus
debt | thing | debt, borrowing, loan, arrears
deficit | thing | deficit, shortfall, gap in funding
pay | thing | salary, wage, pay, paycheck, stipend, bounty, allowance, pension, remuneration
fines | thing | fine, penalty, settlement
compensation | thing | compensation, reparation, payout
ransom | thing | ransom
investment | thing | investment, investing
economy | thing | gdp, gross domestic product, economic output, economy, economic growth
inflation | thing | inflation, inflation rate, consumer price inflation, cpi, consumer price index, price growth
taxes | thing | tax, levy, customs duty
value | thing | value, worth, valuation, market capitalisation, market capitalization, market value, net worth, assets
trade | thing | export, import, trade, shipments abroad
production | thing | production, output, barrels, harvest, yield
supplies | thing | supply, food parcel, meal, ration, aid truck, truckload, relief supplies
shelters | thing | shelter, camp, tent, shelter place
fires | thing | fire, wildfire, blaze, hotspot, bushfire, forest fire
quakes | thing | aftershock, quake, earthquake, tremor
duration | thing | duration, length, time, how long, lasted, period, days, hours, term
age | thing | age, years old
distance | thing | distance, range, how far, kilometres, miles
area | thing | area, hectare, acre, square kilometre, square kilometer, land, surface, acres burned, area burned
height | thing | height, depth, elevation, altitude, how high, tall
speed | thing | speed, wind speed, velocity, gust
temperature | thing | temperature, heat, degree
rainfall | thing | rainfall, rain, precipitation, snowfall
magnitude | thing | magnitude, richter
share | thing | share, percentage, per cent, percent, proportion, fraction, rate, ratio
members | thing | membership, members enrolled
warrants | thing | warrant, arrest warrant
"""

PEOPLE_WORDS = frozenset(
    [
        "people",
        "person",
        "individual",
        "citizen",
        "member",
        "personnel",
        "those",
        "anyone",
        "man",
        "men",
        "adult",
        "civil",
        "resident",
    ]
)


# The classes of people an event can happen to: its subject ("police injured"). A thing
# before an event says what kind of event it was ("wildfire deaths"), not whom it befell.
PEOPLE_CLASSES = frozenset(
    [
        "police",
        "troops",
        "fighters",
        "refugees",
        "migrants",
        "civilians",
        "children",
        "women",
        "journalists",
        "medics",
        "responders",
        "population",
        "households",
        "voters",
        "workers",
        "students",
        "teachers",
        "patients",
        "passengers",
        "visitors",
        "users",
        "imprisoned",
        "hostages",
        "participants",
        "strikers",
        "trainees",
        "unemployed",
    ]
)
# ... and those that are a part of the people a story counts: "children killed" is never
# "people killed". The others name the people counted ("migrants missing", "people missing").
PART_CLASSES = frozenset(
    [
        "children",
        "women",
        "civilians",
        "journalists",
        "medics",
        "responders",
        "police",
        "students",
        "teachers",
        "patients",
    ]
)
TYPO_FROM = 5  # a word this long may be a typo of a lexicon word (one edit away)
# Words that say a count was made but not of what ("Biden's tally", "the total"): never the
# measure, and never read as a typo of a lexicon word ("tally" is not "rally").
COUNT_WORDS = frozenset(
    ["number", "total", "tally", "count", "figure", "estimate", "sum", "amount", "size", "level"]
)


@dataclass(frozen=True, slots=True)
class _Phrase:
    measure: str
    kind: str  # "event", "thing", "via", "event noun"
    of_people: str  # a "via" phrase said of people reads as this class


@dataclass(frozen=True, slots=True)
class Measure:
    """What a claim counts: the class, and for an event the thing it happened to ("police"
    for "police injured"); `words` are the positions of the words it was read from."""

    measure: str = ""
    subject: str = ""
    words: tuple[int, ...] = ()

    def __str__(self) -> str:
        if not self.measure:
            return "?"
        return f"{self.measure} ({self.subject})" if self.subject else self.measure


def stem(word: str) -> str:
    """A plain word as the lexicon matches it: "marches" and "march" alike."""
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


# Words after a head noun that end its phrase: "cost of the damage" counts a cost.
_HEAD_ENDS = frozenset(
    stem(w)
    # "workforce before the layoffs": a time ends it too
    for w in [
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "from",
        "with",
        "over",
        "among",
        "per",
        "by",
        "before",
        "after",
        "since",
        "during",
        "until",
    ]
)
# So do the words that start a clause ("depth where the vessel sank" counts a depth), unless
# the clause says what happened to them ("workers who went on strike" are strikers).
_CLAUSE_STARTS = frozenset(
    stem(w) for w in ["where", "when", "who", "which", "that", "whose", "while"]
)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(stem(t.plain) for t in tokens_of(phrase.replace("-", " ")))


def _parse(text: str, extra: Sequence[tuple[str, Sequence[str]]]) -> dict[tuple[str, ...], _Phrase]:
    out: dict[tuple[str, ...], _Phrase] = {}
    for line in text.strip().splitlines():
        name, kind, phrases = (p.strip() for p in line.split("|"))
        of_people = ""
        if "(" in kind:
            kind, of_people = (p.strip(" )") for p in kind.split("("))
        for phrase in phrases.split(","):
            words = _words(phrase)
            if words:
                out[words] = _Phrase(name, kind, of_people)
    for name, wordings in extra:  # a claims file's `measures:`: a thing each, and they win
        for phrase in (name, *wordings):
            words = _words(phrase)
            if words:
                held = out.get(words)
                out[words] = _Phrase(name, held.kind if held else "thing", "")
    return out


class Lexicon:
    """The built-in measures, extended (and overridden where a phrase is the same) by a
    claims file's `measures:` (class: [phrases])."""

    def __init__(self, extra: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.phrases = _parse(LEXICON, extra)
        self.longest: dict[str, int] = {}
        for words in self.phrases:
            self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))
        self.classes = tuple(sorted({p.measure for p in self.phrases.values()}))
        vocabulary = self._vocabulary = frozenset(w for words in self.phrases for w in words)
        self._typos = Typos((w for w in vocabulary if len(w) >= TYPO_FROM), most=1)
        self._spelled: dict[str, str] = {w: w for w in vocabulary | COUNT_WORDS}
        self._read: dict[str, str] = {}

    def as_read(self, word: str) -> str:
        """A plain word as the lexicon reads it: stemmed, and a typo of one of its words
        read as that word."""
        hit = self._read.get(word)
        if hit is None:
            hit = self._read[word] = self.spelled(stem(word))
        return hit

    def knows(self, word: str) -> bool:
        """Whether a plain word is (a typo of) a word of a phrase of the lexicon."""
        return self.spelled(stem(word)) in self._vocabulary

    def spelled(self, word: str) -> str:
        """The lexicon's word this one is a typo of ("woundde", "mercenarses"), or itself.
        Words under TYPO_FROM letters must be spelled right."""
        hit = self._spelled.get(word)
        if hit is None:
            near = self._typos.near(word) if len(word) >= TYPO_FROM else []
            hit = self._spelled[word] = near[0] if len(near) == 1 else word
        return hit

    def hits(self, plains: Sequence[str], skip: Iterable[int]) -> list[tuple[int, int, _Phrase]]:
        """(start, length, phrase) of each phrase in the words, longest first, left to right;
        words at `skip` (names, quotations, what is set aside) are never part of one."""
        banned = set(skip)
        plains = [self.as_read(p) for p in plains]
        out = []
        i = 0
        while i < len(plains):
            n = 0 if i in banned else self.longest.get(plains[i], 0)
            for k in range(min(n, len(plains) - i), 0, -1):
                if any(j in banned for j in range(i, i + k)):
                    continue
                phrase = self.phrases.get(tuple(plains[i : i + k]))
                if phrase is not None:
                    out.append((i, k, phrase))
                    i += k
                    break
            else:
                i += 1
        return out

    def read(self, plains: Sequence[str], skip: Iterable[int] = ()) -> Measure:
        """The measure of an about's words (see the module's docstring for the rules)."""
        hits = self.hits(plains, skip)
        if not hits:
            return Measure()
        people = any(p in PEOPLE_WORDS for p in plains)
        plains = [self.as_read(p) for p in plains]
        all_hits = hits

        # A run of things with no preposition between ends in its head: "paid mercenaries".
        ends = _HEAD_ENDS | _CLAUSE_STARTS
        while (
            len(hits) > 1
            and hits[0][2].kind == "thing"
            and hits[1][2].kind == "thing"
            and not any(w in ends for w in plains[hits[0][0] + hits[0][1] : hits[1][0]])
        ):
            hits = hits[1:]
        first_i, first_k, first = hits[0]
        if not any(p.kind == "event" for _, _, p in hits[1:]):
            ends = _HEAD_ENDS | _CLAUSE_STARTS
        else:
            ends = _HEAD_ENDS
        if first.kind == "thing" and (
            len(hits) == 1 or any(w in ends for w in plains[first_i + first_k : hits[1][0]])
        ):
            # the head of "cost of the damage", "aid to displaced people": what is counted
            return _measure(all_hits, first.measure, "")

        def thing_before(n: int, people: bool = False) -> str:
            for _i, _k, p in reversed(hits[:n]):
                if p.kind == "thing" and (not people or p.measure in PEOPLE_CLASSES):
                    return p.measure
            return ""

        def thing_after(n: int) -> str:  # "wounded soldiers": the soldiers were wounded
            i, k, _ = hits[n]
            participle = plains[i + k - 1].endswith(("ed", "en"))
            if (
                participle
                and n + 1 < len(hits)
                and hits[n + 1][0] == i + k
                and hits[n + 1][2].kind == "thing"
                and hits[n + 1][2].measure in PEOPLE_CLASSES
            ):
                return hits[n + 1][2].measure
            return ""

        for n, (_i, _k, p) in enumerate(hits):
            if p.kind == "event":
                subject = thing_before(n, people=True) or thing_after(n)
                return _measure(all_hits, p.measure, "" if subject == p.measure else subject)
        for n, (_i, _k, p) in enumerate(hits):
            if p.kind == "via":
                thing = thing_before(n)
                if thing:
                    return _measure(all_hits, thing, "")
                # said of nothing it names ("sent to Libya"), it says nothing of what is counted
                return _measure(all_hits, p.of_people if people else "", "")
        if first.kind == "thing":
            return _measure(all_hits, first.measure, "")
        things = [p for _, _, p in hits if p.kind == "thing"]
        if things:
            return _measure(all_hits, things[0].measure, "")
        # only occasions: people at a march are its participants, a bare "protests" the count
        return _measure(all_hits, "participants" if people else first.measure, "")


def _measure(hits: list[tuple[int, int, _Phrase]], measure: str, subject: str) -> Measure:
    """The measure read, with the words it was read from: the phrases of its class and its
    subject's, the occasions ("march", "protest") and the verbs that only say where things
    went; for an event, every lexicon word (what else it says is circumstance: "injured in
    clashes with protesters"). Otherwise other lexicon words stay scope ("length of military
    training": the training)."""
    by_event = any(p.measure == measure and p.kind == "event" for _, _, p in hits)
    used = tuple(
        j
        for i, k, p in hits
        if by_event or p.measure in (measure, subject) or p.kind in ("via", "event noun")
        for j in range(i, i + k)
    )
    return Measure(measure, subject, used)


@cache
def builtin() -> Lexicon:
    return Lexicon()

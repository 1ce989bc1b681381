"""The words of what news counts: the measure lexicon (one class a line, read by
`measures.Lexicon`; its module docstring says what each kind means) and the small word sets
the reading rules use. Data only; the rules are in `measures.py` and `normalise.py`."""

from __future__ import annotations

LEXICON = """
deaths | event | dead, death, deaths, killed, kill, died, die, dying, fatality, lives lost, life lost, lost their lives, lost his life, lost her life, body, bodies recovered, slain, perished, killing, death toll, toll, drowned, murdered, confirmed dead, feared dead, people who died, loss of life, deaths recorded
injuries | event | injured, injury, wounded, wound, hurt, injuries sustained, needing treatment, minor injury
dead and missing | event | dead and missing, dead or missing, killed or missing, killed and missing, dead or unaccounted for
identified | event | identified, bodies identified, victims identified, identification
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
troops | thing | troop, soldier, servicemen, service member, military personnel, army personnel, military instructor, military adviser, military advisor, military trainer, marine, sailor, airman, reservist, conscript, armed forces, army, military
fighters | thing | fighter, mercenary, militant, combatant, militiaman, militia, militia member, rebel, insurgent, jihadist, guerrilla, paramilitary, recruit, gunman
fired | via | fired, launched, shot down, intercepted
returned | via | returned home, return home, sent home, back home, went home, came home, brought home, handed back, sent back
aboard | via (passengers) | on board, aboard
deployed | via (participants) | deployed, deployment, sent, dispatched, on duty, stationed, mobilised, mobilized, posted, transferred, flown in, landed, arrived, brought in, in place
refugees | thing | refugee, asylum seeker, asylum application, asylum claim
migrants | thing | migrant, immigrant, illegal immigrant, border crossing, undocumented migrant, illegal crossing
civilians | thing | civilian, noncombatant
children | thing | child, children, minor, kid, infant, baby, boy, girl
women | thing | woman, women
elderly | thing | elderly, elderly people, older people, older person, senior, senior citizen, pensioner
foreigners | thing | foreigner, foreign national, foreign citizen, foreign victim, expatriate, expat
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
job losses | event | layoff, laid off, job cut, job loss, jobs lost, lost their jobs, redundancy, redundancies, positions cut, lay off, laying off, lays off, layoffs announced, lost jobs, lost job, jobs cut, jobs axed, axed, let go, cut jobs
jobs | thing | job, jobs created, position, vacancy
unemployed | thing | unemployed, jobless, unemployment, out of work
students | thing | student, pupil, schoolchildren
teachers | thing | teacher
patients | thing | patient, treated, given health services, received treatment
buildings | thing | building, house, home, dwelling, structure, housing unit, apartment, property
buildings destroyed | thing | homes destroyed, houses destroyed, buildings destroyed, destroyed homes, destroyed houses, destroyed buildings, houses flattened, homes lost, houses lost, homes razed, houses razed, buildings razed, homes flattened, buildings flattened
buildings damaged or destroyed | thing | damaged or destroyed, destroyed or damaged, homes damaged or destroyed, buildings damaged or destroyed, structures damaged or destroyed
buildings damaged | thing | homes damaged, houses damaged, buildings damaged, damaged homes, damaged houses, damaged buildings, homes partially destroyed, buildings partially destroyed
schools | thing | school, classroom
countries | thing | country, nation, member state
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
passengers | thing | passenger, traveller, traveler, commuter
visitors | thing | tourist, visitor, guest
signatures | thing | signature, signatory
followers | thing | follower, subscriber, fan
viewers | thing | viewer, audience, listener, view, watched
users | thing | user, customer, client, account, member of the public
sales | thing | sale, unit sold, delivery, shipment
cost | thing | cost, price tag, expense, expenditure, spending, bill
price | thing | price, fare, fee, tariff, rent, charged per
budget | thing | budget, allocation, appropriation
aid | thing | aid, assistance, funding, grant, donation, pledge, relief, bailout, aid package, humanitarian aid, support package, military aid, pledged, pledges made, promised
damage | thing | damage, damage bill, destruction, economic damage, physical damage
losses | thing | losses, economic losses, economic loss, financial losses, output losses
insured losses | thing | insured losses, insured loss, insured damage, insurance losses, insurance claims, insured cost
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
value | thing | value, worth, valuation, market capitalisation, market capitalization, market value, net worth, assets, market valuation, market cap, stock market value, stock market valuation, stock market capitalisation
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
speed | thing | speed, wind speed, velocity, gust, sustained wind, maximum wind, top wind
temperature | thing | temperature, heat, degree
rainfall | thing | rainfall, rain, precipitation, snowfall
magnitude | thing | magnitude, richter
share | thing | share, percentage, per cent, percent, proportion, fraction, rate, ratio
members | thing | membership, members enrolled
warrants | thing | warrant, arrest warrant
"""

# Words for people in general ("people", "citizens"): the event decides what is counted.
PEOPLE_WORDS = frozenset(
    ["people", "person", "individual", "citizen", "member", "personnel", "those", "anyone"]
    + ["man", "men", "adult", "civil", "resident"]
)
# The classes of people an event can happen to: its subject ("police injured"). A thing
# before an event says what kind of event it was ("wildfire deaths"), not whom it befell.
PEOPLE_CLASSES = frozenset(
    ["police", "troops", "fighters", "refugees", "migrants", "civilians", "children", "women"]
    + ["journalists", "medics", "responders", "population", "households", "voters", "workers"]
    + ["students", "teachers", "patients", "passengers", "visitors", "users", "hostages"]
    + ["participants", "strikers", "trainees", "unemployed", "foreigners", "elderly"]
)
# ... and those that are a part of the people a story counts: "children killed" is never
# "people killed". The others name the people counted ("migrants missing", "people missing").
PART_CLASSES = frozenset(
    ["children", "women", "elderly", "civilians", "journalists", "medics", "responders", "police"]
    + ["students", "teachers", "patients", "foreigners"]
)
# Words that say a count was made but not of what ("Biden's tally", "the total"): never the
# measure, and never read as a typo of a lexicon word ("tally" is not "rally").
COUNT_WORDS = frozenset(
    ["number", "total", "tally", "count", "figure", "estimate", "sum", "amount", "size", "level"]
)
# Words that say nothing about what is counted once the measure is read (plain forms).
FILLER_WORDS = frozenset(
    ["estimated", "confirmed", "recorded", "official", "overall", "whole", "entire", "all"]
    + ["some", "about", "around", "approximately", "roughly", "reported", "held", "street"]
    + ["city", "town", "village", "across", "throughout", "during", "among", "over", "per"]
    + ["via", "amid", "after", "before", "since", "until", "combined", "cumulative", "latest"]
    # how far the count has got, not what it counts: the time says which ("revised toll")
    + ["revised", "updated", "corrected", "final", "initial", "preliminary"]
)
# Words that always say what kind of a measure is counted, wherever they stand: an average
# or a day's count is not the total ("migrants per boat, 2023 average", "daily cases").
KIND_WORDS = frozenset(
    ["average", "median", "mean", "daily", "weekly", "monthly", "annual", "yearly", "hourly"]
    + ["peak", "maximum", "minimum", "record", "highest", "lowest"]
    + ["each", "typical"]  # "each day", "on a typical day" ("per day": see `kinds.mark_kinds`)
)
# Words that say the opposite of what they stand beside: a claim with one never counts the same
# thing as a claim without ("bodies yet to be identified", "bodies identified").
NEGATIONS = frozenset(["not", "yet", "without", "never", "unidentified", "unconfirmed", "non"])
# Words that count what was added to a count, not the count: "additional consumers affected".
INCREMENTS = frozenset(["additional", "more", "further", "extra", "another"])
# The tolls of what happens in a place to whoever is there: a country's adjective before one
# says where ("the Turkish death toll"), not whom it befell or where they came from.
TOLLS = frozenset(
    ["deaths", "injuries", "casualties", "missing", "dead and missing", "displaced", "affected"]
    + ["evacuated", "hospitalised", "infections", "buildings destroyed", "buildings damaged"]
    + ["damage", "losses", "damage and losses", "insured losses"]
)

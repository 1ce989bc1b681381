"""How news shortens names: a person by the surname, an organisation without "Group"; and the
names that must never be shortened, because they are places."""

import pytest

from discrepancy.normalise import Normaliser


def _idents(abouts: list[str]) -> list[set[str]]:
    n = Normaliser()
    n.learn_keys(abouts)
    return [{x.ident for x in n.key(a).names} for a in abouts]


# (abouts of one input, the name the first and the last about must share)
SHORTENED = [
    (["votes for Joe Biden", "Biden votes in Pennsylvania"], "bidin"),
    (["Donald Trump's statewide total", "Trump votes"], "trump"),
    # a name after a comma is no first name: "for Biden, Berks" says nothing of Biden
    (["votes for Joe Biden", "votes for Biden, Berks", "Biden votes in Pennsylvania"], "bidin"),
    (["Adani Group market value", "market value of Adani"], "adani"),
    (["Twitter Inc staff", "Twitter staff"], "tvitir"),
]

# (abouts of one input, the two names that must stay two)
NOT_SHORTENED = [
    # several first words share the last one: a place's common word, not a surname
    (["people living in Long Thanh", "residents of Vinh Thanh", "Thanh population"], "thanh"),
    # a direction makes a place of its own
    (["residents of West Springfield", "Springfield population"], "sprinkfild"),
    # said to be a place somewhere in the input: after "in", or before a comma and a name
    (["residents of Santa Cruz", "people in Santa Cruz", "Cruz population"], "cruz"),
    (["population of Santa Cruz, Brazil", "Cruz population"], "cruz"),
    # a first name too short to start a name on its own ("Joe") is still no surname alone
    (["Hunter Biden income", "Joe Biden income", "Biden income"], "bidin"),
    # a person and the company that bears the name
    (["Gautam Adani's net worth", "Adani Group market value", "Adani's gross debt"], "adani"),
    # a place's kind is part of the name
    (["Biden votes in Bucks County", "votes in Bucks"], "buck"),
]


@pytest.mark.parametrize(("abouts", "ident"), SHORTENED, ids=[a[0] for a, _ in SHORTENED])
def test_news_shortens_people_and_organisations(abouts, ident):
    idents = _idents(abouts)
    assert ident in idents[0] and ident in idents[-1]


@pytest.mark.parametrize(("abouts", "short"), NOT_SHORTENED, ids=[a[0] for a, _ in NOT_SHORTENED])
def test_places_are_never_shortened(abouts, short):
    idents = _idents(abouts)
    assert short not in idents[0]
    assert any(short in i for i in idents[1:])

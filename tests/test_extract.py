"""What `extract` takes for a claim's value, and what it leaves out, in English news sentences."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.context import attribution
from discrepancy.documents import read_article
from discrepancy.draft import _scalar, draft, render


def _values(sentence: str, everything: bool = False) -> list[str]:
    d = draft(read_article("t.txt", f"Headline\n\n{sentence}\n"), "t.txt", "s")
    return [c.value for c in d.candidates if everything or not c.left_out]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Turkey sent between 3,500 and 3,800 paid Syrian fighters.", ["between 3,500 and 3,800"]),
        ("The army said more than 20,000 people fled.", ["more than 20,000"]),
        ("They were paid from one and a half to two thousand dollars a month.",
         ["one and a half to two thousand dollars a month"]),
        ("Some 600 mercenaries were moved.", ["Some 600"]),
        ("It offered an approximate salary of $1,000.", ["an approximate salary of $1,000"]),
        ("Bounties of up to $150,000 each were offered.", ["up to $150,000"]),
        ("Hundreds of families fled, and a few dozen stayed.", ["Hundreds", "a few dozen"]),
        ("Turkey deployed an unknown number of soldiers.", ["an unknown number"]),
        ("Militias must surrender weapons within 45 to 90 days.", ["45 to 90 days"]),
        ("The recruits signed three-month contracts.", ["three-month"]),
        # "half of" is a share, "half" alone is not: the reader needs the "of"
        ("Almost half of the police were deployed in Paris.", ["Almost half of"]),
        ("At least two MIM-23 Hawk systems were destroyed.", ["At least two"]),
        ("Police counted 1.28 million marchers, the unions 3.5 million.",
         ["1.28 million", "3.5 million"]),
        # "up" after a verb of change is a direction, not the hedge "up to"
        ("The jobless rate ticked up to 3.9% in October.", ["3.9%"]),
        ("The rate stands in a range of 5.25% to 5.5%.", ["5.25% to 5.5%"]),
        # a rate, and what follows it changes nothing
        ("Only 98 trucks came, down from 500 a day before the war.", ["98", "500 a day"]),
    ],
)  # fmt: skip
def test_values_as_printed(sentence: str, values: list[str]) -> None:
    assert _values(sentence) == values


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in 2011 and ended in 2020.",  # years
        "The talks were held on January 13 in Moscow.",  # a date
        "He was photographed on 29 June, 2019.",  # a date
        "The meeting started at 10:30 and ended at 5 p.m.",  # times of day
        "A MiG-29 and an Su-24 were seen near Sirte.",  # model numbers
        "The 25-year-old was aged 25 when he joined.",  # ages
        "Resolution 2254 was adopted by the Council.",  # a label
        "Call +44 20 7946 0958 for details.",  # a phone number
        "It is one of the largest groups, one strategic gain after another.",  # "one" as a pronoun
        "We wrote about it a few days ago.",  # a time relative to now
        "During the first three months, nothing changed.",  # the span a sentence is dated by
        "In the three months to December, nothing changed.",
        "Profits rose in the first quarter and the second half.",  # parts of a year
        "Many people came; unknown soldiers were buried.",  # no number given
        "A magnitude 7.8 earthquake struck at 3pm.",  # a measure of one thing; a time
        "John Smith, 45, a teacher, was there.",  # an age between commas after a name
        "Call the hotline on 0800 123 4567 now.",  # a phone number
        "The team won 2-1 on Sunday after a 3-0 victory.",  # scores
        "The No. 10 spokesman cited Article 5.",  # labels
        "Congress must act by Nov. 17, he said on Sept. 3.",  # abbreviated months
        "The Senate voted 51-49 to approve it.",  # a vote tally, not a range
        "The vote was 7 to 2, and the ruling came in a 5-4 decision.",  # tallies
        "The clinic has been open 24/7 since the 9/11 attacks.",  # numbers against a slash
        "The G7 met as 4x4 vehicles passed a Boeing 737 and an iPhone 15 was sold.",  # names
        "It lists cases from 2020-21.",  # the second year of a range
        "It was updated on 2020-03-01 and again on 01/04/2020.",  # dates in digits
    ],
)
def test_left_out(sentence: str) -> None:
    assert _values(sentence) == []


def test_left_out_shown_with_all() -> None:
    assert _values("The war began in 2011.", everything=True) == ["2011"]


@pytest.mark.parametrize(
    ("sentence", "about", "attributed_to", "period"),
    [
        ("Turkey sent 3,500 paid Syrian fighters to Libya, the Pentagon said.",
         "paid Syrian fighters", "the Pentagon", ""),
        ("According to the Red Crescent, at least 45 people were wounded in March 2021.",
         "people wounded", "Red Crescent", "2021-03"),
        # who was counted, and what happened to them: never a bare "people"
        ("At least 1,200 people were killed in the quake, officials said.",
         "people killed", "officials", ""),
        ("About 45,000 people were left homeless, according to the UN.",
         "people left homeless", "UN", ""),
        ("Some 300 residents remain missing.", "residents missing", "", ""),
        ("The quake killed at least 1,200 people on Monday.", "people killed", "", ""),
        ("More than 2,000 people said they had lost their homes.", "people", "", ""),
        ("Turkey sent more than 3,500 fighters during the first three months of 2020, a report "
         "by local outlet Naher said.", "fighters", "Naher", "2020-01-01/2020-03-31"),
        ("Hundreds of Russian mercenaries have supported the campaign.",
         "Russian mercenaries", "", ""),
        ("The Defense Department's report found 2,000 members of the Libyan Armed Forces.",
         "members of the Libyan Armed Forces", "The Defense Department", ""),
        ("The death toll rose to 1,250 by evening, officials said.", "death toll", "officials", ""),
        ("The bank estimated damage at $1.2 billion.", "damage", "The bank", ""),
        ("Police said the number of participants reached 800,000.", "participants", "Police", ""),
        ("It brought the death toll since October to more than 30,000.", "death toll", "", ""),
        ("Officials put the number of hostages still held at 130.", "hostages", "Officials", ""),
        ("In 2023 revenue dropped to $14.7 billion.", "revenue", "", "2023"),
    ],
)  # fmt: skip
def test_about_attribution_period(
    sentence: str, about: str, attributed_to: str, period: str
) -> None:
    d = draft(read_article("t.txt", f"Headline\n\n{sentence}\n"), "t.txt", "s")
    [c] = [c for c in d.candidates if not c.left_out]
    assert (c.about, c.attributed_to, c.period) == (about, attributed_to, period)


def test_a_number_right_after_another_counts_the_same_thing() -> None:
    sentence = "The quake killed at least 1,200 people and injured more than 5,000 on Monday."
    d = draft(read_article("t.txt", f"Headline\n\n{sentence}\n"), "t.txt", "s")
    assert [c.about for c in d.candidates] == ["people killed", "people injured"]
    assert d.candidates[1].checks == (
        '`about` is what the number before it counts ("people killed"): is it?',
    )


def test_must_not_borrow_across_units_or_clauses() -> None:
    text = "Headline\n\n2,500 troops would arrive within 48 hours, when a quake killed 17,000.\n"
    d = draft(read_article("t.txt", text), "t.txt", "s")
    assert [c.about for c in d.candidates][1:] != ["troops", "troops"]
    assert all("number before it" not in " ".join(c.checks) for c in d.candidates)


def test_only_running_text() -> None:
    text = (
        "Quake kills 1,200\n\nBy Jane Doe, 2 reporters\nTop 10 stories\n\n"
        "Rescuers found 40 survivors.\n"
    )
    d = draft(read_article("t.txt", text), "t.txt", "s")
    assert [c.value for c in d.candidates] == ["1,200", "40"]


def test_html_page_furniture_is_not_text() -> None:
    page = (
        "<html><body><nav>Top 10 stories</nav><h1>Quake kills 1,200</h1>"
        "<p>Rescuers found 40 survivors on Monday.</p><footer>3 comments</footer></body></html>"
    )
    d = draft(read_article("t.html", page), "t.html", "s")
    assert [c.value for c in d.candidates] == ["1,200", "40"]


@pytest.mark.parametrize(
    ("sentence", "number", "who"),
    [
        # the nearest attribution, not one across "while", "when", "against"
        ("The organizers counted 500,000, while the police counted 87,000.", "87,000", "the police"),
        ("The organizers counted 500,000, while the police counted 87,000.", "500,000",
         "The organizers"),
        ("Local officials counted 15,000, while the ministry said 2,000 fled.", "2,000",
         "the ministry"),
        ("A spokeswoman for the Defence Ministry announced that 8,500 were trained.", "8,500",
         "the Defence Ministry"),
        ("Some 40 percent agree, a survey by Gallup found.", "40", "Gallup"),
        ("Turkey sent 300 fighters, said John Smith.", "300", "John Smith"),
    ],
)  # fmt: skip
def test_attribution(sentence: str, number: str, who: str) -> None:
    assert attribution(sentence, sentence.index(number)) == who


@pytest.mark.parametrize(
    "sentence",
    [
        # "says Turkey sent ...": Turkey is what is said, not who says it
        "The report says Turkey sent 3,500 fighters.",
        # a place in the subject's description does not say anything
        "The report on operations in Africa says 300 landed.",
        # a pronoun names no one
        "He added that 5,300 mines were cleared.",
    ],
)
def test_not_attribution(sentence: str) -> None:
    assert attribution(sentence, sentence.index("0")) not in ("Turkey", "Africa", "He")


@settings(max_examples=300)
@given(st.text(min_size=1, max_size=40))
def test_yaml_scalars_read_back_as_written(text: str) -> None:
    assert yaml.safe_load(f"k: {_scalar(text)}\n") == {"k": text}


@pytest.mark.parametrize(
    "title",
    ["Yes", "null", "2020-03-01", "Turkey: 3,5 #fighters", "- a list?", "*star", "'quoted'",
     "3.0", "on", "a: b", "tab\there"],
)  # fmt: skip
def test_draft_loads_whatever_the_title(title: str) -> None:
    d = draft(read_article("t.txt", f"{title}\n\nRescuers found 40 survivors.\n"), "t.txt", "s-1")
    data = yaml.safe_load(render([d]))
    assert data["sources"]["s-1"]["title"] == " ".join(title.split())
    assert data["claims"][-1]["value"] == "40"

""""How big is Zenda?", "What is the area of Astana?", "How much power does Kestria send?":
a measure is answered only by a number the text states of the thing asked about, of
what is measured — not the area of a park in the city, a match's score in a town, or the
soldiers a country sent when power is asked."""
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

RURITANIA = Path(__file__).resolve().parent / "fixtures" / "ruritania"


@pytest.fixture(scope="module")
def ruritania():
    return Engine(load_knowledge(RURITANIA))


@pytest.mark.parametrize("question", [
    "What is the area of Astana?",  # the 21 hectares are BK Tesla Park's
    "Какова площадь Астаны?",
    "Астананың ауданы қандай?",
    "How big is Astana?",  # nor is "opened on 27 June 2011" a size
    "Насколько велика Астана?",
])
def test_declined_in_our_base(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_the_area_of_the_thing_it_is_of(engine):
    answer = engine.answer("What is the area of BK Tesla Park?")
    assert (answer.answered, answer.facts) == (True, ("bk_tesla_park_construction",))


def test_a_score_is_no_size_of_the_town(ruritania):
    answer = ruritania.answer("How big is Zenda?")
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.nearest[0] == "match_1998"


def test_what_is_measured_must_be_said(fourth):
    answer = fourth.answer("How much power does Kestria send to Belmora?")
    assert (answer.answered, answer.facts) == (False, ())
    answer = fourth.answer("How much was trade between Belmora and Kestria in 2022?")
    assert (answer.answered, answer.facts) == (True, ("trade_2022",))


@pytest.mark.parametrize("base, question, facts", [
    # "with its headquarters in Steinholm and a staff of 140" is the staff's number
    ("space", "How big is Steinholm?", ()),
    ("space", "How big was the agency's budget in 2015?", ("nlsa_budget_2015",)),
    ("space", "How large was the agency's workforce in 2020?", ("nlsa_staff_2020",)),
    ("club", "How big is Riverside Stadium?", ()),  # "a crowd of 2,400" is the crowd's
    ("club", "How big was the crowd at the first match?", ("first_match",)),
    ("fifth", "How big is Teranzo?", ()),
    # "cut the journey between Teranzo and Kell Hadar to 3 hours 40 minutes": the line's
    ("fifth", "How long does the journey take on the high-speed line?", ("hs_journey_time",)),
])
def test_other_bases(request, base, question, facts):
    answer = request.getfixturevalue(base).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


def test_a_day_of_a_date_is_no_size(engine, ask_in_turn):
    # "his wife Tamara went into labor on 9 June": no size of the visit
    answers = ask_in_turn(engine, ["Tell me about Vučić's 2017 visit", "how big was it?"])
    assert (answers[-1].answered, answers[-1].facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    ("Koliko je velika Astana?", ()),  # not "Ukupno 1" of the park's fact
    ("Koliko je velika BK Tesla Park?", ("bk_tesla_park_construction",)),
    ("Колико је велика Астана?", ()),
])
def test_serbian_how_big(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)

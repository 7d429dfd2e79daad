"""General language any fact base may be asked in: "Who is Rufus T. Firefly?" (the full
stop of an initial ends no sentence, so the name is read whole); "any idea?" after a
question asks nothing more; "the two countries" names no topic."""
from pathlib import Path

from bot.engine import Engine
from bot.factbase import load_knowledge

RURITANIA = Path(__file__).parent / "fixtures" / "ruritania"


def test_a_name_with_an_initial():
    answer = Engine(load_knowledge(RURITANIA)).answer("Who is Rufus T. Firefly?")
    assert answer.answered
    assert answer.text.startswith("Rufus T. Firefly – President of Freedonia.")


def test_any_idea(norland):
    answer = norland.answer(
        "ok so my professor asked me when Norland and Estavia set up diplomatic ties, any idea?")
    assert (answer.answered, answer.facts) == (True, ("relations_established",))


def test_the_two_countries_name_no_topic():
    answer = Engine(load_knowledge(RURITANIA)).answer(
        "When did the two countries end their border quarrel?")
    assert (answer.answered, answer.facts) == (True, ("treaty_1921",))

"""Yes/no questions of how often ("Did Nazarbayev visit Serbia more than once?") are
counts of the occasions recorded: "Yes —" with the count where it reaches the number
asked, else a decline that says how many are recorded, never the "Yes" of one fact
(issue 8: counts composed as a number; a wrong yes is the worst answer)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Did Nazarbayev visit Serbia more than once?",
    "Did Nazarbayev visit Serbia twice?",
    "my dad says Nazarbayev visited Serbia twice, is that true?",
])
def test_fewer_occasions_than_asked_is_a_decline(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.nearest) == \
        (False, (), ("nazarbayev_visit_2016",))
    assert answer.text.split("\n")[0] == \
        "Occasions of it the fact base records: 1. It does not say whether there were more."


@pytest.mark.parametrize("question", [
    "Did Vučić visit Kazakhstan more than once?",
    "Has Vučić been to Astana three times?",
    "Did Vučić go to Astana at least twice?",
])
def test_as_many_occasions_as_asked_is_a_yes_with_the_count(engine, question):
    answer = engine.answer(question)
    assert answer.answered is True
    assert answer.text.split("\n")[0] == "Yes — 3 in all:"


def test_once_more_is_another_occasion_not_a_count(engine):
    answer = engine.answer("Did Vučić visit Kazakhstan once again in 2018?")
    assert answer.text.split("\n")[0].startswith("Yes — 8–10 October 2018: ")


def test_in_russian_and_on_another_base(engine, fourth):
    answer = engine.answer("Был ли Назарбаев в Сербии больше одного раза?")
    assert (answer.answered, answer.nearest) == (False, ("nazarbayev_visit_2016",))
    answer = fourth.answer("Did King Osric II visit Belmora more than once?")
    assert (answer.answered, answer.text.split("\n")[0]) == (True, "Yes — 2 in all:")
    answer = fourth.answer("Did Queen Maren visit Belmora twice?")
    assert (answer.answered, answer.facts) == (False, ())

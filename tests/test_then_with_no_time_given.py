""""Then" with no time before it — no previous answer, no year, no occasion in the message
— stands for nothing: the question is not read without it, it asks which time is meant
(issue 8: a question wrapped in a story is not answered with a fact of another time)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, reply", [
    ("my grandpa fought in ww2, did kazakhstan and yugoslavia have relations then?",
     "Which time do you mean? Please give the year."),
    ("did serbia have an embassy in astana at that time?",
     "Which time do you mean? Please give the year."),
    ("Кто тогда был президентом Сербии?",
     "Какое время вы имеете в виду? Пожалуйста, назовите год."),
])
def test_a_time_no_one_gave_is_asked_for(engine, question, reply):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.text) == (False, (), reply)


@pytest.mark.parametrize("question, fact", [
    ("When Nazarbayev visited Belgrade, who was president of Serbia then?",
     "nazarbayev_visit_2016"),
    ("Nazarbayev visited Belgrade in 2016; who was president of Serbia then?",
     "nazarbayev_visit_2016"),
])
def test_a_time_the_message_gives_is_read(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts[:1]) == (True, (fact,))


def test_then_after_an_answer_is_its_time(engine, ask_in_turn):
    first, then = ask_in_turn(engine, ["When did Vučić visit Astana in 2018?",
                                       "who gave him an order then?"])
    assert (then.answered, then.facts) == (True, ("vucic_order_of_friendship",))

"""A word for someone owned by a name ("Queen Maren's *mother*", "the *brother* of
Dragomir Karić") names that person, whom a fact must state: it is no chatter to drop, as
"my mother asked me …" is (issue 8: a detail the source does not give)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Queen Maren's mother",
    "Who was the mother of Queen Maren?",
    "who is queen maren's mother",
])
def test_a_relative_no_fact_states_is_declined(fourth, question):
    answer = fourth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.split("\n")[0] == \
        "I don't know that: the fact base has nothing about “mother”."


def test_a_relative_the_fact_base_states_is_answered(engine, fourth):
    answer = engine.answer("Who is the brother of Dragomir Karić?")
    assert (answer.answered, answer.text.split(" – ")[0]) == (True, "Bogoljub Karić")
    answer = fourth.answer("Who was Queen Maren's father?")
    assert (answer.answered, answer.text.split(" – ")[0]) == (True, "King Osric II")


def test_the_askers_own_relative_is_still_chatter(fourth):
    answer = fourth.answer("my mother asked me when Queen Maren visited Belmora")
    assert (answer.answered, answer.facts) == (True, ("maren_visit_2011",))

"""A verb the question asks of a person that names their role ("what did Moldan
*compose*?", "what did Orlova *command*?"): a fact that only calls them by that title
("the composer Andrei Moldan") does not say they did it; one that names what they did
it to does ("which missions did Orlova command?"). On two fact bases.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("base, question, nearest", [
    ("third", "What did Andrei Moldan compose?", "moldan_street_2013"),
    ("third", "When did Andrei Moldan compose?", "moldan_street_2013"),
    ("second", "What did Sana Orlova command?", "aurora_2_mission"),
])
def test_a_title_does_not_say_what_the_person_did(engine_of, base, question, nearest):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == (False, (), (nearest,))


def test_a_title_answers_where_the_question_names_what_it_was_exercised_on(space):
    answer = space.answer("Which missions did Sana Orlova command?")
    assert (answer.answered, answer.facts) == (True, ("aurora_2_mission", "aurora_5_mission"))

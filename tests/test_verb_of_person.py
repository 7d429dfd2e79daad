"""A verb the question asks of a person that names their role ("what did Moldan
*compose*?", "what did Orlova *command*?"): a fact that only calls them by that title
("the composer Andrei Moldan") does not say they did it; one that names what they did
it to does ("which missions did Orlova command?"). On two fact bases.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def space():
    return Engine(load_knowledge(HERE / "second_base" / "knowledge"))


@pytest.fixture(scope="module")
def norland():
    return Engine(load_knowledge(HERE / "third_base" / "knowledge"))


@pytest.mark.parametrize("base, question, nearest", [
    ("norland", "What did Andrei Moldan compose?", "moldan_street_2013"),
    ("norland", "When did Andrei Moldan compose?", "moldan_street_2013"),
    ("space", "What did Sana Orlova command?", "aurora_2_mission"),
])
def test_a_title_does_not_say_what_the_person_did(request, base, question, nearest):
    answer = request.getfixturevalue(base).answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == (False, (), (nearest,))


def test_a_title_answers_where_the_question_names_what_it_was_exercised_on(space):
    answer = space.answer("Which missions did Sana Orlova command?")
    assert (answer.answered, answer.facts) == (True, ("aurora_2_mission", "aurora_5_mission"))

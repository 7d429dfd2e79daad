""""Who visited Kazakhstan most often?" ranks the people the facts are about by the
occasions recorded for each — not "who visited Kazakhstan?", listing everyone — and a
tie or no one is declined (issue 8: counts composed as a number)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, head", [
    ("Who visited Kazakhstan most often?", "Aleksandar Vučić, 3 times:"),
    ("Кто чаще всего бывал в Астане?", "Чаще всех — Александр Вучич (3):"),
    ("Ko je najčešće posećivao Astanu?", "Najčešće — Aleksandar Vučić (3):"),
])
def test_the_one_with_most_occasions(engine, question, head):
    answer = engine.answer(question)
    assert (answer.answered, answer.text.split("\n")[0]) == (True, head)
    assert answer.facts == ("vucic_visit_2016", "vucic_visit_2017", "vucic_visit_2018")


def test_on_another_base(space):
    answer = space.answer("Which astronaut flew most often?")
    assert (answer.answered, answer.text.split("\n")[0]) == (True, "Sana Orlova, 2 times:")


def test_a_tie_or_no_one_is_declined(engine):
    answer = engine.answer("Who signed agreements most often?")  # one occasion each
    assert (answer.answered, answer.facts, answer.text.split("\n")[0]) == \
        (False, (), "The fact base does not say who did that most often.")

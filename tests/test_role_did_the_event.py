""""Which president opened the embassy?" asks for a president who did the opening: a
fact of another kind that only says "open" (Vučić asking Kazakhstan to open one) is no
answer, nor the opening itself, which no president attended."""
import pytest


@pytest.mark.parametrize("question", ["Which president opened the embassy?",
                                      "Какой президент открыл посольство?",
                                      "Koji predsednik je otvorio ambasadu?"])
def test_no_president_opened_it(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question", ["Which president visited Serbia in 2024?",
                                      "Какой президент посетил Сербию в 2024 году?"])
def test_the_president_who_did_it(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, ("tokayev_visit_2024",))

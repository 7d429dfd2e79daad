""""wen", "whn", "wy", "wo": a word too short for typos is still read as a question word
with one letter dropped, when that is all it could be; other short words stay unknown."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("wen did Nazarbayev visit Belgrade?", ("nazarbayev_visit_2016",)),
    ("whn did Tokayev visit Serbia?", ("tokayev_visit_2024",)),
    ("wo visited Serbia in 2024?", ("tokayev_visit_2024",)),
    ("wy did Vučić leave Astana early in 2017?", ("vucic_visit_2017",)),
])
def test_a_question_word_short_of_a_letter(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_on_another_fact_base(engine_of):
    answer = engine_of("fifth").answer("wen did the lantrn express make its last run?")
    assert (answer.answered, answer.facts) == (True, ("lantern_last_run",))


def test_a_short_word_that_is_no_question_word_stays_unknown(engine):
    answer = engine.answer("When did Nazarbayev visit Belgrade qzx?")
    assert (answer.answered, answer.facts) == (False, ())

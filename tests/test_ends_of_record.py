""""What was the earliest event?", "what happened most recently?": a question that names
nothing and asks only for the first or the latest is about the whole fact base: its
earliest or latest dated occasion, in any language and on any fact base."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("What is the most recent event in the article?", ("tokayev_visit_2024",)),
    ("What happened most recently?", ("tokayev_visit_2024",)),
    ("When was the latest event?", ("tokayev_visit_2024",)),
    ("Какое событие самое последнее?", ("tokayev_visit_2024",)),
    ("What was the earliest event?", ("tito_stalin_split",)),
    ("Koji je najraniji događaj?", ("tito_stalin_split",)),
])
def test_the_ends_of_our_record(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_the_ends_of_another_record(engine_of):
    fifth = engine_of("fifth")
    assert fifth.answer("What is the most recent event in the article?").facts == \
        ("centenary_stamp",)
    assert fifth.answer("What was the earliest event in the article?").facts == \
        ("marrin_proposal",)


def test_naming_nothing_else_is_still_not_known(engine):
    answer = engine.answer("Who came last?")
    assert (answer.answered, answer.facts) == (False, ())

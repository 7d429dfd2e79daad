""""Who was the Serbian prime minister in 2018?": a role the fact's text gives as a title
before someone's name ("… and Kazakh Prime Minister Bakhytzhan Sagintayev") is that
person's, not the role of the sentence's subject ("Aleksandar Vučić, …") nor of another
the text names untitled who held it in another year (Vučić is "Prime Minister" in the
2016 texts, "President" in the 2018 ones)."""
import pytest


@pytest.mark.parametrize("question", [
    "Who was the Serbian prime minister in 2018?",
    "Who was the prime minister of Serbia in 2018?",
])
def test_no_serbian_prime_minister_in_2018(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, fact", [
    ("Who was the Serbian prime minister in 2016?", "vucic_visit_2016"),
    ("Who was the Kazakh prime minister in 2018?", "bk_tesla_park_construction"),
    ("Who was the Serbian president in 2018?", "vucic_visit_2018"),
])
def test_the_titled_ones_still_answer(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_the_subject_is_not_given_anothers_title(engine):
    # the 2018 inauguration calls Sagintayev, not Vučić, prime minister
    answer = engine.answer("What post did Vučić hold in 2018?")
    assert (answer.answered, answer.facts) == (True, ("vucic_visit_2018", "embassy_request_2018"))


@pytest.mark.parametrize("question, fact", [
    # "Estavian President Victor Albu" in 2025; "Estavian Prime Minister" in 2019
    ("Who was the Estavian prime minister in 2025?", None),
    ("Who was the Estavian president in 2025?", "estnor_link_inaugurated"),
    ("Who was the Estavian prime minister in 2019?", "albu_visit_2019"),
])
def test_on_another_base(norland, question, fact):
    answer = norland.answer(question)
    assert (answer.answered, answer.facts) == ((True, (fact,)) if fact else (False, ()))

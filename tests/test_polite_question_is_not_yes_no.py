""""Could you please remind me how much …?", "do you know which song …?": a polite
opening asks the question after it, not whether the bot can, so the answer is no "Yes —"."""
import pytest


@pytest.mark.parametrize("question, fact", [
    ("Good morning! Could you please remind me roughly how much money the BK Tesla Park "
     "housing project is supposed to cost?", "bk_tesla_park_construction"),
    ("do you know which song Kazakh singers performed in Belgrade?", "jabayev_bust_unveiled"),
])
def test_no_yes_before_the_answer(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
    assert not answer.text.startswith("Yes")


def test_a_plain_yes_no_keeps_its_yes(engine):
    assert engine.answer("Did Tokayev visit Serbia?").text.startswith("Yes — ")

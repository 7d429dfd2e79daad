"""An ordinal counts occasions, not facts: two facts of one kind, on one date, about one
thing ("the Treaty of Brisca was signed", "the treaty shared the cost") are one signing,
so "the second agreement" is the next one signed after it."""
import pytest


@pytest.mark.parametrize("question", [
    "What was the second agreement signed?",
    "Which was the second agreement?",
])
def test_the_second_occasion_not_the_second_fact(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (True, ("kell_hadar_agreement_signed",))


def test_there_is_no_third(fifth):
    answer = fifth.answer("What was the third agreement signed?")
    assert (answer.answered, answer.facts) == (False, ())

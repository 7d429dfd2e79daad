""""Is the Varrow Philharmonic a good orchestra?" asks an opinion, which no fact gives: not
"Yes —" with its first concert."""
import pytest


@pytest.mark.parametrize("question", [
    "Is the Varrow Philharmonic a good orchestra?",
    "Was Mikael Storm a great conductor?",
    "Is the Halvorsen Hall any good?",
])
def test_declined_as_an_opinion(engine_of, question):
    answer = engine_of("sixth").answer(question)
    assert (answer.answered, answer.facts) == (False, ())

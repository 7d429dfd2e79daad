""""What did Tomas Reyk *receive* in 1921?" of "Elena Castor presented Tomas Reyk with the
Calvian Medal of Merit": a verb of giving or receiving the fact's text does not use is
said by any fact of a giving, and the side the question puts someone on must be theirs."""
import pytest


def test_received_what_was_presented(fifth):
    answer = fifth.answer("What did Tomas Reyk receive in 1921?")
    assert (answer.answered, answer.facts) == (True, ("reyk_medal",))


@pytest.mark.parametrize("question", [
    "What did Elena Castor receive in 1921?",   # she presented it
    "What did King Halvard III receive?",       # he awarded it
])
def test_the_giver_received_nothing(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())

""""what did the mayor say about it?" of "The Mayor of Corvena, Petra Ionescu, called the
statue “a gift …”": a text that quotes someone says what they said, whatever its verb
(the packs' `saying`, `quote_marks`) — only of the one it names last before the
quotation, with their title: not asked of Stoica or "the president". Through answer()
with the context it returns, on the third base; asserted exactly."""
from __future__ import annotations

import pytest

STATUE = "Where is the statue of Ivar Brekke?"


@pytest.fixture(scope="module")
def norland(engine_of):
    return engine_of("third")


@pytest.mark.parametrize("asked", ["what did the mayor say about it?",
                                   "what did Petra Ionescu say about it?"])
def test_the_quotation_is_what_the_mayor_said(norland, ask_in_turn, asked):
    _, said = ask_in_turn(norland, [STATUE, asked])
    assert (said.answered, said.facts) == (True, ("brekke_statue_unveiled",))


@pytest.mark.parametrize("asked", ["what did Stoica say about it?",
                                   "what did the president say about it?"])
def test_the_mayors_words_are_no_one_elses(norland, ask_in_turn, asked):
    _, said = ask_in_turn(norland, [STATUE, asked])
    assert (said.answered, said.facts) == (False, ())

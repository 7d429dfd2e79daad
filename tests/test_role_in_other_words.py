""""who led the inquiry?" of "the inquiry commission chaired by Greta Lund": a text that
says the question's word for a topic by another word of its group in the pack's
thesaurus ("led" — "chaired") holds it, and its people are who did it, untitled.
Through answer(), on the second base; asserted exactly."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def space(engine_of):
    return engine_of("second")


def test_who_led_the_inquiry_after_its_cause(space, ask_in_turn):
    *_, led = ask_in_turn(space, ["What caused the Polaris 2 explosion?",
                                  "how much did the lost satellite cost?",
                                  "who led the inquiry?"])
    assert (led.answered, led.facts) == (True, ("lund_inquiry_report",))


@pytest.mark.parametrize("question", ["Who led the Polaris 2 inquiry?",
                                      "Who headed the inquiry commission?"])
def test_who_led_or_headed_is_who_chaired(space, question):
    answer = space.answer(question)
    assert (answer.answered, answer.facts) == (True, ("lund_inquiry_report",))

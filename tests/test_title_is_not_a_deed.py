"""A word said of someone ("what did Serra *compose*?") that a fact's text has only as
what they are, right before their name ("the Belmoran composer Joaquim Serra lived
there"), is not a fact of what they did. Where the text uses it as a deed ("to a design
by"), or the question asks what someone is, it still holds."""
import pytest


@pytest.mark.parametrize("question", ["What did Joaquim Serra compose?",
                                      "Did Joaquim Serra compose anything?"])
def test_a_title_does_not_say_what_they_did(fourth, question):
    answer = fourth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_the_title_still_names_them(fourth):
    answer = fourth.answer("Where did the composer Joaquim Serra live?")
    assert (answer.answered, answer.facts) == (True, ("serra_plaque_unveiled",))


@pytest.mark.parametrize("question", ["Who was the architect of Teranzo Central Station?",
                                      "What did Paulo Vandre design?"])
def test_a_deed_in_the_text_answers(engine_of, question):
    answer = engine_of("fifth").answer(question)
    assert (answer.answered, answer.facts) == (True, ("teranzo_station_built",))

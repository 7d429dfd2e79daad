"""What the asker says of themselves is no question: small talk with a filler word
("thanks a lot", "cheers mate"), what the asker calls their own ("hello my friend", "my
friend Anna asked me …"), and "I want to ask …" before the question."""
import pytest

THANKS = "You're welcome! Anything else about Kazakhstan–Serbia relations?"
HELLO = "Hello! I answer questions about Kazakhstan–Serbia relations from a curated fact base."
CAN = ("I answer questions about Kazakhstan–Serbia relations from a curated fact base: "
       "who did what, when and where, and what was said.")


@pytest.mark.parametrize("message, text", [
    ("thanks a lot", THANKS),
    ("cheers mate", THANKS),
    ("hello my friend", HELLO),
    ("what topics do you cover?", CAN),
    ("what can you tell me about?", CAN),
])
def test_small_talk(engine, message, text):
    answer = engine.answer(message)
    assert (answer.answered, answer.facts, answer.text) == (False, (), text)


@pytest.mark.parametrize("question, facts", [
    ("my friend Anna asked me who opened the Serbian embassy in Astana",
     ("serbian_embassy_opened",)),
    ("I want to ask when Tokayev visited Serbia", ("tokayev_visit_2024",)),
    ("Can I ask who opened the Serbian embassy in Astana?", ("serbian_embassy_opened",)),
])
def test_the_question_after_it(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)
    assert not answer.text.startswith("Yes")


def test_a_question_with_a_greeting_is_a_question(engine):
    answer = engine.answer("hello, who founded Rome?")
    assert (answer.answered, answer.text) == (
        False, "I don't know that: the fact base has nothing about “Rome”.")


@pytest.mark.parametrize("follow_up", ["what did he ask Kazakhstan to do on that trip?",
                                       "tell me what he asked Kazakhstan to do"])
def test_what_he_asked_is_the_question(engine, ask_in_turn, follow_up):
    answers = ask_in_turn(engine, ["Who visited Astana in October 2018?", follow_up])
    assert answers[1].facts == ("embassy_request_2018",)

""""ok", "lol", "понятно": an acknowledgement asks nothing, and gets a short reply in the
asker's language that invites the next question, not "I don't know that"; a message of
no words ("?", "...", an emoji) is asked for a question, with an example."""
import pytest

TITLE = {"en": "Kazakhstan–Serbia relations", "ru": "Казахстанско-сербские отношения",
         "sr": "Odnosi Kazahstana i Srbije"}


@pytest.mark.parametrize("message, text", [
    ("ok", f"All right. Ask me anything else about {TITLE['en']}."),
    ("lol", f"All right. Ask me anything else about {TITLE['en']}."),
    ("Got it!", f"All right. Ask me anything else about {TITLE['en']}."),
    ("понятно", f"Хорошо. Спрашивайте ещё о теме «{TITLE['ru']}»."),
    ("u redu", f"U redu. Pitajte još nešto o temi „{TITLE['sr']}“."),
    ("ok thanks", f"You're welcome! Anything else about {TITLE['en']}?"),
])
def test_an_acknowledgement(engine, message, text):
    answer = engine.answer(message)
    assert (answer.answered, answer.facts, answer.text) == (False, (), text)


def test_with_a_question_it_is_the_question(engine):
    answer = engine.answer("ok, and when did Tokayev visit Serbia?")
    assert (answer.answered, answer.facts) == (True, ("tokayev_visit_2024",))


@pytest.mark.parametrize("message", ["?", "...", "👍", " !! "])
def test_no_words(engine, message):
    answer = engine.answer(message)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.startswith("Please ask a question, for example: ")

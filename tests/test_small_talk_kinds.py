"""Small talk the way people write it — "how are you?", "are you a human?", "I love
Serbia!", "Kazakhstan is great" — gets a short reply of its kind, in the user's language,
with no fact: a statement of opinion is no question to answer with one (issue 8)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("message, first", [
    ("how are you?", "Hello! I answer questions about Kazakhstan–Serbia relations from a "
                     "curated fact base."),
    ("what's up", "Hello! I answer questions about Kazakhstan–Serbia relations from a "
                  "curated fact base."),
    ("are you a human?", "I'm a bot that answers questions about Kazakhstan–Serbia "
                         "relations from a curated fact base, and says so when it doesn't "
                         "know."),
    ("I love Serbia!", "I only report what the source states — no opinions, advice or "
                       "recommendations."),
    ("Kazakhstan is great", "I only report what the source states — no opinions, advice or "
                            "recommendations."),
    ("Thanks, that was really helpful!", "You're welcome! Anything else about "
                                         "Kazakhstan–Serbia relations?"),
])
def test_small_talk_gets_its_kind_of_reply(engine, message, first):
    answer = engine.answer(message)
    assert (answer.answered, answer.facts, answer.text.split("\n")[0]) == (False, (), first)


@pytest.mark.parametrize("message, first", [
    ("как дела?", "Здравствуйте! Я отвечаю на вопросы о теме «Казахстанско-сербские "
                  "отношения» по проверенной базе фактов."),
    ("kako si?", "Zdravo! Odgovaram na pitanja o temi „Odnosi Kazahstana i Srbije“ iz "
                 "pažljivo sastavljene baze činjenica."),
    ("қалайсың?", "Сәлеметсіз бе! Мен «Қазақстан–Сербия қатынастары» тақырыбы бойынша "
                  "сұрақтарға тексерілген фактілер базасынан жауап беремін."),
])
def test_how_are_you_in_every_language(engine, message, first):
    answer = engine.answer(message)
    assert (answer.answered, answer.facts, answer.text.split("\n")[0]) == (False, (), first)


def test_a_question_after_small_talk_is_answered(engine):
    answer = engine.answer("how are you? when did Tokayev visit Serbia?")
    assert (answer.answered, answer.facts) == (True, ("tokayev_visit_2024",))

""""What is the capital of Freedonia?" of an entity described as "The capital of
Freedonia.": words no fact uses are read in the entities' descriptions, and the one
whose description says them and names what the question names is the answer. Not where
the question asks what a description does not give, or two entities fit."""
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

RURITANIA = Engine(load_knowledge(Path(__file__).parent / "fixtures" / "ruritania"))


@pytest.mark.parametrize("question, text", [
    ("What is the capital of Freedonia?", "Fredville – The capital of Freedonia."),
    ("Which city is the capital of Ruritania?", "Strelsau – The capital of Ruritania."),
])
def test_a_capital(question, text):
    answer = RURITANIA.answer(question)
    assert (answer.answered, answer.facts, answer.text) == (True, (), text)


@pytest.mark.parametrize("question", [
    "What is the largest city of Freedonia?",        # no description says "largest"
    "When did the capital of Freedonia host a visit?",  # a date no description gives
    "Is Fredville the capital of Ruritania?",        # whether: not read so
    "What is the population of Freedonia?",
])
def test_not_what_it_says(question):
    assert RURITANIA.answer(question).answered is False


def test_a_daughter(fourth):
    answer = fourth.answer("Who is King Osric II's daughter?")
    assert answer.answered and answer.text.startswith("Queen Maren – ")

""""Who was Serbia's ambassador to Kazakhstan in 2011?": our source names no ambassador,
so the word is a topic the fact base has nothing about (its `outside` words, in every
language), not a cue of the embassy whose opening would be given as the answer."""
import pytest


@pytest.mark.parametrize("question", [
    "Who was Serbia's ambassador to Kazakhstan in 2011?",
    "Who was the first Kazakh ambassador to Serbia?",
    "Кто был послом Сербии в Казахстане в 2011 году?",
    "Ko je bio ambasador Srbije u Kazahstanu 2011?",
])
def test_declined(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    ("When did Serbia open its embassy in Astana?", ("serbian_embassy_opened",)),
    ("Когда Сербия открыла посольство в Астане?", ("serbian_embassy_opened",)),
    ("Kada je Srbija otvorila ambasadu u Astani?", ("serbian_embassy_opened",)),
])
def test_the_embassy_still_is(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)

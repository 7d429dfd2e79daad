"""A detail finer than any fact gives (an address: street and number) is declined, in
every language, rather than answered with the city a fact places the thing in."""
import pytest


@pytest.mark.parametrize("question", [
    "What is the address of the Serbian embassy in Astana?",
    "Какой адрес посольства Сербии в Астане?",
    "Koja je adresa ambasade Srbije u Astani?",
])
def test_an_address_is_not_the_city(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_an_address_is_declined_on_another_base(fourth):
    answer = fourth.answer("What is the address of the Kestrian consulate general in Lunsk?")
    assert (answer.answered, answer.facts) == (False, ())


def test_where_is_still_answered(engine):
    answer = engine.answer("Where is Serbia's embassy?")
    assert answer.answered is True
    assert "serbian_embassy_astana" in answer.facts

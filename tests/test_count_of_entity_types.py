""""How many countries/companies/cities …": a word the pack has for a type of entity
(`entity_types`) counts entities, not occasions; the number of facts found (visits, a
summit) is no count of them, so without a number the text states the bot declines."""
import pytest

NO_NUMBER = "The fact base does not say how many."


@pytest.mark.parametrize("question", [
    "How many countries are in the OSCE?",  # one summit fact: not "1 in all"
    "How many cities did Vučić visit?",  # three visits to one city: not "3 in all"
    "How many countries did Masimov say Kazakhstan does not recognize?",
])
def test_entities_are_not_occasions(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.text.splitlines()[0]) == (
        False, (), NO_NUMBER)


@pytest.mark.parametrize("question", [
    "How many countries did Lucian Varga visit?",  # two visits to Norland: not "2 in all"
    "How many companies did Lucian Varga meet?",
])
def test_on_another_base(norland, question):
    answer = norland.answer(question)
    assert (answer.answered, answer.facts, answer.text.splitlines()[0]) == (
        False, (), NO_NUMBER)


@pytest.mark.parametrize("question, head", [
    ("How many times did Vučić go to Astana?", "3 in all:"),  # occasions still count
    ("how many visits did Tadić make to Kazakhstan", "2 in all:"),
])
def test_occasions_are_still_counted(engine, question, head):
    answer = engine.answer(question)
    assert (answer.answered, answer.text.splitlines()[0]) == (True, head)

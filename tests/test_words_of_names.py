"""A word the fact base has only inside names, read alone ("which *king* …", of "King
Halvard III"), names no topic but is no word to skip either: the answer's text must
have it. Right after "which" it is what is asked for, which the answer need not call
so ("in which *district*"), unless it is a person's title."""
import pytest


@pytest.mark.parametrize("question", [
    "Which king opened the high-speed line?",   # two presidents did
    "Who was the king that opened the high-speed line?",
])
def test_no_fact_has_the_word(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    ("Which king travelled on the first train?", ("first_train",)),
    ("Which king awarded Isolde Marrin?", ("marrin_award",)),
])
def test_a_fact_whose_text_has_it(fifth, question, facts):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_a_word_of_a_place_name_asked_for(engine_of):
    # "district" is in a place's name only; the answer's "Old Town" is one
    answer = engine_of("third").answer("In which district of Corvena is the Norlandic embassy?")
    assert (answer.answered, "norland_embassy_opened" in answer.facts) == (True, True)


def test_part_of_a_name_still_finds_it(engine):
    answer = engine.answer("When was the park inaugurated?")
    assert (answer.answered, answer.facts) == (True, ("bk_tesla_park_construction",))

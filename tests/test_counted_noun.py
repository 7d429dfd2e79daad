""""How many X": the number a fact's text puts before the question's own word for X, or
the occasions counted when X is a kind of event; never the number of facts that merely
hold the question, nor a number before another word of X's concept."""
import pytest


@pytest.mark.parametrize("question, head", [
    # "486 kilometres long and had 14 stations": "stations" is a cue of the fact's kind
    # ("dimensions"), as "kilometres" is; only the question's own word counts
    ("How many stations did the original line have?", "14 in all:"),
    ("How many arches does the Ammel Viaduct have?", "38 in all:"),
    # as the text writes it, not the count of the one occasion it is
    ("How many workers did the project employ in 1914?", "3,400 in all:"),
    # two facts, one with a span of years: the span is what lasted
    ("How many years did the electrification work take?", "4 years:"),
])
def test_the_number_before_the_word_asked(fifth, question, head):
    answer = fifth.answer(question)
    assert (answer.answered, answer.text.splitlines()[0]) == (True, head)


@pytest.mark.parametrize("question", [
    # two undated facts of the kind "stations" is a cue of: no occasions to count
    "How many stations does the high-speed line have?",
    "How many tunnels does the railway have?",
])
def test_facts_that_give_no_number_are_no_count(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts, answer.text.splitlines()[0]) == (
        False, (), "The fact base does not say how many.")


def test_several_facts_without_a_number_on_another_base(fourth):
    answer = fourth.answer("How many students study at the University of Water Studies?")
    assert (answer.answered, answer.facts) == (False, ())


def test_occasions_are_still_counted(engine):
    answer = engine.answer("How many times did Vučić visit Kazakhstan?")
    assert (answer.answered, answer.text.splitlines()[0]) == (True, "3 in all:")


def test_years_of_a_dated_span(engine_of):
    """"How many years was Reyk director?" — 1951–1963: the fact's own span of years,
    though its text names only the last of them."""
    answer = engine_of("fifth").answer(
        "How many years was Tomas Reyk director of the Morvath Railway Company?")
    assert (answer.answered, answer.facts) == (True, ("reyk_director",))
    assert answer.text.splitlines()[0] == "12 years:"


def test_days_are_said_as_days(engine):
    answer = engine.answer("How many days was Tokayev in Serbia?")
    assert answer.text.splitlines()[0] == "2 days:"


def test_a_word_of_the_kind_counted_is_read_as_stated(fourth):
    """"helicopters" is a word of the aid the fact is, but "12 helicopters" is the count,
    not the one occasion of aid."""
    answer = fourth.answer("How many helicopters did Kestria send after the flood?")
    assert (answer.answered, answer.text.splitlines()[0]) == (True, "12 in all:")
    answer = fourth.answer("How many passengers did the ferry line carry in 2022?")
    assert (answer.answered, answer.text.splitlines()[0]) == (True, "410,000 in all:")


def test_the_other_side_sent_it(fourth):
    answer = fourth.answer("How many helicopters did Belmora send to Kestria?")
    assert (answer.answered, answer.facts) == (False, ())

"""A "how long/high/deep …" question is answered only by a fact whose text gives that
measure: a number with a word of it ("14.2 kilometres long", "four months"), not any
number the text has, nor another measure of the thing."""
import pytest


@pytest.mark.parametrize("question, facts", [
    # the tunnel's length, not the 23 workers a flood in it killed nor its four-month stop
    ("How long is the Greyfell Tunnel?", ("tunnel_length",)),
    ("How long is the New Greyfell Tunnel?", ("new_tunnel_length",)),
    # a duration in words: "for four months"
    ("How long did work in the Greyfell Tunnel stop?", ("work_stopped",)),
])
def test_the_measure_asked_is_the_one_given(fifth, question, facts):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


@pytest.mark.parametrize("question", [
    "How high are the Sarrow Mountains?",   # a tunnel under them is long, not high
    "How tall is the Greyfell Tunnel?",
    "How deep is the Greyfell Tunnel?",
    "How wide is the Ammel River?",
    "How old was Isolde Marrin?",
])
def test_a_measure_no_text_gives_is_declined(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_one_text_gives_both_length_and_duration(fourth):
    for question in ("How long does the ferry crossing take?", "How far is the ferry crossing?"):
        answer = fourth.answer(question)
        assert (answer.answered, answer.facts) == (True, ("ferry_crossing",))


def test_a_duration_in_another_language(engine):
    answer = engine.answer("Koliko je trajala poseta Tokajeva Srbiji?")
    assert (answer.answered, answer.facts) == (True, ("tokayev_visit_2024",))


@pytest.mark.parametrize("question", [
    "How much did BK Tesla Park cost?",       # "worth around 500 million US dollars"
    "Koliko je koštao BK Tesla Park?",
])
def test_a_cost_is_a_sum_of_money(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, ("bk_tesla_park_construction",))


@pytest.mark.parametrize("question", [
    "How much did the Greyfell Tunnel cost?",  # its length is no price
    "How much did the railway cost?",          # "share the cost" gives no sum
])
def test_no_sum_is_given(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts, head", [
    # the tunnel's 22.6 km is in a text about the line, but it is the tunnel's number
    ("How long is the high-speed line?", ("hs_length",), "The high-speed line is 402 kilometres long."),
    ("How many kilometres long is the high-speed line?", ("hs_length",), "402 in all:"),
    # a decimal number is one number
    ("How many kilometres long is the New Greyfell Tunnel?", ("new_tunnel_length",),
     "22.6 in all:"),
])
def test_the_number_is_of_the_thing_named(fifth, question, facts, head):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts, answer.text.splitlines()[0]) == (True, facts, head)

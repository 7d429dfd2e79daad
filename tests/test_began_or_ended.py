""""When did construction of the Greyfell Tunnel finish?": a question for when something
ended is not answered by a text that says only that it began ("Work on the Greyfell
Tunnel started from both ends", one year), nor the other way round; a span of dates, or a
text naming two years, gives both. The words that ask it are no topic of their own."""
import pytest


@pytest.mark.parametrize("question", [
    "When did construction of the Greyfell Tunnel finish?",
    "When was the Greyfell Tunnel completed?",
])
def test_a_start_is_not_an_end(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    ("When did work on the Greyfell Tunnel start?", ("tunnel_work_started",)),
    # a span gives both ends (and comes before a fact that says neither: the first
    # electric train of October 1967 is no beginning of the work)
    ("When did the electrification work begin?", ("electrification_work",)),
    ("When did the Lantern Express start running?", ("lantern_express_began",)),
])
def test_what_the_text_says(fifth, question, facts):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_two_years_in_the_text_give_the_end(ask_in_turn, engine):
    answers = ask_in_turn(engine, ["What is BK Tesla Park Astana?",
                                   "when is it expected to be finished?"])
    assert answers[-1].facts == ("bk_tesla_park_construction",)

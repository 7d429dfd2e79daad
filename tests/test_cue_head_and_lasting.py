""""Tadić's 2010 *state visit*": a cue of several words whose last word carries a topic
(its head, "visit") says more than its concept, though a word before it ("state") is a
stop word of the fact base; "heads *of state*", "был *в*" end in one and say no more.
"How long did it *last*?": the word of duration ending the question is no "latest"."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("What were the dates of Boris Tadić's state visit to Kazakhstan?", ("tadic_visit_2010",)),
    ("How long did Tadić's 2010 state visit last?", ("tadic_visit_2010",)),
    ("How long did Tadić's 2010 visit last?", ("tadic_visit_2010", "osce_summit_2010")),
    ("List the Kazakh heads of state who have visited Serbia.",
     ("nazarbayev_visit_2016", "tokayev_visit_2024")),
])
def test_ours(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_the_last_of_several_still_counts(engine):
    answer = engine.answer("How long did the last visit of Vučić last?")
    assert (answer.answered, answer.facts) == (True, ("vucic_visit_2018",))


def test_a_ribbon_cut_at_the_cosmodrome(space):
    answer = space.answer("Who cut the ribbon at Frostvik Cosmodrome?")
    assert (answer.answered, answer.facts) == (True, ("frostvik_opened",))

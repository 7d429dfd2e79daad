""""How did the strike end?" is answered first by the fact that says it ended, not by the
strike's own fact; "over" that gives a reason ("on strike over pay") says no ending. And a
date is of the event a fact is: "When did the war end?" is not answered by a fact that
only says "when the war came, the orchestra was disbanded" (1940–1945)."""


def test_the_fact_that_says_it_ended_comes_first(engine_of):
    answer = engine_of("sixth").answer("How did the strike end?")
    assert (answer.answered, answer.facts) == (True, ("strike_settlement",))


def test_over_before_a_reason_is_no_ending(engine_of):
    answer = engine_of("sixth").answer("When did the strike begin?")
    assert (answer.answered, answer.facts) == (True, ("strike_1986",))


def test_a_word_of_the_text_is_not_the_event_dated(engine_of):
    answer = engine_of("sixth").answer("When did the war end?")
    assert (answer.answered, answer.facts) == (False, ())

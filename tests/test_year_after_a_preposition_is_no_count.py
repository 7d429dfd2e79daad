""""By 2005 musicians of the orchestra had visited 140 schools": a year after a
preposition (`place_before`, `agent_before`), like one after an article ("the 1988
derailment"), is a date, not a count of musicians; so "how many musicians does the
orchestra have?" is the fact that says "92 musicians"."""


def test_a_year_after_by_is_no_count(engine_of):
    answer = engine_of("sixth").answer(
        "How many musicians does the Varrow Philharmonic Orchestra have?")
    assert (answer.answered, answer.facts) == (True, ("orchestra_today",))
    assert answer.text.startswith("92 in all")


def test_nor_where_the_orchestra_is_a_plain_word(engine_of):
    answer = engine_of("sixth").answer("How many musicians does the orchestra have?")
    assert "2005" not in answer.text.splitlines()[0]

""""and where was that?", "a gde je to bilo?": an "and" that names nothing of its own asks
its question word of what was just said, not the previous question again (whose own
place would leave no place to give). Through answer() with the context it returns, on
our base; asserted exactly."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("first, then", [
    ("When did Tokayev visit Serbia?", "and where was that?"),
    ("Kada je Tokajev posetio Srbiju?", "a gde je to bilo?"),
])
def test_and_where_is_asked_of_the_answer(engine, ask_in_turn, first, then):
    visit, where = ask_in_turn(engine, [first, then])
    assert visit.facts == ("tokayev_visit_2024",)
    assert (where.answered, where.facts) == (True, ("tokayev_visit_2024",))


def test_and_with_a_name_is_still_the_question_again(engine, ask_in_turn):
    _, other = ask_in_turn(engine, ["Which Serbian president visited Kazakhstan in 2015?",
                                    "and in 2010?"])
    assert other.facts == ("tadic_visit_2010",)


def test_and_of_the_same_year_is_of_the_whole_year(engine, ask_in_turn):
    _, same = ask_in_turn(engine, ["When did Tadić first visit Kazakhstan?",
                                   "and what happened the same year?"])
    assert same.facts == ("tadic_visit_2010", "osce_summit_2010")

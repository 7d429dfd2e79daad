"""Question shapes on the fourth base (invented Belmora–Kestria relations, written without
reading the engine): the direction of a role, a comparison of two things' beginnings, the
event right after another. Through answer(); asserted exactly."""
from __future__ import annotations

import pytest


def _got(answer):
    return answer.answered, answer.facts


@pytest.mark.parametrize("question, fact", [
    ("Who was the first Kestrian ambassador to Belmora?", "first_kestrian_ambassador"),
    ("Who was the first Belmoran ambassador to Kestria?", "first_belmoran_ambassador"),
])
def test_a_countrys_envoy_is_of_the_fact_that_country_takes_part_in(fourth, question, fact):
    # Each fact's text names both countries; the one whose envoy it is takes part.
    assert _got(fourth.answer(question)) == (True, (fact,))


def test_which_came_first_compares_each_things_first_occasion(fourth):
    # The ferry line's best-ranked facts are undated or from 2022; it opened in 1968.
    answer = fourth.answer("Which came first, the Lake Marren Regatta or the ferry line?")
    assert _got(answer) == (True, ("regatta", "ferry_opened"))
    assert answer.text.startswith("Earlier: 1 July 1968")


def test_the_event_after_a_thing_is_after_its_event_of_the_kind_asked(fourth):
    # The protocol was prepared by a visit in January 1997 and signed in March: the
    # agreement after it is the next one signed, not the protocol itself.
    answer = fourth.answer("Which agreement was signed right after the Hallen Protocol?")
    assert _got(answer) == (True, ("degrees_agreement",))
